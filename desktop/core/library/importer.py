"""One import into a library: which files, read and parsed ahead, and what became of each.

The library (library.py) opens, reads, searches and commits; an :class:`Importer` owns one
import: its report, the failure memory, the files read and parsed ahead of the indexer, and
what it hands to the library's write (write.py). It also re-reads letters from the library's
own copies of their originals (a newer parser, a rebuild). This is the only part of the
library that parses, so only it imports the readers.

An import also reads again the letters an older parser read (parser_version.py), from the
library's copies, in the same commit: a newer program improves what the library holds at
its first import, with the import's progress and cancel (a cancelled one goes on at the next
import), never at start-up, where reading 1,000 letters again would keep the window waiting
half a minute.

One bad file never costs an import: whatever goes wrong with one file (its name, its type, its
permissions, its size, its content, a reader's bug, a date no calendar has) becomes that
file's one-line failure; the import stops only when the library itself cannot be written
(a full disk), and then keeps nothing of it.
"""

from __future__ import annotations

import os
import queue
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.ingest.parse import parse_bytes, read_file_bytes
from desktop.core.ingest.suffixes import SUPPORTED_SUFFIXES
from desktop.core.library.failures import FailureMemory
from desktop.core.library.meta import CatalogEntry
from desktop.core.library.originals import file_hash
from desktop.core.library.report import IndexReport
from desktop.core.library.write import LibraryWrite
from desktop.core.model.draft import LetterError, shown
from desktop.core.model.letter import Letter

if TYPE_CHECKING:
    from desktop.core.library.library import Library

Progress = Callable[[int, int, str], None]  # done, total, current file
BatchDone = Callable[[int], None]  # letters of this import committed so far
_AHEAD = 8  # letters parsed ahead of the indexer


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Letter files below *paths* (folders are walked, sorted, each file once) and the
    failures met on the way: missing paths, folders that cannot be read, things with a
    letter's name that are not files."""
    files: list[Path] = []
    failures: list[tuple[str, str]] = []
    for p in map(Path, paths):
        kind = _kind(p)
        if kind == "folder":
            found, problems = _walk(p)
            files += found
            failures += problems
        elif kind is None:
            failures.append((str(p), f"{shown(p)}: no such file"))
        else:
            files.append(p)  # named by the user: read_file_bytes says what is wrong with it
    unique = dict.fromkeys(_resolved(f) for f in files)
    return list(unique), failures


def _kind(path: Path) -> str | None:
    try:
        return "folder" if stat.S_ISDIR(os.stat(path).st_mode) else "file"
    except FileNotFoundError:
        return None
    except OSError:
        return "file"  # reported when it is read


