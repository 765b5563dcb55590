"""Letter metadata: the Kamerstuk header, the opening (addressee, date) and the signatures."""

from __future__ import annotations

import re

from desktop.core.ingest.dutch import MONTHS, iso_date
from desktop.core.model.draft import Draft
from desktop.core.model.letter import BlockKind, Kamerstuk, Metadata, Signatory

_CHAMBER_RE = re.compile(r"^(Tweede|Eerste) Kamer der Staten-Generaal(?:\s+\d)?$")
_YEAR_RE = re.compile(r"^Vergaderjaar (\d{4})\s*[–‒-]\s*(\d{4})$", re.I)
_DOSSIER_RE = re.compile(r"^(\d{2}) ?(\d{3})(?:[ -]([A-Z]{1,4}|[IVXL]+))?\s+(\S.*)$")
_NUMBER_RE = re.compile(r"^Nr\.\s*(\d+)\s+(\S.*)$")
_HEADER_LINES = 12  # the first-page header never runs longer; stop looking after it


def read_header(lines: list[str], meta: Metadata) -> int:
    """Read the first-page Kamerstuk header into *meta*; return the index of the first line
    after it. The chamber line's trailing number ("...Staten-Generaal 2") is the chamber,
    never a footnote."""
    groups = _leading_groups(lines)
    consumed = 0
    for start, end in groups:
        text = " ".join(s for s in lines[start:end])
        if not _read_header_group(text, meta):
            break
        consumed = end
    return consumed


def _leading_groups(lines: list[str]) -> list[tuple[int, int]]:
    """Blank-line separated groups among the first lines, as (start, end) line indices."""
    groups, start = [], None
    for i, line in enumerate(lines[: _HEADER_LINES * 2]):
        if line and start is None:
            start = i
        elif not line and start is not None:
            groups.append((start, i))
            start = None
    if start is not None:
        groups.append((start, min(len(lines), _HEADER_LINES * 2)))
    return groups


def _read_header_group(text: str, meta: Metadata) -> bool:
    # The chamber and year lines share a group in the PDF text; split them back apart.
    parts = re.split(
        r"(?<=Staten-Generaal \d) (?=Vergaderjaar)|(?<=Staten-Generaal) (?=Vergaderjaar)", text
    )
    return all(_read_header_line(p, meta) for p in parts)


def _read_header_line(text: str, meta: Metadata) -> bool:
    if _CHAMBER_RE.match(text):
        return True
    if m := _YEAR_RE.match(text):
        meta.vergaderjaar = f"{m.group(1)}-{m.group(2)}"
        return True
    if meta.kamerstuk is None and (m := _DOSSIER_RE.match(text)):
        meta.kamerstuk = Kamerstuk(m.group(1) + m.group(2), None, m.group(3))
        meta.dossier_title = m.group(4).strip()
        return True
    if meta.kamerstuk is not None and (m := _NUMBER_RE.match(text)):
        ks = meta.kamerstuk
        meta.kamerstuk = Kamerstuk(ks.dossier, m.group(1), ks.chapter)
        meta.document_kind = re.sub(r"\s+", " ", m.group(2)).strip()
        return True
    return False


def read_opening_and_closing(draft: Draft) -> None:
    """Addressee, date and signatories from the blocks the cleaner classified."""
    meta = draft.meta
    for block in draft.blocks:
        text = block.plain()
        if block.kind is BlockKind.ADDRESSEE and meta.addressee is None:
            meta.addressee = text.strip()
        elif block.kind is BlockKind.DATELINE and meta.date is None:
            meta.date = iso_date(text)
        elif block.kind is BlockKind.SIGNATURE:
            meta.signatories.extend(parse_signature(text))
    if meta.date is None:
        meta.date = _date_near_top(draft)


def _date_near_top(draft: Draft) -> str | None:
    """A letter without a dateline ("Den Haag, ...") may still open with a date."""
    for block in draft.blocks[:4]:
        text = block.plain()
        if len(text) < 80 and (found := iso_date(text)):
            return found
    return None


def parse_signature(text: str) -> list[Signatory]:
    """ "De Minister van Buitenlandse Zaken,\\nS.A. Blok" -> Signatory("S.A. Blok", role)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    out, role = [], None
    for line in lines:
        if line.endswith(","):
            role = re.sub(r"^de ", "", line[:-1].strip(), flags=re.I)
        elif out and out[-1].role is None and role is None and ROLE_START_RE.match(line):
            out[-1] = Signatory(out[-1].name, re.sub(r"^[Dd]e ", "", line))  # name, then role
        else:
            out.append(Signatory(name=line, role=role))
            role = None
    return out


# The office a signatory signs in (kept in step with desktop.core.ingest.clean.ROLE_START_RE).
ROLE_START_RE = re.compile(r"^(?:De |de )?(?:Minister|Staatssecretaris|Directeur)\b", re.I)


def derive_title(meta: Metadata, main_treaty_name: str | None) -> str:
    """A title a person recognises in a list of letters."""
    if meta.dossier_title:
        return meta.dossier_title
    when = _long_date(meta.date)
    if main_treaty_name and when:
        return f"{main_treaty_name}: brief van {when}"
    if when:
        return f"Brief van {when}"
    return main_treaty_name or "Brief zonder titel"


def _long_date(iso: str | None) -> str | None:
    if not iso:
        return None
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {list(MONTHS)[month - 1]} {year}"
