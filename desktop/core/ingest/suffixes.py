"""The kinds of file the readers take, by their names' suffixes.

Apart from parse.py (which imports every reader, ~45 ms) so that the window and the library
can tell a letter's file by its name without loading the readers."""

SUPPORTED_SUFFIXES = (".txt", ".text", ".xml", ".html", ".htm", ".pdf")
