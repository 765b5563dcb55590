"""The ministries' letter template, read by position: the colophon column and the letterhead.

A letter as a ministry sends it (the Rijkshuisstijl template) sets a narrow column of small
print on the right of every page: the sender (ministry, directorate), its address and contact
lines, and labelled fields (``Datum``, ``Ons kenmerk``, ``Uw kenmerk``, ``Bijlage(n)``), with
``Pagina 1 van 3`` at its foot. On the first page the body column opens with a
``> Retouradres`` line, the addressee's block and the labelled ``Datum`` and ``Betreft`` (or
``Onderwerp``) lines. None of that is the letter's text: it is read here as metadata, and the
column of later pages (the same again) is dropped.

The column is found by geometry: a strip free of glyphs in the right part of the page with
text set smaller than the body to its right. Labels are the template's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.ingest.dutch import written_date
from desktop.core.ingest.readers.pdf_layout import PARAGRAPH_GAP, SMALLER, Glyph, Line

COLUMN_FROM = 0.55  # the column starts right of this share of the page width
GUTTER = 0.2  # * body size: the empty strip between the letter and its column
MIN_COLUMN_GLYPHS = 3
VALUE_INDENT = 2.0  # * size: a labelled value's next line starts this far right of its label
LETTERHEAD_SHARE = 0.55  # the letterhead's labelled lines stand in this top share of page 1
LOGO_SHARE = 0.15  # the logo and the ministry's name beside it stand in this top share
LOGO_GAP = 2.0  # * size: the logo's words stand this far above the rest of the page at least
BESIDE = 1.0  # * size: a value stamped beside its label stands at most this far above or below

# label (lower case, without a colon) -> colophon key
LABELS = {
    "datum": "date",
    "betreft": "subject",
    "onderwerp": "subject",
    "ons kenmerk": "reference",
    "kenmerk": "reference",
    "onze referentie": "reference",
    "uw kenmerk": "your_reference",
    "uw referentie": "your_reference",
    "uw brief": "your_letter",
    "uw brief van": "your_letter",
    "bijlage(n)": "enclosures",
    "bijlagen": "enclosures",
    "bijlage": "enclosures",
    "contactpersoon": "contact",
    "inlichtingen": "contact",
    "behandeld door": "contact",
    "bezoekadres": "address",
    "postadres": "postal_address",
    "overheidsidentificatienr": "oin",  # the ministry's government identification number
    "overheidsidentificatienummer": "oin",
}
_LABEL_RE = re.compile(
    r"^(" + "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True)) + r"):?(?:\s+|$)",
    re.I,
)
# In the body column, only these labels, each followed by a tab: "Datum   3 februari 2023".
_LETTERHEAD_LABELS = ("datum", "betreft", "onderwerp", "ons kenmerk", "uw kenmerk", "uw brief")
_PAGE_RE = re.compile(r"^pagina \d+ van \d+$", re.I)
_RETURN_ADDRESS_RE = re.compile(r"^>?\s*Retouradres\b", re.I)
_SALUTATION_RE = re.compile(r"^(?:Zeer )?(?:Geachte|Beste)\b", re.I)
MINISTRY_RE = re.compile(r"^Ministerie van\b")  # the letterhead's words beside the logo
# The template's standing note at the foot of the column: no field of this letter.
_CORRESPONDENCE_RE = re.compile(r"^Correspondentie uitsluitend\b", re.I)
_JOIN_WITH_COMMAS = {"address", "postal_address", "contact", "sender_address"}


@dataclass(slots=True)
class Colophon:
    """What the template says about the letter, keyed as in ``Metadata.colophon``."""

    fields: dict[str, str] = field(default_factory=dict)
    addressee: str | None = None

    @property
    def date(self) -> str | None:
        """Typed ("3 februari 2023"), numeric ("17-12-2020") or stamped ("2 2 APR. 2026")."""
        return written_date(self.fields.get("date", ""))

    @property
    def subject(self) -> str | None:
        return self.fields.get("subject")

    def add(self, key: str, lines: list[str]) -> None:
        joiner = ", " if key in _JOIN_WITH_COMMAS else " "
        value = joiner.join(t for t in (ln.strip() for ln in lines) if t)
        if value and key not in self.fields:
            self.fields[key] = value
        elif value and key in _JOIN_WITH_COMMAS:  # contact lines in groups of their own
            self.fields[key] += joiner + value


# -- the column -------------------------------------------------------------------------------


def split_column(
    glyphs: list[Glyph], width: float, height: float, body: float
) -> tuple[list[Glyph], list[Glyph]]:
    """(the letter's glyphs, the colophon column's glyphs) of one page. The ministry's name
    beside the logo, set large at the top of the page, may reach across the column's edge."""
    logo = (1 - LOGO_SHARE) * height
    beside_logo = [g for g in glyphs if g.y >= logo and g.size >= SMALLER * body]
    rest = [g for g in glyphs if not (g.y >= logo and g.size >= SMALLER * body)]
    gutter = _gutter(rest, width, body)
    if gutter is None:
        return glyphs, []
    return [g for g in rest if g.x0 < gutter] + beside_logo, [g for g in rest if g.x0 >= gutter]


