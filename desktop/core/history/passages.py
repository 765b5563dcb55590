"""A treaty through the years: the letters that mention it, and every passage that does.

Read from what the library already keeps, never by parsing a letter again: which letters
name a treaty, and how often, comes from the index's stored fields (one pass per index
version, kept until the next commit, as the search ranker keeps its tables); the passages
come from the letter store, which keeps each letter's blocks and mentions. A passage is one
block of the parser's (a paragraph, a heading, a footnote) holding at least one mention of
the treaty, explicit or ``het verdrag`` resolved to it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.core.library.library import Library
from desktop.core.library.records import letter_from_row
from desktop.core.library.store import LetterStore
from desktop.core.model.citation import Citation, cite
from desktop.core.model.letter import Block, Kamerstuk, Letter
from desktop.core.search.query import MatchSpec, iter_matches, match_spec, parse_query
from desktop.core.search.ranking import Ranker
from desktop.core.search.schema import kamerstuk_from_terms


@dataclass(frozen=True, slots=True)
class LetterRow:
    """A letter as the history lists it: enough for a timeline mark and its tooltip."""

    id: str
    key: str  # the letter store row
    title: str
    date: str | None  # ISO
    day: int | None  # the date as a day number (date.toordinal): where it goes on an axis
    kamerstuk: Kamerstuk | None
    counts: dict[str, int]  # explicit mentions per treaty


@dataclass(frozen=True, slots=True)
class Mark:
    """One letter on a treaty's timeline, with its mentions of the treaty."""

    treaty: str
    letter: LetterRow
    count: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A block of a letter that mentions the treaty. ``start``/``end`` are offsets into the
    letter's text; ``mentions`` and ``matches`` (a text filter's words) are offsets into
    ``text``."""

    treaty: str
    letter_id: str
    title: str
    date: str | None
    kamerstuk: Kamerstuk | None
    citation: Citation
    kind: str  # the block's kind: paragraph, heading, note
    start: int
    end: int
    text: str
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, "explicit" | "implicit")
    matches: tuple[tuple[int, int], ...] = field(default=())

    def to_json(self) -> dict:
        """The ``passages --json`` contract (DESIGN.md), plus a few additive keys."""
        ks = self.kamerstuk
        return {
            "treaty": self.treaty,
            "id": self.letter_id,
            "title": self.title,
            "date": self.date,
            "citation": self.citation.text,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "url": self.citation.url,
            "kamerstuk": {"dossier": ks.dossier, "number": ks.number} if ks else None,
            "kind": self.kind,
            "mentions": [{"start": s, "end": e, "kind": k} for s, e, k in self.mentions],
        }


class TreatyHistory:
    """The treaty history of one library; safe to use from several threads."""

    def __init__(self, library: Library) -> None:
        self.library = library
        # Rows by the key the index gives: Library.get would look each id up in the index
        # again (half the time of a whole passage list, measured).
        self._store = LetterStore(library.root)
        self._lock = threading.Lock()
        self._searcher = None
        self._rows: list[LetterRow] = []
        self._marks: dict[str, list[Mark]] = {}
        self._ranker: Ranker | None = None

    def close(self) -> None:
        self._store.close()

    # -- the letters ------------------------------------------------------------------

    def letters(self) -> list[LetterRow]:
        """Every letter, oldest first (undated last); read once per index version."""
        return self._table()[0]

    def _table(self) -> tuple[list[LetterRow], dict[str, list[Mark]]]:
        """The letters and, per treaty, its timeline: both made in the one pass over the
        stored fields an index version needs (as the ranker makes its facet table)."""
        with self.library.searcher() as searcher, self._lock:
            if searcher is not self._searcher:
                rows = _date_order(_row(stored) for _doc, stored in searcher.reader().iter_docs())
                marks: dict[str, list[Mark]] = {}
                for row in rows:
                    for treaty, count in row.counts.items():
                        marks.setdefault(treaty, []).append(Mark(treaty, row, count))
                self._rows, self._marks = rows, marks
                self._searcher, self._ranker = searcher, None
            return self._rows, self._marks

    def is_current(self) -> bool:
        """Whether the letters read last are those of the index as it is now."""
        with self.library.searcher() as searcher, self._lock:
            return searcher is self._searcher

    def treaties(self) -> dict[str, int]:
        """Treaty -> number of letters that mention it."""
        return {treaty: len(marks) for treaty, marks in self._table()[1].items()}

    def timeline(self, treaties: Sequence[str], only: set[str] | None = None) -> list[Mark]:
        """A mark per letter that mentions a chosen treaty, treaty by treaty, each in date
        order; *only* keeps the letters with those ids (the matches of a search)."""
        marks = self._table()[1]
        chosen = [m for t in treaties for m in marks.get(t, ())]
        return chosen if only is None else [m for m in chosen if m.letter.id in only]

    def matching(self, query: str) -> set[str]:
        """Ids of the letters that match a search query (raises QueryError)."""
        with self.library.searcher() as searcher:
            scores = self._ranker_for(searcher).scores(parse_query(searcher.schema, query))
            return {searcher.stored_fields(d)["id"] for d in scores}

    def _ranker_for(self, searcher) -> Ranker:
        self.letters()  # renews the cache for this searcher first
        with self._lock:
            if self._ranker is None or self._ranker.searcher is not searcher:
                self._ranker = Ranker(searcher)
            return self._ranker

    # -- the passages -----------------------------------------------------------------

    def passages(
        self,
        treaty: str,
        years: tuple[int | None, int | None] = (None, None),
        text: str = "",
        only: set[str] | None = None,
    ) -> Iterator[Passage]:
        """Every passage that mentions *treaty*, oldest letter first, in text order; read
        a letter at a time, so the first screen costs only the first letters. *years* is
        an inclusive range; *text* a search query a passage must match (its words are in
        ``Passage.matches``); *only* restricts to those letter ids."""
        spec: MatchSpec | None = None
        if text.strip():
            wanted, spec = self._filter(text)
            only = wanted if only is None else only & wanted
        for row in self.letters():
            if not row.counts.get(treaty) or not _in_years(row.date, years):
                continue
            if only is not None and row.id not in only:
                continue
            stored = self._store.get(row.key)  # None: replaced by an import since
            if stored is not None:
                letter = letter_from_row(*stored)
                yield from letter_passages(letter, treaty, spec)

    def _filter(self, text: str) -> tuple[set[str], MatchSpec]:
        with self.library.searcher() as searcher:
            ranker = self._ranker_for(searcher)
            query = parse_query(searcher.schema, text)
            ids = {searcher.stored_fields(d)["id"] for d in ranker.scores(query)}
            return ids, match_spec(query, ranker)


def letter_passages(letter: Letter, treaty: str, spec: MatchSpec | None = None) -> list[Passage]:
    """The passages of one letter that mention *treaty*, in text order. With *spec* (a text
    filter), only those with a word of it, unless the filter has no words to find (a
    field-only query such as ``date:2018``), which keeps every passage of the letter."""
    mentions = sorted((m for m in letter.mentions if m.treaty == treaty), key=lambda m: m.start)
    citation = cite(letter.meta)
    out: list[Passage] = []
    i = 0
    for block in letter.blocks:
        while i < len(mentions) and mentions[i].start < block.start:
            i += 1
        inside = []
        while i < len(mentions) and mentions[i].end <= block.end:
            inside.append(mentions[i])
            i += 1
        if inside:
            passage = _passage(letter, treaty, citation, block, inside, spec)
            if passage is not None:
                out.append(passage)
    return out


def _passage(letter, treaty, citation, block: Block, inside, spec) -> Passage | None:
    text = letter.text[block.start : block.end]
    matches: tuple[tuple[int, int], ...] = ()
    if spec is not None and (spec.terms or spec.phrases):
        matches = tuple(iter_matches(text, spec))
        if not matches:
            return None
    return Passage(
        treaty=treaty,
        letter_id=letter.id,
        title=letter.meta.title or letter.id,
        date=letter.meta.date,
        kamerstuk=letter.meta.kamerstuk,
        citation=citation,
        kind=str(block.kind),
        start=block.start,
        end=block.end,
        text=text,
        mentions=tuple((m.start - block.start, m.end - block.start, m.kind) for m in inside),
        matches=matches,
    )


def _row(stored: dict) -> LetterRow:
    ks = kamerstuk_from_terms(stored.get("kamerstuk", ""))
    iso = stored.get("datestr") or None
    return LetterRow(
        id=stored["id"],
        key=stored["key"],
        title=stored.get("title") or stored["id"],
        date=iso,
        day=_day_number(iso),
        kamerstuk=ks,
        counts=json.loads(stored.get("counts") or "{}"),
    )


def _day_number(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso).toordinal() if iso else None
    except ValueError:
        return None


def _date_order(rows: Iterable[LetterRow]) -> list[LetterRow]:
    return sorted(rows, key=lambda r: (r.date is None, r.date or "", r.id))


def _in_years(date: str | None, years: tuple[int | None, int | None]) -> bool:
    first, last = years
    if first is None and last is None:
        return True
    if not date:
        return False
    year = int(date[:4])
    return (first is None or year >= first) and (last is None or year <= last)
