"""Joining the lines of a paragraph: line-end hyphens decided case by case, URLs rebuilt.

A hyphen at a line end is either a word break (``ontwape-``/``ningsmijlpalen``: joined
without it) or part of the text: a suspended compound before a conjunction (``wet- en
regelgeving``), a compound with an acronym, capitals or digits (``CSE-verdrag``,
``ENTSO-E-verband``, ``COVID-19-pandemie``), a prefix that always keeps its hyphen
(``niet-essentiële``, ``ex-minister``), two vowels that would merge (``zee-egel``,
``anti-inflatie``), or a hyphenated word the letter or the library writes elsewhere. PDFium
reports every line-end hyphen alike (U+FFFE), so only the words can tell.

A URL broken across lines is joined without a space; a hyphen inside it stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from desktop.core.ingest.dutch import vowel_clash

WORD_RE = re.compile(r"\w+(?:-\w+)*")
_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
_LAST_WORD_RE = re.compile(r"(\w[\w-]*)-$")  # the whole compound so far: "ENTSO-E"
_FIRST_WORD_RE = re.compile(r"^(\w+)")
_URL_START_RE = re.compile(r"^\W*(?:https?://|www\.)", re.I)  # after "(", a marker
_URL_CONTINUES_AFTER = "/-_.=&?#~:%+"
_URL_CONTINUES_WITH = "/-_.=&?#~%"
# Conjunctions after a suspended compound: "wet- en regelgeving", "aanloop- of ...".
_CONJUNCTIONS = frozenset({"en", "of", "tot", "noch", "dan", "and", "or", "to"})
# Prefixes written with a hyphen before any word (Woordenlijst): niet-roker, ex-minister.
_HYPHEN_PREFIXES = frozenset({"niet", "ex", "oud", "non"})


@dataclass(slots=True)
class Words:
    """What a letter writes: word forms in lower case, hyphenated ones whole, and the
    acronyms it sets in capitals (``OTC``, so that ``otc-derivaten`` keeps its hyphen); and
    what the other letters of the library write (*library*, :func:`word_forms` of each,
    which the library keeps: desktop.core.library.store). The letter's own writing counts
    first: the library's letters may have been read by an older parser."""

    forms: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    library: Collection[str] = frozenset()

    @classmethod
    def of(cls, text: str, library_words: Collection[str] = ()) -> Words:
        acronyms = {a.lower() for a in _ACRONYM_RE.findall(text)}
        return cls(word_forms(text), acronyms, library_words)


def word_forms(text: str) -> set[str]:
    """The word forms of *text* as :class:`Words` keeps them (lower case): what the library
    remembers of each letter it holds and passes back as ``library_words``."""
    return set(WORD_RE.findall(text.lower()))


def join_lines(lines: Iterable[str], words: Words) -> str:
    """One paragraph from its lines. Each decision looks at the two lines that meet (and the
    URL running into them), so a long paragraph costs linear time."""
    pieces: list[str] = []
    token = ""  # the last word so far, across the lines a URL runs over
    for line in lines:
        separator = ""
        if pieces:
            separator, keep = _separator(pieces[-1], line, token, words)
            if not keep:
                pieces[-1] = pieces[-1][:-1]
            pieces.append(separator)
        pieces.append(line)
        run = (token if pieces[:-1] and not separator else "") + line
        token = run.rsplit(None, 1)[-1] if run.strip() else ""
    return "".join(pieces)


def _separator(left: str, right: str, token: str, words: Words) -> tuple[str, bool]:
    """What goes between two lines (a space, or nothing where a word or URL goes on), and
    whether the left line's final hyphen stays."""
    if _URL_START_RE.match(token) and _url_goes_on(left, right):
        return "", True
    if not left.endswith("-") or not right:
        return " ", True
    if left.endswith(" -"):  # "en -producten": the hyphen belongs to the next word
        return ("" if right[:1].islower() else " "), True
    first = _FIRST_WORD_RE.match(right)
    if first and first.group(1) in _CONJUNCTIONS:
        return " ", True  # "wet- en regelgeving"
    head = _LAST_WORD_RE.search(left[-100:])
    if not head or not first:
        return " ", True
    return "", hyphen_is_real(head.group(1), first.group(1), words)


def _url_goes_on(left: str, right: str) -> bool:
    """A URL broken at a line end goes on on the next line unless that line starts a new
    word of running text (a capital after a full stop)."""
    end = left[-1:]
    if right[:1] in _URL_CONTINUES_WITH and right[:1]:
        return True  # ".../Regenboogbeleid%20provincies" + "%202022.pdf"
    if end not in _URL_CONTINUES_AFTER or not right or right[0].isspace():
        return False
    first = right.split(None, 1)[0]
    if end == ".":  # "...rijksoverheid." + "nl/actueel/..." but not "...nl." + "De ..."
        return first[:1].islower() and ("/" in first or first.endswith(")"))
    return not re.match(r"^[A-Z][a-z]+[,.;:]?$", first) or end == "-"


# A hyphen inside a line between two lower-case parts: in text another tool extracted, the
# hyphen of a word broken at a line end that the tool kept ("emissiefacto-ren").
_KEPT_BREAK_RE = re.compile(r"(?<![\w-])([^\W\d_A-Z]{2,})-([^\W\d_A-Z]{2,})(?![\w-])")


def kept_breaks(text: str, library_words: Collection[str] = ()) -> Callable[[str], str]:
    """What mends, in a paragraph of *text*, the word breaks another tool kept inside the
    line: a hyphenated word whose closed form the letter (or the library) writes elsewhere
    is that word ("emissiefacto-ren" where "emissiefactoren" stands elsewhere)."""
    forms = word_forms(_KEPT_BREAK_RE.sub("", text))

    def written(word: str) -> bool:
        return word in forms or word in library_words

    if not any(written((m.group(1) + m.group(2)).lower()) for m in _KEPT_BREAK_RE.finditer(text)):
        return lambda paragraph: paragraph

    def mend(paragraph: str) -> str:
        def closed(m: re.Match[str]) -> str:
            word = m.group(1) + m.group(2)
            return word if written(word.lower()) and m.group(2) not in _CONJUNCTIONS else m.group()

        return _KEPT_BREAK_RE.sub(closed, paragraph)

    return mend


def hyphen_is_real(left: str, right: str, words: Words) -> bool:
    """Decide a hyphen at a line break between *left* and *right*: part of the text
    (NAVO-bondgenoten) or a word break (ontwape-ningsmijlpalen)."""
    if _marked_compound(left, right):
        return True
    lower = left.lower()
    joined, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    if (found := _written(joined, hyphened, words.forms)) is not None:
        return found
    if lower in words.acronyms:
        return True
    if (found := _written(joined, hyphened, words.library)) is not None:
        return found
    return lower in _HYPHEN_PREFIXES or vowel_clash(left, right)


def _written(joined: str, hyphened: str, forms: Collection[str]) -> bool | None:
    """Whether *forms* write the word with its hyphen (True), closed (False), or neither."""
    if joined in forms:
        return False
    return True if hyphened in forms else None


def _marked_compound(left: str, right: str) -> bool:
    """Capitals or digits mark a compound: NAVO-, CSE-, MiFID-, F-35, Noord-Atlantische."""
    return (
        any(c.isupper() for c in left[1:])
        or any(c.isdigit() for c in left + right[:1])
        or right[:1].isupper()
    )
