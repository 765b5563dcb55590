"""What the library keeps of a letter in its letter store, and the light entry lists show.

The clean text and the annotations live in the letter store (store.py), read only to show a
letter or to cut snippets; the index fields are in desktop.core.search.schema.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from desktop.core.model.letter import Block, BlockKind, Kamerstuk, Letter, Mention
from desktop.core.search.schema import kamerstuk_from_terms


def store_key(letter_id: str, digest: str) -> str:
    """A row per write of a letter: a changed file, or the same file read again by a newer
    parser, never overwrites the row the index points at."""
    return f"{letter_id}:{digest[:16]}:{secrets.token_hex(4)}"


def store_row(
    letter: Letter, key: str, path: str, digest: str
) -> tuple[str, str, str, str, str, str]:
    """The letter as the store keeps it: the JSON contract without the text, and blocks and
    mentions as compact rows (a 5 MB letter has 18,000 mentions: as objects their JSON took
    longer to read than the letter takes to render)."""
    payload = letter.to_json()
    del payload["text"]
    payload["blocks"] = [[b.kind.value, b.start, b.end, *_pair(b)] for b in letter.blocks]
    payload["mentions"] = [
        [m.treaty, m.kind, m.start, m.end, *([m.name] if m.name else [])] for m in letter.mentions
    ]
    packed = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return key, letter.text, packed, letter.id, path, digest


def _pair(block: Block) -> tuple[int, ...]:
    return () if block.pair is None else (block.pair,)


_KINDS = {k.value: k for k in BlockKind}


def letter_from_row(text: str, payload: str) -> Letter:
    data = json.loads(payload)
    blocks, mentions = data.pop("blocks"), data.pop("mentions")
    letter = Letter.from_json({**data, "text": text})
    letter.blocks = [Block(_KINDS[k], s, e, *pair) for k, s, e, *pair in blocks]
    letter.mentions = [
        Mention(t, kind, s, e, text[s:e], *name) for t, kind, s, e, *name in mentions
    ]
    return letter


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """A light record per letter for lists, read from the index alone."""

    id: str
    path: str  # the file it was imported from
    title: str
    date: str | None  # ISO "YYYY-MM-DD"
    kamerstuk: Kamerstuk | None
    treaties: Mapping[str, int]  # explicit mentions per treaty id
    size: int  # characters of text


def entry(stored: dict) -> LibraryEntry:
    return LibraryEntry(
        id=stored["id"],
        path=stored["path"],
        title=stored["title"],
        date=stored["datestr"] or None,
        kamerstuk=kamerstuk_from_terms(stored.get("kamerstuk", "")),
        treaties=MappingProxyType(json.loads(stored.get("counts") or "{}")),
        size=stored.get("size", 0),
    )
