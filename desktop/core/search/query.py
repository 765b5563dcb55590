"""Keyword search over the library: Whoosh's query language, snippets, exact hit offsets.

Offsets of matched words are computed on the stored clean text with the index's own analyzer,
so they are the reader's offsets (DESIGN.md). Snippets are built from those same offsets.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser, QueryParserError
from whoosh.support.charset import accent_map

from desktop.core.model.letter import Kamerstuk
from desktop.core.search.analysis import MAX_WORD_CHARS, TOKEN_PATTERN, index_form
from desktop.core.search.options import SearchOptions
from desktop.core.search.ranking import FacetTable, OutOfTime, Ranker, TooBroad
from desktop.core.search.schema import kamerstuk_from_terms

SNIPPETS_PER_HIT = 3
SNIPPET_HEAD = 200_000  # characters of a letter read for its snippets
TextOf = Callable[[str, int | None], str]  # (store key, at most so many characters) -> text
_SNIPPET_RADIUS = 90  # characters of context either side of a match
# Footnotes are part of the text (its notes section), so "notes" is no default field.
_DEFAULT_FIELDS = ("text", "title")
_FIELD_ALIASES = {"signatory": "signatory", "ondertekenaar": "signatory", "verdrag": "treaty"}


class QueryError(Exception):
    """A query the parser cannot read; ``position`` is the character where it goes wrong."""

    def __init__(self, message: str, query: str, position: int | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.position = position


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of the letter text around matches; ``marks`` are offsets into ``text``."""

    text: str
    marks: tuple[tuple[int, int], ...]
    start: int  # where ``text`` starts in the letter text

    def html(self) -> str:
        """Escaped text with the matched words in <b>: safe to show as rich text."""
        out, pos = [], 0
        for s, e in self.marks:
            out.append(html.escape(self.text[pos:s]))
            out.append(f"<b>{html.escape(self.text[s:e])}</b>")
            pos = e
        out.append(html.escape(self.text[pos:]))
        return "".join(out)

    def plain(self, mark: str = "*") -> str:
        out, pos = [], 0
        for s, e in self.marks:
            out.append(self.text[pos:s] + mark + self.text[s:e] + mark)
            pos = e
        return "".join(out) + self.text[pos:]


@dataclass(frozen=True, slots=True)
class Hit:
    """One letter found, everything computed by the search: nothing is read later.

    ``match_count`` is how many words of the letter the search marks, counted in the index;
    ``matches``, those words' offsets into the letter's text, are there only when the search
    was asked for them (SearchOptions.offsets): a 5 MB letter takes 300 ms to scan. A reader
    pane finds the words again with ``spec`` in the text it shows."""

    id: str
    title: str
    date: str | None
    score: float
    snippets: tuple[Snippet, ...]
    match_count: int
    spec: MatchSpec = field(repr=False)
    kamerstuk: Kamerstuk | None = None
    treaties: tuple[str, ...] = ()
    matches: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "score": round(self.score, 4),
            "snippets": [s.html() for s in self.snippets],
            "matches": [{"start": s, "end": e} for s, e in self.matches],
            "match_count": self.match_count,
            "kamerstuk": self.kamerstuk.to_json() if self.kamerstuk else None,
            "treaties": list(self.treaties),
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str | None = None  # "did you mean", from the index's own vocabulary
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # treaty/year -> counts

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "hits": [h.to_json() for h in self.hits],
            "suggestion": self.suggestion,
            "facets": self.facets,
        }


def _parser(schema) -> MultifieldParser:
    parser = MultifieldParser(list(_DEFAULT_FIELDS), schema, fieldboosts={"title": 2.0})
    parser.add_plugin(FuzzyTermPlugin())
    return parser


