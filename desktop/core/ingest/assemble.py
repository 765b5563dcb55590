"""Draft -> Letter: lay out the one clean text and compute every span into it."""

from __future__ import annotations

import re

from desktop.core.ingest.metadata import complete, derive_title
from desktop.core.ingest.references import find_references
from desktop.core.ingest.tractatenblad import find_citations
from desktop.core.ingest.treaties import OTHER, Gazetteer, gazetteer
from desktop.core.model.draft import (
    CELL_SEPARATOR,
    ROW_SEPARATOR,
    Draft,
    DraftBlock,
    Inline,
    NoteRef,
)
from desktop.core.model.letter import (
    Block,
    BlockKind,
    Footnote,
    Letter,
    Table,
    TableCell,
    TableRow,
)

PARAGRAPH_BREAK = "\n\n"
# Between a word and the footnote marker after it ("9 mei 2023" + "1"): without it the two
# read, index and copy as one word ("20231"). No-break, so the marker never starts a line.
MARKER_BOUNDARY = "\u202f"


class _Layout:
    """The text being laid out, with where each footnote marker landed."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.pos = 0
        self.refs: dict[str, tuple[int, int]] = {}

    def add(self, text: str) -> None:
        if text:
            self.pieces.append(text)
            self.pos += len(text)

    def inline(self, parts: list[Inline]) -> None:
        for part in parts:
            if isinstance(part, NoteRef):
                self.marker(part.marker)
            else:
                self.add(part)

    def marker(self, marker: str) -> None:
        last = self.pieces[-1][-1:] if self.pieces else ""
        if last.isalnum() and marker[:1].isalnum():
            self.add(MARKER_BOUNDARY)
        self.refs.setdefault(marker, (self.pos, self.pos + len(marker)))
        self.add(marker)

    def table(self, block: DraftBlock) -> Table:
        start = self.pos
        rows = []
        for r, row in enumerate(block.rows or []):
            if r:
                self.add(ROW_SEPARATOR)
            cells = []
            for c, cell in enumerate(row.cells):
                if c:
                    self.add(CELL_SEPARATOR)
                cell_start = self.pos
                self.inline(cell.parts)
                cells.append(TableCell(cell_start, self.pos, cell.colspan, cell.rowspan))
            rows.append(TableRow(tuple(cells), row.header))
        return Table(start, self.pos, tuple(rows))


def assemble(draft: Draft, source: str, letter_id: str, gaz: Gazetteer | None = None) -> Letter:
    """Body blocks, then the notes section after the signatures, as one string."""
    gaz = gaz or gazetteer()
    complete(draft)
    layout = _Layout()
    blocks: list[Block] = []
    tables: list[Table] = []
    for block in draft.blocks:
        if blocks:
            layout.add(PARAGRAPH_BREAK)
        start = layout.pos
        if block.rows is not None:
            tables.append(layout.table(block))
        else:
            layout.inline(block.parts)
        blocks.append(Block(block.kind, start, layout.pos, block.pair))
    footnotes = []
    for marker, body in draft.notes.items():
        layout.add(PARAGRAPH_BREAK)
        note_start = layout.pos
        layout.add(f"{marker} {body}")
        blocks.append(Block(BlockKind.NOTE, note_start, layout.pos))
        ref_start, ref_end = layout.refs.get(marker, (note_start, note_start + len(marker)))
        body_start = note_start + len(marker) + 1
        footnotes.append(Footnote(marker, body, ref_start, ref_end, body_start, layout.pos))
    text = "".join(layout.pieces)
    mentions = gaz.find(text)
    references = find_references(text) + find_citations(text, mentions, gaz.treaties)
    references.sort(key=lambda r: (r.start, r.end))
    letter = Letter(
        letter_id, source, text, draft.meta, blocks, footnotes, mentions, references, tables
    )
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
