"""The treaty gazetteer (resources/treaties.toml) and the mention finder.

All aliases of all treaties go into one compiled alternation, longest first, so a letter is
scanned once whatever the size of the gazetteer. Acronyms match case-sensitively (``START``
is a treaty, ``start`` a Dutch word); names match case-insensitively. Treaty-shaped names
the gazetteer lacks become mentions of treaty ``other`` (unknown_treaties.py); "het verdrag"
is resolved in implicit_treaties.py.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from desktop.core.ingest.implicit_treaties import resolve_implicit
from desktop.core.ingest.unknown_treaties import OTHER, find_unknown
from desktop.core.model.letter import Mention
from desktop.resources import resource

# Forms an acronym takes in running text besides itself: INF-verdrag, CSE-Verdrag, NPT Treaty.
_ACRONYM_SUFFIX = r"(?:-(?:[Vv]erdrag(?:en)?|akkoord)|\s[Tt]reaty)?"
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w])(?!-\w)"
# "X (Y)", "X (Y) verdrag" and "X (Y-) verdrag": one mention when X and Y name the same
# treaty; the hyphen of "(INF-) verdrag" joins the acronym to the noun after the bracket.
_PAREN_OPEN = re.compile(r"\s*\(\s*$")
_PAREN_CLOSE = re.compile(r"-?\s*\)(?:(?:\s+|\s*-\s*)?(?:[Vv]erdrag|[Tt]reaty)\b)?")


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
    family: str = ""
    binding: bool = True  # False: a political document (Weens Document, JCPOA), no treaty
    tractatenblad: tuple[str, ...] = ()  # its publications: "Trb. 1951, 154"
    label_en: str = ""  # the chip's text in English where it differs from the Dutch label


@dataclass(frozen=True, slots=True)
class Family:
    """Treaties of one kind (arms control, EU, human rights, ...): one hue, a shade each."""

    id: str
    name_nl: str
    name_en: str
    hue: float  # CIELCh hue angle, degrees


class Gazetteer:
    """All treaties, and one pass over a text to find their mentions. ``treaties`` ends with
    the pseudo-treaty ``other`` (treaty-shaped names the gazetteer lacks) when the toml has it."""

    def __init__(self, treaties: list[Treaty], families: Iterable[Family] = ()) -> None:
        self.treaties: dict[str, Treaty] = {t.id: t for t in treaties}
        self.families: dict[str, Family] = {f.id: f for f in families}
        self._by_acronym = {a: t.id for t in treaties for a in t.acronyms}
        self._by_name = {_fold(n): t.id for t in treaties for n in t.names}

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        # Compiled at the first search, not when the gazetteer is made: the window needs
        # the treaties' names and colours at start, and compiling takes a third of a second.
        return _compile(list(self.treaties.values()))

    def __iter__(self):
        return iter(self.treaties.values())

    def __len__(self) -> int:
        return len(self.treaties)

    def find(self, text: str, implicit: bool = True) -> list[Mention]:
        """Every explicit mention, the gazetteer's and ``other`` ones (and, if asked, each
        resolved "het verdrag"), in text order."""
        raw = _longest_first(
            (m.start(), m.end(), self._treaty_of(m.group()))
            for pattern in self._patterns
            for m in pattern.finditer(text)
        )
        known = [
            Mention(tid, "explicit", s, e, text[s:e])
            for s, e, tid in _merge_parentheses(text, [r for r in raw if r[2]])
        ]
        explicit = known
        if OTHER in self.treaties:
            taken = [(m.start, m.end) for m in known]
            explicit = _with_others(text, known, find_unknown(text, taken))
        if not implicit:
            return explicit
        found = explicit + resolve_implicit(text, explicit, self.treaties)
        return sorted(found, key=lambda m: m.start)

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
    # Lower case: the pattern ignores case, and two spellings of one prefix ("Brede
    # Economische" / "Brede economische") must share a branch or the longer loses.
    names = {n.lower() for t in treaties for n in t.names + t.exclude}
    acronyms = {a for t in treaties for a in t.acronyms}
    return (
        re.compile(_BEFORE + _trie(names, fold=True) + _AFTER),
        re.compile(_BEFORE + _trie(acronyms, fold=False) + _ACRONYM_SUFFIX + _AFTER),
    )


def _trie(words: set[str], fold: bool) -> str:
    root: dict = {}
    for word in words:
        node = root
        for unit in re.split(r"(\s+)", word.strip()):
            for ch in [unit] if unit.isspace() else unit:
                node = node.setdefault(" " if ch.isspace() else ch, {})
        node[""] = {}
    return _first_level(root, fold)


def _first_level(root: dict, fold: bool) -> str:
    """The trie's first character spelled out case by case, the rest of a name in (?i:) when
    *fold*: re skips a branch whose first literal does not match without entering it (it
    enters every branch that ignores case), and a lookahead of all first characters rejects
    most positions in one test. Three times faster than one pattern ignoring case."""
    firsts: set[str] = set()
    branches = []
    for ch, child in sorted(root.items()):
        rest = _trie_pattern(child)
        rest = f"(?i:{rest})" if fold and rest else rest
        for case in sorted({ch.lower(), ch.upper()} if fold else {ch}):
            firsts.add(case)
            branches.append(re.escape(case) + rest)
    look = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
    return look + "(?:" + "|".join(branches) + ")"


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


def _with_others(text: str, known: list[Mention], others: list[Mention]) -> list[Mention]:
    """Both kinds in text order; an unknown name with another in brackets after it
    ("Verdrag inzake … (Verdrag van Chicago)") is one mention, by its first name."""
    if not others:
        return known
    names = {m.start: m.name for m in others}
    merged = _merge_parentheses(text, [(m.start, m.end, OTHER) for m in others])
    return sorted(
        known + [Mention(OTHER, "explicit", s, e, text[s:e], names[s]) for s, e, _ in merged],
        key=lambda m: m.start,
    )


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


def load_treaties(path: Path) -> list[Treaty]:
    return load_gazetteer(path)[0]


def load_gazetteer(path: Path) -> tuple[list[Treaty], list[Family]]:
    """The treaties (in file order, ``other`` last) and the families of a treaties.toml."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    families = [
        Family(fid, f["name_nl"], f["name_en"], float(f["hue"]))
        for fid, f in data.pop("families", {}).items()
    ]
    other = data.pop(OTHER, None)
    treaties = [_treaty(tid, table) for tid, table in data.items()]
    if other is not None:
        treaties.append(_treaty(OTHER, other))
    return treaties, families


def _treaty(tid: str, t: dict) -> Treaty:
    return Treaty(
        id=tid,
        label=t.get("label", tid),
        label_en=t.get("label_en", ""),
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
        family=t.get("family", ""),
        binding=t.get("binding", True),
        tractatenblad=tuple(t.get("tractatenblad", ())),
    )


@lru_cache(maxsize=4)
def gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer from *path* (default: the bundled treaties.toml), built once."""
    return Gazetteer(*load_gazetteer(path or resource("treaties.toml")))
