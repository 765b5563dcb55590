"""What a reader hands to the assembler: blocks of inline text with footnote anchors.

Every input format (text from a PDF, a PDF's own layout, official XML, HTML) ends up as a
:class:`Draft`; :func:`desktop.core.ingest.assemble.assemble` turns a draft into the one clean
``Letter.text`` with all offsets. Readers therefore never compute offsets themselves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.model.letter import BlockKind, Metadata


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote marker where the note is referenced; ``marker`` is its label ("1")."""

    marker: str


Inline = str | NoteRef


@dataclass(slots=True)
class DraftCell:
    parts: list[Inline]
    colspan: int = 1
    rowspan: int = 1

    def plain(self) -> str:
        return "".join(p for p in self.parts if isinstance(p, str))


@dataclass(slots=True)
class DraftRow:
    cells: list[DraftCell]
    header: bool = False


CELL_SEPARATOR = "\t"  # between the cells of a row in the text; rows are lines
ROW_SEPARATOR = "\n"


@dataclass(slots=True)
class DraftBlock:
    """A block of inline text; a TABLE block holds its cells in ``rows`` instead of parts.
    ``pair``: the Kamervragen question-and-answer pair the block belongs to."""

    kind: BlockKind
    parts: list[Inline]
    pair: int | None = None
    rows: list[DraftRow] | None = None

    def plain(self) -> str:
        if self.rows is not None:
            return ROW_SEPARATOR.join(
                CELL_SEPARATOR.join(cell.plain() for cell in row.cells) for row in self.rows
            )
        return "".join(p for p in self.parts if isinstance(p, str))

    def split(self, at: int) -> tuple[list[Inline], list[Inline]]:
        """The parts before and after offset *at* of :meth:`plain`, whitespace at the cut
        dropped; a marker right at the cut stays with the text before it."""
        before: list[Inline] = []
        after: list[Inline] = []
        seen = 0
        for part in self.parts:
            if isinstance(part, NoteRef):
                (before if seen <= at and not after else after).append(part)
                continue
            if seen + len(part) <= at:
                before.append(part)
            elif seen >= at:
                after.append(part)
            else:
                before.append(part[: at - seen])
                after.append(part[at - seen :])
            seen += len(part)
        return _strip(before, end=True), _strip(after, end=False)


def _strip(parts: list[Inline], end: bool) -> list[Inline]:
    index = -1 if end else 0
    while parts and isinstance(edge := parts[index], str):
        text = edge.rstrip() if end else edge.lstrip()
        if text:
            parts[index] = text
            break
        parts.pop(index)
    return parts


@dataclass(slots=True)
class Draft:
    blocks: list[DraftBlock] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # marker -> body, in order of appearance
    meta: Metadata = field(default_factory=Metadata)


class LetterError(Exception):
    """A file that cannot be read as a letter. The message names the file (:func:`shown`)
    and the problem."""


def shown(path: Path | str) -> str:
    """A path as a message may show it: bytes of its name that are not UTF-8 as \\x
    escapes (a message must be printable and encodable, whatever the file is called)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
