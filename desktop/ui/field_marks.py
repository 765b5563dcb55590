"""Why a letter matches a field of the query: what to mark for ``treaty:``, ``signatory:`` and
``kamerstuk:``, which match the letter's metadata rather than words of its text.

``treaty:INF`` marks the letter's explicit INF mentions (those its chip counts),
``signatory:blok`` the name in the signature, ``kamerstuk:33694`` the letter's own number
where its text prints it and every reference to that kamerstuk. A field after NOT marks
nothing. Pure Python on the Letter: no Qt, no index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.model.letter import BlockKind, Letter

Offsets = list[tuple[int, int]]

_FIELDS = {
    "treaty": "treaty",
    "verdrag": "treaty",
    "signatory": "signatory",
    "ondertekenaar": "signatory",
    "kamerstuk": "kamerstuk",
}
_FIELD_RE = re.compile(
    r"(?P<not>\bNOT\s+|-)?(?<![\w\"])(?P<field>[A-Za-z]+):(?P<value>\"[^\"]*\"|[^\s()]+)"
)
_KAMERSTUK_RE = re.compile(r"^(?P<dossier>\d+)(?:-(?P<number>\w+))?$")


@dataclass(frozen=True, slots=True)
class FieldTerm:
    field: str  # treaty, signatory or kamerstuk
    value: str


def field_terms(query: str) -> list[FieldTerm]:
    """The metadata fields a query asks for, outside NOT."""
    terms = []
    for m in _FIELD_RE.finditer(query):
        field = _FIELDS.get(m.group("field").lower())
        if field is None or m.group("not"):
            continue
        value = m.group("value").strip('"').strip()
        if value:
            terms.append(FieldTerm(field, value))
    return terms


def field_marks(terms: list[FieldTerm], letter: Letter) -> Offsets:
    """Every span of *letter* that one of *terms* matched, in text order, none overlapping."""
    spans: set[tuple[int, int]] = set()
    for term in terms:
        spans.update(_MARKERS[term.field](term.value, letter))
    return _without_overlaps(sorted(spans))


def _treaty(value: str, letter: Letter) -> Offsets:
    wanted = value.upper()
    return [(m.start, m.end) for m in letter.explicit_mentions if m.treaty.upper() == wanted]


def _signatory(value: str, letter: Letter) -> Offsets:
    words = [w for w in re.split(r"\W+", value.casefold()) if w]
    if not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    regions = [(b.start, b.end) for b in letter.blocks if b.kind == BlockKind.SIGNATURE]
    regions = regions or [(0, len(letter.text))]
    return [
        (start + m.start(), start + m.end())
        for start, end in regions
        for m in pattern.finditer(letter.text[start:end])
    ]


def _kamerstuk(value: str, letter: Letter) -> Offsets:
    wanted = _KAMERSTUK_RE.match(value.replace(" ", ""))
    if wanted is None:
        return []
    dossier, number = wanted.group("dossier"), wanted.group("number")
    spans = [
        (r.start, r.end)
        for r in letter.references
        if r.kind == "kamerstuk" and r.dossier == dossier and (number is None or r.number == number)
    ]
    own = letter.meta.kamerstuk
    if own is not None and own.dossier == dossier and number in (None, own.number):
        spans += [(m.start(), m.end()) for m in _dossier_re(dossier).finditer(letter.text)]
    return spans


def _dossier_re(dossier: str) -> re.Pattern[str]:
    """The dossier number as letters print it: 33694 or 33 694."""
    head, tail = dossier[:-3], dossier[-3:]
    spaced = rf"{head}[\s\u00a0]?{tail}" if head else tail
    return re.compile(rf"(?<![\d\w]){spaced}(?![\d])")


_MARKERS = {"treaty": _treaty, "signatory": _signatory, "kamerstuk": _kamerstuk}


def _without_overlaps(spans: Offsets) -> Offsets:
    """The longer of two overlapping spans (a reference over the dossier number in it)."""
    kept: Offsets = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end)
            continue
        kept.append((start, end))
    return kept
