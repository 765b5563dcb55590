"""Whoosh's multiprocessing writer, watched: a sub-writer that dies must not hang the import.

Whoosh's MpWriter hands batches of letters to its sub-writer processes through one queue, and
a sub-writer waiting for a batch holds that queue's read lock. One that dies (killed by the
system for memory, or by anything else) can take the lock with it: the other sub-writer then
waits for it forever, and the import, waiting for the sub-writers, with it, holding the
library's write lock. Left alone, Whoosh would also commit without the letters the dead one
had (it waits one second for each sub-writer's result).

So while a multiprocessing write runs, a thread watches the sub-writers. Once one has died it
empties the queue (so that no hand-over blocks) and stops the others; the write then fails
with :class:`SubWriterDied` at its next letter (the importer does it again with the serial
writer), or, when the commit had begun, commits what was indexed, and the library indexes the
rest from their rows (Library._restore_lost).

The watch reads two attributes of Whoosh's MpWriter: ``tasks`` (the sub-writer processes)
and ``jobqueue``.
"""

from __future__ import annotations

import queue
import threading

_TICK = 0.1  # seconds between two looks at the sub-writers


class SubWriterDied(Exception):
    """A sub-writer of Whoosh's multiprocessing writer died during an import."""


class SubWriterWatch:
    def __init__(self, writer) -> None:
        self._writer = writer
        self._stop = threading.Event()
        self.died = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="sub-writers")
        self._thread.start()

    def check(self) -> None:
        """In the writing thread, before handing over another letter."""
        if self.died.is_set():
            raise SubWriterDied("an indexing process died during the import")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(_TICK):
            tasks = list(self._writer.tasks)
            if not self.died.is_set() and any(t.exitcode not in (None, 0) for t in tasks):
                self.died.set()
            if self.died.is_set():
                self._unblock(tasks)

    def _unblock(self, tasks) -> None:
        try:
            while True:
                self._writer.jobqueue.get_nowait()
        except (queue.Empty, OSError, EOFError, ValueError):
            pass
        for task in tasks:
            if task.exitcode is None:
                task.kill()


def watch(writer) -> SubWriterWatch | None:
    """A watch over *writer*'s sub-writers, if it has any."""
    return SubWriterWatch(writer) if hasattr(writer, "tasks") else None
