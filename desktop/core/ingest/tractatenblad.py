"""Tractatenblad citations ("Trb. 1991, 31", "Trb. 1991, 31 en 106", "Tractatenblad 2019,
nr. 12") as references with their year and number, each tied to a treaty.

A citation the gazetteer lists under a treaty (its ``tractatenblad`` key) belongs to that
treaty; otherwise to the treaty named next to it: the nearest mention before it in the same
paragraph, within _NEAR characters, else one that follows right after it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from desktop.core.model.letter import Mention, Reference

if TYPE_CHECKING:
    from desktop.core.ingest.treaties import Treaty

TRACTATENBLAD = "tractatenblad"
_NUMBER = r"(?:nrs?\.?\s*)?\d{1,4}(?![\d.,]\d)"
_CITATION = re.compile(
    r"\b(?:Trb\.?|Tractatenblad)\s*(?:van\s+)?(?P<year>1[89]\d\d|20\d\d)\s*[,/]?\s*"
    rf"(?P<numbers>{_NUMBER}(?:\s*(?:,|en|&)\s*{_NUMBER})*)"
)
_EACH_NUMBER = re.compile(r"\d+")
_NEAR = 200  # characters between a treaty's name and its citation
_AFTER = 40  # "Trb. 1991, 31: het Verdrag …"


def find_citations(
    text: str, mentions: list[Mention], treaties: Mapping[str, Treaty]
) -> list[Reference]:
    """Every Tractatenblad citation in *text*, one reference per number, in text order."""
    listed = {key: tid for tid, t in treaties.items() for c in t.tractatenblad for key in _keys(c)}
    explicit = [m for m in mentions if m.kind == "explicit"]
    ends = [m.end for m in explicit]
    out = []
    for m in _CITATION.finditer(text):
        year = m.group("year")
        for start, end, number in _numbers(m):
            near = _named_next_to(text, explicit, ends, m.start(), m.end())
            treaty = listed.get((year, number)) or (near.treaty if near else None)
            name = near.name if near and near.treaty == treaty else None
            out.append(
                Reference(TRACTATENBLAD, start, end, number=number, label=name, year=year,
                          treaty=treaty)
            )  # fmt: skip
    return out


def parse_citation(citation: str) -> list[tuple[str, str]]:
    """("year", "number") pairs of one citation as written: "Trb. 1969, 99" -> [("1969", "99")]."""
    return list(_keys(citation))


def _keys(citation: str) -> Iterator[tuple[str, str]]:
    for m in _CITATION.finditer(citation):
        for _, _, number in _numbers(m):
            yield m.group("year"), number


def _numbers(m: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    """The span of each number: the first with "Trb. 1991, ", the others alone."""
    for i, n in enumerate(_EACH_NUMBER.finditer(m.group("numbers"))):
        start = m.start() if i == 0 else m.start("numbers") + n.start()
        yield start, m.start("numbers") + n.end(), n.group()


def _named_next_to(
    text: str, explicit: list[Mention], ends: list[int], start: int, end: int
) -> Mention | None:
    i = bisect.bisect_right(ends, start) - 1
    if i >= 0 and start - explicit[i].end <= _NEAR:
        if "\n\n" not in text[explicit[i].end : start]:
            return explicit[i]
    j = i + 1
    if j < len(explicit) and 0 <= explicit[j].start - end <= _AFTER:
        return explicit[j]
    return None
