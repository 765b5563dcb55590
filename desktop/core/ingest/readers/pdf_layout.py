"""Glyphs with positions and sizes -> text lines, page furniture and footnote bodies.

This module knows geometry, not PDF libraries: :mod:`desktop.core.ingest.readers.pdf_reader` feeds
it glyphs from pypdfium2. What the PDF knows and extracted plain text loses is used here:
a footnote marker is a raised, smaller run of digits; a footnote body is set smaller than the
body text at the bottom of a page; page furniture repeats at the same place on every page.

Sizes are glyph box heights (ascent to descent of the font, in points), not nominal font
sizes: the box height includes any scaling by the text or page matrix, which the nominal size
does not, and only ratios between sizes are ever compared.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import NamedTuple

from desktop.core.ingest.clean import LONE_PAGE_NUMBER_RE, PAGE_FOOTER_RE

ROW_TOLERANCE = 0.15  # glyphs whose baselines differ less than this * size share a row
SUPERSCRIPT_RISE = 0.1  # a smaller row raised more than this * host size is superscript
ATTACH_ABOVE = 0.6  # a smaller row at most this * host size above its host belongs to it
ATTACH_BELOW = 0.3  # ... and at most this far below it (a subscript)
SMALLER = 0.85  # a row or line below this * body size is set in a smaller font
WORD_GAP = 0.1  # a horizontal gap wider than this * size separates two words
PARAGRAPH_GAP = 1.45  # a baseline distance over this * the usual pitch leaves a blank line
BAND = 2  # furniture is looked for among the first and the last lines of each page


class Glyph(NamedTuple):
    """One character as drawn; a named tuple because a page holds thousands."""

    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF user space (grows upwards)
    size: float


@dataclass(slots=True)
class Line:
    """One visual line. ``pieces`` are (text, raised) runs; raised runs hold only digits."""

    pieces: list[tuple[str, bool]]
    y: float
    size: float
    x0: float
    x1: float

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)


@dataclass(slots=True)
class Note:
    marker: str
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Page:
    body: list[Line]
    notes: list[Note]
    orphan_notes: list[Line]  # small print at the bottom continuing the previous page's note


# -- glyphs -> lines -----------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    glyphs: list[Glyph]
    y: float
    size: float
    raised: set[int] = field(default_factory=set)  # indexes into glyphs, once sorted by x


def build_lines(glyphs: list[Glyph]) -> list[Line]:
    """The page's lines, top to bottom; superscripts and subscripts join their line."""
    rows = _rows(glyphs)
    return [_line(row) for row in _attach_small_rows(rows)]


def _rows(glyphs: list[Glyph]) -> list[_Row]:
    rows: list[_Row] = []
    for g in sorted(glyphs, key=lambda g: -g.y):
        row = rows[-1] if rows else None
        if row is not None and row.y - g.y <= ROW_TOLERANCE * max(g.size, row.size):
            row.glyphs.append(g)
            row.size = max(row.size, g.size)
        else:
            rows.append(_Row([g], g.y, g.size))
    for row in rows:
        row.glyphs.sort(key=lambda g: g.x0)
    return rows


def _attach_small_rows(rows: list[_Row]) -> list[_Row]:
    """Merge each row set smaller than a neighbour, and close to its baseline, into that
    neighbour, remembering which glyphs were raised."""
    alive = [True] * len(rows)
    for i in range(len(rows) - 1, -1, -1):
        host = _host(rows, alive, i)
        if host is None:
            continue
        _merge(rows[host], rows[i])
        alive[i] = False
    return [row for row, keep in zip(rows, alive, strict=True) if keep]


def _host(rows: list[_Row], alive: list[bool], i: int) -> int | None:
    row = rows[i]
    for j, limit in ((i + 1, ATTACH_ABOVE), (i - 1, ATTACH_BELOW)):
        if not 0 <= j < len(rows) or not alive[j]:
            continue
        other = rows[j]
        if (
            row.size < SMALLER * other.size
            and abs(row.y - other.y) <= limit * other.size
            and row.glyphs[0].x0 <= other.glyphs[-1].x1 + other.size
            and row.glyphs[-1].x1 >= other.glyphs[0].x0 - other.size
        ):
            return j
    return None


def _merge(host: _Row, row: _Row) -> None:
    up = row.y - host.y > SUPERSCRIPT_RISE * host.size
    tagged = [(g, False, k in host.raised) for k, g in enumerate(host.glyphs)]
    tagged += [(g, True, up or k in row.raised) for k, g in enumerate(row.glyphs)]
    tagged.sort(key=lambda t: t[0].x0)
    host.glyphs = [g for g, _, _ in tagged]
    host.raised = {k for k, (_, _, raised) in enumerate(tagged) if raised}


