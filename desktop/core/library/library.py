"""The library: parsed letters in a Whoosh index, searched the way a Dutch reader expects.

Two parts in one folder: the Whoosh index (what exists, and everything search needs) and the
letter store (the clean text and annotations of each letter, see letter_store.py). The index
analyses exactly the text the store keeps, so a hit's offsets land on the characters the
reader shows (DESIGN.md). Opening a letter never parses its source again.

Crash safety: an import is one Whoosh commit. Its letter rows reach the store (synced) before
the index commits and points at them; the commit itself is atomic (a new table of contents,
renamed into place) and is fsynced before the import is reported done (storage.py). A kill at
any moment leaves the index of the last completed import; rows nobody points at are removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError

from desktop.core.ingest.parse import SUPPORTED_SUFFIXES, parse_bytes, read_file_bytes
from desktop.core.library.failures import FailureMemory
from desktop.core.library.records import LibraryEntry, entry, letter_from_row, store_key, store_row
from desktop.core.library.storage import durable_commit
from desktop.core.library.store import LetterStore
from desktop.core.model.draft import LetterError
from desktop.core.model.letter import Letter
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import SearchResult, run_search
from desktop.core.search.ranking import Ranker
from desktop.core.search.schema import SCHEMA_VERSION, index_fields, make_schema
from desktop.core.search.vocabulary import Vocabulary
from desktop.core.search.whoosh_internals import apply as _apply_whoosh_fixes

INDEX_NAME = "letters"
_META_FILE = "library.json"
PARALLEL_FROM = 200  # files in one import before the multiprocessing writer pays off
WRITER_PROCS = 2
WRITER_LIMIT_MB = 128
_STORE_BATCH = 200  # letters per store transaction during an import
_AHEAD = 8  # letters parsed ahead of the indexer

Progress = Callable[[int, int, str], None]  # done, total, current file

__all__ = ["SCHEMA_VERSION", "IndexReport", "Library", "LibraryBusy", "LibraryError"]


class LibraryError(Exception):
    """The library cannot do what was asked; the message says why, in a user's words."""


class LibraryBusy(LibraryError):
    """Another process is writing to the library."""


@dataclass
class IndexReport:
    """What an import did, as the CLI prints it."""

    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    cancelled: bool = False
    # Of the failures, files skipped because the same content failed before (not parsed
    # again; Library.add(retry_failed=True) / `index --retry-failed` tries them anyway).
    known_failures: int = 0
    added_ids: list[str] = field(default_factory=list)  # new and changed letters

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        text = (
            f"indexed {self.new} new, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Letter files below *paths* (folders are walked, sorted); missing paths are failures."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                )
            )
        elif p.exists():
            files.append(p)
        else:
            missing.append((str(p), f"{p}: no such file"))
    return [f.resolve() for f in files], missing


@dataclass(slots=True)
class _Parsed:
    """One file, read and parsed ahead of the indexer (or why not)."""

    path: Path
    outcome: str  # "letter", "unchanged", "failed", "known-failure"
    digest: str = ""
    letter: Letter | None = None
    message: str = ""


