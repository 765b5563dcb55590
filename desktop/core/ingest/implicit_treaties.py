""" "het verdrag", "dit verdrag" (and "het akkoord" / "de conventie" for a treaty whose own
name uses that noun) tied to the treaty the passage is about.

In this order (issue 18):
1. a treaty named earlier in the same sentence;
2. in a question, or in a paragraph that names no fitting treaty before the phrase: the
   treaty the section's heading names, else the one the letter's title names (a question
   about the TPNW's first meeting, asked right after a sentence naming the CTBT, is about the
   TPNW when the letter is);
3. the nearest treaty named before it in the same section, at most _REACH characters back;
4. the section's or the letter's treaty.
A phrase that none of these ties to a treaty is left out: it is never guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from desktop.core.model.letter import Mention

if TYPE_CHECKING:  # treaties.py imports this module
    from desktop.core.ingest.treaties import Treaty

_REACH = 1500  # characters back to the mention "het verdrag" refers to, within a section
_ADJECTIVES = (
    "belangrijke|genoemde|betreffende|desbetreffende|voornoemde|bovengenoemde|huidige|"
    "bestaande|gehele|hele|voornoemde"
)
# Found by their nouns (a literal search, fast on a 5 MB letter), then the words before.
_NOUNS = {"erdrag": ("Vv", "verdrag"), "kkoord": ("Aa", "akkoord"), "onventie": ("Cc", "conventie")}
_NOUN_RE = {tail: re.compile(tail + r"(?![\w-])") for tail in _NOUNS}
_NEUTER_BEFORE = re.compile(
    rf"(?<![\w-])(?:[Hh]et|[Dd]it|[Dd]at|[Gg]enoemde)\s+(?:(?:{_ADJECTIVES})\s+)?$"
)
_COMMON_BEFORE = re.compile(rf"(?<![\w-])(?:[Dd]e|[Dd]eze)\s+(?:(?:{_ADJECTIVES})\s+)?$")
_NAME_GOES_ON = re.compile(r"\s+(?:inzake|van|tot|over|betreffende|tegen|ter)\b")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_HEADING_MAX = 120  # characters: a longer paragraph is running text
_LABEL = re.compile(r"(?:Vraag|Antwoord|Vragen)\b[\s\d,en]*$")  # Kamervragen: no new section
_SENTENCE_END = re.compile(r"[.?!](?=\s|$)")
_NOUN_WORDS = {
    "verdrag": ("verdrag", "treaty", "convention", "conventie", "handvest", "charter", "statuut",
                "statute", "protocol", "overeenkomst"),
    "akkoord": ("akkoord",),
    "conventie": ("conventie", "convention"),
}  # fmt: skip


def resolve_implicit(
    text: str, explicit: list[Mention], treaties: Mapping[str, Treaty]
) -> list[Mention]:
    """Each "het verdrag" (and kin) in *text* tied to one of the *explicit* mentions' treaties."""
    passages = _Passages(text, explicit, _nouns(treaties))
    taken = [(m.start, m.end) for m in explicit]
    out = []
    for start, end, noun in sorted(_phrases(text)):
        i = bisect.bisect_left(taken, (end, end))
        if i and taken[i - 1][1] > start:
            continue  # inside an explicit mention ("het Verdrag inzake het Open Luchtruim")
        target = passages.resolve(start, noun)
        if target is not None:
            out.append(Mention(target.treaty, "implicit", start, end, text[start:end], target.name))
    return out


def _phrases(text: str):
    """(start, end, noun) of each "het verdrag", "dit akkoord", "de conventie", ..."""
    for tail, (initials, noun) in _NOUNS.items():
        before = _COMMON_BEFORE if noun == "conventie" else _NEUTER_BEFORE
        for m in _NOUN_RE[tail].finditer(text):
            head = m.start() - 1
            if head < 1 or text[head] not in initials or not text[head - 1].isspace():
                continue
            article = before.search(text, max(0, head - 40), head)
            if article is None or _NAME_GOES_ON.match(text, m.end()):
                continue
            yield article.start(), m.end(), noun


def _nouns(treaties: Mapping[str, Treaty]) -> dict[str, frozenset[str]]:
    """Per treaty id, the nouns that can stand for it: "verdrag" for a binding treaty, the
    others only where one of its own names uses them."""
    out = {}
    for tid, t in treaties.items():
        names = " ".join((t.name_nl, t.name_en, *t.names)).lower()
        nouns = {n for n in ("akkoord", "conventie") if any(w in names for w in _NOUN_WORDS[n])}
        if t.binding:
            nouns.add("verdrag")
        out[tid] = frozenset(nouns)
    return out


