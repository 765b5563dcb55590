"""The same corpus and queries in SQLite FTS5 (stdlib), so every Whoosh figure is a ratio."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from desktop.core.model.letter import Letter

# Whoosh query -> FTS5 query; None where FTS5 has no equivalent (fuzzy).
FTS_QUERIES = {
    "single": "verdrag",
    "two_terms": "kernwapens rusland",
    "phrase": '"open luchtruim"',
    "long_phrase": '"verdrag inzake het open luchtruim"',
    "field_term": "treaty:INF AND raketten",
    "wildcard": "ontwap*",
    "fuzzy": None,
}


def build(db: Path, letters: list[Letter]) -> float:
    """Seconds to load *letters* (their clean text) into a fresh FTS5 table."""
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE letters USING fts5(id UNINDEXED, treaty, text)")
    con.executemany(
        "INSERT INTO letters VALUES (?, ?, ?)",
        ((lt.id, " ".join(lt.mention_counts()), lt.text) for lt in letters),
    )
    con.commit()
    con.close()
    return time.perf_counter() - start


def query_times(db: Path, query: str, repeat: int) -> list[float]:
    """Top 10 with a snippet each, as a search page needs."""
    con = sqlite3.connect(db)
    sql = (
        "SELECT id, snippet(letters, 2, '<b>', '</b>', '…', 20) FROM letters "
        "WHERE letters MATCH ? ORDER BY rank LIMIT 10"
    )
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        con.execute(sql, (query,)).fetchall()
        times.append(time.perf_counter() - start)
    con.close()
    return times