KNOWN_FIELDS = (
    "text",
    "title",
    "notes",
    "treaty",
    "kamerstuk",
    "date",
    "signatory",
    "vergaderjaar",
    "id",
)
# Whoosh's parser takes 0.2 s for a query of 500 words and 3 s for 2,000.
MAX_QUERY_CHARS = 1000
_FIELD_RE = re.compile(r"(?<![\w\"])([A-Za-z]+):")
_DATE_VALUE_RE = re.compile(r"date:(\S+)")
_DATE_OK_RE = re.compile(r"^(?:\d{4}(?:-?\d{2}(?:-?\d{2})?)?|\[.*|\{.*|\(.*)$")
_QUOTED_RE = re.compile(r'"[^"]*"')
_ENDS_WORD = r"(?=$|[\s)])"
_BOOST_RE = re.compile(r"\^(\d+(?:\.\d+)?|\.\d+)" + _ENDS_WORD)
_FUZZY_RE = re.compile(r"~(?:\d(?:/\d+)?|/\d+)?" + _ENDS_WORD)


def parse_query(schema, text: str) -> wq.Query:
    """Whoosh's query language; raises QueryError, with a position, for what it cannot read."""
    if not text.strip():
        raise QueryError("empty query", text, 0)
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is longer than {MAX_QUERY_CHARS:,} characters", text, MAX_QUERY_CHARS
        )
    normalized, where = _normalize(text)
    _check_syntax(normalized, text, where)
    try:
        q = _parser(schema).parse(normalized, debug=False)
    except QueryParserError as exc:
        raise QueryError(f"cannot read query: {exc}", text) from None
    except Exception as exc:  # noqa: BLE001
        # Whoosh's parser also raises a bare IndexError ("NOT NOT x") and Exception
        # ("date:[2018 to x]"): the user's query, so a message, never a crash.
        detail = "an operator has nothing to work on" if isinstance(exc, IndexError) else exc
        raise QueryError(f"cannot read query: {detail}", text) from None
    if isinstance(q, type(wq.NullQuery)):
        raise QueryError("the query has no words to search for", text, 0)
    if _has_slop(q):
        at = text.find('"~')
        raise QueryError(
            'words near each other ("…"~N) cannot be searched; use AND',
            text,
            at + 1 if at >= 0 else None,
        )
    return q


def _has_slop(q: wq.Query) -> bool:
    """A phrase with words apart: the text has no positions to check that with (schema.py)."""
    if isinstance(q, wq.Phrase):
        return q.slop > 1
    return not q.is_leaf() and any(_has_slop(c) for c in q.children())


def _normalize(text: str) -> tuple[str, list[int]]:
    """Field names as users type them (Signatory:, verdrag:), and for each character of the
    result (and its end) its position in *text*: an alias changes the length."""
    out: list[str] = []
    where: list[int] = []
    last = 0
    for m in _FIELD_RE.finditer(text):
        out.append(text[last : m.start()])
        where.extend(range(last, m.start()))
        name = m.group(1).lower()
        name = _FIELD_ALIASES.get(name, name) + ":"
        out.append(name)
        same = len(name) == m.end() - m.start()
        where.extend(range(m.start(), m.end()) if same else [m.start()] * len(name))
        last = m.end()
    out.append(text[last:])
    where.extend(range(last, len(text) + 1))
    return "".join(out), where


def _check_syntax(normalized: str, original: str, where: list[int]) -> None:
    """What Whoosh would silently repair, drop or misread: say it, with the position."""

    def refuse(message: str, at: int) -> None:
        raise QueryError(message, original, where[at])

    if normalized.count('"') % 2:
        refuse("unclosed quote", normalized.rfind('"'))
    # Outside quotes only: inside a phrase, brackets, colons and carets are text. A phrase
    # stands as one word of its length, so that `treaty:"Verdrag van Aarhus"` has a value.
    bare = _QUOTED_RE.sub(lambda m: "q" * len(m.group()), normalized)
    _check_groups(bare, refuse)
    _check_fields(bare, refuse)
    for m in re.finditer(r"\^", bare):
        boost = _BOOST_RE.match(bare, m.start())
        if not boost or not float(boost.group(1)):
            refuse("a boost is a positive number right after the word (verdrag^2)", m.start())
    for m in re.finditer(r"~", bare):
        if not _FUZZY_RE.match(bare, m.start()):
            refuse("a fuzzy word ends in ~, ~1 or ~2 (Vilnus~)", m.start())


