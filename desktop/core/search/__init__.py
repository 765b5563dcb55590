"""Search over the library: the analyzer, the query language, the ranker."""
