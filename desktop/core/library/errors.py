"""What can go wrong with a library, and telling a busy or unavailable library from a damaged one.

A library that another program holds locked, a disk that is full, a folder we may not read:
none of these says anything about the library's contents, and none may start a rebuild
(a rebuild moves the index aside). Only evidence of damage does: a file that is not what
was written, a structure that cannot be read. :func:`unavailable` is the one place that
draws the line.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable


class LibraryError(Exception):
    """The library cannot do what was asked; the message says why, in a user's words."""


class LibraryBusy(LibraryError):
    """Another process is writing to the library, or holds its letter store locked."""


class NoLibrary(LibraryError):
    """The folder holds no library (and this command does not create one)."""


_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EIO: "the disk could not be read or written (input/output error)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.ENOMEM: "out of memory",
    errno.EMFILE: "too many open files",
    errno.ENFILE: "too many open files",
}
_BUSY_ERRNOS = {errno.EAGAIN, errno.EBUSY, errno.ETXTBSY}

# SQLite's primary result codes (the low byte of sqlite_errorcode).
_SQLITE_BUSY = {5, 6}  # BUSY, LOCKED
_SQLITE_REASONS = {
    3: "permission denied",  # PERM
    7: "out of memory",  # NOMEM
    8: "the letter store is read-only",  # READONLY
    13: "the disk is full",  # FULL
    14: "the letter store cannot be opened (permission denied?)",  # CANTOPEN
    23: "permission denied",  # AUTH
}
_SQLITE_IOERR = 10
_SQLITE_IOERR_SHMSIZE = 4874  # its shared-memory file cannot grow: almost always a full disk
_SQLITE_IOERR_SHORT_READ = 522  # the file ends before the data it claims: truncated, damage


def reason(exc: BaseException) -> tuple[bool, str] | None:
    """(busy, what is wrong in a user's words) when *exc* says the library cannot be used
    now (in use, disk full, unreadable, not permitted); None when *exc* may be damage."""
    if isinstance(exc, OSError) and exc.errno in _BUSY_ERRNOS:
        return True, "it is in use by another program"
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        return False, _OS_REASONS[exc.errno]
    if isinstance(exc, MemoryError):
        return False, "out of memory"
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, sqlite3.Error) else None
    if code is None:
        return None
    if code & 0xFF in _SQLITE_BUSY:
        return True, "it is in use by another program"
    if code & 0xFF in _SQLITE_REASONS:
        return False, _SQLITE_REASONS[code & 0xFF]
    if code == _SQLITE_IOERR_SHMSIZE:
        return False, "the disk is full"
    if code & 0xFF == _SQLITE_IOERR and code != _SQLITE_IOERR_SHORT_READ:
        return False, _OS_REASONS[errno.EIO]
    return None


def unavailable(exc: BaseException, root: object) -> LibraryError | None:
    """The error to report for *exc* at open, or None when *exc* may be damage."""
    return _reported(
        exc,
        f"the library at {root} is in use by another program; try again later",
        lambda why: f"cannot use the library at {root}: {why}",
    )


def write_failed(exc: BaseException, root: object) -> LibraryError | None:
    """The one-line error for a write that failed for a reason outside the library's
    control (disk full, permission), or None for a bug."""
    return _reported(
        exc,
        f"library busy: the library at {root} is in use by another program",
        lambda why: f"nothing was saved: {why} ({root}); the library is as it was",
    )


def _reported(exc: BaseException, busy: str, failed: Callable[[str], str]) -> LibraryError | None:
    """*exc* as LibraryBusy(*busy*) or LibraryError(*failed* of its reason); None when it
    is neither."""
    if isinstance(exc, LibraryError):
        return exc
    found = reason(exc)
    if found is None:
        return None
    is_busy, why = found
    return LibraryBusy(busy) if is_busy else LibraryError(failed(why))
