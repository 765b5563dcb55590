"""The parsed letters themselves (clean text and annotations), beside the Whoosh index.

Whoosh keeps all stored fields of a document in one compressed record, so a result list that
touches a 5 MB letter for its title paid 50 ms to decompress the letter (measured). The index
keeps only small fields; the text and the annotations live here, in SQLite, and are read only
when a letter is shown or a snippet made.

Every write gets a new row (its key is unique), so the index, the record of which letters
exist, always points at a row written before it committed: a kill between the two commits
never pairs an index entry with another version's text. A row's state says where it is in
that protocol:

- ``pending``: written by a write that has not committed its index yet;
- ``live``: the index points at it;
- ``removed``: its letter was removed and may be restored until the next import.

Each row is also named in a small second table, ``catalog``: its letter (id, original path,
content hash) and its state, so that the store is a catalog of the library a damaged index can
be rebuilt from without parsing anything. The state lives there, not in the letter's row:
changing a column rewrites the whole row, text included (measured: marking 1,000 letters
live rewrote 15 MB and left 6.5 MB of free pages).

The catalog also says which parser read each row (desktop.core.ingest.parser_version): a
row the store is given was read by the current parser, and a letter an older parser read is
read again from the library's copy of its original.

A third table, ``words``, counts the word forms of the live and removed rows (how many rows
write each, desktop.core.ingest.line_breaks.word_forms): the library's own words, with which
the parser judges a hyphen at a line end that the letter itself does not decide. The search
vocabulary cannot serve: it keeps words without their hyphens. The counts change in the same
transaction as the rows' states, so they never disagree with the rows; a store that has
never counted them (an older one) counts them at the first import.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.ingest.line_breaks import word_forms
from desktop.core.ingest.parser_version import PARSER_VERSION

FILE = "letters.sqlite"
BUSY_SECONDS = 5.0  # another program holding the store locked: wait this long, then "busy"
PENDING, LIVE, REMOVED = "pending", "live", "removed"
_BATCH = 200
# SQLite's extended codes for "cannot make the shared-memory file": SHMOPEN, SHMSIZE, SHMMAP,
# and the plain FULL and CANTOPEN it may give instead.
_NO_SHARED_MEMORY = {4618, 4874, 5386, 13, 14}


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    id: str
    path: str
    digest: str
    text: str
    payload: str
    state: str


class LetterStore:
    def __init__(self, root: Path, create: bool = False) -> None:
        self.path = root / FILE
        if not create and not self.path.exists():
            raise FileNotFoundError(2, "the letter store is missing", str(self.path))
        self._lock = threading.Lock()
        self.read_only = False
        try:
            self._con = self._connect()
        except sqlite3.OperationalError as exc:
            if create or not self._readable_without_writing(exc):
                raise
            self._con = self._connect_immutable()

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(
            self.path, timeout=BUSY_SECONDS, check_same_thread=False, isolation_level=None
        )
        try:
            # Before the first table, or a no-op: a store made now gives the room of deleted
            # rows back to the disk (give_back_room), which matters most when it is full.
            con.execute("PRAGMA auto_vacuum=INCREMENTAL")
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=FULL")  # an import reported done is on disk
            con.execute("PRAGMA mmap_size=1073741824")  # large letters read without copies
            self._ensure_schema(con)
        except BaseException:
            con.close()
            raise
        return con

    def _readable_without_writing(self, exc: sqlite3.OperationalError) -> bool:
        """Opening failed because SQLite could not create its shared-memory file (a full
        disk, a folder we may only read), and no connection has changes in the WAL: the
        store file alone holds every committed row, and can be read as it is."""
        code = getattr(exc, "sqlite_errorcode", 0)
        wal = self.path.with_name(self.path.name + "-wal")
        return code in _NO_SHARED_MEMORY and (not wal.exists() or wal.stat().st_size == 0)

    def writable(self) -> None:
        """Before a write: a store opened read-only (see above) is opened again for
        writing, which succeeds once there is room, or raises what stands in the way."""
        if self.read_only:
            con = self._connect()
            with self._lock:
                self._con.close()
                self._con, self.read_only = con, False

    def _connect_immutable(self) -> sqlite3.Connection:
        uri = f"{self.path.absolute().as_uri()}?immutable=1"
        con = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        self.read_only = True
        return con

    @staticmethod
    def _ensure_schema(con: sqlite3.Connection) -> None:
        """The tables, as far as they are not there yet (a store of an older version has
        only its letters: the library describes them, Library._migrate)."""
        con.execute(
            "CREATE TABLE IF NOT EXISTS letters (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
            "payload TEXT NOT NULL)"
        )
        con.execute(
            "CREATE TABLE IF NOT EXISTS catalog (key TEXT PRIMARY KEY, id TEXT NOT NULL, "
            "path TEXT NOT NULL, digest TEXT NOT NULL, state TEXT NOT NULL)"
        )
        columns = {name for _, name, *_ in con.execute("PRAGMA table_info(catalog)")}
        if "parser" not in columns:  # a store from before it was recorded: version 0
            con.execute("ALTER TABLE catalog ADD COLUMN parser INTEGER NOT NULL DEFAULT 0")
        con.execute("CREATE INDEX IF NOT EXISTS catalog_state ON catalog (state, id)")
        con.execute("CREATE INDEX IF NOT EXISTS catalog_digest ON catalog (digest)")
        con.execute(
            "CREATE TABLE IF NOT EXISTS words (form TEXT PRIMARY KEY, letters INTEGER NOT NULL)"
            " WITHOUT ROWID"
        )
        con.execute("CREATE TABLE IF NOT EXISTS facts (name TEXT PRIMARY KEY, value TEXT)")

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # -- reading ------------------------------------------------------------------------

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

    def keys(self, state: str | None = None) -> set[str]:
        """The keys of every letter row, or of the rows in *state*."""
        if state is None:
            sql, args = "SELECT key FROM letters", []
        else:
            sql, args = "SELECT key FROM catalog WHERE state = ?", [state]
        with self._lock:
            return {k for (k,) in self._con.execute(sql, args)}

    def counts(self) -> dict[str, int]:
        """Rows per state: a cheap check that the store and the index agree."""
        with self._lock:
            rows = self._con.execute("SELECT state, count(*) FROM catalog GROUP BY state")
            return dict(rows.fetchall())

    def rows(self, state: str, ids: Iterable[str] | None = None) -> Iterator[Row]:
        """The rows in *state* (of the letters *ids*, when given), read a batch at a time:
        a rebuild walks every letter without holding all their text at once."""
        keys = self.keys(state) if ids is None else self._keys_of(state, list(ids))
        return self.rows_of(keys)

    def rows_of(self, keys: Iterable[str]) -> Iterator[Row]:
        keys = sorted(keys)
        for start in range(0, len(keys), _BATCH):
            yield from self._where("key", keys[start : start + _BATCH])

    def refs(self, *states: str) -> list[tuple[str, str, str, str]]:
        """(key, id, path, digest) of the rows in *states*: which letter each row is."""
        marks = ",".join("?" * len(states))
        with self._lock:
            return self._con.execute(
                f"SELECT key, id, path, digest FROM catalog WHERE state IN ({marks})", states
            ).fetchall()

    def _keys_of(self, state: str, ids: list[str]) -> set[str]:
        keys: set[str] = set()
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            with self._lock:
                found = self._con.execute(
                    f"SELECT key FROM catalog WHERE state = ? AND id IN ({marks})", (state, *batch)
                )
                keys |= {k for (k,) in found}
        return keys

    def _where(self, column: str, values: list[str]) -> list[Row]:
        marks = ",".join("?" * len(values))
        with self._lock:
            found = self._con.execute(
                f"SELECT c.key, id, path, digest, text, payload, state FROM catalog c "
                f"JOIN letters l ON l.key = c.key WHERE c.{column} IN ({marks})", values
            ).fetchall()  # fmt: skip
        return [Row(*r) for r in found]

    def digests_in_use(self, digests: Iterable[str]) -> set[tuple[str, str]]:
        """(digest, path) of every row whose copy is one of *digests*."""
        digests = list(digests)
        out: set[tuple[str, str]] = set()
        with self._lock:
            for start in range(0, len(digests), 500):
                batch = digests[start : start + 500]
                marks = ",".join("?" * len(batch))
                out |= set(
                    self._con.execute(
                        f"SELECT digest, path FROM catalog WHERE digest IN ({marks})", batch
                    )
                )
        return out

    def origins(self, keys: Iterable[str]) -> set[tuple[str, str]]:
        """(digest, path) of the rows *keys*: whose copies they use."""
        keys = list(keys)
        out: set[tuple[str, str]] = set()
        with self._lock:
            for start in range(0, len(keys), _BATCH):
                batch = keys[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                out |= set(
                    self._con.execute(
                        f"SELECT digest, path FROM catalog WHERE key IN ({marks})", batch
                    )
                )
        return out

    def catalog(self, *states: str) -> list[tuple[str, str, str]]:
        """(id, path, digest) of every row (in *states*, when given)."""
        sql, args = "SELECT id, path, digest FROM catalog", states
        if states:
            sql += f" WHERE state IN ({','.join('?' * len(states))})"
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def states(self) -> dict[str, str]:
        """key -> state of every row."""
        with self._lock:
            return dict(self._con.execute("SELECT key, state FROM catalog").fetchall())

    def __len__(self) -> int:
        with self._lock:
            return self._con.execute("SELECT count(*) FROM letters").fetchone()[0]

    def read_by_older_parser(self) -> list[tuple[str, str]]:
        """(id, key) of the live letters an older parser read (or tried to read) last."""
        with self._lock:
            return self._con.execute(
                f"SELECT id, key FROM catalog WHERE state = '{LIVE}' AND parser < ?",
                (PARSER_VERSION,),
            ).fetchall()

    def oldest_parser(self) -> int:
        """The version of the oldest parser that read a live letter (the current one's for
        an empty library)."""
        with self._lock:
            (oldest,) = self._con.execute(
                f"SELECT min(parser) FROM catalog WHERE state = '{LIVE}'"
            ).fetchone()
        return PARSER_VERSION if oldest is None else oldest

    def library_words(self, leaving_out: Iterable[str] = ()) -> frozenset[str]:
        """The word forms the live and removed rows write, but for what only the rows
        *leaving_out* write (letters read again are no evidence for themselves). Counts
        them first if this store never has (a write: under the library's write lock)."""
        self._count_words()
        leaving_out = set(leaving_out)
        if leaving_out >= self.keys(LIVE) | self.keys(REMOVED):
            return frozenset()  # every letter is read again (reparse)
        own: Counter[str] = Counter()
        for text in self._texts(leaving_out):
            own.update(word_forms(text))
        with self._lock:
            counted = self._con.execute("SELECT form, letters FROM words").fetchall()
        return frozenset(form for form, letters in counted if letters > own[form])

    def _count_words(self) -> None:
        with self._lock:
            done = self._con.execute("SELECT 1 FROM facts WHERE name = 'words'").fetchone()
        if done:
            return
        counts: Counter[str] = Counter()
        for text in self._texts(self.keys(LIVE) | self.keys(REMOVED)):
            counts.update(word_forms(text))
        self._transaction(
            ("DELETE FROM words", [()]),
            ("INSERT INTO words (form, letters) VALUES (?, ?)", list(counts.items())),
            ("INSERT OR REPLACE INTO facts (name, value) VALUES ('words', 'counted')", [()]),
        )

    def _texts(self, keys: Iterable[str]) -> Iterator[str]:
        keys = sorted(keys)
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            with self._lock:
                found = self._con.execute(
                    f"SELECT text FROM letters WHERE key IN ({marks})", batch
                ).fetchall()
            yield from (text for (text,) in found)

    def _word_changes(self, counted: list[str], gone: list[str]) -> list[tuple[str, int]]:
        """How the word counts change when the rows *counted* become live or removed and
        the rows *gone* go: rows that were pending start counting, live or removed rows
        that go stop."""
        with self._lock:
            if not self._con.execute("SELECT 1 FROM facts WHERE name = 'words'").fetchone():
                return []  # never counted: counted whole at the next import
        states = self._states_of(counted + gone)
        change: Counter[str] = Counter()
        for text in self._texts(k for k in counted if states.get(k) == PENDING):
            change.update(word_forms(text))
        for text in self._texts(k for k in gone if states.get(k) in (LIVE, REMOVED)):
            change.subtract(word_forms(text))
        return [(form, n) for form, n in change.items() if n]

    def _states_of(self, keys: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            with self._lock:
                out.update(
                    self._con.execute(
                        f"SELECT key, state FROM catalog WHERE key IN ({marks})", batch
                    ).fetchall()
                )
        return out

    # -- writing ------------------------------------------------------------------------

    def put_pending(self, rows: Iterable[tuple[str, str, str, str, str, str]]) -> None:
        """(key, text, payload JSON, id, path, digest) rows, in one transaction."""
        rows = list(rows)
        self._transaction(
            ("INSERT INTO letters (key, text, payload) VALUES (?, ?, ?)", [r[:3] for r in rows]),
            (
                "INSERT INTO catalog (key, id, path, digest, state, parser) "
                f"VALUES (?, ?, ?, ?, '{PENDING}', {PARSER_VERSION})",
                [(r[0], *r[3:]) for r in rows],
            ),
        )

    def settle(
        self,
        live: Iterable[str],
        removed: Iterable[str],
        drop: Iterable[str],
        tried: Iterable[str] = (),
    ) -> None:
        """After the index committed, in one transaction: the rows it now points at are
        live, the rows of removed letters wait for an undo, the rows nothing uses go. The
        current parser tried to read the letters of the rows *tried* again, and could not:
        they stay as they are, and are not tried again until a newer parser."""
        live, removed, drop = list(live), list(removed), list(drop)
        words = self._word_changes(live + removed, drop)
        gone = [(k,) for k in drop]
        self._transaction(
            (f"UPDATE catalog SET state = '{LIVE}' WHERE key = ?", [(k,) for k in live]),
            (f"UPDATE catalog SET state = '{REMOVED}' WHERE key = ?", [(k,) for k in removed]),
            ("DELETE FROM catalog WHERE key = ?", gone),
            ("DELETE FROM letters WHERE key = ?", gone),
            (
                "INSERT INTO words (form, letters) VALUES (?, ?) "
                "ON CONFLICT (form) DO UPDATE SET letters = letters + excluded.letters",
                words,
            ),
            ("DELETE FROM words WHERE letters <= 0", [()] if words else []),
            (f"UPDATE catalog SET parser = {PARSER_VERSION} WHERE key = ?", [(k,) for k in tried]),
        )

    def describe(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """(key, id, path, digest) of letter rows a store of an older version has without
        their catalog entries: the index's letters, live (their words are counted again)."""
        self._transaction(
            (
                f"INSERT OR REPLACE INTO catalog (key, id, path, digest, state) "
                f"VALUES (?, ?, ?, ?, '{LIVE}')",
                list(rows),
            ),
            ("DELETE FROM facts WHERE name = 'words'", [()]),
        )

    def forget_uncatalogued(self) -> None:
        """Rows of an older store that no letter of the index uses."""
        self._transaction(
            ("DELETE FROM letters WHERE key NOT IN (SELECT key FROM catalog)", [()]),
        )

    def delete(self, keys: Iterable[str]) -> None:
        self.settle((), (), keys)

    def give_back_room(self, log_too: bool = False) -> None:
        """Return the pages of deleted rows to the file system, and with *log_too* the
        write-ahead log (a failed import on a full disk must not leave it fuller; the log
        waits for readers, so not after every import)."""
        with self._lock:
            # executescript steps the pragma to its end; execute() frees one page a call.
            self._con.executescript("PRAGMA incremental_vacuum;")
            if log_too:
                self._con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _transaction(self, *steps: tuple[str, list[tuple]]) -> None:
        with self._lock:
            self._con.execute("BEGIN")
            try:
                for sql, rows in steps:
                    self._con.executemany(sql, rows)
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            self._con.execute("COMMIT")
