"""Search latency of both engines on the shared query list, cold and warm.

Cold: a new process opens the library (or the FTS5 database) and runs one query; that first
query is what a user meets after starting the reader. The files are in the OS cache (the
benchmark has just written them): cold here means a new process, not a rebooted machine.
Warm: one process opens both engines and, query by query, times each engine in turn (the
order alternating, so that the load of a shared machine falls on both alike): first the first
run of the query in that session, then repeated runs with snippets, then without.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from desktop.bench.fts_baseline import Fts5Search
from desktop.bench.project_search import ProjectSearch
from desktop.bench.queries import QUERIES, BenchQuery


class Engine(Protocol):
    name: str
    ran: list[tuple[str, tuple[str, ...]]]

    def search(self, query: str, snippets: bool = True) -> int: ...
    def close(self) -> None: ...


ENGINES: dict[str, Callable[[Path], Engine]] = {"project": ProjectSearch, "fts5": Fts5Search}


def runs_per_query(query: BenchQuery, repeat: int) -> int:
    """About *repeat* timed runs per query kind, at least one per query."""
    same_kind = sum(1 for q in QUERIES if q.kind == query.kind)
    return repeat // same_kind + 1


def cold(engine: str, store: Path, query: str) -> dict:
    start = time.perf_counter()
    searcher = ENGINES[engine](store)
    opened = time.perf_counter()
    total = searcher.search(query)
    done = time.perf_counter()
    searcher.close()
    return {"open_s": opened - start, "first_s": done - opened, "total": total,
            "ran": collapse(searcher.ran)}  # fmt: skip


def warm(stores: dict[str, Path], repeat: int) -> dict[str, dict]:
    """Per engine: first run, runs with and without snippets (seconds) and total per query,
    and what the engine ran."""
    engines = [ENGINES[name](path) for name, path in stores.items()]
    out: dict[str, dict] = {
        e.name: {"first": {}, "snippets": {}, "bare": {}, "total": {}} for e in engines
    }
    for query in QUERIES:
        for e in engines:
            out[e.name]["first"][query.text] = _time(e, query.text, True)
        for snippets, key in ((True, "snippets"), (False, "bare")):
            if not snippets:  # the first search without snippets builds what it reuses
                for e in engines:
                    e.search(query.text, False)
            for turn in range(runs_per_query(query, repeat)):
                for e in engines if turn % 2 == 0 else engines[::-1]:
                    times = out[e.name][key].setdefault(query.text, [])
                    times.append(_time(e, query.text, snippets))
        for e in engines:
            out[e.name]["total"][query.text] = e.search(query.text)
    for e in engines:
        out[e.name]["ran"] = collapse(e.ran)
        e.close()
    return out


def _time(engine: Engine, query: str, snippets: bool) -> float:
    start = time.perf_counter()
    engine.search(query, snippets)
    return time.perf_counter() - start


def collapse(ran: list[tuple[str, tuple[str, ...]]]) -> list[list]:
    """[query given, what the engine ran, how many times in a row]."""
    out: list[list] = []
    for given, evaluated in ran:
        if out and out[-1][0] == given and out[-1][1] == list(evaluated):
            out[-1][2] += 1
        else:
            out.append([given, list(evaluated), 1])
    return out
