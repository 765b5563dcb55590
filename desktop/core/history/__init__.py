"""A treaty through the years: the letters that mention it, every passage that does, the
passages compared and written out with their citations. Reads the library; never parses."""
