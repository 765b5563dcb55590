"""Which parser read a letter: the library reads again, from its own copies, the letters an
older parser read (desktop.core.library.importer).

Raise PARSER_VERSION with every change that makes the parser read letters differently (their
text, blocks, metadata, mentions): a library keeps what it parsed, and only this number tells
it that what it keeps is out of date. The history:

0. what libraries kept before the version was recorded;
1. kinds, Kamervragen and motions, tables, every date checked against the calendar,
   signatories in one form, treaties outside the gazetteer ("other") and implicit mentions,
   line-end hyphens judged with the letter's and the library's own words.
"""

from __future__ import annotations

PARSER_VERSION = 1
