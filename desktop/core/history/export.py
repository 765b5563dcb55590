"""Passages written out with their citations: CSV, Markdown and plain text.

Shared by the command line (``passages --csv`` / ``--markdown``) and the window's export, so
a file written from either holds the same columns and the same citations.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TextIO

from desktop.core.history.passages import Passage
from desktop.core.model.dates import dutch_date

CSV_COLUMNS = (
    "treaty",
    "date",
    "kamerstuk",
    "citation",
    "passage",
    "url",
    "title",
    "id",
    "start",
    "end",
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_LIST_START = re.compile(r"^(\s*)(?:([-+])|(\d+)\.)(?=\s)", re.MULTILINE)


def write_csv(passages: Iterable[Passage], out: TextIO) -> int:
    """One row a passage, with a header row; returns the number of passages written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for p in passages:
        writer.writerow(
            [
                p.treaty,
                p.date or "",
                p.kamerstuk.label() if p.kamerstuk else "",
                p.citation.text,
                p.text,
                p.citation.url or "",
                p.title,
                p.letter_id,
                p.start,
                p.end,
            ]
        )
        count += 1
    return count


def write_markdown(passages: Iterable[Passage], out: TextIO, heading: str) -> int:
    """A heading per letter (date and title) with its citation, linked to the official
    publication where there is one; each passage a block quote with the treaty's mentions in
    bold (``het verdrag`` read as the treaty in italics)."""
    out.write(f"# {escape_markdown(heading)}\n")
    current = None
    count = 0
    for p in passages:
        if p.letter_id != current:
            current = p.letter_id
            out.write(f"\n## {escape_markdown(_letter_heading(p))}\n\n{_cited(p)}\n")
        out.write("\n" + _quoted(p) + "\n")
        count += 1
    return count


def escape_markdown(text: str) -> str:
    """*text* shown as it is: no emphasis, link, heading or list made of its characters."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LIST_START.sub(_unlisted, text)


def _unlisted(m: re.Match[str]) -> str:
    bullet, number = m.group(2), m.group(3)
    return m.group(1) + (f"\\{bullet}" if bullet else f"{number}\\.")


def _letter_heading(p: Passage) -> str:
    when = dutch_date(p.date)
    return f"{when} · {p.title}" if when else p.title


def _cited(p: Passage) -> str:
    text = escape_markdown(p.citation.text)
    return f"[{text}]({p.citation.url})" if p.citation.url else text


def _quoted(p: Passage) -> str:
    """The passage as a block quote, its lines kept, its mentions marked."""
    out, position = [], 0
    for start, end, kind in p.mentions:
        mark = "**" if kind == "explicit" else "*"
        out.append(escape_markdown(p.text[position:start]))
        out.append(f"{mark}{escape_markdown(p.text[start:end])}{mark}")
        position = end
    out.append(escape_markdown(p.text[position:]))
    return "\n".join(f"> {line}".rstrip() for line in "".join(out).splitlines())
