"""The identifiers officielebekendmakingen.nl prints on its publications, and what they say.

Every typeset publication carries its document id on page 1 (``kst-35538-4``,
``ah-tk-20232024-2129``) and a running footer on every page (``Tweede Kamer, vergaderjaar
2019–2020, 35 538, nr. 4``). Both name the publication exactly: its series, dossier (with a
suffix such as ``-02`` or a budget chapter such as ``VIII``), number and parliamentary year.
The same ids name the files users download (``kst-32545-143.pdf``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.model.letter import Kamerstuk

_ROMAN = re.compile(r"^[IVXLC]+$")

# kst-35538-4, kst-21501-02-2498, kst-36410-VIII-106, kst-36200-A-5
_KAMERSTUK_ID_RE = re.compile(r"^kst-(\d{1,6})(?:-([A-Z]{1,5}|\d{1,3}))?-(\d{1,5})$", re.I)
# ah-tk-20232024-2129, ah-ek-20202021-12; h-tk-20232024-12-3 (Handelingen)
_YEAR_ID_RE = re.compile(r"^(ah|h|kv)-(tk|ek)-(\d{4})(\d{4})-(\d{1,5})(?:-(\d{1,4}))?$", re.I)
# blg-1007826, stb-2020-123, stcrt-2021-12345, trb-2019-12
_OTHER_ID_RE = re.compile(r"^(blg|stb|stcrt|trb|gmb|prb|wsb|bgr)-(\d{1,7})(?:-(\d{1,7}))?$", re.I)

_FOOTER_RE = re.compile(
    r"^(?:’s-Gravenhage \d{4}\s+)?(Tweede|Eerste) Kamer, vergaderjaar (\d{4})\s*[–‒-]\s*(\d{4}),"
    r"\s*(.*?)\s*$"
)
_FOOTER_KAMERSTUK_RE = re.compile(
    r"^(\d{1,3}) ?(\d{3})(?:[ -]([A-Z]{1,5}|\d{1,3}))?, nr\. ?(\d{1,5})(?:\s+\d{1,4})?$"
)
_FOOTER_AANHANGSEL_RE = re.compile(r"^Aanhangsel\b")

_SERIES_KIND = {"ah": "aanhangsel", "h": "other", "blg": "other"}


@dataclass(frozen=True, slots=True)
class PublicationId:
    """What an id or a running footer says; None where it says nothing."""

    series: str  # "kst", "ah", "h", "blg", ...
    kind: str | None = None  # Metadata.kind where the series decides it
    chamber: str | None = None  # "tk" or "ek"
    dossier: str | None = None  # digits: "21501"
    suffix: str | None = None  # "02" (dossier 21 501-02) or a chapter "VIII"
    number: str | None = None
    vergaderjaar: str | None = None  # "2023-2024"

    def kamerstuk(self) -> Kamerstuk | None:
        """A roman or lettered suffix is a budget chapter; a numbered one belongs to the
        dossier (21 501-02 is its own dossier)."""
        if self.series != "kst" or not self.dossier:
            return None
        if self.suffix and not self.suffix.isdigit():
            return Kamerstuk(self.dossier, self.number, self.suffix)
        dossier = f"{self.dossier}-{self.suffix}" if self.suffix else self.dossier
        return Kamerstuk(dossier, self.number)


def parse_publication_id(text: str) -> PublicationId | None:
    """``kst-35538-4`` -> series kst, dossier 35538, number 4; None when *text* is no id."""
    text = text.strip()
    if m := _KAMERSTUK_ID_RE.match(text):
        return PublicationId("kst", dossier=m.group(1), suffix=_upper(m.group(2)),
                             number=m.group(3))  # fmt: skip
    if m := _YEAR_ID_RE.match(text):
        series = m.group(1).lower()
        return PublicationId(
            series,
            kind=_SERIES_KIND.get(series),
            chamber=m.group(2).lower(),
            number=m.group(5),
            vergaderjaar=f"{m.group(3)}-{m.group(4)}",
        )
    if m := _OTHER_ID_RE.match(text):
        series = m.group(1).lower()
        return PublicationId(series, kind=_SERIES_KIND.get(series), number=m.group(3) or m.group(2))
    return None


def parse_running_footer(text: str) -> PublicationId | None:
    """``Tweede Kamer, vergaderjaar 2019–2020, 35 538, nr. 4 2`` (the last number is the
    page) -> dossier 35538, number 4, vergaderjaar 2019-2020; Aanhangsel footers give the
    kind and year."""
    m = _FOOTER_RE.match(text.strip())
    if not m:
        return None
    chamber = "tk" if m.group(1) == "Tweede" else "ek"
    year = f"{m.group(2)}-{m.group(3)}"
    rest = m.group(4)
    if k := _FOOTER_KAMERSTUK_RE.match(rest):
        return PublicationId("kst", chamber=chamber, dossier=k.group(1) + k.group(2),
                             suffix=_upper(k.group(3)), number=k.group(4),
                             vergaderjaar=year)  # fmt: skip
    if _FOOTER_AANHANGSEL_RE.match(rest):
        return PublicationId("ah", kind="aanhangsel", chamber=chamber, vergaderjaar=year)
    return None


def is_issn_line(text: str) -> bool:
    return bool(re.match(r"^ISSN \d{4}\s?[-–]\s?\d{3}[\dX]$", text.strip()))


def _upper(suffix: str | None) -> str | None:
    if suffix is None:
        return None
    return suffix.upper() if _ROMAN.match(suffix.upper()) or suffix.isalpha() else suffix
