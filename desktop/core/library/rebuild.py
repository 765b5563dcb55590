"""Rebuilding a damaged library from what it keeps itself, never from the user's folders.

Where the letters come from, best first:

- the letter store, when only the index is damaged or its schema changed: every letter is
  indexed again from its row, nothing parsed (seconds, not minutes);
- the library's copies of the originals, when the store is damaged: every letter is parsed
  again; which letters there are comes from the index if it can still be read, else from
  catalog.json.

Before anything is replaced, the damaged files are moved into ``damaged/<time>/`` in the
library folder (the last three such folders are kept). Until the rebuild has committed,
library.json says it is pending, so a failure or a kill half-way is rebuilt again at the next
open, never shown as an empty library.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.library.errors import LibraryBusy
from desktop.core.library.index_files import index_files
from desktop.core.library.meta import CatalogEntry, read_catalog, read_meta, write_meta
from desktop.core.library.storage import INDEX_NAME, LibraryStorage
from desktop.core.library.store import FILE as STORE_FILE
from desktop.core.library.store import LIVE, PENDING, LetterStore
from desktop.core.search.schema import SCHEMA_VERSION, make_schema

if TYPE_CHECKING:
    from desktop.core.library.library import Damage, Library

BACKUPS = "damaged"
_KEEP_BACKUPS = 3


@dataclass
class _Plan:
    """Where the rebuilt library's letters come from."""

    reparse: bool
    entries: list[CatalogEntry] = field(default_factory=list)  # to parse from their copies
    rows: dict[str, str] = field(default_factory=dict)  # id -> key of its row, to index as is
    old_keys: set[str] = field(default_factory=set)  # rows the rebuilt index will not use


def rebuild(cls: type[Library], root: Path, damage: Damage) -> Library:
    storage = LibraryStorage(root)
    if not storage.write_lock.acquire():
        raise LibraryBusy(
            f"library busy: {damage.why}; it is rebuilt once the program writing to {root} is done"
        )
    try:
        return _rebuild_locked(cls, root, storage, damage)
    finally:
        storage.write_lock.release()


def _rebuild_locked(cls, root: Path, storage: LibraryStorage, damage: Damage) -> Library:
    store = None if damage.store else _usable_store(root)
    plan = _plan(root, storage, store, damage.reparse or store is None)
    kept = _keep(root, index=damage.keep, store=store is None)
    meta = read_meta(root)
    meta.update(schema_version=SCHEMA_VERSION, rebuild_pending=True, reparse=plan.reparse)
    write_meta(root, meta)
    ix = storage.create_index(make_schema(), indexname=INDEX_NAME)
    lib = cls(root, storage, ix, store or LetterStore(root, create=True))
    try:
        count, failures = _fill(lib, plan)
    except BaseException:
        lib.close()
        raise
    lib.rebuilt_message = _message(damage.why, plan, count, failures, kept)
    return lib


def _usable_store(root: Path) -> LetterStore | None:
    try:
        store = LetterStore(root)
        store.counts()
        return store
    except Exception:
        return None


def _plan(root: Path, storage, store: LetterStore | None, reparse: bool) -> _Plan:
    if store is None:
        return _Plan(True, entries=_entries_from_index(storage) or read_catalog(root))
    refs = {i: (k, p, d) for k, i, p, d in store.refs(PENDING)}
    refs.update({i: (k, p, d) for k, i, p, d in store.refs(LIVE)})  # live wins over pending
    rows = {i: k for i, (k, _, _) in refs.items()}
    old = store.keys(LIVE) | store.keys(PENDING)
    if not reparse:
        return _Plan(False, rows=rows, old_keys=old - set(rows.values()))
    entries = [CatalogEntry(i, p, d) for i, (_, p, d) in refs.items()]
    return _Plan(True, entries=entries, rows=rows, old_keys=old)


def _entries_from_index(storage) -> list[CatalogEntry]:
    """The letters an index that can still be read lists, or [] ."""
    try:
        ix = storage.open_index(INDEX_NAME)
        try:
            with ix.searcher() as s:
                docs = list(s.all_stored_fields())
        finally:
            ix.close()
        return [CatalogEntry(d["id"], d["path"], d["hash"]) for d in docs]
    except Exception:
        return []


def _fill(lib: Library, plan: _Plan) -> tuple[int, list[tuple[str, str]]]:
    if plan.reparse:
        return _reparse(lib, plan.entries, plan.rows, plan.old_keys)
    unreadable = []
    with lib._write(tidy=False) as write:
        write.dropped_at_end |= plan.old_keys
        for row in lib.store.rows_of(plan.rows.values()):
            try:
                write.reindex(row)
            except Exception:  # a damaged row: its letter is parsed again from its copy
                unreadable.append(row)
            write.checkpoint()
    if not unreadable:
        return len(plan.rows), []
    entries = [CatalogEntry(r.id, r.path, r.digest) for r in unreadable]
    count, failures = _reparse(lib, entries, {}, {r.key for r in unreadable})
    return len(plan.rows) - len(unreadable) + count, failures


def _reparse(lib: Library, entries, rows, old_keys) -> tuple[int, list[tuple[str, str]]]:
    from desktop.core.library.importer import Importer

    report = Importer(lib).rebuild(entries, rows, old_keys)
    return report.new + report.changed + report.kept, report.failures


def _keep(root: Path, index: bool, store: bool) -> Path | None:
    """Move the index's files (and the store's, when it is damaged) into a new folder
    under damaged/; the oldest such folders beyond the last three go."""
    names = [n for n in index_files(root) if (root / n).exists()] if index else []
    if store:
        names += [n for n in (STORE_FILE, f"{STORE_FILE}-wal", f"{STORE_FILE}-shm")
                  if (root / n).exists()]  # fmt: skip
    if not names:
        return None
    folder = root / BACKUPS / time.strftime("%Y%m%d-%H%M%S")
    n = 1
    while folder.exists():
        n += 1
        folder = folder.with_name(f"{time.strftime('%Y%m%d-%H%M%S')}-{n}")
    folder.mkdir(parents=True)
    for name in names:
        (root / name).rename(folder / name)
    for old in sorted((root / BACKUPS).iterdir())[:-_KEEP_BACKUPS]:
        shutil.rmtree(old, ignore_errors=True)
    return folder


def _message(
    why: str, plan: _Plan, count: int, failures: list[tuple[str, str]], kept: Path | None
) -> str:
    source = "the library's own copies" if plan.reparse else "the letter store"
    text = f"{why}; rebuilt {count} letters from {source}"
    if failures:
        text += f" ({len(failures)} could not be read again, e.g. {failures[0][1]})"
    if kept is not None:
        text += f"; the damaged files are kept in {kept}"
    return text
