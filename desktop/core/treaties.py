"""The treaty gazetteer (resources/treaties.toml) and the mention finder.

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

from desktop.core.letter import Mention
from desktop.resources import resource

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
        self._pattern = _compile(treaties)
        excludes = [e for t in treaties for e in t.exclude]
        self._exclude = (
            re.compile("|".join(_phrase(e) for e in sorted(excludes, key=len, reverse=True)), re.I)
            if excludes
            else None
        )

    def __iter__(self):
        return iter(self.treaties.values())

    def __len__(self) -> int:
        return len(self.treaties)

    def find(self, text: str, implicit: bool = True) -> list[Mention]:
        """Every explicit mention (and, if asked, each resolved "het verdrag"), in order."""
        raw = [
            (m.start(), m.end(), self._treaty_of(m.group())) for m in self._pattern.finditer(text)
        ]
        raw = self._drop_excluded(text, raw)
        explicit = [
            Mention(tid, "explicit", s, e, text[s:e]) for s, e, tid in _merge_parentheses(text, raw)
        ]
        if not implicit:
            return explicit
        return sorted(explicit + _implicit(text, explicit), key=lambda m: m.start)

    def _treaty_of(self, surface: str) -> str:
        folded = re.sub(r"\s+", " ", surface)
        acronym = re.sub(_ACRONYM_SUFFIX + "$", "", folded)
        return self._by_acronym.get(acronym) or self._by_name[_fold(folded)]

    def _drop_excluded(
        self, text: str, raw: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        if self._exclude is None:
            return raw
        spans = [(m.start(), m.end()) for m in self._exclude.finditer(text)]
        return [r for r in raw if not any(s < r[1] and r[0] < e for s, e in spans)]


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name).casefold()


def _phrase(alias: str) -> str:
    """An alias as a pattern in which any run of white space (a reflowed line) matches."""
    return r"\s+".join(re.escape(w) for w in alias.split())


def _compile(treaties: list[Treaty]) -> re.Pattern[str]:
    acronyms = sorted({a for t in treaties for a in t.acronyms}, key=len, reverse=True)
    names = sorted({n for t in treaties for n in t.names}, key=len, reverse=True)
    # Names first, so that a name containing an acronym ("New START") wins at its start.
    alternatives = [f"(?i:{_phrase(n)})" for n in names]
    alternatives += [f"(?:{_phrase(a)}){_ACRONYM_SUFFIX}" for a in acronyms]
    return re.compile(_BEFORE + "(?:" + "|".join(alternatives) + ")" + _AFTER)


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


@lru_cache(maxsize=4)
def gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer from *path* (default: the bundled treaties.toml), built once."""
    return Gazetteer(load_treaties(path or resource("treaties.toml")))