def _check_groups(bare: str, refuse: Callable[[str, int], None]) -> None:
    """Parentheses balanced; every range ([2018 to 2020], {a to b]) closed before the next."""
    depth = 0
    opened: int | None = None  # where the range being read opened
    for i, c in enumerate(bare):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                refuse("')' without '('", i)
        elif c in "[{":
            if opened is not None:
                refuse(f"'{bare[opened]}' is never closed", opened)
            opened = i
        elif c in "]}":
            if opened is None:
                refuse(f"'{c}' without '[' or '{{'", i)
            opened = None
    if opened is not None:
        refuse(f"'{bare[opened]}' is never closed", opened)
    if depth:
        refuse("'(' is never closed", bare.rfind("("))


def _check_fields(bare: str, refuse: Callable[[str, int], None]) -> None:
    for m in _FIELD_RE.finditer(bare):
        name = m.group(1)
        if name not in KNOWN_FIELDS:
            refuse(f"unknown field '{name}' (known: {', '.join(KNOWN_FIELDS)})", m.start())
        if m.end() == len(bare) or bare[m.end()].isspace() or bare[m.end()] == ")":
            refuse(f"'{name}:' has nothing to search for (write {name}:…)", m.start())
    for m in _DATE_VALUE_RE.finditer(bare):
        if not _DATE_OK_RE.match(m.group(1)):
            refuse(f"'{m.group(1)}' is not a date (write 2018, 2018-11 or 2018-11-27)", m.start(1))


def run_search(
    searcher,
    text: str,
    options: SearchOptions = SearchOptions(),
    *,
    vocabulary=None,
    text_of: TextOf = lambda key, limit: "",
    ranker: Ranker | None = None,
) -> SearchResult:
    """Search, then snippets for the hits on this page; with no hit, a "did you mean" from
    *vocabulary* (a desktop.core.search.vocabulary.Vocabulary). Every match is scored in one pass
    (desktop.core.search.ranking): the total and the facets need them all anyway. Pass the
    searcher's *ranker* to keep its tables from one query to the next."""
    q = parse_query(searcher.schema, text)
    ranker = ranker or Ranker(searcher)
    scores, best, spec, counts = _scored(q, text, options, ranker)
    hits = tuple(
        _hit(searcher.stored_fields(d), score, spec, counts[d], text_of, options.offsets)
        for d, score in best
    )
    suggestion = suggest_query(text, vocabulary) if vocabulary and not scores else None
    return SearchResult(
        query=text,
        total=len(scores),
        hits=hits,
        suggestion=suggestion,
        facets=_facets(set(scores), ranker.facet_table()),
    )


def _scored(q: wq.Query, text: str, options: SearchOptions, ranker: Ranker):
    """Every match, the page's best, what to mark and how many words each of those marks,
    within the options' time budget; what the ranker refuses becomes a QueryError."""
    try:
        with ranker.budget(options.seconds):
            scores, best = ranker.rank(q, options)
            spec = match_spec(q, ranker)
            counts = ranker.match_counts([d for d, _ in best], spec.terms, spec.phrases)
    except wq.QueryError as exc:  # a shape left to Whoosh's matchers that they cannot run
        raise QueryError(f"cannot search this query: {exc}", text) from None
    except TooBroad as exc:
        word, at = _typed(exc.query, text)
        raise QueryError(f"'{word}' {exc}; make it longer", text, at) from None
    except OutOfTime:
        raise QueryError(
            f"the search took longer than {options.seconds:g} s and was stopped; "
            "make the query narrower",
            text,
        ) from None
    return scores, best, spec, counts


_TYPED_WORD_RE = re.compile(r'[^\s()"]+')


def _typed(q: wq.MultiTerm, text: str) -> tuple[str, int | None]:
    """The word of *text* that became *q* as typed, and where it is. Whoosh keeps no reliable
    position for it, and its text is analysed (Wapen* -> prefix "wap"): the word is the one
    with a wildcard (or a ~) whose start is the query's."""
    mark = "~" if isinstance(q, wq.FuzzyTerm) else "*?"
    words = [m for m in _TYPED_WORD_RE.finditer(text) if any(c in m.group() for c in mark)]
    for m in words:
        word = m.group().rsplit(":", 1)[-1].lower()
        if word.startswith(q.text[:2]):
            return m.group(), m.start()
    return (words[0].group(), words[0].start()) if words else (q.text, None)