def _gutter(glyphs: list[Glyph], width: float, body: float) -> float | None:
    """The left edge of the column: the first glyph-free strip, right of COLUMN_FROM, with
    only small print to its right."""
    ordered = sorted(glyphs, key=lambda g: g.x0)
    reach, start, gap = float("-inf"), COLUMN_FROM * width, GUTTER * body
    for k, g in enumerate(ordered):
        if g.x0 >= start and g.x0 - reach >= gap:
            right = ordered[k:]
            small = sum(1 for h in right if h.size < SMALLER * body)
            if len(right) >= MIN_COLUMN_GLYPHS and small >= 0.9 * len(right):
                return g.x0
        if g.x1 > reach:
            reach = g.x1
    return None


def read_column(lines: list[Line], colophon: Colophon) -> None:
    """The sender (the first lines, up to the first space), then unlabelled address and
    contact lines, then labelled fields, each with the lines that follow its label (on its
    line, or below it across a space)."""
    groups = _groups([ln for ln in lines if not _PAGE_RE.match(ln.text.strip())])
    groups = [g for g in groups if not _CORRESPONDENCE_RE.match(g[0].text.strip())]
    key: str | None = "sender"
    values: list[str] = []
    for group in groups:
        for line in group:
            label = _LABEL_RE.match(line.text.strip())
            if label:
                _add(colophon, key, values)
                key, values = LABELS[label.group(1).lower()], [line.text.strip()[label.end() :]]
            else:
                values.append(line.text)
        if any(v.strip() for v in values):  # a label alone waits for its value
            _add(colophon, key, values)
            key, values = ("sender_address" if key == "sender" else None), []
    _add(colophon, key, values)


