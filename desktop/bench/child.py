"""Measured in a child process, so that peak memory is that of the one task alone, and a
first query is a first query (no cache of an earlier task in the process).

`python -m desktop.bench.child TASK ARGS...` prints one JSON object:
  build CORPUS LIBRARY                  the reader's import: parse, index, store
  build-index CORPUS LIBRARY PARSED     the same import handed the letters already parsed
  fts-build CORPUS DB [PARSED]          FTS5 fed by the same parser (keeping what it parsed)
  fts-build-index DB PARSED             FTS5 handed the same parsed letters
  cold ENGINE STORE QUERY               open, then one query
  warm LIBRARY DB REPEAT                the query list through both engines, repeatedly
  window LIBRARY TYPICAL HUGE           the window: cold start, opening letters, memory
  window-import LIBRARY FOLDER          the window while it imports FOLDER (window_import.py)
PARSED is the parsed letters (parsed_store.py), written by fts-build.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def peak_rss() -> int:
    """This process's own peak resident memory in bytes. Not getrusage's ru_maxrss: on Linux
    a child inherits its parent's high-water mark at fork and exec keeps it, so a child of
    the benchmark would report the benchmark's own peak."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def build(corpus: Path, library: Path) -> dict:
    from desktop.core.library.library import Library

    start = time.perf_counter()
    with Library.open(library) as lib:
        report = lib.add([corpus])
    return _built(start, report.new, report.failures)


def _built(start: float, letters: int, failed: list | None = None) -> dict:
    return {
        "seconds": time.perf_counter() - start,
        # Sub-processes (the multiprocessing writer, the parser worker) count too.
        "peak_rss": peak_rss() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "letters": letters,
        "failed": failed or [],  # (path, message)
    }


def build_index(corpus: Path, library: Path, parsed: Path) -> dict:
    """The reader's import of *corpus* with every letter handed over already parsed: all an
    import does (read, hash, index, store, commit, sync) but parsing. Each letter is read
    from the store of parsed letters when the import asks for it."""
    from desktop.bench.parsed_store import ParsedStore
    from desktop.core.library.library import Library

    store = ParsedStore(parsed)
    letters = store.names()
    handed: list[str] = []

    def already_parsed(data: bytes, path: Path, *args: object, **kwargs: object):
        handed.append(Path(path).name)
        return store.get(Path(path).name)

    with _parser_replaced(already_parsed):
        start = time.perf_counter()
        with Library.open(library) as lib:
            report = lib.add([corpus])
        result = _built(start, report.new, report.failures)
    store.close()
    if sorted(handed) != letters:
        raise SystemExit(f"the import parsed {len(letters) - len(handed)} letters itself")
    return result


@contextmanager
def _parser_replaced(replacement: Callable) -> Iterator[None]:
    """Every module of the library package that calls the parser calls *replacement*."""
    import desktop.core.library as package
    from desktop.core.ingest import parse

    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
    users = [
        m for name, m in sys.modules.items()
        if name.startswith(package.__name__) and getattr(m, "parse_bytes", None) is parse.parse_bytes
    ]  # fmt: skip
    if not users:
        raise SystemExit("no module of desktop.core.library calls parse_bytes: update the bench")
    for m in users:
        m.parse_bytes = replacement  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for m in users:
            m.parse_bytes = parse.parse_bytes  # type: ignore[attr-defined]


def fts_build(corpus: Path, db: Path, parsed: Path | None = None) -> dict:
    """FTS5 fed by the reader's parser: the same files, the same worker process, one commit.
    With *parsed*, each letter is also kept there for the index-only builds, off the clock.
    The parse times of the letters under 200 KB give the parse speed a typical import sees."""
    from desktop.bench import fts_baseline
    from desktop.bench.parsed_store import ParsedStore
    from desktop.core.ingest.parse import parse_file
    from desktop.core.library.importer import collect_files

    keep = ParsedStore(parsed) if parsed else None
    clock = time.perf_counter()
    files, _missing = collect_files([corpus])
    con = fts_baseline.create(db)
    typical = {"parse_s": 0.0, "letters": 0, "bytes": 0}
    for path in files:
        start = time.perf_counter()
        letter = parse_file(path)
        parsed_in = time.perf_counter() - start
        fts_baseline.insert(con, [letter])
        if (size := path.stat().st_size) < 200_000:
            typical["parse_s"] += parsed_in
            typical["letters"] += 1
            typical["bytes"] += size
        if keep is not None:
            paused = time.perf_counter()
            keep.put(path.name, letter)
            clock += time.perf_counter() - paused
    con.commit()
    con.close()
    result = _built(clock, len(files))
    if keep is not None:
        keep.close()
    return {**result, "typical": typical}


def fts_build_index(db: Path, parsed: Path) -> dict:
    from desktop.bench import fts_baseline
    from desktop.bench.parsed_store import ParsedStore

    store = ParsedStore(parsed)
    count = len(store.names())
    start = time.perf_counter()
    fts_baseline.build(db, iter(store))
    result = _built(start, count)
    store.close()
    return result


def window(library: Path, typical: str, huge: str) -> dict:
    """Cold start to the first painted frame, opening letters in a pane, and the window's
    memory with the library open. Needs QT_QPA_PLATFORM (offscreen is fine)."""
    started = time.perf_counter()
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    from desktop.core.library.library import Library
    from desktop.ui.app import make_application, open_window

    app = make_application()
    lib = Library.open(library)
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    win = open_window(lib)
    while not painted:
        app.processEvents()
    cold = painted[0] - started
    app.removeEventFilter(spy)
    while not win.model.listed:  # read after the first frame, in a worker: wait, not spin
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    result = {"cold_start_s": cold, "listed_s": time.perf_counter() - started}
    pane = win.focused_pane()
    for key, letter_id, repeat in (("open_typical_s", typical, 15), ("open_huge_s", huge, 3)):
        if key == "open_huge_s":  # peak memory of everyday use, before the 5 MB letter
            result["window_rss_bytes"] = peak_rss()
        times = []
        for _ in range(repeat):
            pane.clear()
            app.processEvents()
            start = time.perf_counter()
            pane.open_letter(letter_id)
            pane.repaint()
            times.append(time.perf_counter() - start)
        result[key] = sorted(times)[len(times) // 2]
    win.close()
    lib.close()
    return result


def _cold(engine: str, store: str, query: str) -> dict:
    from desktop.bench.search_timing import cold

    return cold(engine, Path(store), query)


def _warm(library: str, db: str, repeat: str) -> dict:
    from desktop.bench.search_timing import warm

    return warm({"project": Path(library), "fts5": Path(db)}, int(repeat))


_TASKS: dict[str, Callable[..., dict]] = {
    "build": lambda corpus, library: build(Path(corpus), Path(library)),
    "build-index": lambda c, lib, parsed: build_index(Path(c), Path(lib), Path(parsed)),
    "fts-build": lambda corpus, db, parsed=None: fts_build(
        Path(corpus), Path(db), Path(parsed) if parsed else None
    ),
    "fts-build-index": lambda db, parsed: fts_build_index(Path(db), Path(parsed)),
    "cold": _cold,
    "warm": _warm,
    "window": lambda library, typical, huge: window(Path(library), typical, huge),
    "window-import": lambda library, folder: _window_import(Path(library), Path(folder)),
}


def _window_import(library: Path, folder: Path) -> dict:
    from desktop.bench.window_import import measure

    return measure(library, folder)


def main(argv: list[str]) -> int:
    task, *args = argv
    if task not in _TASKS:
        raise SystemExit(f"unknown task {task!r}")
    print(json.dumps(_TASKS[task](*args)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
