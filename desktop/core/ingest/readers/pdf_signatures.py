"""Signatures set side by side, read one after the other.

Two ministers who sign one letter often sign in two columns::

    de minister van Volksgezondheid,      de minister van Langdurige Zorg,
    Welzijn en Sport,                     Jeugd en Sport,
    (signature)                           (signature)
    Sophie Hermans                        Mirjam Sterk

Read row by row that gives one role and one name made of both. The columns are found where
a line holds two roles, one after a tab-wide gap; the lines below it are cut at the same
place until the names, and each column is read in turn.
"""

from __future__ import annotations

from desktop.core.ingest.readers.pdf_layout import Line
from desktop.core.ingest.signatories import NAME_RE, ROLE_START_RE

ALIGNED = 2.0  # * size: the second column's lines start this close to where its role starts
MAX_LINES = 8  # a signature is a role over two lines, the room to sign, and a name


def in_turn(lines: list[Line]) -> list[Line]:
    """*lines* with each block of signatures side by side read column after column."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        column = _second_column(lines[k])
        if column is None:
            out.append(lines[k])
            k += 1
            continue
        left, right, k = _columns(lines, k, column)
        out += left + right
    return out


def _second_column(line: Line) -> float | None:
    """Where the second of two roles set on one line starts, if the line is such."""
    for tab in range(len(line.tabs)):
        before, after = line.split_at_tab(tab)
        if ROLE_START_RE.match(before.text.strip()) and ROLE_START_RE.match(after.text.strip()):
            return line.tab_x[tab]
    return None


def _columns(lines: list[Line], start: int, x: float) -> tuple[list[Line], list[Line], int]:
    """The lines of the two columns from *start*, and the index of the first line after."""
    left: list[Line] = []
    right: list[Line] = []
    k = start
    while k < min(len(lines), start + MAX_LINES):
        line = lines[k]
        tab = next(
            (t for t, tx in enumerate(line.tab_x) if abs(tx - x) < ALIGNED * line.size), None
        )
        if tab is not None:
            a, b = line.split_at_tab(tab)
            left.append(a)
            right.append(b)
        elif abs(line.x0 - x) < ALIGNED * line.size:
            right.append(line)
        elif line.x1 < x:
            left.append(line)
        else:
            break
        k += 1
        if _names(left, right):
            break
    return left, right, k


def _names(left: list[Line], right: list[Line]) -> bool:
    """Both columns end in a name: the signatures are complete."""
    return bool(left and right) and all(
        NAME_RE.match(side[-1].text.strip()) and not ROLE_START_RE.match(side[-1].text.strip())
        for side in (left, right)
    )