def _facets(docs: set[int], table: FacetTable) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for facet in ("treaty", "year"):
        found = {value: len(members & docs) for value, members in table.get(facet, {}).items()}
        counts[facet] = _ranked({v: n for v, n in found.items() if n})
    return counts


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True, slots=True)
class MatchSpec:
    """What to mark in a letter: single index terms anywhere, phrases only where whole."""

    terms: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


_TEXT_FIELDS = ("text", "notes", "title")
_TOKEN_RE = re.compile(TOKEN_PATTERN)


def match_spec(q: wq.Query, ranker: Ranker) -> MatchSpec:
    """The text-field terms and phrases the query asks for; NOT branches mark nothing."""
    terms: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    reader = ranker.searcher.reader()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.Phrase):
            if node.fieldname in _TEXT_FIELDS:
                phrases.append(tuple(node.words))
            return
        if isinstance(node, wq.MultiTerm):
            if node.fieldname in _TEXT_FIELDS:
                words = ranker.expansion(node)
                terms.update(w.decode("utf-8") if isinstance(w, bytes) else w for w in words)
            return
        if node.is_leaf():
            for fieldname, term in node.existing_terms(reader, expand=True):
                if fieldname in _TEXT_FIELDS:
                    terms.add(term.decode("utf-8") if isinstance(term, bytes) else term)
            return
        for child in node.children():
            walk(child)

    walk(q)
    return MatchSpec(frozenset(terms), tuple(dict.fromkeys(phrases)))


def _accent_classes() -> dict[str, str]:
    """For each base letter, a regex class of it and every letter that folds to it."""
    variants: dict[str, set[str]] = {}
    for code, base in accent_map.items():
        if isinstance(base, str) and len(base) == 1 and base.isalpha():
            variants.setdefault(base.lower(), set()).add(chr(code).lower())
    return {b: "[" + re.escape(b + "".join(sorted(v))) + "]" for b, v in variants.items()}


_ACCENT_CLASSES = _accent_classes()
_PREFIX = 2  # a stem keeps its word's first two letters (weens -> wen: vowels undouble)


def _candidate_re(terms: Iterable[str]) -> re.Pattern[str]:
    """Words that may have one of *terms* as index form: a regex scan in C instead of running
    the analyzer over the whole letter (a 5 MB letter: ~2 s -> tens of ms)."""
    prefixes = sorted({t[:_PREFIX] for t in terms}, key=len, reverse=True)
    alts = ["".join(_ACCENT_CLASSES.get(c, re.escape(c)) for c in p) for p in prefixes]
    # Where a token starts: not after a letter, nor after a letter and an apostrophe (l'ami
    # is one token), but after an apostrophe used as a quote ('kernwapens').
    return re.compile(r"(?<!\w)(?<!\w['’])(?:" + "|".join(alts) + ")", re.IGNORECASE)


def _tokens_from(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, index form) of every whole token starting where *pattern* matches."""
    for m in pattern.finditer(text):
        tok = _TOKEN_RE.match(text, m.start())
        if tok:
            yield tok.start(), tok.end(), index_form(tok.group())


def iter_matches(text: str, spec: MatchSpec) -> Iterator[tuple[int, int]]:
    """Every matched word in *text*, in text order: each word whose index form is one of
    the terms, and each word of a whole occurrence of a phrase."""
    if not spec.terms and not spec.phrases:
        return
    wanted = set(spec.terms) | {p[0] for p in spec.phrases}
    done = 0  # end of the last span given: phrase words are not given twice
    for start, end, form in _tokens_from(text, _candidate_re(wanted)):
        spans = [(start, end)] if form in spec.terms else []
        for phrase in spec.phrases:
            if form == phrase[0]:
                spans += _phrase_at(text, start, end, phrase)
        for span in sorted(set(spans)):
            if span[0] >= done:
                yield span
                done = span[1]


def match_offsets(text: str, spec: MatchSpec) -> list[tuple[int, int]]:
    return list(iter_matches(text, spec))


def _phrase_at(text: str, start: int, end: int, phrase: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of *phrase* if it occurs whole from the token at start:end, else []."""
    spans = [(start, end)]
    for word in phrase[1:]:
        tok = _TOKEN_RE.search(text, spans[-1][1])
        while tok is not None and not index_form(tok.group()):  # too long: not indexed
            tok = _TOKEN_RE.search(text, tok.end())
        if tok is None or index_form(tok.group()) != word:
            return []
        spans.append((tok.start(), tok.end()))
    return spans


