"""The one place where Letter offsets (code points) become Qt text positions (UTF-16 units).

Python counts a character outside the Basic Multilingual Plane (an emoji, a math letter) as
one; Qt counts it as two UTF-16 units. A letter shown in a QTextDocument is also not one
contiguous copy of ``Letter.text``: blocks are laid out one by one, and the view adds a little
text of its own (a notes rule, back links). :class:`PositionMap` records where each piece of
the letter's text landed in the document and converts whole lists of spans at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Code-point offset -> UTF-16 position for one string, in O(log n) per offset."""

    def __init__(self, text: str) -> None:
        # Only astral characters shift positions; most letters have none, so the list is
        # usually empty and every conversion is the identity.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_utf16 = [a + i for i, a in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int) -> int:
        """The inverse; a position inside a surrogate pair maps to that character."""
        return position - bisect_left(self._astral_utf16, position)


def utf16_positions(text: str, offsets: Iterable[int]) -> list[int]:
    """UTF-16 positions of many code-point *offsets* into *text*."""
    index = Utf16Index(text)
    return [index.to_utf16(o) for o in offsets]


@dataclass(frozen=True, slots=True)
class Segment:
    """``Letter.text[start:end]`` was inserted at document position ``doc_start``."""

    start: int
    end: int
    doc_start: int
    block_number: int


class PositionMap:
    """Where the pieces of a letter's text sit in a QTextDocument."""

    def __init__(self, text: str) -> None:
        self._index = Utf16Index(text)
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._doc_starts: list[int] = []

    def add_segment(self, start: int, end: int, doc_start: int, block_number: int) -> None:
        """Record a piece of text; pieces are added in text order."""
        self._segments.append(Segment(start, end, doc_start, block_number))
        self._starts.append(start)
        self._doc_starts.append(doc_start)

    def utf16_length(self, start: int, end: int) -> int:
        return self._index.to_utf16(end) - self._index.to_utf16(start)

    def segment_of(self, offset: int, *, is_end: bool = False) -> Segment | None:
        # An end offset may sit exactly at the end of its segment.
        i = (bisect_left if is_end else bisect_right)(self._starts, offset) - 1
        if i < 0:
            return None
        seg = self._segments[i]
        inside = seg.start < offset <= seg.end if is_end else seg.start <= offset < seg.end
        return seg if inside else None

    def to_doc(self, offset: int, *, is_end: bool = False) -> int | None:
        """The document position of a code-point offset, or None where it is not shown."""
        seg = self.segment_of(offset, is_end=is_end)
        if seg is None:
            return None
        return seg.doc_start + self._index.to_utf16(offset) - self._index.to_utf16(seg.start)

    def span_to_doc(self, start: int, end: int) -> tuple[int, int, int] | None:
        """(doc_start, doc_end, block_number) of a span, or None if any of it is hidden."""
        seg = self.segment_of(start)
        if seg is None or end <= start:
            return None
        doc_end = self.to_doc(end, is_end=True)
        if doc_end is None:
            return None
        return self.to_doc(start), doc_end, seg.block_number

    def spans_to_doc(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, int] | None]:
        """:meth:`span_to_doc` for a whole list, in order."""
        return [self.span_to_doc(s, e) for s, e in spans]

    def from_doc(self, position: int) -> int | None:
        """The code-point offset shown at a document position (None for view-only text)."""
        i = bisect_right(self._doc_starts, position) - 1
        if i < 0:
            return None
        seg = self._segments[i]
        if position > seg.doc_start + self.utf16_length(seg.start, seg.end):
            return None
        base = self._index.to_utf16(seg.start)
        return self._index.from_utf16(base + position - seg.doc_start)
