"""Work that must not run on the GUI thread: searching, writing the library, reading it.

Each job is a QRunnable for the global QThreadPool with a signals QObject that lives on the
GUI thread, so its signals arrive there queued. Jobs never touch widgets; they report through
signals, and every exception becomes a message instead of a dead thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.library.library import IndexReport, Library, LibraryBusy, LibraryError
from desktop.core.model.letter import Letter
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import QueryError, SearchResult, make_snippets
from desktop.ui.field_marks import field_terms
from desktop.ui.library_model import listing
from desktop.ui.search_model import Why, hit_marks


class SearchSignals(QObject):
    finished = Signal(int, object, object)  # sequence number, SearchResult, {id: Why}
    failed = Signal(int, object)  # sequence number, QueryError or str


class SearchJob(QRunnable):
    """One search; the sequence number lets the panel ignore answers that came too late.
    Each hit's marks are counted here, off the GUI thread: the words the text matched and,
    for treaty:, signatory: and kamerstuk:, what those fields matched in the letter."""

    def __init__(
        self,
        search: Callable[..., SearchResult],
        seq: int,
        query: str,
        options: SearchOptions,
        fetch: Callable[[str], Letter | None] | None = None,
    ):
        super().__init__()
        self.signals = SearchSignals()
        self._search = search
        self._fetch = fetch
        self._seq = seq
        self._query = query
        self._options = options

    def run(self) -> None:
        try:
            result = self._search(self._query, options=self._options)
            why = self._count(result)
        except QueryError as exc:
            _tell(self.signals.failed, self._seq, exc)
        except Exception as exc:  # a broken index must not kill the thread: say what failed
            _tell(self.signals.failed, self._seq, f"search failed: {exc}")
        else:
            _tell(self.signals.finished, self._seq, result, why)

    def _count(self, result: SearchResult) -> dict[str, Why]:
        """Per hit: how many marks, and snippets around them when the text matched no word
        (treaty:INF has no words: its snippets are cut around the mentions)."""
        terms = field_terms(self._query)
        why = {}
        for hit in result.hits:
            letter = self._fetch(hit.id) if terms and self._fetch else None
            if letter is None:
                why[hit.id] = Why(hit.match_count)
                continue
            marks = hit_marks(hit, terms, letter)
            snippets = [] if hit.snippets else make_snippets(letter.text, marks)
            why[hit.id] = Why(len(marks), snippets)
        return why


PACE_AFTER_S = 2.0  # an import's pace is said once it has run this long


@dataclass(frozen=True, slots=True)
class Pace:
    letters_per_s: float
    seconds_left: float


def import_pace(done: int, total: int, elapsed: float) -> Pace | None:
    """How fast an import goes, over all of it so far, and how long the rest takes at that
    pace; None until it has run PACE_AFTER_S seconds and done a letter."""
    if done < 1 or elapsed < PACE_AFTER_S:
        return None
    rate = done / elapsed
    return Pace(rate, max(0, total - done) / rate)


class WriteSignals(QObject):
    progress = Signal(int, int, str)  # done, total, current file
    finished = Signal(object, object)  # the write's result, the library's Listing afterwards
    failed = Signal(str, bool)  # message, whether the library was busy


Write = Callable[[Callable[[int, int, str], None], Callable[[], bool]], object]


class WriteJob(QRunnable):
    """One write of the library (an import, a removal, a re-read), cancellable where the
    write looks; the entries are re-read here too, so that the GUI thread never waits for
    the index. *write* takes a progress callback and a cancelled() test."""

    def __init__(self, library: Library, write: Write) -> None:
        super().__init__()
        self.signals = WriteSignals()
        self._library = library
        self._write = write
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._write(self.signals.progress.emit, self.cancelled)
            made = listing(self._library.entries())
        except LibraryBusy as exc:
            _tell(self.signals.failed, str(exc), True)
        except LibraryError as exc:
            _tell(self.signals.failed, str(exc), False)
        except Exception as exc:  # never a traceback in a thread nobody watches
            _tell(self.signals.failed, f"{type(exc).__name__}: {exc}", False)
        else:
            _tell(self.signals.finished, result, made)


def import_job(library: Library, paths: Sequence[Path]) -> WriteJob:
    """Library.add over *paths*: new and changed files imported."""
    paths = list(paths)

    def write(progress, cancelled) -> IndexReport:
        return library.add(paths, progress=progress, cancelled=cancelled)

    return WriteJob(library, write)


class CallSignals(QObject):
    done = Signal(object)  # the call's result
    failed = Signal(str)


class CallJob(QRunnable):
    """A call that reads (the library's table of letters, every passage for an export, where
    an original is): its result, or its error as one line."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.signals = CallSignals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # a broken library must not kill the thread: say so
            _tell(self.signals.failed, str(exc) or type(exc).__name__)
        else:
            _tell(self.signals.done, result)


def _tell(signal, *args: object) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # its QObject is gone with the window that asked: nobody is waiting
        pass


def start(job: QRunnable) -> None:
    QThreadPool.globalInstance().start(job)
