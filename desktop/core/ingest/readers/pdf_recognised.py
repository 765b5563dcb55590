"""Pages whose text a text recognition made: an old OCR layer, or Tesseract's.

Such text knows no font sizes worth the name (a note may come out as large as the body), no
raised markers (``verankering²`` is read ``verankering2``) and mixes up look-alike signs (the
note number ``¹`` read as ``I.``, ``rijksoverheid.nl`` as ``rijksoverheid.n1``). What stays
is the place: footnotes stand in a block of their own at the foot of the page, each opening
with its number. Here that block is found by its place and number and set as the layout
expects notes (small print under a raised number), and the marker it belongs to is raised
where the recognition glued it to its word.
"""

from __future__ import annotations

import re
from statistics import median

from desktop.core.ingest.readers.pdf_layout import SMALLER, Line

BLOCK_GAP = 1.8  # * size: the notes stand at least this far below the text above them
# Signs a recognition reads for a digit; only where a digit must stand (a note's number).
_LOOK_ALIKES = str.maketrans({"I": "1", "l": "1", "|": "1", "O": "0", "o": "0"})
_NUMBER_RE = re.compile(r"^\s*([0-9Il|Oo]{1,3})\.?(?=\s)")
_TLD_RE = re.compile(r"(?<=\w\.)n1\b")  # ".n1" for ".nl": no such domain


def mend(lines: list[Line], body: float, expected: int) -> list[Line]:
    """*lines* of a recognised page, its notes block (opening with note *expected*) set in
    small print under a raised number, its marker raised; look-alikes in web addresses
    mended."""
    lines = [mend_addresses(line) for line in lines]
    start = _last_block(lines)
    if start is None:
        return lines
    number = _number(lines[start])
    if number != expected:
        return lines
    raised = _raise_marker(lines[:start], str(number))
    smaller = median(ln.size for ln in lines[start:]) < SMALLER * median(
        ln.size for ln in lines[:start]
    )
    if raised is None and not smaller:
        return lines  # a numbered paragraph at the foot of the page, not a note
    small = min(ln.size for ln in lines[start:]) * SMALLER
    note = [_as_note(lines[start], str(number), small)]
    note += [_resized(ln, small) for ln in lines[start + 1 :]]
    return (raised or lines[:start]) + note


def _last_block(lines: list[Line]) -> int | None:
    """Where the last block of lines set apart from the text above it begins."""
    for k in range(len(lines) - 1, 0, -1):
        if lines[k - 1].y - lines[k].y > BLOCK_GAP * max(lines[k].size, lines[k - 1].size):
            return k
    return None


def _number(line: Line) -> int | None:
    m = _NUMBER_RE.match(line.text)
    return int(m.group(1).translate(_LOOK_ALIKES)) if m else None


def _as_note(line: Line, number: str, size: float) -> Line:
    rest = _NUMBER_RE.sub("", line.text, count=1).lstrip()
    return Line([(number, True), (" " + rest, False)], line.y, size, line.x0, line.x1)


def _resized(line: Line, size: float) -> Line:
    return Line(line.pieces, line.y, size, line.x0, line.x1, line.bold, line.tabs, line.lead)


def _raise_marker(lines: list[Line], number: str) -> list[Line] | None:
    """The last place above where *number* is glued to the end of a word ("verankering2."),
    raised as a marker; None where there is none."""
    glued = re.compile(rf"(?<=[^\W\d_]){number}(?=[\s.,;:)]|$)")
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        for p in range(len(line.pieces) - 1, -1, -1):
            text, up = line.pieces[p]
            found = None if up else list(glued.finditer(text))
            if found:
                at = found[-1].start()
                pieces = [(text[:at], False), (number, True), (text[at + len(number) :], False)]
                pieces = line.pieces[:p] + [q for q in pieces if q[0]] + line.pieces[p + 1 :]
                new = Line(pieces, line.y, line.size, line.x0, line.x1, line.bold, line.tabs,
                           line.lead, line.tab_x)  # fmt: skip
                return [*lines[:k], new, *lines[k + 1 :]]
    return None


def mend_addresses(line: Line) -> Line:
    """'www.rijksoverheid.n1' -> 'www.rijksoverheid.nl'."""
    if not any(_TLD_RE.search(text) for text, _ in line.pieces):
        return line
    pieces = [(_TLD_RE.sub("nl", text), up) for text, up in line.pieces]
    return Line(pieces, line.y, line.size, line.x0, line.x1, line.bold, line.tabs, line.lead,
                line.tab_x)  # fmt: skip