def _hit(
    stored: dict, score: float, spec: MatchSpec, count: int, text_of: TextOf, offsets: bool
) -> Hit:
    key = stored["key"]
    # Snippets come from the letter's head: reading a 5 MB letter whole for three snippets
    # cost more than the search (11 ms); the whole text is read only if the head has none,
    # or for the offsets of every match.
    text = text_of(key, SNIPPET_HEAD)
    snippets = make_snippets(text, iter_matches(text, spec))
    if (offsets or not snippets) and len(text) == SNIPPET_HEAD:
        text = text_of(key, None)
        snippets = snippets or make_snippets(text, iter_matches(text, spec))
    return Hit(
        id=stored["id"],
        title=stored["title"],
        date=stored["datestr"] or None,
        score=score,
        snippets=tuple(snippets),
        match_count=count,
        spec=spec,
        kamerstuk=kamerstuk_from_terms(stored.get("kamerstuk", "")),
        treaties=tuple(sorted(t.upper() for t in stored.get("treaty", "").split(",") if t)),
        matches=tuple(iter_matches(text, spec)) if offsets else (),
    )


def make_snippets(text: str, matches: Iterable[tuple[int, int]]) -> list[Snippet]:
    """Up to three pieces of context, each around a cluster of matches, word-aligned.
    *matches* is consumed only as far as the third snippet needs."""
    snippets: list[Snippet] = []
    pending = iter(matches)
    first = next(pending, None)
    while first is not None and len(snippets) < SNIPPETS_PER_HIT:
        start, end = _context(text, first)
        marks = []
        while first is not None and first[1] <= end:
            marks.append((first[0] - start, first[1] - start))
            first = next(pending, None)
        snippets.append(Snippet(_flatten(text[start:end]), tuple(marks), start))
    return snippets


def _context(text: str, match: tuple[int, int]) -> tuple[int, int]:
    """Context around *match*, inside its own paragraph, word-aligned."""
    para_start = text.rfind("\n\n", 0, match[0]) + 1
    para_end = text.find("\n\n", match[1])
    para_end = len(text) if para_end < 0 else para_end
    start = max(para_start, _word_start(text, max(0, match[0] - _SNIPPET_RADIUS)))
    end = min(para_end, _word_end(text, min(len(text), match[1] + _SNIPPET_RADIUS)))
    return (start + 1 if text[start : start + 1] == "\n" else start), end


def _flatten(piece: str) -> str:
    """Line breaks inside a snippet become spaces (same length, so marks stay valid)."""
    return piece.replace("\n", " ")


def _word_start(text: str, pos: int) -> int:
    """Back to the start of the word at *pos*; a "word" longer than MAX_WORD_CHARS is cut
    (walking back through 10 MB of one word took seconds)."""
    stop = max(0, pos - MAX_WORD_CHARS)
    while pos > stop and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    stop = min(len(text), pos + MAX_WORD_CHARS)
    while pos < stop and not text[pos].isspace():
        pos += 1
    return pos


_QUERY_WORD_RE = re.compile(r"(?<![\w:*~])([^\W\d_][\w'’]*)(?![\w:*~])")
_OPERATORS = {"AND", "OR", "NOT", "TO", "to"}


def suggest_query(text: str, vocabulary) -> str | None:
    """The query with each unknown word replaced by the nearest common word of the library."""
    changed = False

    def replace(m: re.Match[str]) -> str:
        nonlocal changed
        word = m.group(1)
        better = None if word in _OPERATORS else vocabulary.suggest(word)
        if better is None:
            return word
        changed = True
        return better

    corrected = _QUERY_WORD_RE.sub(replace, text)
    return corrected if changed else None
