"""Draft -> Letter: lay out the one clean text and compute every span into it."""

from __future__ import annotations

import re

from desktop.core.ingest.metadata import derive_title
from desktop.core.ingest.references import find_references
from desktop.core.ingest.tractatenblad import find_citations
from desktop.core.ingest.treaties import OTHER, Gazetteer, gazetteer
from desktop.core.model.draft import Draft, NoteRef
from desktop.core.model.letter import Block, BlockKind, Footnote, Letter

PARAGRAPH_BREAK = "\n\n"


def assemble(draft: Draft, source: str, letter_id: str, gaz: Gazetteer | None = None) -> Letter:
    """Body blocks, then the notes section after the signatures, as one string."""
    gaz = gaz or gazetteer()
    out: list[str] = []
    pos = 0
    blocks: list[Block] = []
    refs: dict[str, tuple[int, int]] = {}
    for block in draft.blocks:
        if blocks:
            out.append(PARAGRAPH_BREAK)
            pos += len(PARAGRAPH_BREAK)
        start = pos
        for part in block.parts:
            piece = part.marker if isinstance(part, NoteRef) else part
            if isinstance(part, NoteRef):
                refs.setdefault(part.marker, (pos, pos + len(piece)))
            out.append(piece)
            pos += len(piece)
        blocks.append(Block(block.kind, start, pos))
    footnotes = []
    for marker, body in draft.notes.items():
        out.append(PARAGRAPH_BREAK)
        pos += len(PARAGRAPH_BREAK)
        note_start = pos
        body_start = pos + len(marker) + 1
        out.append(f"{marker} {body}")
        pos = body_start + len(body)
        blocks.append(Block(BlockKind.NOTE, note_start, pos))
        ref_start, ref_end = refs.get(marker, (note_start, note_start + len(marker)))
        footnotes.append(Footnote(marker, body, ref_start, ref_end, body_start, pos))
    text = "".join(out)
    mentions = gaz.find(text)
    references = find_references(text) + find_citations(text, mentions, gaz.treaties)
    references.sort(key=lambda r: (r.start, r.end))
    letter = Letter(letter_id, source, text, draft.meta, blocks, footnotes, mentions, references)
    counts = letter.mention_counts()
    counts.pop(OTHER, None)  # a letter's title names a treaty of the gazetteer
    main = max(counts, key=lambda t: (counts[t], -list(gaz.treaties).index(t))) if counts else None
    draft.meta.title = draft.meta.title or derive_title(
        draft.meta, gaz.treaties[main].name_nl if main else None
    )
    return letter


def letter_id_for(path_stem: str) -> str:
    """A stable id from a file name: lower case, words joined by hyphens."""
    slug = re.sub(r"[^\w]+", "-", path_stem.lower()).strip("-")
    return slug or "letter"
