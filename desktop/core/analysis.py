"""The Dutch analyzer for the index: how a reader expects words to meet.

Singular and plural meet for -en and -s plurals alike (verdrag/verdragen,
kernwapen/kernwapens, raket/raketten): Snowball's "dutch_porter" joins the -en plurals, and a
small step before it removes the -s of plurals in -ens/-els/-ers/-ems/-jes, which Snowball
alone leaves apart (kruisvluchtwapens -> kruisvluchtwapen but kruisvluchtwapen ->
kruisvluchtwap). Snowball 3's new "dutch" algorithm splits verdrag/verdragen, so it is not used.

Hyphenated words are split into their parts at consecutive positions and numbers are kept,
so `SSC-8` and `INF-verdrag`, typed in a query, become the phrases "ssc 8" and "inf verdrag";
`bondgenoten` still finds `NAVO-bondgenoten`. Accents fold (coördineert = coordineert).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer
from whoosh.support.charset import accent_map

TOKEN_PATTERN = r"\w+(?:['’]\w+)*"
_S_PLURAL = re.compile(r"(?:en|el|er|em|je)s$")
_stemmer = Stemmer.Stemmer("dutch_porter")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of one lower-cased, accent-folded word."""
    if any(c.isdigit() for c in word):
        return word  # 9m729, f35: designations stay whole
    if len(word) >= 6 and _S_PLURAL.search(word):
        word = word[:-1]
    return _stemmer.stemWord(word)


class DutchStemFilter(Filter):
    """Stems with :func:`stem`; picklable, so Whoosh's multiprocessing writer can use it."""

    is_morph = True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DutchStemFilter)

    def __hash__(self) -> int:
        return hash(DutchStemFilter)

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                t.text = stem(t.text)
            yield t


def dutch_analyzer():
    """Tokenize, lower-case, fold accents, stem."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | DutchStemFilter()
    )


def plain_analyzer():
    """The same words unstemmed: for "did you mean" suggestions from the index's vocabulary."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
