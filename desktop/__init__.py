"""Kamerbrief Reader: read and compare Dutch parliamentary letters."""

__version__ = "0.1.0"