def _add(colophon: Colophon, key: str | None, values: list[str]) -> None:
    if values:
        colophon.add(key or "sender_address", values)


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Lines split where the vertical space between them is wider than the column's usual
    line distance."""
    steps = sorted(a.y - b.y for a, b in zip(lines, lines[1:], strict=False) if a.y > b.y)
    pitch = steps[len(steps) // 2] if steps else 0.0
    groups: list[list[Line]] = []
    for line in lines:
        previous = groups[-1][-1] if groups else None
        if previous is None or previous.y - line.y > PARAGRAPH_GAP * pitch:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


# -- the letterhead in the body column of page 1 ------------------------------------------


def take_letterhead(lines: list[Line], page_height: float, colophon: Colophon) -> list[Line]:
    """Page 1's body lines without the return address, the addressee's block and the
    labelled lines (Datum, Betreft, ...), which go to *colophon*. Only where labelled lines
    stand above the salutation, in the top of the page: elsewhere nothing is taken. Above
    the return address stand the letterhead's own words (the ministry's name beside the
    logo), below it the addressee's block."""
    end = next((i for i, ln in enumerate(lines) if _SALUTATION_RE.match(ln.text)), len(lines))
    top = [i for i in range(end) if lines[i].y >= (1 - LETTERHEAD_SHARE) * page_height]
    labelled = [i for i in top if _letterhead_label(lines, i)]
    if not labelled:
        return [ln for ln in lines if not _RETURN_ADDRESS_RE.match(ln.text.strip())]
    first = labelled[0]
    taken = set(range(first))
    for i in labelled:
        taken |= _labelled(lines, i, colophon)
    returned = next((k for k in range(first) if _RETURN_ADDRESS_RE.match(lines[k].text)), -1)
    letterhead = [ln.text.strip() for ln in lines[: max(returned, 0)]]
    if letterhead and MINISTRY_RE.match(letterhead[0]):
        colophon.add("ministry", letterhead)
    colophon.addressee = _addressee(lines[returned + 1 : first])
    return [ln for k, ln in enumerate(lines) if k not in taken]


def logo_words(lines: list[Line], page_height: float) -> int:
    """How many lines at the top of a recognised page are what the recognition made of the
    logo's emblem ("kr1W.f%"): they stand in the top of the page, well above the rest."""
    count = 0
    for k in range(len(lines) - 1):
        if lines[k].y < (1 - LOGO_SHARE) * page_height:
            break
        if lines[k].y - lines[k + 1].y > LOGO_GAP * lines[k].size:
            count = k + 1
    return count


def _labelled(lines: list[Line], i: int, colophon: Colophon) -> set[int]:
    """A labelled line and the lines after it set in from the label (a long Betreft); a
    label alone on its line has its value stamped beside it, a little above or below."""
    line = lines[i]
    label = _LABEL_RE.match(line.text.strip())
    assert label is not None
    values, taken = [line.text.strip()[label.end() :]], {i}
    if not values[0] and (beside := _beside(lines, i)) is not None:
        colophon.add(LABELS[label.group(1).lower()], [lines[beside].text])
        return taken | {beside}
    for k in range(i + 1, len(lines)):
        nxt = lines[k]
        if nxt.x0 < line.x0 + VALUE_INDENT * line.size or _letterhead_label(lines, k):
            break
        values.append(nxt.text)
        taken.add(k)
    colophon.add(LABELS[label.group(1).lower()], values)
    return taken


def _letterhead_label(lines: list[Line], i: int) -> bool:
    """A label of the letterhead, followed by a tab, or alone with its value beside it."""
    line = lines[i]
    label = _LABEL_RE.match(line.text)
    if label is None or label.group(1).lower() not in _LETTERHEAD_LABELS:
        return False
    word = label.group(1)
    alone = line.text.strip().rstrip(":") == word
    return len(word) in line.tabs or (alone and _beside(lines, i) is not None)


def _beside(lines: list[Line], i: int) -> int | None:
    """The line just above or below label *i*, to the right of it: a stamped value."""
    label = lines[i]
    for k in (i - 1, i + 1):
        if 0 <= k < len(lines) and lines[k].x0 > label.x1 and not _LABEL_RE.match(lines[k].text):
            if abs(lines[k].y - label.y) <= BESIDE * max(label.size, lines[k].size):
                return k
    return None


def _addressee(lines: list[Line]) -> str | None:
    """The addressee's name lines, before the postal address (Postbus, a street and number,
    a postcode)."""
    names = []
    for line in lines:
        text = line.text.strip()
        if re.match(r"^(?:Postbus\b|\d{4} ?[A-Z]{2}\b)", text) or re.search(r"\s\d+\w?$", text):
            break
        names.append(text)
    return " ".join(names) or None
