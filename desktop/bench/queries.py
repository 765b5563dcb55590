"""The one query list both engines run, in the reader's query language.

Each engine receives these strings as they are: SQLite FTS5's query syntax reads the same
words, AND-ed words, phrases, column filters and prefixes; only a fuzzy word is expanded
by fts_baseline.py before it reaches FTS5, which has no fuzzy search of its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BenchQuery:
    kind: str
    text: str


_BY_KIND = {
    "single": ["verdrag", "Rusland", "kernwapens", "NAVO", "veiligheid", "transparantie"],
    "two_terms": [
        "kernwapens Rusland",
        "verdrag opschorting",
        "NAVO bondgenoten",
        "dialoog Europa",
    ],
    "phrase": ['"Open Luchtruim"', '"Koude Oorlog"', '"Verenigde Staten"', '"Russische Federatie"'],
    "long_phrase": ['"Verdrag inzake het Open Luchtruim"', '"de Russische Federatie"'],
    "field_term": ["treaty:INF raketten", "treaty:CSE opschorting", "treaty:NPT ontwapening"],
    "wildcard": ["ontwap*", "verdrag*", "kern*"],
    "fuzzy": ["Vilnus~", "kernwapns~", "Ruslnd~"],
}
QUERIES: tuple[BenchQuery, ...] = tuple(
    BenchQuery(kind, text) for kind, texts in _BY_KIND.items() for text in texts
)
KINDS: tuple[str, ...] = tuple(_BY_KIND)
TARGET_KINDS = ("single", "two_terms", "phrase")  # the set issue 4's 15 ms / 60 ms is over