def _line(row: _Row) -> Line:
    pieces: list[tuple[str, bool]] = []
    previous: Glyph | None = None
    for k, g in enumerate(row.glyphs):
        up = k in row.raised and g.text.isdigit()
        if (
            previous is not None
            and not up
            and g.x0 - previous.x1 > WORD_GAP * min(g.size, previous.size)
        ):
            _append(pieces, " ", False)
        _append(pieces, g.text, up)
        previous = g
    sizes = sorted(g.size for k, g in enumerate(row.glyphs) if k not in row.raised)
    size = round(sizes[len(sizes) // 2] * 2) / 2 if sizes else row.size
    return Line(pieces, row.y, size, row.glyphs[0].x0, row.glyphs[-1].x1)


def _append(pieces: list[tuple[str, bool]], text: str, raised: bool) -> None:
    if pieces and pieces[-1][1] == raised:
        pieces[-1] = (pieces[-1][0] + text, raised)
    else:
        pieces.append((text, raised))


# -- pages: furniture, notes, body ---------------------------------------------------------


def body_size(pages: list[list[Line]]) -> float:
    """The size most characters are set in: the running text."""
    weights: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def split_pages(pages: list[list[Line]]) -> list[Page]:
    """Drop furniture, then take each page's footnote bodies from its bottom."""
    furniture = _repeated(pages)
    size = body_size(pages)
    out: list[Page] = []
    for lines in pages:
        kept = [ln for i, ln in enumerate(lines) if not _is_furniture(ln, i, lines, furniture)]
        out.append(_take_notes(kept, size, expected=_next_marker(out)))
    return out


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text).strip()


def _bands(lines: list[Line]) -> list[Line]:
    return lines[:BAND] + lines[max(BAND, len(lines) - BAND) :]


def _repeated(pages: list[list[Line]]) -> set[str]:
    """Lines that stand at the top or bottom of at least half the pages (two at least)."""
    counts = Counter(key for lines in pages for key in {_key(ln) for ln in _bands(lines)})
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= need and key}


def _is_furniture(line: Line, index: int, lines: list[Line], repeated: set[str]) -> bool:
    in_band = index < BAND or index >= len(lines) - BAND
    if not in_band:
        return False
    text = line.text.strip()
    if _key(line) in repeated:
        return True
    bottom = index >= len(lines) - BAND
    return bool(PAGE_FOOTER_RE.match(text)) or (bottom and bool(LONE_PAGE_NUMBER_RE.match(text)))


def _next_marker(pages: list[Page]) -> int:
    markers = [n.marker for p in pages for n in p.notes if n.marker.isdigit()]
    return int(markers[-1]) + 1 if markers else 1


def _take_notes(lines: list[Line], size: float, expected: int) -> Page:
    """Footnote bodies: the lines set smaller than the body at the bottom of the page. Small
    print above the first note continues the previous page's last note, if there is one."""
    earlier_notes = expected > 1
    start = len(lines)
    while start > 0 and lines[start - 1].size < SMALLER * size:
        start -= 1
    if start == 0:  # a page all in small print has no body to annotate
        return Page(lines, [], [])
    body, small = lines[:start], lines[start:]
    markers = {text for ln in body for text, up in ln.pieces if up}
    notes: list[Note] = []
    orphans: list[Line] = []
    for line in small:
        number = _leading_number(line)
        if number is not None and (int(number) == expected or number in markers):
            notes.append(Note(number, [_without_number(line)]))
            expected = int(number) + 1
        elif notes:
            notes[-1].lines.append(line)
        else:
            orphans.append(line)
    if orphans and not earlier_notes:
        return Page(body + orphans, notes, [])  # small print but no note: it stays text
    return Page(body, notes, orphans)


_LEADING_NUMBER_RE = re.compile(r"^\s*(\d{1,3})(?:\s+|$)")


def _leading_number(line: Line) -> str | None:
    first, raised = line.pieces[0]
    if raised:
        return first
    m = _LEADING_NUMBER_RE.match(first)
    return m.group(1) if m else None


def _without_number(line: Line) -> Line:
    first, raised = line.pieces[0]
    rest = "" if raised else _LEADING_NUMBER_RE.sub("", first, count=1)
    pieces = ([(rest, False)] if rest else []) + line.pieces[1:]
    if pieces and not pieces[0][1]:
        pieces[0] = (pieces[0][0].lstrip(), False)
    return Line(pieces, line.y, line.size, line.x0, line.x1)


def usual_pitch(pages: list[Page]) -> float:
    """The distance between two baselines inside a paragraph."""
    gaps = [
        a.y - b.y
        for page in pages
        for a, b in zip(page.body, page.body[1:], strict=False)
        if a.y - b.y > 0
    ]
    return median(gaps) if gaps else 0.0
