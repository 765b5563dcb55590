"""The index's files on disk: Whoosh's storage with our lock, and durable syncs.

Whoosh writes a new table of contents atomically (temp file + rename) but never fsyncs, so
after a power loss the rename may survive while the data it points to does not. After each
commit the files the index consists of are synced, then the folder.

Syncing never opens the letter store's files (``letters.sqlite``, ``-wal``, ``-shm``): SQLite
keeps POSIX locks on them, and closing any descriptor of a file drops every such lock the
process holds on it, behind the connection's back. SQLite syncs its own files.

Many small files (the copies of an import's originals) are synced with one syncfs() on Linux:
an fsync costs a journal commit each, 3 ms a file on the reference machine (measured), which
would add half again to the import of a folder of text letters.
"""

from __future__ import annotations

import os
import sys
import weakref
from collections.abc import Iterable
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from desktop.core.library.lock import WriteLock

INDEX_NAME = "letters"
LOCK_NAME = f"{INDEX_NAME}_WRITELOCK"
_FEW_FILES = 16  # up to this many files are fsynced one by one; more take one syncfs()


class LibraryStorage(FileStorage):
    """Whoosh's file storage, without mmap and with the library's write lock.

    No mmap: mapped index files count as the window's own memory (185 MB at 10,000 letters,
    34 MB without), while reads through the page cache cost ~10% in search. The lock: Whoosh
    asks its storage for the lock its writers take, so every writer takes ours."""

    def __init__(self, root: Path) -> None:
        super().__init__(str(root), supports_mmap=False)
        self.write_lock = WriteLock(Path(root) / LOCK_NAME)
        self._written: weakref.WeakSet = weakref.WeakSet()
        # Whoosh reads back the files a write made (a compound segment is assembled from
        # them); a write that fails there leaves such a reader open in its traceback.
        self._reread: weakref.WeakSet = weakref.WeakSet()

    def lock(self, name: str) -> WriteLock:  # Whoosh's Storage.lock
        if name != LOCK_NAME:
            raise ValueError(f"the library has one lock, not {name!r}")
        return self.write_lock

    def create_file(self, name, *args, **kwargs):
        made = super().create_file(name, *args, **kwargs)
        self._written.add(made)
        return made

    def open_file(self, name, *args, **kwargs):
        opened = super().open_file(name, *args, **kwargs)
        if any(name == getattr(made, "_name", None) for made in list(self._written)):
            self._reread.add(opened)
        return opened

    def temp_storage(self, name=None):
        temp = _TempStorage(super().temp_storage(name).folder)
        temp._written = self._written
        return temp

    def new_write(self) -> None:
        """A write (a batch) begins: the files of the ones before are no longer its own."""
        self._written = weakref.WeakSet()
        self._reread = weakref.WeakSet()

    def close_written(self) -> None:
        """Close every file a writer created here and left open: after a write that failed
        half-way (a full disk fails Whoosh's own cancel, which writes as it closes), so that
        the room of its files, removed by the library, comes back at once."""
        for made in [*self._written, *self._reread]:
            if not made.is_closed:
                try:
                    made.close()
                except OSError:  # the buffer could not be written: the file is closed all the same
                    made.is_closed = True


class _TempStorage(FileStorage):
    """Whoosh's temporary folder of a write, whose files the library's storage closes too."""

    _written: weakref.WeakSet

    def create_file(self, name, *args, **kwargs):
        made = super().create_file(name, *args, **kwargs)
        self._written.add(made)
        return made


def sync_files(paths: Iterable[Path], folders: Iterable[Path]) -> None:
    """The data of *paths*, then the names in *folders*, on disk."""
    paths, folders = list(paths), list(folders)
    if len(paths) > _FEW_FILES and _syncfs_of(folders[0] if folders else None):
        return
    for path in paths:
        _fsync(path)
    for folder in folders:
        _fsync(folder)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _syncfs_of(folder: Path | None) -> bool:
    """syncfs() of the file system holding *folder*: whether it was done (Linux only)."""
    if folder is None or not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        if libc.syncfs(fd) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err), str(folder))
    finally:
        os.close(fd)
    return True
