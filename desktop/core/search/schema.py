"""What the Whoosh index holds of a letter, and how each field is analysed.

The index holds what search, sorting, facets and lists need, all small; the clean text and
the annotations live in the letter store (desktop.core.library.store), read only to show a
letter or to cut snippets. The index analyses exactly the text the store keeps.
"""

from __future__ import annotations

import json
from datetime import datetime

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from desktop.core.model.letter import Kamerstuk, Letter
from desktop.core.search.analysis import (
    dutch_analyzer,
    index_terms,
    pair_analyzer,
    plain_analyzer,
    word_pairs,
)
from desktop.core.search.term_formats import TermCounts, TermPositions

SCHEMA_VERSION = 10


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True, unique=True),
        hash=ID(stored=True),
        key=ID(stored=True),  # the letter store row
        title=TEXT(analyzer=dutch_analyzer(), stored=True, field_boost=2.0, multitoken_query="phrase"),
        date=DATETIME(sortable=True),
        datestr=ID(stored=True, sortable=True),
        kamerstuk=KEYWORD(stored=True, commas=True, lowercase=True),
        vergaderjaar=ID(stored=True),
        signatory=TEXT(analyzer=plain_analyzer()),
        treaty=KEYWORD(stored=True, commas=True, lowercase=True, sortable=True),
        counts=STORED(),  # explicit mentions per treaty, for the list's chips
        # No positions in the text: scoring reads whole posting blocks, and positions made
        # them five times the size. Phrases are looked up in pairs (desktop.core.search.ranking).
        text=_listed(TEXT(analyzer=dutch_analyzer(), phrase=False, multitoken_query="phrase"), TermCounts),
        pairs=_listed(TEXT(analyzer=pair_analyzer(), phrase=True), TermPositions),
        notes=TEXT(analyzer=dutch_analyzer(), multitoken_query="phrase"),
        size=NUMERIC(stored=True),
    )  # fmt: skip


def _listed(field: TEXT, format_class: type) -> TEXT:
    """*field* with a format that counts a list of terms fast (term_formats.py)."""
    field.format = format_class(field_boost=field.format.field_boost)
    return field


def index_fields(letter: Letter, path: str, digest: str, key: str) -> dict:
    meta = letter.meta
    terms = index_terms(letter.text)
    fields = {
        "id": letter.id,
        "path": path,
        "hash": digest,
        "key": key,
        "title": meta.title,
        "datestr": meta.date or "",
        "kamerstuk": kamerstuk_terms(letter),
        "vergaderjaar": meta.vergaderjaar or "",
        "signatory": " ".join(f"{s.name} {s.role or ''}" for s in meta.signatories),
        "treaty": ",".join(sorted(letter.mention_counts())),
        "counts": json.dumps(letter.mention_counts()),
        "text": terms,
        "pairs": word_pairs(terms),
        "notes": " ".join(f.text for f in letter.footnotes),
        "size": len(letter.text),
    }
    if meta.date:
        fields["date"] = datetime.fromisoformat(meta.date)
    return fields


def kamerstuk_terms(letter: Letter) -> str:
    """ "33694,33694-69": kamerstuk:33694 finds the dossier, kamerstuk:33694-69 the letter."""
    ks = letter.meta.kamerstuk
    if ks is None:
        return ""
    terms = [ks.dossier]
    if ks.number:
        terms.append(f"{ks.dossier}-{ks.number}")
    return ",".join(terms)


def kamerstuk_from_terms(terms: str) -> Kamerstuk | None:
    """The stored terms back as the letter's Kamerstuk."""
    full = [t for t in terms.split(",") if "-" in t]
    if full:
        dossier, number = full[0].rsplit("-", 1)
        return Kamerstuk(dossier, number)
    return Kamerstuk(terms, None) if terms else None
