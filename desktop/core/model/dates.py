"""Dates as Dutch documents write them: the month names, and an ISO date written out."""

from __future__ import annotations

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH_NAMES = {number: name for name, number in MONTHS.items()}


def dutch_date(iso: str | None) -> str:
    """ "2018-11-27" -> "27 november 2018"; "" for no date or one that cannot be read."""
    try:
        year, month, day = (int(p) for p in (iso or "").split("-"))
        return f"{day} {_MONTH_NAMES[month]} {year}"
    except (ValueError, KeyError):
        return ""
