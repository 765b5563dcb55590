"""The parsed letters themselves (clean text and annotations), beside the Whoosh index.

Whoosh keeps all stored fields of a document in one compressed record, so a result list that
touches a 5 MB letter for its title paid 50 ms to decompress the letter (measured). The index
keeps only small fields; the text and the annotations live here, in SQLite, keyed by the
letter id and the content hash, and are read only when a letter is shown or a snippet made.

Keying by content means a changed letter gets a new row: the index (the source of truth for
which letters exist) always points at a row that was written before it committed, so a kill
between the two commits never pairs an index entry with another version's text. Rows that no
document points at any more are removed after each import.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

_FILE = "letters.sqlite"


class LetterStore:
    def __init__(self, root: Path) -> None:
        self.path = root / _FILE
        self._lock = threading.Lock()
        self._con = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.execute("PRAGMA synchronous=FULL")  # an import reported done is on disk
        self._con.execute("PRAGMA mmap_size=1073741824")  # large letters read without copies
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS letters (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
            "payload TEXT NOT NULL)"
        )

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def put_many(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(key, text, payload JSON) rows, in one transaction."""
        with self._lock:
            self._con.execute("BEGIN")
            try:
                self._con.executemany("INSERT OR REPLACE INTO letters VALUES (?, ?, ?)", rows)
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            self._con.execute("COMMIT")

    def get(self, key: str) -> tuple[str, str] | None:
        """(text, payload JSON) of *key*, or None."""
        with self._lock:
            row = self._con.execute(
                "SELECT text, payload FROM letters WHERE key = ?", (key,)
            ).fetchone()
        return (row[0], row[1]) if row else None

    def text(self, key: str, limit: int | None = None) -> str | None:
        """The clean text of *key*, or its first *limit* characters."""
        sql = "SELECT text FROM letters WHERE key = ?"
        args: tuple = (key,)
        if limit is not None:
            sql, args = "SELECT substr(text, 1, ?) FROM letters WHERE key = ?", (limit, key)
        with self._lock:
            row = self._con.execute(sql, args).fetchone()
        return row[0] if row else None

    def keys(self) -> set[str]:
        with self._lock:
            return {k for (k,) in self._con.execute("SELECT key FROM letters")}

    def delete(self, keys: set[str]) -> None:
        """Remove the rows of *keys* (versions no index entry points at any more)."""
        if not keys:
            return
        with self._lock:
            self._con.execute("BEGIN")
            self._con.executemany("DELETE FROM letters WHERE key = ?", [(k,) for k in keys])
            self._con.execute("COMMIT")

    def __len__(self) -> int:
        with self._lock:
            return self._con.execute("SELECT count(*) FROM letters").fetchone()[0]
