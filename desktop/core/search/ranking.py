"""Scoring a query a posting block at a time.

Whoosh scores one document at a time through matcher objects (id(), next(), score(), and a
column read for every field length). With a word that is in every letter of a 10,000-letter
library that was 27 ms for the top ten, and the total and facets needed a second pass. Here a
term's postings are read a whole block at a time, scored with Whoosh's own BM25F statistics
(idf, average length, B, K1) in one comprehension, and combined as dicts: docnum -> score.

A phrase in the text is scored as Whoosh scores it (the sum of its words' scores, in the
letters where the words follow each other): the letters that have all its words are found
from the words' postings, and positions are read and compared only for those, in the
text field's compact format (term_formats.py). Query nodes without a fast path here (Every,
proximity, ...) are scored by their own Whoosh matcher.

The posting blocks and length codes come through whoosh_internals, the one module that
touches Whoosh's private names; where this Whoosh lacks them, terms are scored by Whoosh's own
matchers. Tests compare every score and every phrase match with Whoosh's own or with the
letters' text, so an upgrade that changes them fails there, not for users.

Every search is bounded: a wildcard or fuzzy word stands for at most MAX_EXPANSION words
(TooBroad), and a search stops at its time budget (OutOfTime).
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import query as wq
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25FScorer

from desktop.core.search import whoosh_internals
from desktop.core.search.options import SearchOptions

Scores = dict[int, float]  # global docnum -> score
FacetTable = dict[str, dict[str, frozenset[int]]]  # facet -> value -> document numbers
Clock = Callable[[], float]

TEXT_FIELD = "text"  # the field with positions in the compact format
# Words one wildcard or fuzzy word may stand for: scoring each is a lookup, and `*e*` in a
# large library stands for tens of thousands (Lucene's limit on query clauses is 1,024).
MAX_EXPANSION = 1000
_CHECK_EVERY = 256  # words expanded or letters matched between looks at the clock


class TooBroad(Exception):
    """A wildcard or fuzzy word that stands for more than MAX_EXPANSION words."""

    def __init__(self, q: wq.MultiTerm) -> None:
        super().__init__(f"stands for more than {MAX_EXPANSION:,} words")
        self.query = q


class OutOfTime(Exception):
    """The search took longer than its time budget (SearchOptions.seconds)."""


class Ranker:
    """Scores queries against one searcher; keeps per-searcher tables (length norms, word
    lists for fuzzy terms, facets, date order) so that they are read once, not per query.
    A commit brings a new searcher and so a new Ranker."""

    def __init__(self, searcher, clock: Clock = time.monotonic) -> None:
        self.searcher = searcher
        self._leaves = list(searcher.leaf_searchers())
        self._norms: dict[tuple, list[float]] = {}
        self._words: dict[tuple[str, str], list[str]] = {}
        self._date_rank: list[int] | None = None
        self._facets: FacetTable | None = None
        self._clock = clock
        self._deadline = math.inf  # of the search under way (rank)

    def rank(self, q: wq.Query, options: SearchOptions) -> tuple[Scores, list[tuple[int, float]]]:
        """The letters *q* finds within the options' treaty and year, and the best
        ``options.limit`` of them in the options' order. Raises TooBroad for a wildcard or
        fuzzy word that stands for too much; OutOfTime past the budget (see budget())."""
        scores = self.scores(q)
        chosen = {"treaty": options.treaty and options.treaty.upper(), "year": options.year}
        scores = self._within(scores, chosen)
        if options.sort == "date":
            return scores, self.newest(scores, options.limit)
        return scores, self.top(scores, options.limit)

    @contextmanager
    def budget(self, seconds: float) -> Iterator[None]:
        """Within: everything this ranker does raises OutOfTime after *seconds*."""
        self._deadline = self._clock() + seconds
        try:
            yield
        finally:
            self._deadline = math.inf

    def _check_time(self) -> None:
        if self._clock() > self._deadline:
            raise OutOfTime

    # -- the query tree ---------------------------------------------------------------

    def scores(self, q: wq.Query) -> Scores:
        """Every matching document with its score."""
        self._check_time()
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.Phrase) and q.fieldname == TEXT_FIELD and q.slop == 1:
            return self._phrase(q)
        if isinstance(q, wq.MultiTerm):
            return self._multiterm(q)
        if isinstance(q, wq.NumericRange):  # dates: a few Terms and TermRanges
            return self.scores(q.simplify(self.searcher.reader()))
        if isinstance(q, wq.ConstantScoreQuery):
            return dict.fromkeys(self.scores(q.child), q.score)
        if isinstance(q, wq.Or) and not q.scale:
            return _boosted(_union(self.scores(c) for c in q.children()), q.boost)
        if isinstance(q, wq.And):
            return _boosted(self._and(list(q.children())), q.boost)
        if isinstance(q, wq.AndNot):
            excluded = self.scores(q.b)
            return _boosted(
                {d: s for d, s in self.scores(q.a).items() if d not in excluded}, q.boost
            )
        if isinstance(q, wq.Not):
            return self._and([q])
        if isinstance(q, wq.AndMaybe):  # a's letters, b's score added where b matches too
            maybe = self.scores(q.b)
            found = {d: s + maybe.get(d, 0.0) for d, s in self.scores(q.a).items()}
            return _boosted(found, q.boost)
        if isinstance(q, wq.Require):  # a's letters that b matches too, scored as a
            required = self.scores(q.b)
            found = {d: s for d, s in self.scores(q.a).items() if d in required}
            return _boosted(found, q.boost)
        return self._by_matcher(q)

    def _and(self, children: list[wq.Query]) -> Scores:
        positive = [c for c in children if not isinstance(c, wq.Not)]
        negative = [c.query for c in children if isinstance(c, wq.Not)]
        if positive:
            parts = sorted((self.scores(c) for c in positive), key=len)
            result = parts[0]
            for part in parts[1:]:
                result = {d: s + part[d] for d, s in result.items() if d in part}
                if not result:
                    return result
        else:
            result = dict.fromkeys(self.all_docs(), 0.0)
        for child in negative:
            excluded = self.scores(child)
            # Whoosh scores each NOT part of an AND as 1: the same here keeps scores equal
            result = {d: s + 1.0 for d, s in result.items() if d not in excluded}
        return result

    def _term(
        self, fieldname: str, text, boost: float = 1.0, values: dict[int, bytes] | None = None
    ) -> Scores:
        """The term's letters with their scores; with *values* (fast path only), each
        letter's posting value (its positions) is kept there too, read in the same pass."""
        searcher = self.searcher
        if (fieldname, text) not in searcher.reader():
            return {}
        if not whoosh_internals.fast():
            return self._by_matcher(wq.Term(fieldname, text, boost=boost))
        scorer = searcher.weighting.scorer(searcher, fieldname, text)
        out: Scores = {}
        for sub, offset in self._leaves:
            self._check_time()
            ids, weights, deleted, found = _postings(
                sub.reader(), fieldname, text, values is not None
            )
            if not ids:
                continue
            if values is not None:
                values.update(
                    zip(ids if not offset else [offset + d for d in ids], found, strict=True)
                )
            if isinstance(scorer, BM25FScorer):
                # bm25() of whoosh.scoring: idf * w * (K1 + 1) / (w + the letter's norm)
                norms = self._length_norms(sub, fieldname, scorer)
                factor = scorer.idf * boost * (scorer.K1 + 1)
                scores = [
                    factor * w / (w + n)
                    for w, n in zip(weights, map(norms.__getitem__, ids), strict=True)
                ]
                out.update(
                    zip(ids if not offset else [offset + d for d in ids], scores, strict=True)
                )
            else:  # a field without lengths: Whoosh scores the weight
                out.update((offset + d, w * boost) for d, w in zip(ids, weights, strict=True))
            for d in deleted:
                out.pop(offset + d, None)
        return out

    def _multiterm(self, q: wq.MultiTerm) -> Scores:
        """Wildcards, prefixes, fuzzy terms: each of their words scored as a term, summed, so
        the letters most about kern* come first (Whoosh's constant score for them leaves
        the matches in index order)."""
        return _union(self._term(q.fieldname, t, q.boost) for t in self.expansion(q))

    def expansion(self, q: wq.MultiTerm) -> Sequence[str | bytes]:
        """The terms that a wildcard, prefix, fuzzy term or range stands for (as bytes
        where Whoosh gives them so: a range of dates is not UTF-8); TooBroad past
        MAX_EXPANSION of them."""
        if isinstance(q, wq.FuzzyTerm):
            found = self._terms_within(q.fieldname, q.text, q.maxdist, q.prefixlength)
            if len(found) > MAX_EXPANSION:
                raise TooBroad(q)
            return found
        terms: list[str | bytes] = []
        for _field, term in q.expanded_terms(self.searcher.reader()):
            if len(terms) % _CHECK_EVERY == 0:
                self._check_time()
            if term:
                terms.append(term)
                if len(terms) > MAX_EXPANSION:
                    raise TooBroad(q)
        return terms

    def _terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int) -> list[str]:
        """Whoosh's FuzzyTerm expansion (optimal string alignment distance, a common first
        *prefix* letters), with the distances computed in C (rapidfuzz) over the field's
        words, read once per searcher: Whoosh's own loop took 110 ms at 10,000 letters."""
        key = (fieldname, text[:prefix])
        if key not in self._words:
            reader = self.searcher.reader()
            words = whoosh_internals.prefix_terms(reader, fieldname, text[:prefix].encode())
            self._words[key] = sorted(w.decode() if isinstance(w, bytes) else w for w in words)
        found = process.extract(
            text, self._words[key], scorer=OSA.distance, score_cutoff=maxdist, limit=None
        )
        return [word for word, _distance, _index in found]

    def _phrase(self, q: wq.Phrase) -> Scores:
        """Whoosh's phrase score: the sum of its words' scores (a word twice in the phrase
        counts twice), in the letters where the words follow each other. Each word's
        postings are read once, scores and positions together."""
        words = tuple(w for w in q.words if w)
        if len(words) < 2 or not whoosh_internals.fast():
            candidates = self._and([wq.Term(q.fieldname, w, boost=q.boost) for w in words])
            if len(words) < 2 or not candidates:
                return candidates
            whole = self._in_sequence(words, sorted(candidates))
            return {d: candidates[d] for d in whole}
        positions: dict[str, dict[int, bytes]] = {w: {} for w in words}
        scores = {w: self._term(q.fieldname, w, q.boost, positions[w]) for w in positions}
        rarest = sorted(scores.values(), key=len)
        together = list(rarest[0])
        for part in rarest[1:]:
            together = [d for d in together if d in part]
        form = self.searcher.schema[q.fieldname].format
        found: Scores = {}
        adjacent = getattr(form, "adjacent", None)
        if len(words) == 2 and adjacent is not None:  # most phrases: one comparison a letter
            (one, first), (two, second) = ((scores[w], positions[w]) for w in words)
            for n, d in enumerate(together):
                if n % _CHECK_EVERY == 0:
                    self._check_time()
                if adjacent(first[d], second[d]):
                    found[d] = one[d] + two[d]
            return found
        order = sorted(range(len(words)), key=lambda k: len(scores[words[k]]))
        for n, d in enumerate(together):
            if n % _CHECK_EVERY == 0:
                self._check_time()
            if _lined_up(d, words, order, positions, form.decode_positions):
                found[d] = sum(scores[w][d] for w in words)
        return found

    def _in_sequence(self, words: tuple[str, ...], candidates: list[int]) -> set[int]:
        """Those of the *candidates* (ascending) in which the words follow each other."""
        found: set[int] = set()
        for sub, offset in self._leaves:
            end = offset + sub.doc_count_all()
            mine = [d - offset for d in candidates if offset <= d < end]
            if mine:
                starts = _phrase_starts(sub.reader(), mine, words, self._check_time)
                found.update(offset + d for d in starts)
        return found

    def _by_matcher(self, q: wq.Query) -> Scores:
        """Whoosh's own way: a matcher, one letter at a time."""
        out: Scores = {}
        context = self.searcher.context()
        for sub, offset in self._leaves:
            m = q.matcher(sub, context)
            while m.is_active():
                out[offset + m.id()] = m.score()
                if len(out) % _CHECK_EVERY == 0:
                    self._check_time()
                m.next()
        return out

    # -- what the hits mark -------------------------------------------------------------

    def match_counts(
        self, docs: Iterable[int], terms: Iterable[str], phrases: Iterable[tuple[str, ...]]
    ) -> dict[int, int]:
        """For each of *docs*, how many words of its text a search marks: every word whose
        index term is one of *terms*, and every word of each whole occurrence of a phrase,
        once (query.iter_matches marks the same words). Counted in the index, from the
        text's term frequencies and positions: reading and scanning the 5 MB
        letter of the benchmark took up to 350 ms a search."""
        counts = dict.fromkeys(docs, 0)
        singles = set(terms) | {p[0] for p in phrases if len(p) == 1}
        longer = [p for p in phrases if len(p) > 1]
        for sub, offset in self._leaves:
            end = offset + sub.doc_count_all()
            mine = sorted(d - offset for d in counts if offset <= d < end)
            if not mine:
                continue
            reader = sub.reader()
            for term in singles:
                for d, freq in _values_at(reader, TEXT_FIELD, term, mine, "frequency"):
                    counts[offset + d] += freq
            covered: dict[int, set[int]] = {}  # positions of phrase words not counted above
            for phrase in longer:
                uncounted = [i for i, word in enumerate(phrase) if word not in singles]
                for d, starts in _phrase_starts(reader, mine, phrase, self._check_time).items():
                    covered.setdefault(d, set()).update(p + i for p in starts for i in uncounted)
            for d, positions in covered.items():
                counts[offset + d] += len(positions)
        return counts

    # -- per-searcher tables -------------------------------------------------------------

    def all_docs(self) -> Iterable[int]:
        for sub, offset in self._leaves:
            yield from (offset + d for d in sub.reader().all_doc_ids())

    def _length_norms(self, sub, fieldname: str, scorer: BM25FScorer) -> list[float]:
        """Per letter of a segment, BM25's length part, K1 * (1 - B + B * length / average),
        from the lengths as Whoosh scores with them (its one-byte encoding)."""
        # by the segment itself: an empty segment shares its offset with the next one
        key = (id(sub), fieldname, scorer.B, scorer.K1, scorer.avgfl)
        if key not in self._norms:
            reader = sub.reader()
            k1, b, avgfl = scorer.K1, scorer.B, scorer.avgfl
            length = whoosh_internals.length_of_code
            table = [k1 * (1 - b + b * length(code) / avgfl) for code in range(256)]
            codes = whoosh_internals.length_codes(reader, fieldname)
            missing = reader.doc_count_all() - len(codes)
            self._norms[key] = [table[code] for code in codes] + [table[1]] * missing
        return self._norms[key]

    def facet_table(self) -> FacetTable:
        """For each treaty and each year, the letters that have it: a query's facets are
        then a few set intersections (in C) instead of a loop over its matches."""
        if self._facets is None:
            self._facets, self._date_rank = self._read_stored()
        return self._facets

    def _within(self, scores: Scores, chosen: dict[str, str | None]) -> Scores:
        """The matches with each chosen facet value (treaty, year): filtered by the same sets
        the facet counts come from, so a filter keeps exactly the letters its count promised."""
        table = self.facet_table()
        for facet, value in chosen.items():
            if value:
                members = table.get(facet, {}).get(value, frozenset())
                scores = {d: s for d, s in scores.items() if d in members}
        return scores

    def top(self, scores: Scores, limit: int) -> list[tuple[int, float]]:
        """The *limit* best; equal scores in the order they were found."""
        return [(d, scores[d]) for d in heapq.nlargest(limit, scores, key=scores.__getitem__)]

    def newest(self, scores: Scores, limit: int) -> list[tuple[int, float]]:
        """The *limit* latest letters; on the same date the best first, undated last."""
        rank = self._dates()
        return heapq.nsmallest(limit, scores.items(), key=lambda ds: (-rank[ds[0]], -ds[1]))

    def _dates(self) -> list[int]:
        """Each letter's place in date order (0: undated)."""
        if self._date_rank is None:
            self._facets, self._date_rank = self._read_stored()
        return self._date_rank

    def _read_stored(self) -> tuple[FacetTable, list[int]]:
        """The facet table and the date order, in one pass over the treaty and date columns
        (a value per letter; the stored fields, decompressed letter by letter, took 2.5 s at
        100,000 letters: a first search would have waited for them)."""
        table: dict[str, dict[str, set[int]]] = {"treaty": {}, "year": {}}
        dates: dict[int, str] = {}
        reader = self.searcher.reader()
        columns = [
            whoosh_internals.column_values(reader, name) if reader.doc_count_all() else []
            for name in ("treaty", "datestr")
        ]
        for docnum, (treaty, date) in enumerate(zip(*columns, strict=True)):
            for t in treaty.split(",") if treaty else ():
                table["treaty"].setdefault(t.upper(), set()).add(docnum)
            if date:
                table["year"].setdefault(date[:4], set()).add(docnum)
                dates[docnum] = date
        facets = {f: {v: frozenset(d) for v, d in vs.items()} for f, vs in table.items()}
        order = {date: i for i, date in enumerate(sorted(set(dates.values())), start=1)}
        rank = [0] * self.searcher.doc_count_all()
        for docnum, date in dates.items():
            rank[docnum] = order[date]
        return facets, rank


