"""One change of the library, committed as a whole: index entries, store rows and copies.

The order that makes a kill at any moment harmless (the next open finishes or undoes it):

1. the originals' copies and the letter rows (``pending``) are written and synced;
2. the index commits (atomic: a new table of contents renamed into place) and is synced;
3. the store settles: rows the index now points at become ``live``, rows of removed letters
   ``removed`` (restorable until the next import), rows nothing uses go (the counts of the
   library's word forms follow, in the same transaction), and copies no row uses go with
   them;
4. the manifest of the index's files, the catalog and the vocabulary are written.

A write that fails before 2 leaves the index as it was; its rows and copies are taken back at
once, or at the next open when even that fails (a full disk). The whole write holds the lock.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.library.originals import copy_name
from desktop.core.library.records import letter_from_row, store_key, store_row
from desktop.core.library.store import PENDING, REMOVED, Row
from desktop.core.library.sub_writers import watch
from desktop.core.model.draft import LetterError, shown
from desktop.core.model.letter import Letter
from desktop.core.search.schema import index_fields

if TYPE_CHECKING:
    from desktop.core.library.library import Library

_STORE_BATCH = 200  # letters per store transaction during an import
PARALLEL_FROM = 200  # files in one import before the multiprocessing writer pays off
WRITER_PROCS = 2
WRITER_LIMIT_MB = 128


def writer_options(files: int) -> list[dict]:
    """The writer options to try in turn for a write of *files* letters: the
    multiprocessing writer for a large one, and should one of its processes die, the
    serial writer (sub_writers.py)."""
    parallel = parallel_writer_options(files)
    return [parallel, {}] if parallel else [{}]


def parallel_writer_options(files: int) -> dict:
    """Whoosh's multiprocessing writer for a large import: two processes index while this
    one parses (1,000 letters on the 2-core reference machine, median of 3 under load: 19.5 s
    against 32.5 s serial). Only where children are forked: lock.py makes a forked child
    die with its parent and drop its copy of the lock; a spawned one would not."""
    if files < PARALLEL_FROM or multiprocessing.get_start_method() != "fork":
        return {}
    return {"procs": WRITER_PROCS, "multisegment": True, "limitmb": WRITER_LIMIT_MB}


class LibraryWrite:
    """What one write changes; the library commits it (Library._write)."""

    def __init__(self, library: Library, writer, docs: list[dict]) -> None:
        self.library = library
        self.writer = writer
        self.by_path = {d["path"]: d for d in docs}
        self.by_id = {d["id"]: d for d in docs}
        self.docs_before = len(docs)
        self.live: list[str] = []  # row keys the index points at once this commits
        self.removed: set[str] = set()
        self.dropped: set[str] = set()  # rows nothing will use
        self.tried: set[str] = set()  # rows whose letters this parser could not read again
        self.copies: list[Path] = []  # written by this write
        self.words: list[set[str]] = []
        self.added = 0
        self.deleted = 0
        self._rows: list[tuple[str, str, str, str, str, str]] = []
        self._watch = watch(writer)  # the multiprocessing writer's sub-writers, if any

    # -- what a write does -------------------------------------------------------------

    def put(self, letter: Letter, path: str, digest: str, data: bytes | None = None) -> None:
        """Add *letter* (read from *path*, whose bytes hash to *digest*), replacing the
        letter from the same path; *data* are the bytes, for the library's copy. Raises
        before changing anything when the letter cannot be indexed."""
        key = store_key(letter.id, digest)
        try:
            fields = index_fields(letter, path, digest, key)
        except Exception as exc:  # one letter's problem, not the import's
            raise LetterError(f"{shown(path)}: cannot be indexed ({exc})") from None
        if data is not None:
            self.keep_copy(digest, path, data)
        self._rows.append(store_row(letter, key, path, digest))
        self._index(fields, path, letter.id, key)
        self.words.append(self.library.vocabulary.words_of(letter.text))
        if len(self._rows) >= _STORE_BATCH:
            self.flush()

    def keep_copy(self, digest: str, path: str, data: bytes) -> None:
        written = self.library.originals.put(digest, path, data)
        if written is not None:
            self.copies.append(written)

    def reindex(self, row: Row) -> None:
        """Index a letter from its store row as it is (a rebuild, an undo): no parse."""
        letter = letter_from_row(row.text, row.payload)
        letter.id = row.id
        self._index(index_fields(letter, row.path, row.digest, row.key), row.path, row.id, row.key)
        self.live.append(row.key)

    def delete_ids(self, ids: Iterable[str], undoable: bool) -> int:
        count = 0
        for letter_id in ids:
            doc = self.by_id.pop(letter_id, None)
            if doc is None:
                continue
            self.by_path.pop(doc["path"], None)
            self.writer.delete_by_term("id", letter_id)
            (self.removed if undoable else self.dropped).add(doc["key"])
            self.deleted += 1
            count += 1
        return count

    def delete_paths(self, paths: Iterable[str]) -> int:
        return self.delete_ids([self.by_path[p]["id"] for p in paths if p in self.by_path], False)

    def restore(self, ids: Iterable[str]) -> int:
        """Bring back removed letters from their rows; ids in use again are skipped."""
        rows = [r for r in self.library.store.rows(REMOVED, ids) if r.id not in self.by_id]
        for row in rows:
            self.reindex(row)
        return len({r.id for r in rows})

    def forget_removed(self) -> None:
        """An import ends the undo of earlier removals: their rows and copies go with it."""
        self.dropped |= self.library.store.keys(REMOVED)

    # -- committing ---------------------------------------------------------------------

    def flush(self) -> None:
        if self._rows:
            self.library.store.put_pending(self._rows)
            self.live += [r[0] for r in self._rows]
            self._rows = []

    def check(self) -> None:
        """Raises SubWriterDied once a sub-writer of the multiprocessing writer died."""
        if self._watch is not None:
            self._watch.check()

    def stop_watching(self) -> None:
        if self._watch is not None:
            self._watch.stop()

    def _index(self, fields: dict, path: str, letter_id: str, key: str) -> None:
        self.check()
        self._replace(path, letter_id, key)
        self.writer.update_document(**fields)
        self.by_path[path] = self.by_id[letter_id] = {"id": letter_id, "path": path, "key": key}

    def _replace(self, path: str, letter_id: str, key: str) -> None:
        """Account for the letter this one replaces (from the same path), if any."""
        old = self.by_path.get(path) or self.by_id.get(letter_id)
        if old is None:
            self.added += 1
        elif old["key"] != key:
            self.dropped.add(old["key"])

    def expected_count(self) -> int:
        return self.docs_before + self.added - self.deleted

    def settle(self) -> None:
        """Step 3: the store follows the committed index; unused copies go."""
        store = self.library.store
        gone = self.dropped - set(self.live)
        candidates = store.origins(gone)
        store.settle(self.live, self.removed, gone, self.tried)
        self.library.originals.delete(_unused(candidates, store))
        if gone:
            store.give_back_room()

    def discard(self) -> None:
        """Take back what a failed write put down before the index committed (best effort:
        what stays is removed at the next open)."""
        self._rows = []
        try:
            originals = self.library.originals
            originals.delete(p.relative_to(originals.folder).as_posix() for p in self.copies)
            pending = self.library.store.keys(PENDING) & set(self.live)
            self.library.store.delete(pending)
            self.library.store.give_back_room(log_too=True)
        except Exception:  # a full disk may refuse even this; the next open tidies up
            pass


def _unused(candidates: set[tuple[str, str]], store) -> set[str]:
    """Names of the copies among *candidates* (digest, path) that no row uses any more."""
    if not candidates:
        return set()
    names = {copy_name(d, p) for d, p in candidates if d}
    used = {copy_name(d, p) for d, p in store.digests_in_use({d for d, _ in candidates})}
    return names - used
