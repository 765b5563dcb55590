"""Small facts about written Dutch that several parsers share."""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.model.dates import MONTHS

DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)

# Sentence-final punctuation, including a closing quote or bracket after it.
TERMINAL_RE = re.compile(r"[.!?:;][»”’\"')\]]*$")

# Two vowels that would read as one sound if a compound were written closed: such compounds
# keep their hyphen (zee-egel, auto-ongeluk), so a line-break hyphen between them is real.
_DIGRAPHS = {"aa", "ee", "oo", "uu", "ii", "ie", "ei", "eu", "ou", "au", "ui", "oe", "ij"}


def calendar_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD of a day the calendar has, or None ("31 februari 2023"): every date a
    reader takes from a letter passes here, so that a letter with an impossible date is read
    without one (its text as it is) instead of being refused by the index."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_date(text: str) -> str | None:
    """The first Dutch date in *text* as YYYY-MM-DD ("27 november 2018" -> "2018-11-27");
    None where there is none, or where the first is no day of the calendar."""
    m = DATE_RE.search(text)
    if not m:
        return None
    return calendar_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))


_MONTH_ABBREVIATIONS = {name[:3]: number for number, name in enumerate(MONTHS, 1)} | {
    "mrt": 3, "sept": 9,
}  # fmt: skip
# A date as a stamp or a form prints it: "2 2 APR. 2026" (a text recognition spaces the
# stamp's digits), "17-12-2020", "3 febr. 2023".
_STAMPED_RE = re.compile(
    r"\b(\d)\s?(\d)?\s+("
    + "|".join(sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")[a-z]*\.?\s+(\d{4})\b",
    re.I,
)
_NUMERIC_RE = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")


def written_date(text: str) -> str | None:
    """A date written out, stamped or in figures, as YYYY-MM-DD."""
    if found := iso_date(text):
        return found
    if m := _STAMPED_RE.search(text):
        day, month = int(m.group(1) + (m.group(2) or "")), _MONTH_ABBREVIATIONS[m.group(3).lower()]
        year = int(m.group(4))
    elif m := _NUMERIC_RE.search(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    return calendar_date(year, month, day)


def ends_sentence(text: str) -> bool:
    return bool(TERMINAL_RE.search(text.rstrip()))


# Words written with a full stop that need not end the sentence: "nr. 4", "jl.", "blz. 3".
_ABBREVIATIONS = frozenset(
    "nr nrs jl blz art artt p pp bijv resp vgl zgn ca mr dr drs prof ir ing dhr mevr mw "
    "no nos st sr jr vs afd bv nv".split()
)
# Initials and abbreviations of letters and full stops: "d.d.", "t.a.v.", "o.a.", "M.".
_LETTERED_RE = re.compile(r"^(?:[^\W\d_]{1,3}\.){2,}$|^[^\W\d_]\.$")


def closes_sentence(text: str) -> bool:
    """Ends a sentence, and surely: not with an abbreviation's full stop ("het nader rapport
    d.d." goes on with a date on the next line)."""
    if not ends_sentence(text):
        return False
    last = text.split()[-1]
    if not last.endswith(".") or last.endswith(".."):
        return True
    word = last.rstrip(".")
    return not (word.lower() in _ABBREVIATIONS or _LETTERED_RE.match(last))


def vowel_clash(left: str, right: str) -> bool:
    """True where closing the compound left+right would merge two vowels into one sound."""
    return bool(left and right) and (left[-1] + right[0]).lower() in _DIGRAPHS
