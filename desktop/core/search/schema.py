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
from desktop.core.search.analysis import dutch_analyzer, index_terms, plain_analyzer
from desktop.core.search.term_formats import TermPositions

# Raise with every change to what the index holds of a letter (fields, terms, analysis): a
# library of another version makes its index again from the letter store (library.py).
# 11: kamerstuk terms with sub-dossiers and chapters; 12: treaty terms with the names of
# treaties outside the gazetteer ("other"), words over 64 characters not indexed whole;
# 13: the words' positions in the text, no field of word pairs.
SCHEMA_VERSION = 13


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
        # Positions in a compact format (term_formats.py): phrases are checked in the letters
        # that have all their words (desktop.core.search.ranking).
        text=_listed(TEXT(analyzer=dutch_analyzer(), multitoken_query="phrase"), TermPositions),
        notes=TEXT(analyzer=dutch_analyzer(), multitoken_query="phrase"),
        size=NUMERIC(stored=True),
    )  # fmt: skip


def _listed(field: TEXT, format_class: type) -> TEXT:
    """*field* with a format that takes a list of terms and encodes positions compactly
    (term_formats.py)."""
    field.format = format_class(field_boost=field.format.field_boost)
    return field


def index_fields(letter: Letter, path: str, digest: str, key: str) -> dict:
    meta = letter.meta
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
        "treaty": treaty_terms(letter),
        "_stored_treaty": ",".join(sorted(letter.mention_counts())),
        "counts": json.dumps(letter.mention_counts()),
        "text": index_terms(letter.text),
        "notes": " ".join(f.text for f in letter.footnotes),
        "size": len(letter.text),
    }
    if meta.date:
        fields["date"] = datetime.fromisoformat(meta.date)
    return fields


def treaty_terms(letter: Letter) -> str:
    """Treaty ids, and the names of treaties outside the gazetteer (treaty "other"): both
    treaty:other and treaty:"Verdrag van Aarhus" find the letter; lists show the ids only."""
    names = {m.name for m in letter.explicit_mentions if m.name}
    return ",".join(sorted(letter.mention_counts()) + sorted(n.replace(",", " ") for n in names))


def kamerstuk_terms(letter: Letter) -> str:
    """What ``kamerstuk:`` finds a letter by: its dossier ("33694", "21501-02"), dossier and
    number ("33694/69", "21501-02/3121"), the older "33694-69" where the dossier has no
    sub-dossier, and a budget chapter with its dossier ("36410-viii", "36410-viii/106")."""
    ks = letter.meta.kamerstuk
    if ks is None:
        return ""
    terms = [ks.dossier] + ([f"{ks.dossier}-{ks.chapter}"] if ks.chapter else [])
    if ks.number:
        terms.append(f"{ks.dossier}/{ks.number}")
        if "-" not in ks.dossier:
            terms.append(f"{ks.dossier}-{ks.number}")
        if ks.chapter:
            terms.append(f"{ks.dossier}-{ks.chapter}/{ks.number}")
    return ",".join(terms)


def kamerstuk_from_terms(terms: str) -> Kamerstuk | None:
    """The stored terms back as the letter's Kamerstuk."""
    found = [t for t in terms.split(",") if t]
    if not found:
        return None
    dossier = found[0]
    numbered = [t.rsplit("/", 1)[1] for t in found if "/" in t]
    chapters = [t[len(dossier) + 1 :] for t in found[1:2] if "/" not in t and t[-1:].isalpha()]
    return Kamerstuk(
        dossier, numbered[0] if numbered else None, chapters[0].upper() if chapters else None
    )
