"""Small facts about written Dutch that several parsers share."""

from __future__ import annotations

import re

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip

DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)

# Sentence-final punctuation, including a closing quote or bracket after it.
TERMINAL_RE = re.compile(r"[.!?:;][»”’\"')\]]*$")

# Two vowels that would read as one sound if a compound were written closed: such compounds
# keep their hyphen (zee-egel, auto-ongeluk), so a line-break hyphen between them is real.
_DIGRAPHS = {"aa", "ee", "oo", "uu", "ii", "ie", "ei", "eu", "ou", "au", "ui", "oe", "ij"}


def iso_date(text: str) -> str | None:
    """The first Dutch date in *text* as YYYY-MM-DD ("27 november 2018" -> "2018-11-27")."""
    m = DATE_RE.search(text)
    if not m:
        return None
    day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL_RE.search(text.rstrip()))


def vowel_clash(left: str, right: str) -> bool:
    """True where closing the compound left+right would merge two vowels into one sound."""
    return bool(left and right) and (left[-1] + right[0]).lower() in _DIGRAPHS
