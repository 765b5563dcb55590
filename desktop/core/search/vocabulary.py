"""The library's own words, for "did you mean".

Whoosh can keep unstemmed words in a spelling field, but that field costs a third of the
build time (measured: 11.2 s -> 7.2 s for 1,000 letters without it). A sorted word list with
document frequencies, kept beside the index, gives the same suggestions for a fraction.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from desktop.core.search.analysis import MAX_WORD_CHARS, plain_form

_FILE = "vocabulary.json"
_WORD_RE = re.compile(r"[^\W\d_]{3,}")  # words of letters only: no designations, no numbers


class Vocabulary:
    def __init__(self, root: Path, counts: Counter[str] | None = None) -> None:
        self.root = root
        self._counts = counts
        self._seen: tuple[int, int, int] | None = None  # the file as last read or saved here
        self._by_initial: dict[str, list[str]] | None = None
        self._lock = threading.Lock()  # an import adds while a search thread suggests

    @classmethod
    def load(cls, root: Path) -> Vocabulary:
        """The library's words, read from disk when first needed: a search that finds
        letters suggests nothing, and at 100,000 letters the file takes a second to read."""
        return cls(root)

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts, self._seen = _read(self.root / _FILE)
        return self._counts

    @staticmethod
    def words_of(text: str) -> set[str]:
        """The distinct words of one letter: each counts once per letter."""
        return {plain_form(w) for w in _WORD_RE.findall(text) if len(w) <= MAX_WORD_CHARS}

    def merge_and_save(self, letters: Mapping[str, int]) -> None:
        """Add committed letters' words (how many letters have each) to what is on disk now
        and save. What is on disk is read again only when another process saved since this
        one read or saved it: within one import never (its batches hold the write lock), and
        at 100,000 letters reading it held Python's lock for half a second per batch, the
        window frozen meanwhile. Counts of replaced or removed letters are not taken back: a
        suggestion may point at a word that has gone (it then finds nothing), never the
        other way round."""
        path = self.root / _FILE
        with self._lock:
            if self._counts is None or self._seen != _stamp(path):
                self._counts, self._seen = _read(path)
            counts, self._counts, self._by_initial = self._counts, None, None
            counts.update(letters)
            tmp = self.root / (_FILE + ".tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(counts, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
            self._counts, self._seen = counts, _stamp(path)  # only once saved: else read again

    def suggest(self, word: str, maxdist: int = 2) -> str | None:
        """The most common known word nearest to *word* (same first letter, at most
        *maxdist* edits), or None if it is known already or nothing is near."""
        word = plain_form(word)
        with self._lock:
            counts = self.counts
            if self._by_initial is None:
                self._by_initial = {}
                for known in counts:
                    self._by_initial.setdefault(known[0], []).append(known)
            candidates = self._by_initial.get(word[:1], [])
        if not word or word in counts:
            return None
        found = process.extract(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=maxdist, limit=None
        )
        if not found:
            return None
        best, _distance, _index = min(found, key=lambda f: (f[1], -counts[f[0]], f[0]))
        return best


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Which version of the file is on disk: every save is a new file (renamed into place)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def _read(path: Path) -> tuple[Counter[str], tuple[int, int, int] | None]:
    stamp = _stamp(path)  # before reading: a save in between makes the next merge read again
    try:
        return Counter(json.loads(path.read_text(encoding="utf-8"))), stamp
    except (OSError, ValueError):
        return Counter(), stamp
