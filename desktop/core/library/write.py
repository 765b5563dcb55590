"""One write of the library: index entries, store rows and copies, committed batch by batch.

A large import is committed in batches (BATCH_SIZES): each batch is one segment of the index,
searchable as soon as it is committed, and the unit of durability: a kill or a power cut loses
at most the batch under way. The order that makes a kill at any moment harmless (the next
open finishes or undoes it), for each batch:

1. the originals' copies and the letter rows (``pending``) are written and synced;
2. the index commits (atomic: a new table of contents renamed into place) and is synced;
3. the store settles: rows the index now points at become ``live``, rows of removed letters
   ``removed`` (restorable until the next import), rows nothing uses go (the counts of the
   library's word forms follow, in the same transaction), and copies no row uses go with
   them;
4. the manifest of the index's files, the catalog and the vocabulary are written.

A batch that fails before 2 leaves the index as the batch before left it; its rows and copies
are taken back at once, or at the next open when even that fails (a full disk). The whole
write holds the lock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh.writing import MERGE_SMALL

from desktop.core.library import index_files as files
from desktop.core.library.errors import LibraryError, write_failed
from desktop.core.library.index_files import Manifest, latest_generation
from desktop.core.library.meta import read_meta
from desktop.core.library.originals import copy_name
from desktop.core.library.records import letter_from_row, store_key, store_row
from desktop.core.library.storage import sync_files
from desktop.core.library.store import PENDING, REMOVED, Row
from desktop.core.model.draft import LetterError, shown
from desktop.core.model.letter import Letter
from desktop.core.search.schema import index_fields
from desktop.core.search.segment_writer import segment_writer

if TYPE_CHECKING:
    from desktop.core.library.library import Library

_STORE_BATCH = 200  # letters per store transaction
# Letters per batch: the first commits soon (its letters are searchable within seconds),
# later ones are larger (fewer segments to search), up to what a batch's postings may take
# in memory (segment_writer.TermPool: about 40 MB per 1,000 letters of 5 KB).
BATCH_SIZES = (100, 400, 1600)
BATCH_MOST = 4000
# Segments of at least this many letters (an import's batches) are never merged into one
# another: Whoosh's MERGE_SMALL would merge 22 batches of 4,000 (88,000 letters) at once, in
# memory, during an import of 100,000. Smaller ones (many small imports) are merged as it does.
MERGE_BELOW = 1000


def batch_sizes() -> Iterator[int]:
    return chain(BATCH_SIZES, repeat(BATCH_MOST))


class LibraryWrite:
    """What one write changes, batch by batch; the library opens and closes it
    (Library._write)."""

    def __init__(self, library: Library, docs: list[dict]) -> None:
        self.library = library
        self.by_path = {d["path"]: d for d in docs}
        self.by_id = {d["id"]: d for d in docs}
        self.committed = 0  # letters indexed by the batches committed so far
        self.dropped_at_end: set[str] = set()  # rows nothing uses once the write is done
        self._sizes = batch_sizes()
        self._start_batch()

    def _start_batch(self) -> None:
        self.library._storage.new_write()
        self.writer = segment_writer(self.library._ix, timeout=0.0)
        self.generation = latest_generation(self.library.root)
        self.limit = next(self._sizes)
        self.letters = 0  # indexed in this batch
        self.changed = False  # anything put or deleted in this batch
        self.live: list[str] = []  # row keys the index points at once this commits
        self.removed: set[str] = set()
        self.dropped: set[str] = set()  # rows nothing will use
        self.tried: set[str] = set()  # rows whose letters this parser could not read again
        self.copies: list[Path] = []  # written by this batch
        self.words: Counter[str] = Counter()  # the vocabulary's words of this batch's letters
        self._rows: list[tuple[str, str, str, str, str, str]] = []

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
        self.words.update(self.library.vocabulary.words_of(letter.text))
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
            self.changed = True
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

    def _index(self, fields: dict, path: str, letter_id: str, key: str) -> None:
        old = self.by_path.get(path) or self.by_id.get(letter_id)
        if old is not None and old["key"] != key:
            self.dropped.add(old["key"])
        self.writer.update_document(**fields)
        self.by_path[path] = self.by_id[letter_id] = {"id": letter_id, "path": path, "key": key}
        self.letters += 1
        self.changed = True

    # -- committing ---------------------------------------------------------------------

    def flush(self) -> None:
        if self._rows:
            self.library.store.put_pending(self._rows)
            self.live += [r[0] for r in self._rows]
            self._rows = []

    def checkpoint(self) -> bool:
        """Commit the batch once it is full, and start the next; whether it did."""
        if self.letters < self.limit:
            return False
        self.commit(final=False)
        self._start_batch()
        return True

    def commit(self, final: bool = True) -> None:
        """Steps 1 to 4 for the batch under way; *final*: the write is done. A last batch
        that changed nothing (the one before ended with the import's last letter) writes
        no index commit, only what is left to record."""
        self.flush()
        self.library.originals.sync(self.copies)
        if self.changed or not self.committed:
            self.writer.commit(mergetype=merge_small)
            root = self.library.root
            sync_files([root / n for n in files.index_files(root)], [root])
        else:
            self.writer.cancel()
        if final:
            self.dropped |= self.dropped_at_end
        self._settle()
        self.library._record_commit(finished=final)
        if self.words:
            self.library.vocabulary.merge_and_save(self.words)
        self.committed += self.letters

    def _settle(self) -> None:
        """Step 3: the store follows the committed index; unused copies go."""
        store = self.library.store
        gone = self.dropped - set(self.live)
        candidates = store.origins(gone)
        store.settle(self.live, self.removed, gone, self.tried)
        self.library.originals.delete(_unused(candidates, store))
        if gone:
            store.give_back_room()

    def abandon(self, exc: BaseException) -> BaseException:
        """After a failure: the batch under way is taken back unless its index commit
        happened (then the next open settles it); what to raise in its place."""
        if latest_generation(self.library.root) == self.generation:
            self._discard()
        error = write_failed(exc, self.library.root)
        if error is None or error is exc or not self.committed:
            return error or exc
        return LibraryError(
            f"the import stopped: {_reason(error)}; the {self.committed:,} letters of its "
            "completed batches were saved, the rest was not"
        )

    def _discard(self) -> None:
        """Take back what a failed batch put down before the index committed (best effort:
        what stays is removed at the next open): its writer's files, copies and rows, the
        largest first (on a full disk the room they free lets the rest go too)."""
        self._rows = []
        try:
            if not self.writer.is_closed:
                self.writer.cancel()
        except Exception:  # a writer that failed half-way may fail to cancel too
            pass
        # Cancel leaves a segment file open that failed while it was written (a full disk):
        # removed but open, its room would come back only when the reader exits.
        self.library._storage.close_written()
        for step in (self._remove_segment, self._remove_copies, self._remove_rows):
            try:
                step()
            except Exception:  # a full disk may refuse even this; the next open tidies up
                pass

    def _remove_segment(self) -> None:
        manifest = Manifest.from_json(read_meta(self.library.root).get("index"))
        files.remove(manifest.leftovers(self.library.root))

    def _remove_copies(self) -> None:
        originals = self.library.originals
        originals.delete(p.relative_to(originals.folder).as_posix() for p in self.copies)

    def _remove_rows(self) -> None:
        store = self.library.store
        store.delete(store.keys(PENDING) & set(self.live))
        store.give_back_room(log_too=True)


def merge_small(writer, segments: list) -> list:
    """Whoosh's merge policy MERGE_SMALL over the segments of fewer than MERGE_BELOW
    letters; the others stay as they are, in their order."""
    small = [s for s in segments if s.doc_count_all() < MERGE_BELOW]
    kept = MERGE_SMALL(writer, small)
    return [s for s in segments if s.doc_count_all() >= MERGE_BELOW or s in kept]


def _reason(error: LibraryError) -> str:
    """The why of a write_failed message: "the disk is full (/path)"."""
    text = str(error)
    prefix, suffix = "nothing was saved: ", "; the library is as it was"
    return text.removeprefix(prefix).removesuffix(suffix)


def _unused(candidates: set[tuple[str, str]], store) -> set[str]:
    """Names of the copies among *candidates* (digest, path) that no row uses any more."""
    if not candidates:
        return set()
    names = {copy_name(d, p) for d, p in candidates if d}
    used = {copy_name(d, p) for d, p in store.digests_in_use({d for d, _ in candidates})}
    return names - used
