"""Official Dutch citations of parliamentary documents, and their official web addresses.

The forms are the ones civil servants and the Kamer's own publications use (Leidraad voor
juridische auteurs; the running footers of officielebekendmakingen.nl):

- a numbered Kamerstuk (brief, motie, nota, ...): ``Kamerstukken II 2023/24, 33 694, nr. 69``
- an Aanhangsel van de Handelingen (Kamervragen): ``Aanhangsel Handelingen II 2023/24, nr. 1893``
- a letter without a number: ``Brief van de minister van Buitenlandse Zaken van 27 november
  2018`` (the first signatory is the sending minister; co-signers are not named in the form)

Only the Tweede Kamer (``II``) is cited: the model does not record the chamber yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Kamerstuk, Metadata, Signatory

OFFICIAL_SITE = "https://zoek.officielebekendmakingen.nl"
# The official identifier of an Aanhangsel: ah-tk-<vergaderjaar as 8 digits>-<number>.
_AANHANGSEL_ID = re.compile(r"\bah-tk-(\d{4})(\d{4})-(\d+)\b", re.IGNORECASE)
# Whom a letter is from, inside a signatory's role ("namens de Minister van ..., directeur").
_OFFICE = re.compile(
    r"\b(minister-president|minister|staatssecretaris)\s+(van|voor)\s+([^,;\n]+)",
    re.IGNORECASE,
)
# Kinds cited as "<Noun> van de minister van ... van <date>" when they carry no number.
_UNNUMBERED_NOUNS = {None: "Brief", "brief": "Brief", "besluit": "Besluit"}


@dataclass(frozen=True, slots=True)
class Citation:
    """How a document is cited, and its page on officielebekendmakingen.nl if it has one."""

    text: str
    url: str | None = None

    def __str__(self) -> str:
        return self.text


def quote(text: str, citation: Citation | str) -> str:
    """ "“…text…” — Kamerstukken II 2023/24, 33 694, nr. 69": how a passage is pasted."""
    return f"\u201c{text.strip()}\u201d \u2014 {citation}"


def cite(meta: Metadata) -> Citation:
    """The official citation of a document with *meta*."""
    if meta.kind == "aanhangsel" or _AANHANGSEL_ID.fullmatch(meta.publication or ""):
        found = _aanhangsel(meta)
        if found is not None:
            return found
    ks = meta.kamerstuk
    if ks is not None and ks.dossier and ks.number:
        year = _short_year(meta.vergaderjaar or vergaderjaar_of(meta.date))
        head = f"Kamerstukken II {year}" if year else "Kamerstukken II"
        return Citation(f"{head}, {ks.label()}", kamerstuk_url(ks))
    return Citation(_unnumbered(meta))


def kamerstuk_url(ks: Kamerstuk) -> str | None:
    """ "https://zoek.officielebekendmakingen.nl/kst-33694-69.html" (a budget chapter goes
    between dossier and number: kst-36200-V-5)."""
    if not ks.number:
        return None
    parts = [ks.dossier.replace(" ", ""), ks.chapter, ks.number]
    return f"{OFFICIAL_SITE}/kst-{'-'.join(p for p in parts if p)}.html"


def _aanhangsel(meta: Metadata) -> Citation | None:
    """By its own number; number and year from the official identifier where the metadata
    lacks them (ah-tk-20202021-3235)."""
    match = _AANHANGSEL_ID.fullmatch(meta.publication or "")
    number = meta.number or (match.group(3) if match else None)
    year = meta.vergaderjaar or (f"{match.group(1)}-{match.group(2)}" if match else None)
    year = year or vergaderjaar_of(meta.date)
    if number is None:
        return None
    head = f"Aanhangsel Handelingen II {_short_year(year)}" if year else "Aanhangsel Handelingen II"
    url = f"{OFFICIAL_SITE}/ah-tk-{year.replace('-', '')}-{number}.html" if year else None
    return Citation(f"{head}, nr. {number}", url)


def _unnumbered(meta: Metadata) -> str:
    """ "Brief van de minister van Buitenlandse Zaken van 27 november 2018"; without a
    signatory to name, the title and the date."""
    noun = _UNNUMBERED_NOUNS.get(meta.kind)
    sender = _sender(meta.signatories[0]) if meta.signatories else None
    when = dutch_date(meta.date)
    if noun and sender:
        return f"{noun} van {sender}" + (f" van {when}" if when else "")
    title = meta.title or "Document zonder titel"
    return f"{title}, {when}" if when and when not in title else title


def _sender(signatory: Signatory) -> str:
    """ "de minister van Buitenlandse Zaken" from the role, else the name as signed."""
    match = _OFFICE.search(signatory.role or "")
    if match is None:
        return signatory.name
    office, link, portfolio = match.groups()
    return f"de {office.lower()} {link.lower()} {portfolio.strip().rstrip('.')}"


def vergaderjaar_of(iso: str | None) -> str | None:
    """The parliamentary year a date falls in: it starts on Prinsjesdag, the third Tuesday
    of September ("2023-11-16" -> "2023-2024", "2023-09-01" -> "2022-2023")."""
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return None
    first = date(day.year, 9, 1)
    prinsjesdag = first.replace(day=1 + (1 - first.weekday()) % 7 + 14)
    start = day.year if day >= prinsjesdag else day.year - 1
    return f"{start}-{start + 1}"


def _short_year(vergaderjaar: str | None) -> str:
    """ "2023-2024" -> "2023/24" ("" when there is none)."""
    if not vergaderjaar:
        return ""
    first, _, second = vergaderjaar.replace("–", "-").partition("-")
    return f"{first}/{second[-2:]}" if second else first
