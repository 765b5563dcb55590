"""The write lock: one writing process at a time, and only that process holds it.

An OS file lock (flock) on ``letters_WRITELOCK``: the kernel drops it when its holder dies,
so a lock whose holder is gone is free at once. Two things could keep it past that death, and
both are closed here:

- a process forked while the lock is held (by a library, a test harness or a plug-in that
  forks) shares the lock's open file; so a child forked while this process holds a lock
  closes its copy of the descriptor at once (that never unlocks the parent's lock), and
- such a child could outlive its parent; so it asks the kernel for SIGKILL when its parent
  dies (PR_SET_PDEATHSIG, Linux), and exits if the parent died before it asked.

Whatever sits where the lock file should be (a folder, a FIFO, a link) is reported, never
opened in a way that could block or follow it elsewhere.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import threading
from pathlib import Path

from desktop.core.library.errors import LibraryError

_PR_SET_PDEATHSIG = 1
_held: set[WriteLock] = set()  # locks this process holds now: closed in forked children
_forking_parent = 0
_prctl = None


class WriteLock:
    """Re-entrant for the thread that holds it (the library holds it around a write whose
    Whoosh writer takes it again); busy for every other thread and process. The interface
    is Whoosh's lock (acquire(blocking) -> bool, release()), so the index's storage can hand
    out this lock to Whoosh's writers."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._owner: int | None = None
        self._depth = 0
        self._mutex = threading.Lock()

    def acquire(self, blocking: bool = False) -> bool:
        with self._mutex:
            if self._depth and self._owner == threading.get_ident():
                self._depth += 1
                return True
            if self._depth:
                return False  # another thread of this process writes
            fd = _open_lock_file(self.path)
            if not _flock(fd, blocking):
                os.close(fd)
                return False
            self._fd, self._owner, self._depth = fd, threading.get_ident(), 1
            _held.add(self)
            _prepare_children()
            return True

    def release(self) -> None:
        with self._mutex:
            if not self._depth or self._owner != threading.get_ident():
                raise RuntimeError("release of a write lock this thread does not hold")
            self._depth -= 1
            if self._depth:
                return
            _held.discard(self)
            fd, self._fd, self._owner = self._fd, None, None
        assert fd is not None
        os.close(fd)  # closing the only descriptor releases the lock

    def held(self) -> bool:
        return self._depth > 0 and self._owner == threading.get_ident()

    @property
    def depth(self) -> int:
        """How many times this thread holds the lock (0: not at all)."""
        return self._depth if self._owner == threading.get_ident() else 0

    def release_to(self, depth: int) -> None:
        """Release until this thread holds the lock *depth* times: after a failed write
        whose Whoosh writer never got to release its hold."""
        while self.depth > depth:
            self.release()

    def _forget_in_child(self) -> None:
        """In a forked child: close the inherited descriptor without unlocking (an unlock
        would release the parent's lock, which shares it)."""
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
        self._fd, self._owner, self._depth = None, None, 0
        self._mutex = threading.Lock()


def _open_lock_file(path: Path) -> int:
    """The lock file's descriptor; a clear error when something else sits at its path.
    O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever; O_NOFOLLOW: a
    link could point anywhere."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        raise LibraryError(_not_a_lock_file(path, exc)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise LibraryError(_not_a_lock_file(path, None, mode))
    return fd


def _not_a_lock_file(path: Path, exc: OSError | None, mode: int = 0) -> str:
    if exc is not None and exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot lock the library: permission denied for {path}"
    what = _WHAT.get(exc.errno or 0) if exc is not None else _kind(mode)
    if what is None:
        return f"cannot lock the library: {path}: {exc.strerror if exc else 'cannot be opened'}"
    return (
        f"cannot lock the library: {path} should be the library's lock file but is {what}; "
        "move it out of the library folder and try again"
    )


_WHAT = {errno.EISDIR: "a folder", errno.ELOOP: "a symbolic link", errno.ENXIO: "a socket"}


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):  # fmt: skip
        if test(mode):
            return name
    return "not a regular file"


def _flock(fd: int, blocking: bool) -> bool:
    if os.name == "nt":  # pragma: no cover - the project runs its tests on Linux
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if blocking else msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        return True
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        os.close(fd)
        raise LibraryError(f"cannot lock the library: {exc.strerror or exc}") from None


# -- children forked while a lock is held ---------------------------------------------------


def _prepare_children() -> None:
    """Resolve prctl() before any fork: the child should do as little as possible."""
    global _prctl
    if _prctl is None and sys.platform.startswith("linux"):
        import ctypes

        _prctl = ctypes.CDLL(None, use_errno=True).prctl


def _before_fork() -> None:
    global _forking_parent
    _forking_parent = os.getpid()


def _in_forked_child() -> None:
    if not _held:
        return
    for lock in list(_held):
        lock._forget_in_child()
    _held.clear()
    if _prctl is not None:
        _prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != _forking_parent:  # the parent died before the request took effect
        os._exit(1)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_before_fork, after_in_child=_in_forked_child)
