"""What a reader hands to the assembler: blocks of inline text with footnote anchors.

Every input format (text from a PDF, a PDF's own layout, official XML, HTML) ends up as a
:class:`Draft`; :func:`desktop.core.ingest.assemble.assemble` turns a draft into the one clean
``Letter.text`` with all offsets. Readers therefore never compute offsets themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.model.letter import BlockKind, Metadata


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A footnote marker where the note is referenced; ``marker`` is its label ("1")."""

    marker: str


Inline = str | NoteRef


@dataclass(slots=True)
class DraftBlock:
    kind: BlockKind
    parts: list[Inline]

    def plain(self) -> str:
        return "".join(p for p in self.parts if isinstance(p, str))


@dataclass(slots=True)
class Draft:
    blocks: list[DraftBlock] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # marker -> body, in order of appearance
    meta: Metadata = field(default_factory=Metadata)


class LetterError(Exception):
    """A file that cannot be read as a letter. The message names the file and the problem."""
