"""The library: parsed letters in a Whoosh index, searched the way a Dutch reader expects.

One folder holds the Whoosh index (what exists, and everything search needs), the letter
store (the clean text and annotations of each letter, store.py), and the library's own copy of
every original it imported (originals.py). The index analyses exactly the text the store
keeps, so a hit's offsets land on the characters the reader shows. Opening a letter never
parses its source again, and nothing is ever read again from the user's folders, which may be
gone: a rebuild takes the letters from the store, or parses the copies again.

This module opens (checking cheaply for damage, index_files.py), reads, searches and commits
(write.py). Importing, the only part that parses, is the importer's (importer.py), loaded
when a write needs it: searching and showing letters never load the readers.

Busy is not damaged: a library another program holds, on a full or unreadable disk, is
reported as such and left alone; only evidence of damage starts a rebuild (rebuild.py), and
that first keeps what it replaces.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.library import index_files as files
from desktop.core.library.errors import (
    LibraryBusy,
    LibraryError,
    NoLibrary,
    unavailable,
    write_failed,
)
from desktop.core.library.index_files import Manifest, latest_generation
from desktop.core.library.meta import (
    CATALOG_FILE,
    META_FILE,
    CatalogEntry,
    read_meta,
    write_catalog,
    write_meta,
)
from desktop.core.library.originals import Originals, copy_name
from desktop.core.library.records import LibraryEntry, entry, letter_from_row
from desktop.core.library.report import IndexReport
from desktop.core.library.storage import INDEX_NAME, LOCK_NAME, LibraryStorage
from desktop.core.library.store import FILE as STORE_FILE
from desktop.core.library.store import LIVE, PENDING, REMOVED, LetterStore
from desktop.core.library.write import LibraryWrite
from desktop.core.model.letter import Letter
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import SearchResult, run_search
from desktop.core.search.ranking import Ranker
from desktop.core.search.schema import SCHEMA_VERSION, make_schema
from desktop.core.search.vocabulary import Vocabulary
from desktop.core.search.whoosh_internals import apply as _apply_whoosh_fixes

if TYPE_CHECKING:
    from desktop.core.library.importer import BatchDone, Progress

FORMAT = 2  # the folder's layout: 2 = letter rows with states and a copy of every original

__all__ = [
    "SCHEMA_VERSION", "IndexReport", "Library", "LibraryBusy", "LibraryError", "NoLibrary",
    "is_library",
]  # fmt: skip


class Damage(Exception):
    """Evidence that the library is damaged: rebuild it (rebuild.py)."""

    def __init__(self, why: str, store: bool = False, reparse: bool = False, keep: bool = True):
        super().__init__(why)
        self.why = why
        self.store = store  # the letter store itself is damaged: letters come from the copies
        self.reparse = reparse  # parse every letter again (a new index schema)
        self.keep = keep  # keep a copy of what the rebuild replaces


def is_library(root: Path) -> bool:
    """Whether *root* holds a library (or what is left of one: never taken for empty)."""
    return (
        any((root / name).exists() for name in (META_FILE, STORE_FILE, CATALOG_FILE))
        or latest_generation(root) is not None
    )


class Library:
    """One library folder; open it with :meth:`open`."""

    def __init__(self, root: Path, storage: LibraryStorage, ix, store: LetterStore) -> None:
        self.root = root
        self._storage = storage
        self._ix = ix
        self.store = store
        self.originals = Originals(root)
        self.rebuilt_message: str | None = None
        self._vocabulary: Vocabulary | None = None
        self._searcher = None
        self._search_lock = threading.RLock()
        self._ranker: Ranker | None = None

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | str, create: bool = True) -> Library:
        """Open the library in *root*; with *create*, make one there when the folder is new
        or empty (never in a folder holding anything else). A damaged library, or one of an
        older index schema, is rebuilt from its own store and copies; ``rebuilt_message``
        says so. A library in use, or on a disk that is full or unreadable, raises
        LibraryBusy or LibraryError and is left as it is."""
        _apply_whoosh_fixes()
        root = Path(root)
        try:
            if not is_library(root):
                if not create:
                    raise NoLibrary(f"no library here: {root}")
                return cls._create(root)
            return cls._open_existing(root)
        except Damage as damage:
            from desktop.core.library.rebuild import rebuild

            return rebuild(cls, root, damage)
        except LibraryError:
            raise
        except Exception as exc:
            error = unavailable(exc, root)
            if error is None:
                raise
            raise error from None

    @classmethod
    def _create(cls, root: Path, finishing: bool = False) -> Library:
        made = finishing or _make_folder(root)
        if not made and not _empty(root):
            raise LibraryError(
                f"no library here: {root} holds other files; choose a new or empty folder"
            )
        storage = LibraryStorage(root)
        if not storage.write_lock.acquire():
            raise LibraryBusy(f"library busy: another program is creating a library in {root}")
        try:
            ix = storage.create_index(make_schema(), indexname=INDEX_NAME)
            lib = cls(root, storage, ix, LetterStore(root, create=True))
            lib._record_commit()
            return lib
        finally:
            storage.write_lock.release()

    @classmethod
    def _open_existing(cls, root: Path) -> Library:
        meta = read_meta(root)
        _check_meta(meta)
        if _unfinished_creation(root, meta):
            return cls._create(root, finishing=True)
        if latest_generation(root) is None:
            raise Damage("the library index is missing", keep=False)
        if not (root / STORE_FILE).exists():
            raise Damage("the letter store is missing", store=True)
        manifest = Manifest.from_json(meta.get("index"))
        if manifest.current(root) and (problems := _read("the index", manifest.problems, root)):
            raise Damage(f"the library index is damaged: {problems[0]}")
        storage = LibraryStorage(root)
        store = _read("the letter store", LetterStore, root, store=True)
        try:
            ix = _read("the index", storage.open_index, INDEX_NAME)
            lib = cls(root, storage, ix, store)
        except BaseException:
            store.close()
            raise
        try:
            lib._check(thorough=not manifest.current(root))
            lib._tidy()
        except BaseException:
            lib.close()
            raise
        return lib

    def _check(self, thorough: bool) -> None:
        """The store and the index agree on how many letters there are; *thorough* (when
        the index has no current manifest): every stored record is read, and every letter's
        row is in the store."""
        counts = _read("the letter store", self.store.counts, store=True)
        docs = _read("the index", self.doc_count)
        if thorough or counts.get(LIVE, 0) + counts.get(PENDING, 0) < docs:
            keys = _read("the index", self._index_keys)
            missing = keys - _read("the letter store", self.store.keys, store=True)
            if missing:
                raise Damage(
                    f"{len(missing)} letters are missing from the letter store", store=True
                )

    def _index_keys(self) -> set[str]:
        with self.searcher() as s:
            keys = {d["key"] for d in s.all_stored_fields()}
            for fieldname in ("text", "title"):
                s.reader().field_length(fieldname)
        return keys

    def doc_count(self) -> int:
        with self.searcher() as s:
            return s.doc_count()

    def busy(self) -> bool:
        """Whether another process is writing: this one can still read and search."""
        lock = self._storage.write_lock
        try:
            if not lock.acquire():
                return True
        except LibraryError:  # no usable lock file: a write will say so
            return False
        lock.release()
        return False

    def close(self) -> None:
        with self._search_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = self._ranker = None
        self._ix.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- tidying: what a kill or a failed write left --------------------------------------

    def _tidy(self) -> None:
        """Remove what failed writes left (temporary files, uncommitted segments, rows and
        copies), finish a commit a kill interrupted, bring an older folder to this format.
        Only when the library may write now; a busy one is tidied by its next open."""
        if not self._untidy():
            return
        lock = self._storage.write_lock
        try:
            if not lock.acquire():
                return
        except LibraryError:  # no usable lock file: reading works, writing says why
            return
        try:
            self._tidy_locked()
        except (OSError, sqlite3.Error) as exc:
            if unavailable(exc, self.root) is None:
                raise
            # A full or read-only disk: reading works all the same; tidied when it can be.
        finally:
            lock.release()

    def _untidy(self) -> bool:
        """Whether anything is left to tidy (cheap: library.json, a listing, two counts)."""
        meta = read_meta(self.root)
        manifest = Manifest.from_json(meta.get("index"))
        if meta.get("format") != FORMAT or not manifest.current(self.root):
            return True
        if manifest.leftovers(self.root):
            return True
        counts = self.store.counts()
        return bool(counts.get(PENDING)) or counts.get(LIVE, 0) != self.doc_count()

    def _tidy_locked(self) -> None:
        meta = read_meta(self.root)
        manifest = Manifest.from_json(meta.get("index"))
        leftovers = manifest.leftovers(self.root)
        files.remove(leftovers)
        if not manifest.current(self.root):
            self._ix.writer().commit(merge=False)  # Whoosh removes files no commit uses
        if meta.get("format") != FORMAT:
            self._migrate()
        counts = self.store.counts()
        if leftovers or counts.get(PENDING) or counts.get(LIVE, 0) != self.doc_count():
            self._reconcile()
        self._record_commit()

    def _reconcile(self) -> None:
        """After a kill: rows the index points at are live, other pending and live rows
        go, and copies no row uses go with them."""
        with self.searcher() as s:
            docs = {d["key"]: d for d in s.all_stored_fields()}
        states = self.store.states()
        missing = docs.keys() - states.keys()
        if missing:
            raise Damage(f"{len(missing)} letters are missing from the letter store", store=True)
        live = [k for k in docs if states[k] != LIVE]
        drop = [k for k, st in states.items() if st in (LIVE, PENDING) and k not in docs]
        self.store.settle(live, (), drop)
        used = {copy_name(d, p) for _, p, d in self.store.catalog() if d}
        self.originals.delete(self.originals.names() - used)
        self.store.give_back_room(log_too=True)

    def _migrate(self) -> None:
        """A folder from before copies and row states: rows learn which letter they are."""
        with self.searcher() as s:
            docs = list(s.all_stored_fields())
        self.store.describe([(d["key"], d["id"], d["path"], d["hash"]) for d in docs])
        self.store.forget_uncatalogued()

    def _record_commit(self, finished: bool = True) -> None:
        """library.json (format, index schema, the oldest parser that read a letter, the
        manifest of the index's files) and the catalog, as the index is now; under the
        write lock. A rebuild stays pending until the write that fills it has *finished*
        (not after each of its batches)."""
        meta = read_meta(self.root)
        manifest = Manifest.from_json(meta.get("index")).refreshed(self.root)
        meta.update(
            format=FORMAT,
            schema_version=SCHEMA_VERSION,
            parser_version=self.store.oldest_parser(),
            index=manifest.to_json(),
        )
        for done in ("rebuild_pending", "reparse", "sources") if finished else ():
            meta.pop(done, None)
        entries = [CatalogEntry(i, p, d) for i, p, d in self.store.catalog(LIVE)]
        write_catalog(self.root, entries)
        write_meta(self.root, meta)

    # -- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.doc_count()

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

    def contains(self, letter_id: str) -> bool:
        with self.searcher() as s:
            return s.document_number(id=letter_id) is not None

    def entries(self) -> Iterator[LibraryEntry]:
        """A light record per letter for lists: id, path, title, date, kamerstuk, counts; one
        at a time (the window makes its rows from them: at 100,000 letters a list of them
        beside the rows raised its peak memory by tens of megabytes)."""
        with self.searcher() as s:
            for stored in s.all_stored_fields():
                yield entry(stored)

    def get(self, letter_id: str) -> Letter | None:
        with self.searcher() as s:
            doc = s.document(id=letter_id)
        row = self.store.get(doc["key"]) if doc else None
        return letter_from_row(*row) if row else None

    def original(self, letter_id: str) -> Path | None:
        """The library's own copy of the file *letter_id* was read from, or None (a letter
        imported before the library kept copies, whose file has not been seen since)."""
        with self.searcher() as s:
            doc = s.document(id=letter_id)
        if doc is None:
            return None
        copy = self.originals.path(doc["hash"], doc["path"])
        return copy if copy.is_file() else None

    def restorable(self) -> list[str]:
        """Ids of removed letters that :meth:`restore` can still bring back."""
        return sorted({i for i, _, _ in self.store.catalog(REMOVED)})

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
        return self.store.text(key, limit) or ""

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
        batch_done: BatchDone | None = None,
    ) -> IndexReport:
        """Import new and changed files below *paths* (importer.py), committed in batches
        (write.py; *batch_done* hears of each); with *prune*, drop letters whose files under
        those folders are gone. A file that failed before with the same content is skipped
        (and reported) unless *retry_failed*."""
        from desktop.core.library.importer import Importer

        return Importer(self, progress, cancelled, retry_failed, batch_done).add(paths, prune)

    def reread(
        self,
        letter_ids: Iterable[str],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> IndexReport:
        """Parse these letters again from the library's copies of their originals."""
        from desktop.core.library.importer import Importer

        return Importer(self, progress, cancelled).reread(list(letter_ids))

    def reparse_all(
        self, progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
    ) -> IndexReport:
        """Parse every letter again from the library's copies (a newer parser)."""
        return self.reread(self.ids(), progress, cancelled)

    def remove(self, letter_ids: Iterable[str]) -> int:
        """Take letters out of the library; :meth:`restore` brings them back until the
        next import, which deletes them for good (with the copies no letter uses)."""
        with self._write() as write:
            return write.delete_ids(letter_ids, undoable=True)

    def restore(self, letter_ids: Iterable[str]) -> int:
        """Undo the removal of these letters (since the last import); how many came back."""
        with self._write() as write:
            return write.restore(letter_ids)

    @contextmanager
    def _write(self, tidy: bool = True) -> Iterator[LibraryWrite]:
        """One write (write.py), committed batch by batch and synced; on an error the batch
        under way is taken back (the batches before it stay), and a failure of the disk is
        one LibraryError. First what earlier writes left is tidied away, unless this write
        fills a rebuilt index (whose store rows are not in the index yet, and must not be
        taken for leftovers)."""
        lock = self._storage.write_lock
        depth = lock.depth
        if not lock.acquire():
            raise LibraryBusy(f"library busy: another Kamerbrief Reader is writing to {self.root}")
        try:
            self._probe()
            if tidy and self._untidy():
                self._tidy_locked()
            with self._committed() as write:
                yield write
        except Damage as damage:
            raise LibraryError(
                f"the library is damaged ({damage.why}); open it again to rebuild it"
            ) from None
        finally:
            lock.release_to(depth)

    @contextmanager
    def _committed(self) -> Iterator[LibraryWrite]:
        with self.searcher() as s:
            docs = list(s.all_stored_fields())
        write = LibraryWrite(self, docs)
        error: BaseException | None = None
        try:
            yield write
            write.commit()
        except BaseException as exc:
            error = write.abandon(exc)
            if error is exc:
                raise
        if error is not None:
            # Raised here, not in the handler: the failed write's traceback, whose frames
            # hold files it had open (removed, their room not given back while open), goes.
            raise error

    def _probe(self) -> None:
        """The folder can be written: a probe file of this process's own (never one another
        process may be probing with at the same moment) takes a block, and the store can be
        written."""
        try:
            fd, name = tempfile.mkstemp(prefix=".write-test-", dir=self.root)
            try:
                os.write(fd, bytes(4096))
            finally:
                os.close(fd)
                os.unlink(name)
            self.store.writable()
        except (OSError, sqlite3.Error) as exc:
            why = getattr(exc, "strerror", None) or exc
            raise write_failed(exc, self.root) or LibraryError(
                f"cannot write the library at {self.root}: {why}"
            ) from None


