"""SQLite FTS5 (stdlib) on the same letters, so that every figure of the reader has a ratio.

Like for like with the reader's library:
- the same parsed letters (Letter.text, title, treaties), in one FTS5 table with accents
  folded (unicode61, remove_diacritics 2); FTS5 does not stem Dutch, so it finds fewer letters
  for a word with plural forms (the report gives both engines' totals);
- the same snippet budget: the text is split at a word boundary into ``head``, its first
  ``SNIPPET_HEAD`` characters (the part the reader cuts its snippets from), and ``rest``;
  both are searched, with the same BM25 weight, and snippet() reads only ``head``. Splitting a
  column this way leaves BM25 unchanged: FTS5 sums a phrase's weighted counts over the columns
  and takes the row's length over all of them;
- the same page: the ten best with their title (and a snippet), and the total;
- a fuzzy word (``Ruslnd~``, ``~2`` for two edits) becomes the OR of the words in the
  index within that many edits (optimal string alignment, the reader's measure) that share its
  first letter, read from fts5vocab once per initial and connection, as the reader reads its
  own word list once per initial and searcher.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from desktop.core.model.letter import Letter
from desktop.core.search.analysis import plain_form
from desktop.core.search.query import SNIPPET_HEAD

_SCHEMA = (
    "CREATE VIRTUAL TABLE letters USING fts5("
    "id UNINDEXED, title, treaty, head, rest, tokenize='unicode61 remove_diacritics 2')"
)
_RANK = "INSERT INTO letters(letters, rank) VALUES('rank', 'bm25(0, 2.0, 1.0, 1.0, 1.0)')"
_VOCAB = "CREATE VIRTUAL TABLE letter_words USING fts5vocab(letters, 'row')"
_HEAD_COLUMN = 3
# MATCH takes the query through noted(), so that what FTS5 evaluated is recorded by SQLite
# itself (checked in tests/perf): once per statement, not once per row.
_PAGE = "SELECT id, title FROM letters WHERE letters MATCH noted(?) ORDER BY rank LIMIT 10"
_PAGE_WITH_SNIPPETS = (
    f"SELECT id, title, snippet(letters, {_HEAD_COLUMN}, '<b>', '</b>', '…', 30) "
    "FROM letters WHERE letters MATCH noted(?) ORDER BY rank LIMIT 10"
)
_TOTAL = "SELECT count(*) FROM letters WHERE letters MATCH noted(?)"
_FUZZY = re.compile(r"(?<![\w\"])(\w+)~(\d?)(?![\w~])")


def create(db: Path) -> sqlite3.Connection:
    db.unlink(missing_ok=True)
    con = sqlite3.connect(db)
    con.execute(_SCHEMA)
    con.execute(_RANK)
    con.execute(_VOCAB)
    return con


def row(letter: Letter) -> tuple[str, str, str, str, str]:
    head, rest = split_head(letter.text)
    return letter.id, letter.meta.title, " ".join(letter.mention_counts()), head, rest


def split_head(text: str) -> tuple[str, str]:
    """The first SNIPPET_HEAD characters, cut back to a word boundary, and the rest."""
    if len(text) <= SNIPPET_HEAD:
        return text, ""
    cut = text.rfind(" ", 0, SNIPPET_HEAD + 1)
    cut = cut if cut > 0 else SNIPPET_HEAD
    return text[:cut], text[cut:]


def insert(con: sqlite3.Connection, letters: Iterable[Letter]) -> int:
    rows = [row(lt) for lt in letters]
    con.executemany("INSERT INTO letters VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def build(db: Path, letters: Iterable[Letter]) -> float:
    """Seconds to load already parsed *letters* into a fresh table and commit (inserted
    500 at a time: *letters* may be read one by one from disk)."""
    start = time.perf_counter()
    con = create(db)
    for chunk in batched(letters, 500):
        insert(con, chunk)
    con.commit()
    con.close()
    return time.perf_counter() - start


def batched(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Fts5Search:
    """One connection, searched the way the reader searches its library."""

    name = "fts5"

    def __init__(self, db: Path) -> None:
        self.con = sqlite3.connect(db)
        self.ran: list[tuple[str, tuple[str, ...]]] = []  # (query given, MATCH evaluated)
        self._evaluated: list[str] = []
        self._words: dict[str, list[str]] = {}
        self.con.create_function("noted", 1, self._note)

    def _note(self, match: str) -> str:
        self._evaluated.append(match)
        return match

    def search(self, query: str, snippets: bool = True) -> int:
        """The first page of *query* (the reader's syntax) and the total; returns the total."""
        self._evaluated = []
        match = self.match_expression(query)
        self.con.execute(_PAGE_WITH_SNIPPETS if snippets else _PAGE, (match,)).fetchall()
        (total,) = self.con.execute(_TOTAL, (match,)).fetchone()
        self.ran.append((query, tuple(self._evaluated)))
        return total

    def match_expression(self, query: str) -> str:
        """*query* as FTS5 reads it: the same text, fuzzy words expanded."""
        return _FUZZY.sub(lambda m: self._fuzzy(m.group(1), int(m.group(2) or 1)), query)

    def _fuzzy(self, word: str, maxdist: int) -> str:
        word = plain_form(word)
        initial = word[:1]
        if initial not in self._words:
            rows = self.con.execute(
                "SELECT term FROM letter_words WHERE term >= ? AND term < ?",
                (initial, chr(ord(initial) + 1)),
            )
            self._words[initial] = [t for (t,) in rows]
        found = process.extract(
            word, self._words[initial], scorer=OSA.distance, score_cutoff=maxdist, limit=None
        )
        words = sorted(w for w, _distance, _index in found) or [word]
        return "(" + " OR ".join(f'"{w}"' for w in words) + ")"

    def close(self) -> None:
        self.con.close()
