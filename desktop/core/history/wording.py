"""Compare the wording of two passages word by word (the standard library's difflib).

Words are compared case-folded, so "Het" at the start of a sentence matches "het" inside
one; a hyphenated compound (INF-verdrag, NAVO-bondgenoten) is one word, punctuation a word
of its own. Every change is given as spans into both texts, so each side can mark its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# A run of equal words this short between two changes ("het", "van de", a comma) is shown
# as part of the change: kept apart it chops a rewritten sentence into fragments.
_SHORT_WORD = 3


@dataclass(frozen=True, slots=True)
class Change:
    """One run of words: ``equal``, ``delete`` (only in the old text), ``insert`` (only in
    the new one) or ``replace``; ``old`` and ``new`` are (start, end) spans, empty on the side
    a word is missing from."""

    op: str
    old: tuple[int, int]
    new: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Comparison:
    old: str
    new: str
    changes: tuple[Change, ...]
    similarity: float  # share of words the two have in common, 0 to 1

    def marked(self, side: str) -> list[tuple[int, int]]:
        """The spans of *side* ("old" or "new") that differ from the other text."""
        spans = [getattr(c, side) for c in self.changes if c.op != "equal"]
        return [s for s in spans if s[0] < s[1]]


def compare_wording(old: str, new: str) -> Comparison:
    a, b = _words(old), _words(new)
    matcher = SequenceMatcher(None, [w for w, _ in a], [w for w, _ in b], autojunk=False)
    opcodes = _absorb_trivial([w for w, _ in a], matcher.get_opcodes())
    changes = tuple(
        Change(op, _span(a, i1, i2, len(old)), _span(b, j1, j2, len(new)))
        for op, i1, i2, j1, j2 in opcodes
    )
    return Comparison(old, new, changes, matcher.ratio())


def _absorb_trivial(words: list[str], opcodes: list[tuple]) -> list[tuple]:
    """Join change, trivial equal run, change into one replacement."""
    out: list[tuple] = []
    for code in opcodes:
        if out and code[0] != "equal" and len(out) >= 2 and out[-2][0] != "equal":
            between = out[-1]
            if between[0] == "equal" and _trivial(words[between[1] : between[2]]):
                before = out[-2]
                del out[-2:]
                code = ("replace", before[1], code[2], before[3], code[4])
        if out and code[0] != "equal" and out[-1][0] != "equal":
            last = out.pop()
            code = ("replace", last[1], code[2], last[3], code[4])
        out.append(code)
    return out


def _trivial(words: list[str]) -> bool:
    return all(len(w) <= _SHORT_WORD for w in words)


def _words(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(m.group().casefold(), m.span()) for m in _WORD.finditer(text)]


def _span(words: list[tuple[str, tuple[int, int]]], first: int, last: int, end: int) -> tuple:
    """The text from word *first* to word *last* (exclusive); where the run is empty, an
    empty span where the missing words would go."""
    if first < last:
        return words[first][1][0], words[last - 1][1][1]
    at = words[first][1][0] if first < len(words) else end
    return at, at
