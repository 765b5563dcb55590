"""References to other parliamentary documents: Kamerstukken, Handelingen, named motions."""

from __future__ import annotations

import re

from desktop.core.model.letter import Reference

_KAMERSTUK_RE = re.compile(
    r"\bKamerstuk(?:ken)?\s+(?:(?:I|II)\s+\d{4}/\d{2},\s*)?"
    r"(?P<a>\d{2})\s?(?P<b>\d{3})(?:-(?P<sub>\d{1,3})\b)?(?:[\s-](?P<ch>[IVXL]+[AB]?|[A-Q])\b)?"
    r"(?:,\s*nr\.\s*(?P<nr>\d+))?"
)
_HANDELINGEN_RE = re.compile(
    r"\bHandelingen\s+(?P<chamber>I|II)\s+(?P<year>\d{4}/\d{2}),\s*nr\.\s*(?P<nr>\d+)"
    r"(?:,\s*items?\s+\d+(?:(?:,\s*|\s+en\s+)\d+)*)?"
)
_NAME = r"(?:[A-Z][\w'’-]+)"
_PARTICLE = r"(?:van|de|der|den|ter|ten|in\s't|en)"
_MOTIE_RE = re.compile(
    r"\bmotie\s+(?:van\s+(?:het\s+(?:Kamer)?lid|de\s+leden)\s+)?"
    rf"(?P<names>{_NAME}(?:\s+(?:{_PARTICLE}\s+)*{_NAME})*)"
)


def find_references(text: str) -> list[Reference]:
    """All references in *text*, in order of their start."""
    found = [_kamerstuk(m) for m in _KAMERSTUK_RE.finditer(text)]
    found += [_handelingen(m) for m in _HANDELINGEN_RE.finditer(text)]
    found += [
        Reference("motie", m.start(), m.end(), label=m.group("names"))
        for m in _MOTIE_RE.finditer(text)
    ]
    return sorted(found, key=lambda r: (r.start, r.end))


def _kamerstuk(m: re.Match[str]) -> Reference:
    return Reference(
        "kamerstuk", m.start(), m.end(),
        dossier=m.group("a") + m.group("b") + (f"-{m.group('sub')}" if m.group("sub") else ""),
        chapter=m.group("ch"), number=m.group("nr"),
    )  # fmt: skip


def _handelingen(m: re.Match[str]) -> Reference:
    label = f"Handelingen {m.group('chamber')} {m.group('year')}"
    return Reference("handelingen", m.start(), m.end(), number=m.group("nr"), label=label)