def _walk(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    files: list[Path] = []
    failures: list[tuple[str, str]] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or folder
        why = exc.strerror or str(exc)
        failures.append((str(where), f"{shown(where)}: folder cannot be read ({why}); skipped"))

    for here, dirs, names in os.walk(folder, onerror=unreadable):
        dirs.sort()
        for name in sorted(names):
            if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
                files.append(Path(here, name))
    return files, failures


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


@dataclass(slots=True)
class Source:
    """One file to read: the original's *path* (its name picks the reader and the letter
    id); for a re-read, the content it had and the letter it became."""

    path: Path
    digest: str = ""
    letter_id: str = ""


@dataclass(slots=True)
class Parsed:
    """One source, read and parsed ahead of the indexer (or why not)."""

    source: Source
    outcome: str  # "letter", "unchanged", "failed", "known-failure"
    digest: str = ""
    letter: Letter | None = None
    message: str = ""
    data: bytes | None = None  # the bytes, when the library has no copy of them yet


class Importer:
    """One import into *library*; :meth:`add` or :meth:`reread` runs it, once."""

    def __init__(
        self,
        library: Library,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        retry_failed: bool = False,
        batch_done: BatchDone | None = None,
    ) -> None:
        self.library = library
        self.report = IndexReport()
        self.failed = FailureMemory.load(library.root)
        self._progress = progress
        self._cancelled = cancelled
        self._retry_failed = retry_failed
        self._batch_done = batch_done
        self._fallback: dict[str, str] = {}  # id -> key of the row a failed re-read keeps
        # The word forms of the library's other letters, for the hyphen rules (parse_bytes).
        self._words: frozenset[str] = frozenset()
        self._again: dict[str, str] = {}  # path -> row of a letter an older parser read

    # -- adding files ---------------------------------------------------------------------

    def add(self, paths: Iterable[Path], prune: bool = False) -> IndexReport:
        """Parse and index new and changed files below *paths*; with *prune*, drop letters
        whose files under those folders are gone. Committed in batches (write.py): an error
        keeps the batches committed before it; a cancel commits the letters done so far, so
        that the next import goes on where it stopped."""
        paths = [Path(p) for p in paths]
        files, failures = collect_files(paths)

        def write_files(write: LibraryWrite) -> None:
            write.forget_removed()
            sources = [Source(f) for f in files] + self._read_again(write)
            self._run(write, sources, self._read_file_or_copy)
            if prune and not self.report.cancelled:
                self.report.removed = write.delete_paths(_gone(write.by_path, paths))
            self.failed.save()

        return self._written(write_files, failures)

    def _written(
        self,
        body: Callable[[LibraryWrite], None],
        failures: Sequence[tuple[str, str]] = (),
        tidy: bool = True,
    ) -> IndexReport:
        """*body* in one write, committed batch by batch (write.py)."""
        self.report = IndexReport(failures=list(failures))
        with self.library._write(tidy=tidy) as write:
            body(write)
        return self.report

    def _read_again(self, write: LibraryWrite) -> list[Source]:
        """The letters an older parser read, to read again from their copies (after the
        files: a file that changed since supersedes its letter's copy, see _take). None
        of them, nor a letter that is going, is evidence for the hyphen rules."""
        older = self.library.store.read_by_older_parser()
        docs = [write.by_id[i] for i, _ in older if i in write.by_id]
        self._again = {d["path"]: d["key"] for d in docs}
        leaving_out = write.dropped | {key for _, key in older}
        self._words = self.library.store.library_words(leaving_out=leaving_out)
        return [Source(Path(d["path"]), d["hash"], d["id"]) for d in docs]

    def _read_file_or_copy(self, source: Source, known: dict[str, str]) -> Parsed:
        if source.letter_id:
            return self._read_copy(source, known)
        return self._read_file(source, known)

    def _read_file(self, source: Source, known: dict[str, str]) -> Parsed:
        path = source.path
        try:
            os.fsencode(path).decode("utf-8")
        except UnicodeDecodeError:
            return Parsed(source, "failed", message=f"{shown(path)}: the file name is not "
                          "valid UTF-8; rename the file to import it")  # fmt: skip
        try:
            data = read_file_bytes(path)
        except LetterError as exc:
            return Parsed(source, "failed", message=str(exc))
        digest = file_hash(data)
        if known.get(str(path)) == digest:
            has_copy = self.library.originals.path(digest, str(path)).exists()
            return Parsed(source, "unchanged", digest, data=None if has_copy else data)
        if not self._retry_failed and (message := self.failed.known(str(path), digest)):
            return Parsed(source, "known-failure", digest, message=message)
        return self._parse(source, data, digest, keep_data=True)

    # -- re-reading the library's copies ---------------------------------------------------

    def reread(self, ids: Iterable[str]) -> IndexReport:
        """Parse these letters again from the library's copies of their originals; a letter
        that cannot be re-read stays as it was."""
        ids = list(ids)

        def write_again(write: LibraryWrite) -> None:
            write.forget_removed()
            sources = _sources(write, ids)
            rows = {write.by_id[s.letter_id]["key"] for s in sources}
            self._words = self.library.store.library_words(leaving_out=rows | write.dropped)
            self._run(write, sources, self._read_copy)

        return self._written(write_again)

    def rebuild(
        self, entries: list[CatalogEntry], rows: dict[str, str], old_keys: set[str]
    ) -> IndexReport:
        """Fill an empty index from the copies of *entries*; a letter whose copy cannot be
        read again keeps its row (*rows*: id -> row key), if it has one. The rows *old_keys*
        go once this commits (unless kept so). Every letter is read again, so none is
        read with the library's words (no letter is evidence for itself)."""
        self._fallback = rows
        sources = [Source(Path(e.path), e.digest, e.id) for e in entries]

        def write_all(write: LibraryWrite) -> None:
            write.dropped_at_end |= old_keys
            self._run(write, sources, self._read_copy)

        return self._written(write_all, tidy=False)

    def _read_copy(self, source: Source, known: dict[str, str]) -> Parsed:
        data = self.library.originals.read(source.digest, str(source.path))
        if data is None:
            data = _same_file(source)  # a library from before copies: the file, if unchanged
        if data is None:
            copy = self.library.originals.path(source.digest, str(source.path))
            problem = (
                "the library's copy of the original is damaged"
                if copy.exists()
                else "the library has no copy of the original"
            )
            return Parsed(
                source, "failed", source.digest, message=f"{shown(source.path)}: {problem}"
            )
        return self._parse(source, data, source.digest, keep_data=True)

    # -- the loop ---------------------------------------------------------------------------

    def _parse(self, source: Source, data: bytes, digest: str, keep_data: bool) -> Parsed:
        try:
            letter = parse_bytes(data, source.path, self._words)
        except LetterError as exc:
            return Parsed(source, "failed", digest, message=str(exc))
        copy = self.library.originals.path(digest, str(source.path))
        keep = keep_data and not copy.exists()
        return Parsed(source, "letter", digest, letter=letter, data=data if keep else None)

    def _run(self, write: LibraryWrite, sources: list[Source], read) -> None:
        known = {p: d["hash"] for p, d in write.by_path.items() if "hash" in d}
        ahead = _ParseAhead(sources, lambda s: _guarded(read, s, known))
        try:
            for i, item in enumerate(ahead):
                if self._cancelled():
                    self.report.cancelled = True
                    break
                if self._progress:
                    self._progress(i, len(sources), str(item.source.path))
                self._take(write, item)
                if write.checkpoint() and self._batch_done:
                    self._batch_done(write.committed)
        finally:
            ahead.close()
        if self._progress:
            self._progress(len(sources), len(sources), "")

    def _take(self, write: LibraryWrite, item: Parsed) -> None:
        key = str(item.source.path)
        if item.source.letter_id and self._again.get(key, "") not in ("", _row(write, key)):
            return  # its file changed, and was read in this import: the copy is out of date
        if item.outcome == "unchanged":
            self.report.unchanged += 1
            if item.data is not None:
                write.keep_copy(item.digest, key, item.data)
        elif item.outcome == "known-failure":
            self._fail(write, key, f"{item.message} (failed before; use --retry-failed)")
            self.report.known_failures += 1
        elif item.outcome == "failed":
            if item.digest and not item.source.letter_id:
                self.failed.remember(key, item.digest, item.message)
            self._fail(write, key, item.message, item.source.letter_id)
        else:
            self._put(write, item, key)

    def _put(self, write: LibraryWrite, item: Parsed, key: str) -> None:
        letter = item.letter
        assert letter is not None
        letter.id = item.source.letter_id or _free_id(letter.id, key, write.by_id)
        replaces = key in write.by_path
        try:
            write.put(letter, key, item.digest, item.data)
        except LetterError as exc:
            self._fail(write, key, str(exc), item.source.letter_id)
            return
        self.failed.forget(key)
        if item.source.letter_id and key in self._again:
            self.report.reread += 1
            return
        self.report.added_ids.append(letter.id)
        if replaces:
            self.report.changed += 1
        else:
            self.report.new += 1

    def _fail(self, write: LibraryWrite, path: str, message: str, letter_id: str = "") -> None:
        """A file's one-line failure. A letter being read again stays as it was: in the
        index (a re-read), or indexed from its row (a rebuild); this parser does not try it
        again."""
        self.report.failures.append((path, message))
        row_key = self._fallback.get(letter_id)
        for row in self.library.store.rows_of([row_key] if row_key else []):
            write.reindex(row)
        doc = write.by_id.get(letter_id) if letter_id else None
        if doc is not None:
            self.report.kept += 1
            write.tried.add(doc["key"])


def _row(write: LibraryWrite, path: str) -> str:
    doc = write.by_path.get(path)
    return doc["key"] if doc else ""


def _guarded(read, source: Source, known: dict[str, str]) -> Parsed:
    """*read*, with anything unexpected made this file's failure."""
    try:
        return read(source, known)
    except LetterError as exc:
        return Parsed(source, "failed", message=str(exc))
    except Exception as exc:  # a bug met by one file must not cost the others
        return Parsed(source, "failed", message=f"{shown(source.path)}: could not be read "
                      f"({type(exc).__name__}: {exc})")  # fmt: skip


def _sources(write: LibraryWrite, ids: Iterable[str]) -> list[Source]:
    out = []
    for letter_id in ids:
        doc = write.by_id.get(letter_id)
        if doc is not None:
            out.append(Source(Path(doc["path"]), doc["hash"], letter_id))
    return out


def _same_file(source: Source) -> bytes | None:
    try:
        data = read_file_bytes(source.path)
    except LetterError:
        return None
    return data if file_hash(data) == source.digest else None


def _gone(by_path: dict, roots: list[Path]) -> list[str]:
    folders = [str(_resolved(r)) + os.sep for r in roots if _kind(r) == "folder"]
    return [p for p in by_path if any(p.startswith(f) for f in folders) and _missing(p)]


def _missing(path: str) -> bool:
    try:
        os.stat(path)
        return False
    except FileNotFoundError:
        return True
    except OSError:
        return False  # cannot see it: not proof it is gone


def _free_id(wanted: str, path: str, by_id: dict[str, dict]) -> str:
    """*wanted*, or *wanted* with a number, so that two files never share an id
    (kst-33694-69.xml and kst-33694-69.html are two letters in the library)."""
    candidate, n = wanted, 1
    while (doc := by_id.get(candidate)) is not None and doc["path"] != path:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


class _ParseAhead:
    """Reads, hashes and parses files in a thread, a few ahead of the indexer: parsing waits
    on the parser worker process, so the indexer works meanwhile."""

    def __init__(self, sources: list[Source], prepare: Callable[[Source], Parsed]) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(sources, prepare), daemon=True, name="parse-ahead"
        )
        self._thread.start()

    def _run(self, sources: list[Source], prepare: Callable[[Source], Parsed]) -> None:
        try:
            for source in sources:
                if self._stop.is_set():
                    return
                self._put(prepare(source))
        except BaseException as exc:  # handed to the indexer, which re-raises it
            self._put(exc)
        self._put(None)

    def _put(self, item) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def __iter__(self) -> Iterator[Parsed]:
        while (item := self._queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