class _Passages:
    """Paragraphs, sections (a heading starts one) and the title of one text."""

    def __init__(self, text: str, explicit: list[Mention], nouns: dict[str, frozenset[str]]):
        self.text = text
        self.mentions = explicit
        self.ends = [m.end for m in explicit]
        self.nouns = nouns
        bounds = [0] + [b for m in _PARAGRAPH_BREAK.finditer(text) for b in (m.start(), m.end())]
        self.paragraphs = list(zip(bounds[::2], bounds[1::2] + [len(text)], strict=True))
        self.starts = [s for s, _ in self.paragraphs]
        self.headings = [self._is_heading(s, e) for s, e in self.paragraphs]
        self.title_end = self._title_end()
        self.sections: list[int] = []  # per paragraph: the start of its section
        for (start, _), heading in zip(self.paragraphs, self.headings, strict=True):
            self.sections.append(start if heading or not self.sections else self.sections[-1])

    def _is_heading(self, start: int, end: int) -> bool:
        body = self.text[start:end].strip()
        return 0 < len(body) <= _HEADING_MAX and body[-1] not in ".?!:;," and not _LABEL.match(body)

    def _title_end(self) -> int:
        """The title: the headings before the running text, and the "Vragen van … over …"
        paragraph of Kamervragen."""
        end = 0
        for (start, stop), heading in zip(self.paragraphs, self.headings, strict=True):
            body = self.text[start:stop].strip()
            if heading or not body:
                end = stop
                continue
            if body.startswith("Vragen van"):
                end = stop
            break
        return end

    def resolve(self, pos: int, noun: str) -> Mention | None:
        p = bisect.bisect_right(self.starts, pos) - 1
        para_start, para_end = self.paragraphs[p]
        sentence = self._sentence_start(para_start, pos)
        before = self._fitting_before(pos, noun, para_start)
        if before is not None and before.start >= sentence:
            return before
        section = self.sections[p]
        topic = self._topic(section, noun)
        question = self._sentence_ends_with_question(pos, para_end)
        if topic is not None and (question or before is None):
            return topic
        nearest = self._fitting_before(pos, noun, section)
        if nearest is not None and pos - nearest.end <= _REACH:
            return nearest
        return topic

    def _sentence_start(self, para_start: int, pos: int) -> int:
        cut = max(self.text.rfind(end, para_start, pos) for end in (". ", "? ", "! ", ".\n"))
        return para_start if cut < 0 else cut + 2

    def _sentence_ends_with_question(self, pos: int, para_end: int) -> bool:
        m = _SENTENCE_END.search(self.text, pos, para_end)
        return m is not None and m.group() == "?"

    def _fitting_before(self, pos: int, noun: str, floor: int) -> Mention | None:
        """The nearest mention ending before *pos* and starting at or after *floor* whose
        treaty the noun can stand for."""
        i = bisect.bisect_right(self.ends, pos) - 1
        while i >= 0 and self.mentions[i].start >= floor:
            if self._fits(self.mentions[i], noun):
                return self.mentions[i]
            i -= 1
        return None

    def _fits(self, mention: Mention, noun: str) -> bool:
        if mention.name is not None:  # an "other" treaty: its own name says what it is
            return noun == "verdrag" or any(w in mention.name.lower() for w in _NOUN_WORDS[noun])
        return noun in self.nouns.get(mention.treaty, ())

    def _topic(self, section: int, noun: str) -> Mention | None:
        """The treaty the section's heading names, else the one the title names."""
        p = bisect.bisect_right(self.starts, section) - 1
        if self.headings[p] and self.paragraphs[p][0] >= self.title_end:
            named = self._first_fitting(section, self.paragraphs[p][1], noun)
            if named is not None:
                return named
        return self._first_fitting(0, self.title_end, noun)

    def _first_fitting(self, start: int, end: int, noun: str) -> Mention | None:
        i = bisect.bisect_left(self.ends, start + 1)
        while i < len(self.mentions) and self.mentions[i].end <= end:
            if self.mentions[i].start >= start and self._fits(self.mentions[i], noun):
                return self.mentions[i]
            i += 1
        return None