class Library:
    """One library folder; open it with :meth:`open`."""

    def __init__(self, root: Path, ix: windex.Index) -> None:
        self.root = root
        self._ix = ix
        self._store = LetterStore(root)
        self.rebuilt_message: str | None = None
        self._vocabulary: Vocabulary | None = None
        self._searcher = None
        self._search_lock = threading.RLock()
        self._ranker: Ranker | None = None

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | str) -> Library:
        """Open or create the library in *root*. An index of an older schema, or one that
        cannot be read, is rebuilt from its source files; ``rebuilt_message`` says so."""
        _apply_whoosh_fixes()
        root = Path(root)
        _check_writable(root)
        # No mmap: mapped index files count as the window's own memory (185 MB at 10,000
        # letters, 34 MB without), while reads through the page cache cost ~10% in search.
        storage = FileStorage(str(root), supports_mmap=False)
        version = _read_meta(root).get("schema_version")
        if not windex.exists_in(str(root), INDEX_NAME):
            if version is not None:  # there was a library here: never show it empty silently
                return cls._rebuild(root, storage, "the library index is missing")
            created = cls(root, storage.create_index(make_schema(), indexname=INDEX_NAME))
            _write_meta(root, {"schema_version": SCHEMA_VERSION})
            return created
        if version is None:  # killed between creating the index and writing its version
            _write_meta(root, {"schema_version": SCHEMA_VERSION})
            version = SCHEMA_VERSION
        if version != SCHEMA_VERSION:
            return cls._rebuild(
                root, storage, f"library format {version} is older than {SCHEMA_VERSION}"
            )
        if _read_meta(root).get("rebuild_pending"):
            return cls._rebuild(root, storage, "an earlier rebuild did not finish")
        lib: Library | None = None
        try:
            lib = cls(root, storage.open_index(indexname=INDEX_NAME))
            lib._verify()
        except Exception as exc:  # a damaged index: Whoosh and SQLite raise many types here
            if lib is not None:
                lib.close()
            return cls._rebuild(
                root, storage, f"the library could not be read ({type(exc).__name__})"
            )
        return lib

    def _verify(self) -> None:
        """Read every stored record and check each letter's row is in the store: a truncated
        or corrupted file shows here, at start-up, not as an empty list later."""
        with self.searcher() as s:
            keys = {d["key"] for d in s.all_stored_fields()}
            for fieldname in ("text", "title"):
                s.reader().field_length(fieldname)
        missing = keys - self._store.keys()
        if missing:
            raise LibraryError(f"{len(missing)} letters missing from the letter store")

    @classmethod
    def _rebuild(cls, root: Path, storage: FileStorage, why: str) -> Library:
        """A new index from the source files. Until its import has committed, the folder
        says a rebuild is pending (with the sources), so a failure or a kill half-way is
        rebuilt again at the next start, never shown as an empty library."""
        meta = _read_meta(root)
        sources = meta.get("sources", [])
        lock = storage.lock(f"{INDEX_NAME}_WRITELOCK")
        if not lock.acquire(blocking=False):
            raise LibraryBusy(f"library busy: {why}, and another reader is writing to {root}")
        try:
            _write_meta(
                root,
                {"schema_version": SCHEMA_VERSION, "sources": sources, "rebuild_pending": True},
            )
            ix = storage.create_index(make_schema(), indexname=INDEX_NAME)
        finally:
            lock.release()
        lib = cls(root, ix)
        report = lib.add([Path(s) for s in sources if Path(s).exists()])
        lib.rebuilt_message = f"{why}; rebuilt from {report.new} source files"
        missing = [s for s in sources if not Path(s).exists()]
        if missing:
            lib.rebuilt_message += f" ({len(missing)} no longer found, e.g. {missing[0]})"
        return lib

    def busy(self) -> bool:
        """Whether another process is writing: this one can still read and search."""
        lock = self._ix.storage.lock(f"{INDEX_NAME}_WRITELOCK")
        if not lock.acquire(blocking=False):
            return True
        lock.release()
        return False

    def close(self) -> None:
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = self._ranker = None
        self._ix.close()
        self._store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        with self.searcher() as s:
            return s.doc_count()

    @contextmanager
    def searcher(self) -> Iterator:
        """A searcher kept open between queries (opening one per query costs as much as a
        simple search) and renewed when a writer, here or in another process, committed;
        one thread at a time."""
        with self._search_lock:
            if self._searcher is not None and not self._searcher.up_to_date():
                # Not Searcher.refresh(): it fails on a searcher of an empty index.
                self._searcher.close()
                self._searcher = self._ranker = None
            if self._searcher is None:
                self._searcher = self._ix.searcher()
            yield self._searcher

    def ids(self) -> list[str]:
        with self.searcher() as s:
            return [d["id"] for d in s.all_stored_fields()]

    def entries(self) -> list[LibraryEntry]:
        """A light record per letter for lists: id, path, title, date, kamerstuk, counts."""
        with self.searcher() as s:
            return [entry(d) for d in s.all_stored_fields()]

    def get(self, letter_id: str) -> Letter | None:
        with self.searcher() as s:
            doc = s.document(id=letter_id)
        row = self._store.get(doc["key"]) if doc else None
        return letter_from_row(*row) if row else None

    def search(self, query: str, options: SearchOptions = SearchOptions()) -> SearchResult:
        """Search the library. Raises QueryError (with the position where the query goes
        wrong, when known) for a query that cannot be read."""
        with self.searcher() as s:
            return run_search(
                s, query, options, vocabulary=self.vocabulary, text_of=self._text_of,
                ranker=self._ranker_for(s),
            )  # fmt: skip

    def _ranker_for(self, searcher) -> Ranker:
        """Per searcher: a commit brings a new searcher, and so new tables."""
        if self._ranker is None or self._ranker.searcher is not searcher:
            self._ranker = Ranker(searcher)
        return self._ranker

    def _text_of(self, key: str, limit: int | None = None) -> str:
        return self._store.text(key, limit) or ""

    @property
    def vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = Vocabulary.load(self.root)
        return self._vocabulary

    def paths(self) -> dict[str, str]:
        """path -> content hash of every letter in the library."""
        with self.searcher() as s:
            return {d["path"]: d["hash"] for d in s.all_stored_fields()}

    # -- writing ------------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[Path],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        prune: bool = False,
        retry_failed: bool = False,
    ) -> IndexReport:
        """Parse and index new and changed files below *paths*; with *prune*, drop letters
        whose files under those folders are gone. One commit: an error or a kill keeps the
        library as it was before; a cancel commits the letters done so far, so that the
        next import goes on where it stopped. A file that failed before with the same
        content is skipped (and reported) unless *retry_failed*."""
        paths = [Path(p) for p in paths]
        files, failures = collect_files(paths)
        report = IndexReport(failures=list(failures))
        failed = FailureMemory.load(self.root)
        rows: list[tuple[str, str, str]] = []
        words: list[set[str]] = []
        with self._writer(parallel=len(files) >= PARALLEL_FROM) as writer:
            # Read what exists only now, under the write lock: another writer may have
            # committed since this library was opened.
            with self.searcher() as s:
                docs = list(s.all_stored_fields())
            known = {d["path"]: d["hash"] for d in docs}
            owners = {d["id"]: d["path"] for d in docs}
            old_keys = {d["path"]: d["key"] for d in docs}
            parsed = _ParseAhead(files, known, failed, retry_failed)
            try:
                for i, item in enumerate(parsed):
                    if cancelled():
                        report.cancelled = True
                        break
                    if progress:
                        progress(i, len(files), str(item.path))
                    self._take(writer, item, known, owners, report, failed, rows, words)
                    if len(rows) >= _STORE_BATCH:
                        self._store.put_many(rows)
                        rows.clear()
            finally:
                parsed.close()
            if prune and not report.cancelled:
                report.removed = self._prune(writer, paths, known)
            self._store.put_many(rows)  # before the index points at them
        if progress:
            progress(len(files), len(files), "")
        self._after_write(old_keys, words)
        failed.save()
        return report

    def _take(self, writer, item: _Parsed, known, owners, report, failed, rows, words) -> None:
        key = str(item.path)
        if item.outcome == "unchanged":
            report.unchanged += 1
        elif item.outcome == "known-failure":
            report.failures.append((key, f"{item.message} (failed before; use --retry-failed)"))
            report.known_failures += 1
        elif item.outcome == "failed":
            if item.digest:
                failed.remember(key, item.digest, item.message)
            report.failures.append((key, item.message))
        else:
            letter = item.letter
            assert letter is not None
            failed.forget(key)
            letter.id = _free_id(letter.id, key, owners)
            owners[letter.id] = key
            row_key = store_key(letter.id, item.digest)
            rows.append(store_row(letter, row_key))
            writer.update_document(**index_fields(letter, key, item.digest, row_key))
            words.append(self.vocabulary.words_of(letter.text))
            report.added_ids.append(letter.id)
            if key in known:
                report.changed += 1
            else:
                report.new += 1

    def _prune(self, writer, roots: list[Path], known: dict[str, str]) -> int:
        folders = [str(r.resolve()) + os.sep for r in roots if r.is_dir()]
        gone = [p for p in known if any(p.startswith(f) for f in folders) and not Path(p).exists()]
        for p in gone:
            writer.delete_by_term("path", p)
        return len(gone)

    def remove(self, letter_ids: Iterable[str]) -> int:
        count = 0
        with self._writer() as writer:
            with self.searcher() as s:
                old_keys = {d["path"]: d["key"] for d in s.all_stored_fields()}
            for lid in letter_ids:
                count += writer.delete_by_term("id", lid)
        self._after_write(old_keys, [])
        return count

    @contextmanager
    def _writer(self, parallel: bool = False):
        """One writer, committed (and synced) on success, cancelled on any error. A large
        import uses Whoosh's multiprocessing writer: two processes index while this one
        parses (measured 6.5 s -> 3.9 s for 1,000 letters on 2 cores)."""
        options = (
            {"procs": WRITER_PROCS, "multisegment": True, "limitmb": WRITER_LIMIT_MB}
            if parallel
            else {}
        )
        try:
            writer = self._ix.writer(timeout=0.0, **options)
        except LockError:
            raise LibraryBusy(
                f"library busy: another Kamerbrief Reader is writing to {self.root}"
            ) from None
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        durable_commit(writer, self.root)

    def _after_write(self, old_keys: dict[str, str], words: list[set[str]]) -> None:
        """After a commit: the store rows of the versions this write replaced or removed go
        (only those: rows another process wrote for its own import, not committed yet,
        stay), the sources list follows, and the new letters' words join the vocabulary."""
        with self.searcher() as s:
            stored = list(s.all_stored_fields())
        current = {d["key"] for d in stored}
        self._store.delete(set(old_keys.values()) - current)
        meta = _read_meta(self.root)
        meta["schema_version"] = SCHEMA_VERSION
        meta["sources"] = sorted(d["path"] for d in stored)
        meta.pop("rebuild_pending", None)
        _write_meta(self.root, meta)
        if words:
            self.vocabulary.merge_and_save(words)


