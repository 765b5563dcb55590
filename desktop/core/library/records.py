"""What the library keeps of a letter: the Whoosh fields, and the row in the letter store.

The index holds what search, sorting, facets and lists need, all small; the clean text and
the annotations live in the letter store (letter_store.py), read only to show a letter or to
cut snippets. The index analyses exactly the text the store keeps (DESIGN.md).
"""

from __future__ import annotations

import json
from datetime import datetime

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from desktop.core.model.letter import Block, BlockKind, Letter, Mention
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


def store_key(letter_id: str, digest: str) -> str:
    """A row per version of a letter: a changed file never overwrites what the index uses."""
    return f"{letter_id}:{digest[:20]}"


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


def store_row(letter: Letter, key: str) -> tuple[str, str, str]:
    """The letter as the store keeps it: the JSON contract without the text, and blocks and
    mentions as compact rows (a 5 MB letter has 18,000 mentions: as objects their JSON took
    longer to read than the letter takes to render)."""
    payload = letter.to_json()
    del payload["text"]
    payload["blocks"] = [[b.kind.value, b.start, b.end] for b in letter.blocks]
    payload["mentions"] = [[m.treaty, m.kind, m.start, m.end] for m in letter.mentions]
    return key, letter.text, json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


_KINDS = {k.value: k for k in BlockKind}


def letter_from_row(text: str, payload: str) -> Letter:
    data = json.loads(payload)
    blocks, mentions = data.pop("blocks"), data.pop("mentions")
    letter = Letter.from_json({**data, "text": text})
    letter.blocks = [Block(_KINDS[k], s, e) for k, s, e in blocks]
    letter.mentions = [Mention(t, kind, s, e, text[s:e]) for t, kind, s, e in mentions]
    return letter


def kamerstuk_terms(letter: Letter) -> str:
    """ "33694,33694-69": kamerstuk:33694 finds the dossier, kamerstuk:33694-69 the letter."""
    ks = letter.meta.kamerstuk
    if ks is None:
        return ""
    terms = [ks.dossier]
    if ks.number:
        terms.append(f"{ks.dossier}-{ks.number}")
    return ",".join(terms)


def kamerstuk_from_terms(terms: str) -> dict | None:
    """The stored terms back as the JSON contract's object."""
    full = [t for t in terms.split(",") if "-" in t]
    if full:
        dossier, number = full[0].rsplit("-", 1)
        return {"dossier": dossier, "number": number}
    return {"dossier": terms, "number": None} if terms else None


def entry(stored: dict) -> dict:
    """A light record per letter for lists: id, path, title, date, kamerstuk, treaty counts."""
    return {
        "id": stored["id"],
        "path": stored["path"],
        "title": stored["title"],
        "date": stored["datestr"] or None,
        "kamerstuk": kamerstuk_from_terms(stored.get("kamerstuk", "")),
        "treaties": json.loads(stored.get("counts") or "{}"),
        "size": stored.get("size", 0),
    }
