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
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import NamedTuple

from desktop.core.ingest.clean import LONE_PAGE_NUMBER_RE, PAGE_FOOTER_RE
from desktop.core.ingest.publication_id import (
    is_issn_line,
    parse_publication_id,
    parse_running_footer,
)

ROW_TOLERANCE = 0.15  # glyphs whose baselines differ less than this * size share a row
SUPERSCRIPT_RISE = 0.1  # a smaller row raised more than this * host size is superscript
ATTACH_ABOVE = 0.6  # a smaller row at most this * host size above its host belongs to it
ATTACH_BELOW = 0.3  # ... and at most this far below it (a subscript)
SMALLER = 0.85  # a row or line below this * body size is set in a smaller font
NOTE_GAP = 2.5  # * size: lines of the notes block stand at most this far apart
NOTE_SMALLER = 0.97  # ... or this, for notes that open with a raised number
WORD_GAP = 0.1  # where the PDF writes no space, a gap wider than this * size separates words
SPACED_GAP = -0.15  # where it writes one, glyphs closer than this * size still touch
UNWRITTEN_GAP = 0.2  # in a PDF that writes spaces, an unwritten one must be this wide (* size)
TAB_STOP = 0.45  # a gap wider than this * size is a tab, as after a label ("Datum   3 mei")
DOUBLE = 0.1  # the same glyph again within this * size: drawn twice for a bold effect
PARAGRAPH_GAP = 1.45  # a baseline distance over this * the usual pitch leaves a blank line
BAND = 2  # furniture is looked for among the first and the last lines of each page
MARGIN = 4.0  # * body size: a line at the foot starting this far left of the text is in the margin


class Glyph(NamedTuple):
    """One character as drawn; a named tuple because a page holds thousands."""

    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF user space (grows upwards)
    size: float
    spaced: bool | None = None  # a space before it in the PDF's text; None: the PDF never says
    bold: bool = False


@dataclass(slots=True)
class Line:
    """One visual line. ``pieces`` are (text, raised) runs; raised runs hold only digits."""

    pieces: list[tuple[str, bool]]
    y: float
    size: float
    x0: float
    x1: float
    bold: bool = False  # most of its glyphs are set in a bold font
    tabs: tuple[int, ...] = ()  # offsets in text of the spaces that are tab-wide gaps
    lead: float = 0.0  # the width of its first word: would it have fitted on the line above?
    tab_x: tuple[float, ...] = ()  # where the text after each tab-wide gap starts

    def split_at_tab(self, tab: int) -> tuple[Line, Line]:
        """The line's text before and after its *tab*-th tab, as two lines."""
        offset, x = self.tabs[tab], self.tab_x[tab]
        left: list[tuple[str, bool]] = []
        right: list[tuple[str, bool]] = []
        seen = 0
        for text, raised in self.pieces:
            cut = min(max(offset - seen, 0), len(text))
            if text[:cut]:
                left.append((text[:cut], raised))
            if text[cut:]:
                right.append((text[cut:], raised))
            seen += len(text)
        right = [(t.lstrip(), r) if k == 0 else (t, r) for k, (t, r) in enumerate(right)]
        return (
            Line(left, self.y, self.size, self.x0, x - TAB_STOP * self.size, self.bold),
            Line(right, self.y, self.size, x, self.x1, self.bold),
        )

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
    furniture: list[Line] = field(default_factory=list)  # running heads and feet, id, ISSN


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
        row.glyphs = _with_accents(_drawn_once(sorted(row.glyphs, key=lambda g: g.x0)))
    return rows


# Spacing accents that some fonts draw over a letter as a glyph of their own ("c" + "´" for
# "ć"), and the combining marks they stand for.
_ACCENTS = {
    "´": "\u0301", "`": "\u0300", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c",
    "˘": "\u0306", "˚": "\u030a", "¸": "\u0327", "˛": "\u0328", "˙": "\u0307", "˝": "\u030b",
    "¯": "\u0304",
}  # fmt: skip


