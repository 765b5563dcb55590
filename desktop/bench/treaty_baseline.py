"""The mention finder as it was before issue 18 (commit ed3ff9e), with that day's gazetteer
(treaties_baseline.toml beside this file): the benchmark's baseline for the finder's speed.
Kept verbatim and used by nothing else.

Original docstring: the treaty gazetteer (resources/treaties.toml) and the mention finder.

All aliases of all treaties go into one compiled alternation, longest first, so a letter is
scanned once whatever the size of the gazetteer. Acronyms match case-sensitively (``START``
is a treaty, ``start`` a Dutch word); names match case-insensitively.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.core.model.letter import Mention

# Forms an acronym takes in running text besides itself: INF-verdrag, CSE-Verdrag, NPT Treaty.
_ACRONYM_SUFFIX = r"(?:-(?:[Vv]erdrag(?:en)?|akkoord)|\s[Tt]reaty)?"
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w])(?!-\w)"
# "X (Y)" and "X (Y) verdrag": one mention when X and Y name the same treaty.
_PAREN_OPEN = re.compile(r"\s*\(\s*$")
_PAREN_CLOSE = re.compile(r"\s*\)(?:\s+[Vv]erdrag\b)?")
_IMPLICIT_RE = re.compile(
    r"\b(?:[Hh]et|[Dd]it|[Dd]at|[Gg]enoemde) verdrag\b(?! (?:inzake|van|tot|over)\b)"
)
_IMPLICIT_REACH = 1500  # characters back to the explicit mention "het verdrag" refers to


@dataclass(frozen=True, slots=True)
class Treaty:
    id: str
    label: str
    colour: str
    name_nl: str
    name_en: str
    full_name_nl: str
    full_name_en: str
    acronyms: tuple[str, ...]
    names: tuple[str, ...]
    exclude: tuple[str, ...]
    signed: str
    in_force: str
    status_nl: str
    status_en: str
    status_date: str
    netherlands: str
    source: str


class Gazetteer:
    """All treaties, and one pass over a text to find their mentions."""

    def __init__(self, treaties: list[Treaty]) -> None:
        self.treaties: dict[str, Treaty] = {t.id: t for t in treaties}
        self._by_acronym = {a: t.id for t in treaties for a in t.acronyms}
        self._by_name = {_fold(n): t.id for t in treaties for n in t.names}
        self._patterns = _compile(treaties)

    def __iter__(self):
        return iter(self.treaties.values())

    def __len__(self) -> int:
        return len(self.treaties)

    def find(self, text: str, implicit: bool = True) -> list[Mention]:
        """Every explicit mention (and, if asked, each resolved "het verdrag"), in order."""
        raw = _longest_first(
            (m.start(), m.end(), self._treaty_of(m.group()))
            for pattern in self._patterns
            for m in pattern.finditer(text)
        )
        raw = [r for r in raw if r[2]]
        explicit = [
            Mention(tid, "explicit", s, e, text[s:e]) for s, e, tid in _merge_parentheses(text, raw)
        ]
        if not implicit:
            return explicit
        return sorted(explicit + _implicit(text, explicit), key=lambda m: m.start)

    def _treaty_of(self, surface: str) -> str:
        """The treaty a matched surface names; "" for a look-alike."""
        folded = re.sub(r"\s+", " ", surface)
        acronym = re.sub(_ACRONYM_SUFFIX + "$", "", folded)
        if acronym in self._by_acronym:
            return self._by_acronym[acronym]
        return self._by_name.get(_fold(folded), "")


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name).casefold()


def _compile(treaties: list[Treaty]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two trie-shaped patterns (names without case, acronyms with): Python's re tries the
    branches of an alternation one by one, so a flat list of 200 aliases costs 200 attempts
    at every word; a trie costs one character test."""
    # Look-alikes ("INF-raketten", "START II") go in with the names: being longer they win
    # their position, and _treaty_of gives them no treaty, so they are dropped.
    names = {n for t in treaties for n in t.names + t.exclude}
    acronyms = {a for t in treaties for a in t.acronyms}
    return (
        re.compile(_BEFORE + _trie(names) + _AFTER, re.IGNORECASE),
        re.compile(_BEFORE + _trie(acronyms) + _ACRONYM_SUFFIX + _AFTER),
    )


def _trie(words: set[str]) -> str:
    root: dict = {}
    for word in words:
        node = root
        for unit in re.split(r"(\s+)", word.strip()):
            for ch in [unit] if unit.isspace() else unit:
                node = node.setdefault(" " if ch.isspace() else ch, {})
        node[""] = {}
    return _trie_pattern(root)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
                for ch, child in sorted(node.items()) if ch]  # fmt: skip
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy optional: the longest alias wins, a shorter one is the fallback.
    return f"(?:{body})?" if ends else body


def _longest_first(found) -> list[tuple[int, int, str]]:
    """Matches of both patterns in text order; where two overlap, the longer one stays."""
    out: list[tuple[int, int, str]] = []
    for start, end, tid in sorted(found, key=lambda r: (r[0], -r[1])):
        if out and start < out[-1][1]:
            continue
        out.append((start, end, tid))
    return out


def _merge_parentheses(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(raw):
        start, end, tid = raw[i]
        if i + 1 < len(raw):
            nstart, nend, ntid = raw[i + 1]
            close = _PAREN_CLOSE.match(text, nend)
            if ntid == tid and _PAREN_OPEN.match(text[end:nstart]) and close:
                out.append((start, close.end(), tid))
                i += 2
                continue
        out.append((start, end, tid))
        i += 1
    return out


def _implicit(text: str, explicit: list[Mention]) -> list[Mention]:
    """ "het verdrag" resolved to the treaty last named shortly before it."""
    out = []
    j = -1
    for m in _IMPLICIT_RE.finditer(text):
        while j + 1 < len(explicit) and explicit[j + 1].end <= m.start():
            j += 1
        if j >= 0 and m.start() - explicit[j].end <= _IMPLICIT_REACH:
            out.append(Mention(explicit[j].treaty, "implicit", m.start(), m.end(), m.group()))
    return out


def load_treaties(path: Path) -> list[Treaty]:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return [_treaty(tid, table) for tid, table in data.items()]


def _treaty(tid: str, t: dict) -> Treaty:
    return Treaty(
        id=tid,
        label=t.get("label", tid),
        colour=t["colour"],
        name_nl=t["name_nl"],
        name_en=t["name_en"],
        full_name_nl=t.get("full_name_nl", t["name_nl"]),
        full_name_en=t.get("full_name_en", t["name_en"]),
        acronyms=tuple(t.get("acronyms", ())),
        names=tuple(t.get("names", ())),
        exclude=tuple(t.get("exclude", ())),
        signed=t.get("signed", ""),
        in_force=t.get("in_force", ""),
        status_nl=t.get("status_nl", ""),
        status_en=t.get("status_en", ""),
        status_date=t.get("status_date", ""),
        netherlands=t.get("netherlands", ""),
        source=t.get("source", ""),
    )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The baseline gazetteer, built once."""
    return Gazetteer(load_treaties(Path(__file__).with_name("treaties_baseline.toml")))