def _read(what: str, fn, *args, store: bool = False):
    """fn(*args); an error that says the library is busy or unavailable is raised as such,
    anything else is damage of *what*."""
    try:
        return fn(*args)
    except (LibraryError, Damage):
        raise
    except Exception as exc:
        if unavailable(exc, "") is not None:
            raise
        raise Damage(f"{what} could not be read ({type(exc).__name__})", store=store) from None


def _check_meta(meta: dict) -> None:
    if meta.get("rebuild_pending"):
        raise Damage(
            "an earlier rebuild did not finish", reparse=bool(meta.get("reparse")), keep=False
        )
    version = meta.get("schema_version")
    if version is not None and version != SCHEMA_VERSION:
        # The index is made again from the letter store, which has what every field needs,
        # without parsing (15 s for 1,000 letters, not 38 s); letters an older parser read
        # are read again at the next import (importer.py).
        raise Damage(f"library format {version} is older than {SCHEMA_VERSION}", keep=False)


def _unfinished_creation(root: Path, meta: dict) -> bool:
    """Killed while creating an empty library: finish creating it, no rebuild."""
    return (
        "format" not in meta
        and "schema_version" not in meta
        and not (root / CATALOG_FILE).exists()
        and all(n.endswith(".toc") for n in files.index_files(root))
    )


def _make_folder(root: Path) -> bool:
    """Make *root*, private (0700: letters can be confidential); False when it existed (its
    mode is the user's and stays as it is)."""
    try:
        root.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        if not root.is_dir():
            raise LibraryError(f"no library here: {root} is a file, not a folder") from None
        return False
    except OSError as exc:
        raise LibraryError(f"cannot write the library at {root}: {exc.strerror or exc}") from None
    root.chmod(0o700)  # mkdir's mode passes through the umask
    return True


def _empty(root: Path) -> bool:
    """Nothing in *root* but what a library that was never finished may have left."""
    return all(name == LOCK_NAME for name in os.listdir(root))