def _with_accents(glyphs: list[Glyph]) -> list[Glyph]:
    """An accent drawn over (or under) the letter beside it joins that letter: "Kostić", not
    "Kostic´". Only where the accent's middle lies within the letter's box: an accent set
    apart ("don´t" typed with an acute) stays as it is."""
    glyphs, out = list(glyphs), []
    for k, g in enumerate(glyphs):
        mark = _ACCENTS.get(g.text)
        if mark is None:
            out.append(g)
            continue
        middle = (g.x0 + g.x1) / 2
        nxt = glyphs[k + 1] if k + 1 < len(glyphs) else None
        if out and out[-1].text.isalpha() and out[-1].x0 <= middle <= out[-1].x1:
            out[-1] = _composed(out[-1], mark)
        elif nxt is not None and nxt.text.isalpha() and nxt.x0 <= middle <= nxt.x1:
            glyphs[k + 1] = _composed(nxt, mark)
        else:
            out.append(g)
    return out


def _composed(base: Glyph, mark: str) -> Glyph:
    return base._replace(text=unicodedata.normalize("NFC", base.text + mark))


def _drawn_once(glyphs: list[Glyph]) -> list[Glyph]:
    """Word processors fake bold by drawing each glyph twice, a hair apart: keep one."""
    out: list[Glyph] = []
    for g in glyphs:  # sorted by x0: a double stands right after the glyph it repeats
        near = g.x0 - DOUBLE * g.size
        for h in out[-3:]:
            if h.x0 > near and h.text == g.text and abs(h.y - g.y) < g.size:
                break
        else:
            out.append(g)
    return out


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
    tabs: list[int] = []
    previous: Glyph | None = None
    length = 0
    lead = None
    tab_x: list[float] = []
    for k, g in enumerate(row.glyphs):
        up = k in row.raised and g.text.isdigit()
        if previous is not None and not up and _word_gap(previous, g):
            if g.x0 - previous.x1 > TAB_STOP * g.size:
                tabs.append(length)
                tab_x.append(g.x0)
            _append(pieces, " ", False)
            length += 1
            lead = previous.x1 - row.glyphs[0].x0 if lead is None else lead
        _append(pieces, g.text, up)
        length += len(g.text)
        previous = g
    sizes = sorted(g.size for k, g in enumerate(row.glyphs) if k not in row.raised)
    size = round(sizes[len(sizes) // 2] * 2) / 2 if sizes else row.size
    bold = 2 * sum(g.bold for g in row.glyphs) > len(row.glyphs)
    x0, x1 = row.glyphs[0].x0, row.glyphs[-1].x1
    lead = x1 - x0 if lead is None else lead
    return Line(pieces, row.y, size, x0, x1, bold, tuple(tabs), lead, tuple(tab_x))


def _word_gap(previous: Glyph, g: Glyph) -> bool:
    """A space between two glyphs. Where the PDF's text says (a space, written or inferred by
    PDFium) it is believed: letter-spaced Word PDFs leave gaps inside words as wide as the
    spaces of a justified line. Where it does not, the gap decides."""
    gap = g.x0 - previous.x1
    size = min(g.size, previous.size)
    if g.spaced is None:
        return gap > WORD_GAP * size
    return gap > UNWRITTEN_GAP * size or (g.spaced and gap > SPACED_GAP * size)


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


# Mends a page's lines before its notes are taken: (lines, body size, next note's number).
Mender = Callable[[list[Line], float, int], list[Line]]


def split_pages(pages: list[list[Line]], menders: Sequence[Mender | None] = ()) -> list[Page]:
    """Drop furniture, then take each page's footnote bodies from its bottom. *menders*:
    per page, what mends its lines first (a recognised page's notes)."""
    repeated = _repeated(pages)
    size = body_size(pages)
    out: list[Page] = []
    for number, lines in enumerate(pages):
        start, end = _furniture_bounds(lines, repeated, size)
        kept = [ln for i, ln in enumerate(lines) if start <= i < end]
        mender = menders[number] if number < len(menders) else None
        if mender is not None:
            kept = mender(kept, size, _next_marker(out))
        page = _take_notes(kept, size, expected=_next_marker(out))
        page.furniture = lines[:start] + lines[end:]
        out.append(page)
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


def _furniture_bounds(lines: list[Line], repeated: set[str], body: float) -> tuple[int, int]:
    """The page's text lies between lines[start] and lines[end - 1]: furniture stands at the
    top and the bottom, one line after another (page 1 of a typeset publication ends in
    three: its id, the ISSN and the running foot). At the foot, what stands in the margin
    left of the text is furniture too (a job number and its bar code)."""
    start = 0
    while start < len(lines) and _is_furniture(lines[start], repeated, bottom=False):
        start += 1
    end = len(lines)
    lefts = Counter(round(ln.x0) for ln in lines)
    left = lefts.most_common(1)[0][0] if lefts else 0.0
    while end > start and (
        _is_furniture(lines[end - 1], repeated, bottom=True)
        or (end > len(lines) - BAND and lines[end - 1].x0 < left - MARGIN * body)
    ):
        end -= 1
    return start, end


def _is_furniture(line: Line, repeated: set[str], bottom: bool) -> bool:
    text = line.text.strip()
    return (
        _key(line) in repeated
        or bool(PAGE_FOOTER_RE.match(text))
        or parse_running_footer(text) is not None
        or parse_publication_id(text) is not None
        or is_issn_line(text)
        or (bottom and bool(LONE_PAGE_NUMBER_RE.match(text)))
    )


def _next_marker(pages: list[Page]) -> int:
    markers = [n.marker for p in pages for n in p.notes if n.marker.isdigit()]
    return int(markers[-1]) + 1 if markers else 1


def _take_notes(lines: list[Line], size: float, expected: int) -> Page:
    """Footnote bodies: the lines set smaller than the body at the bottom of the page. Small
    print above the first note continues the previous page's last note, if there is one."""
    earlier_notes = expected > 1
    start = _small_print_from(lines, SMALLER * size)
    loose = _small_print_from(lines, NOTE_SMALLER * size)
    markers = {text for ln in lines[:loose] for text, up in ln.pieces if up}
    if loose < start and _opens_note(lines[loose], markers):
        start = loose  # notes set a hair smaller than the body, under a raised number
    start = _close_to_notes(lines, start)
    if start == 0:  # a page all in small print has no body to annotate
        return Page(lines, [], [])
    body, small = lines[:start], lines[start:]
    markers = {text for ln in body for text, up in ln.pieces if up}
    notes: list[Note] = []
    orphans: list[Line] = []
    for line in (part for ln in small for part in _split_notes(ln, markers)):
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


def _close_to_notes(lines: list[Line], start: int) -> int:
    """Small print far above the notes (a table set small) is body text: the notes and what
    continues a note from the previous page stand close together at the page bottom."""
    first = next((k for k in range(start, len(lines)) if _leading_number(lines[k])), None)
    if first is None:
        return start
    while first > start and lines[first - 1].y - lines[first].y <= NOTE_GAP * lines[first].size:
        first -= 1
    return first


def _small_print_from(lines: list[Line], below: float) -> int:
    start = len(lines)
    while start > 0 and lines[start - 1].size < below:
        start -= 1
    return start


def _opens_note(line: Line, markers: set[str]) -> bool:
    first, raised = line.pieces[0]
    return raised and first in markers


def _split_notes(line: Line, markers: set[str]) -> list[Line]:
    """Several short notes set on one line ("¹ Kamerstuk 36 410, nr. 106  ² Kamerstuk ..."):
    a raised marker of the body inside the line starts another note."""
    cuts = [k for k, (text, raised) in enumerate(line.pieces) if k and raised and text in markers]
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line.pieces)]
    return [
        Line(_stripped(line.pieces[a:b]), line.y, line.size, line.x0, line.x1, line.bold)
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def _stripped(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    if pieces and not pieces[-1][1]:
        pieces = [*pieces[:-1], (pieces[-1][0].rstrip(), False)]
    return [p for p in pieces if p[0]]


_LEADING_NUMBER_RE = re.compile(r"^\s*(\d{1,3})(?:\s+|$|(?=https?://|www\.))")


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
    return Line(pieces, line.y, line.size, line.x0, line.x1, line.bold)


def usual_pitch(pages: list[Page]) -> float:
    """The distance between two baselines inside a paragraph."""
    gaps = [
        a.y - b.y
        for page in pages
        for a, b in zip(page.body, page.body[1:], strict=False)
        if a.y - b.y > 0
    ]
    return median(gaps) if gaps else 0.0
