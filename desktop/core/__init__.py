"""Parsing, treaty detection and search. Nothing below this package imports Qt."""