def _postings(
    reader, fieldname: str, text, with_values: bool = False
) -> tuple[list[int], list[float], frozenset[int], list[bytes]]:
    """A term's postings in one segment, a block at a time (with their values, if asked),
    and the segment's deleted letters: they are in the postings, and fewer to take out
    after scoring than to test."""
    m, deleted = _leaf_matcher(reader, fieldname, text)
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes] = []
    for block_ids, block_weights, block_values in whoosh_internals.posting_blocks(m, with_values):
        ids.extend(block_ids)
        weights.extend(block_weights)
        values.extend(block_values)
    return ids, weights, deleted, values


def _lined_up(d: int, words, order: list[int], positions: dict, decode) -> bool:
    """Whether the words follow each other somewhere in letter *d*: word k at p + k, that
    is the first word (in *order*) at p + first."""
    first = order[0]
    starts = set(decode(positions[words[first]][d]))
    for k in order[1:]:
        shift = k - first
        starts.intersection_update([p - shift for p in decode(positions[words[k]][d])])
        if not starts:
            return False
    return True


def _leaf_matcher(reader, fieldname: str, text):
    """The term's matcher in one segment without Whoosh's deleted-letters filter (None if
    the segment lacks the term), and the deleted letters."""
    try:
        m = reader.postings(fieldname, text)
    except TermNotFound:
        return None, frozenset()
    if isinstance(m, FilterMatcher):
        return m.child, reader.deleted_docs_set
    return m, frozenset()


