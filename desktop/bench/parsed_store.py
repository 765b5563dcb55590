"""The parsed letters the index-only builds are handed, on disk, one at a time.

A list pickled whole was loaded whole: at 100,000 letters the builds' peak memory would have
been the benchmark's letters, not the engines'. Here each letter is a pickle in a row of a
SQLite table, written as the FTS5 end-to-end build parses it and read by name or in order.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from desktop.core.model.letter import Letter


class ParsedStore:
    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(path, check_same_thread=False)  # read by the parse-ahead thread
        self.con.execute("CREATE TABLE IF NOT EXISTS parsed (name TEXT PRIMARY KEY, letter BLOB)")

    def put(self, name: str, letter: Letter) -> None:
        blob = pickle.dumps(letter, protocol=pickle.HIGHEST_PROTOCOL)
        self.con.execute("INSERT OR REPLACE INTO parsed VALUES (?, ?)", (name, blob))

    def get(self, name: str) -> Letter:
        row = self.con.execute("SELECT letter FROM parsed WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        return pickle.loads(row[0])

    def names(self) -> list[str]:
        return [n for (n,) in self.con.execute("SELECT name FROM parsed ORDER BY name")]

    def __iter__(self) -> Iterator[Letter]:
        for (blob,) in self.con.execute("SELECT letter FROM parsed ORDER BY name"):
            yield pickle.loads(blob)

    def close(self) -> None:
        self.con.commit()
        self.con.close()