def _free_id(wanted: str, path: str, owners: dict[str, str]) -> str:
    """*wanted*, or *wanted* with a number, so that two files never share an id
    (kst-33694-69.xml and kst-33694-69.html are two letters in the library)."""
    candidate, n = wanted, 1
    while owners.get(candidate, path) != path:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


class _ParseAhead:
    """Reads, hashes and parses files in a thread, a few ahead of the indexer: parsing waits
    on the parser worker process, so the indexer works meanwhile."""

    def __init__(self, files, known, failed, retry_failed) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(files, known, failed, retry_failed), daemon=True
        )
        self._thread.start()

    def _run(self, files, known, failed, retry_failed) -> None:
        try:
            for path in files:
                if self._stop.is_set():
                    return
                self._put(_prepare(path, known, failed, retry_failed))
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

    def __iter__(self) -> Iterator[_Parsed]:
        while (item := self._queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


def _prepare(
    path: Path, known: dict[str, str], failed: FailureMemory, retry_failed: bool
) -> _Parsed:
    try:
        data = read_file_bytes(path)  # refuses an oversized file by its size, unread
    except LetterError as exc:
        return _Parsed(path, "failed", message=str(exc))
    digest = file_hash(data)
    if known.get(str(path)) == digest:
        return _Parsed(path, "unchanged", digest)
    if not retry_failed and (message := failed.known(str(path), digest)):
        return _Parsed(path, "known-failure", digest, message=message)
    try:
        return _Parsed(path, "letter", digest, letter=parse_bytes(data, path))
    except LetterError as exc:
        return _Parsed(path, "failed", digest, message=str(exc))


def _check_writable(root: Path) -> None:
    """The folder exists, is ours alone (0700: letters can be confidential) and writable."""
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        root.chmod(0o700)
        probe = root / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise LibraryError(f"cannot write the library at {root}: {exc.strerror or exc}") from None


def _read_meta(root: Path) -> dict:
    try:
        return json.loads((root / _META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_meta(root: Path, meta: dict) -> None:
    tmp = root / (_META_FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, root / _META_FILE)