def _phrase_starts(
    reader, docs: list[int], phrase: tuple[str, ...], check: Callable[[], None]
) -> dict[int, set[int]]:
    """For those of *docs* (ascending) that have *phrase* whole, where it starts: word k of
    the phrase at p + k. The rarest word first: later words are read only for the letters
    left."""
    order = sorted(range(len(phrase)), key=lambda k: _doc_frequency(reader, phrase[k]))
    starts: dict[int, set[int]] = {}
    for n, k in enumerate(order):
        check()
        found = _values_at(reader, TEXT_FIELD, phrase[k], docs, "positions")
        if n == 0:
            starts = {d: {p - k for p in positions} for d, positions in found}
        else:
            starts = {
                d: s for d, positions in found if (s := starts[d] & {p - k for p in positions})
            }
        docs = sorted(starts)
        if not docs:
            break
    return starts


def _doc_frequency(reader, word: str) -> int:
    try:
        return reader.doc_frequency(TEXT_FIELD, word)
    except TermNotFound:
        return 0


def _values_at(reader, fieldname: str, text: str, docs: list[int], astype: str) -> Iterator:
    """(letter, decoded value) of the term's postings for those of *docs* (ascending) that
    have it; *astype* names the decoding ("frequency", "positions")."""
    m, _deleted = _leaf_matcher(reader, fieldname, text)
    decode = getattr(reader.schema[fieldname].format, f"decode_{astype}")
    for d, value in whoosh_internals.values_at(m, docs):
        yield d, decode(value)


def _union(parts: Iterable[Scores]) -> Scores:
    result: Scores = {}
    for part in sorted(parts, key=len, reverse=True):
        if not result:
            result = dict(part)
            continue
        get = result.get
        result.update((d, get(d, 0.0) + s) for d, s in part.items())
    return result


def _boosted(scores: Scores, boost: float) -> Scores:
    return scores if boost == 1.0 else {d: s * boost for d, s in scores.items()}
