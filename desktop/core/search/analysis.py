"""The Dutch analyzer for the index: how a reader expects words to meet.

Singular and plural meet for -en and -s plurals alike (verdrag/verdragen,
kernwapen/kernwapens, raket/raketten): Snowball's "dutch_porter" joins the -en plurals, and a
small step before it removes the -s of plurals in -ens/-els/-ers/-ems/-jes, which Snowball
alone leaves apart (kruisvluchtwapens -> kruisvluchtwapen but kruisvluchtwapen ->
kruisvluchtwap). Snowball 3's new "dutch" algorithm splits verdrag/verdragen, so it is not used.

Hyphenated words are split into their parts at consecutive positions and numbers are kept,
so `SSC-8` and `INF-verdrag`, typed in a query, become the phrases "ssc 8" and "inf verdrag";
`bondgenoten` still finds `NAVO-bondgenoten`. Accents fold (coördineert = coordineert).

A "word" longer than MAX_WORD_CHARS (a pasted blob, 10 MB of one letter) is no word: it is
not indexed, not searched for and not in the vocabulary. Dutch compounds stay well below:
"aansprakelijkheidswaardevaststellingsveranderingen" has 50 letters.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from whoosh.analysis import Token, Tokenizer
from whoosh.support.charset import accent_map

TOKEN_PATTERN = r"\w+(?:['’]\w+)*"
MAX_WORD_CHARS = 64
_TOKEN_RE = re.compile(TOKEN_PATTERN)
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


def _fold(word: str) -> str:
    word = word.lower()
    return word if word.isascii() else word.translate(accent_map)


class _Forms(dict):
    """Word as written -> its form, each word computed once: looking a token up is one dict
    look-up in C (map(forms.__getitem__, words)), where a cached function costs two calls
    (a fifth of indexing a letter's text). Emptied when it holds _CACHED_WORDS words."""

    def __init__(self, form) -> None:
        super().__init__()
        self._form = form

    def __missing__(self, word: str) -> str:
        if len(self) >= _CACHED_WORDS:
            self.clear()
        found = self[word] = self._form(word) if len(word) <= MAX_WORD_CHARS else ""
        return found


# Measured on 10,000 realistic letters (the bench's corpus): 400,000 words per cache held
# 457 MB at the build's peak, 50,000 held 392 MB in the same time (150.8 and 150.9 s): the
# words that recur are back in the cache within a few letters of its emptying.
_CACHED_WORDS = 50_000
_INDEX_FORMS = _Forms(lambda word: stem(_fold(word)))
_PLAIN_FORMS = _Forms(_fold)


def index_form(word: str) -> str:
    """A word as written -> its index term: lower case, accents folded, stemmed ("" for a
    word too long to be one)."""
    return _INDEX_FORMS[word]


def plain_form(word: str) -> str:
    """A word as written -> lower case, accents folded, not stemmed ("" when too long)."""
    return _PLAIN_FORMS[word]


class DutchTokenizer(Tokenizer):
    """Tokenize and normalise in one pass.

    Whoosh's usual chain (RegexTokenizer | LowercaseFilter | CharsetFilter | StemFilter) runs
    four generators per token; indexing is dominated by that per-token overhead, so the
    whole chain is one loop with a cached word -> term function.
    """

    def __init__(self, stemming: bool = True) -> None:
        self.stemming = stemming

    def has_morph(self) -> bool:
        return self.stemming

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DutchTokenizer) and other.stemming == self.stemming

    def __hash__(self) -> int:
        return hash((DutchTokenizer, self.stemming))

    def __call__(
        self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
        start_pos=0, start_char=0, tokenize=True, mode="", **kwargs,
    ):  # fmt: skip
        # Whoosh asks for unstemmed words (no_morph) to fill the spelling field.
        form = index_form if self.stemming and not kwargs.get("no_morph") else plain_form
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        matches = _TOKEN_RE.finditer(value) if tokenize else [_Whole(value)]
        pos = start_pos - 1
        for match in matches:
            t.text = form(match.group(0))
            if not t.text:
                continue  # too long to be a word
            pos += 1
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = match.group(0)
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t


def index_terms(text: str) -> list[str]:
    """Every word of *text*, in order, as its index term: what the text field indexes.
    The library passes these lists to Whoosh (schema.py, term_formats.py)."""
    return [term for term in map(_INDEX_FORMS.__getitem__, _TOKEN_RE.findall(text)) if term]


class _Whole:
    """The whole value as one "match" (Whoosh asks for that with tokenize=False)."""

    def __init__(self, value: str) -> None:
        self.value = value

    def group(self, _index: int = 0) -> str:
        return self.value

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return len(self.value)


def dutch_analyzer() -> DutchTokenizer:
    """Tokenize, lower-case, fold accents, stem."""
    return DutchTokenizer(stemming=True)


def plain_analyzer() -> DutchTokenizer:
    """The same words unstemmed: names (signatory:blok), suggestions."""
    return DutchTokenizer(stemming=False)
