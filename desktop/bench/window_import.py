"""The window while it imports: does searching and opening letters go on? (issue 19, part 3)

In one process with the window (offscreen), first idle and then while the window imports a
folder of new letters (its own ImportJob, as File > Add folder does): searches typed into the
search panel (time until the results are shown), letters opened in a pane (time until
painted), and how late a 20 ms timer of the event loop fires (the longest stall the user
would feel). The total of one search is followed through the import: it grows as batches
commit, before the import ends.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from desktop.bench.queries import QUERIES, TARGET_KINDS

_TICK_MS = 20
_GROWING = "verdrag OR Rusland OR NAVO"  # its total is followed through the import
_WAIT_MS = 120_000


class _Lag:
    """How late a repeating timer fires: the event loop's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - _TICK_MS / 1000)
        self._last = now

    def reset(self) -> None:
        self.worst, self._last = 0.0, time.perf_counter()


def _wait(signal, start: Callable[[], None]) -> list:
    """Call *start*, then run the event loop until *signal* fires; its arguments."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, got = QEventLoop(), []

    def heard(*args) -> None:
        got.append(args)
        loop.quit()

    signal.connect(heard)
    try:
        start()
        if not got:
            QTimer.singleShot(_WAIT_MS, loop.quit)
            loop.exec()
    finally:
        signal.disconnect(heard)
    if not got:
        raise RuntimeError("the window did not answer within two minutes")
    return got[0]


def _search(window, query: str) -> tuple[float, int]:
    panel = window.search_panel
    start = time.perf_counter()

    def type_and_run() -> None:
        panel.search_box.setText(query)
        panel.run_search()

    (result,) = _wait(panel.result_shown, type_and_run)
    return time.perf_counter() - start, result.total


def _open(window, app, letter_id: str) -> float:
    pane = window.focused_pane()
    pane.clear()
    app.processEvents()
    start = time.perf_counter()
    pane.open_letter(letter_id)
    pane.repaint()
    return time.perf_counter() - start


class _Session:
    """Searches and opens in turn, timed."""

    def __init__(self, window, app, ids: list[str]) -> None:
        self.window, self.app, self.ids = window, app, ids
        self.queries = [q.text for q in QUERIES if q.kind in TARGET_KINDS]
        self.searches: list[float] = []
        self.opens: list[float] = []
        self._turn = 0

    def step(self) -> None:
        query = self.queries[self._turn % len(self.queries)]
        self.searches.append(_search(self.window, query)[0])
        self.opens.append(_open(self.window, self.app, self.ids[self._turn % len(self.ids)]))
        self._turn += 1


def measure(library: Path, folder: Path) -> dict:
    """Figures (seconds) idle and during the import of *folder*; see the module's doc."""
    from PySide6.QtCore import QEventLoop

    from desktop.bench.child import peak_rss
    from desktop.core.library.library import Library
    from desktop.ui.app import make_application, open_window

    app = make_application()
    lib = Library.open(library)
    window = open_window(lib)
    while not window.model.listed:  # read in a worker: wait, not spin
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    ids = lib.ids()[:: max(1, len(lib) // 40)]  # before the timer: it reads every letter
    lag = _Lag()
    idle = _Session(window, app, ids)
    for _ in range(2 * len(idle.queries)):
        idle.step()
    idle_lag = lag.worst
    before = _search(window, _GROWING)[1]
    during, totals = _Session(window, app, ids), []
    finished: list = []
    window.import_finished.connect(finished.append)
    window.import_failed.connect(finished.append)
    lag.reset()
    started = time.perf_counter()
    window.import_paths([folder])
    while not finished:
        during.step()
        totals.append(_search(window, _GROWING)[1])
        app.processEvents()
    seconds = time.perf_counter() - started
    if isinstance(finished[0], str):
        raise RuntimeError(f"the import failed: {finished[0]}")
    result = {
        "import_letters": finished[0].new,
        "import_s": seconds,
        "import_letters_per_s": finished[0].new / seconds,
        "idle_search_p50_s": statistics.median(idle.searches),
        "idle_open_p50_s": statistics.median(idle.opens),
        "idle_stall_max_s": idle_lag,
        "importing_search_p50_s": statistics.median(during.searches),
        "importing_search_p95_s": _p95(during.searches),
        "importing_open_p50_s": statistics.median(during.opens),
        "importing_open_p95_s": _p95(during.opens),
        "importing_stall_max_s": lag.worst,
        "importing_searches": len(during.searches),
        "importing_total_before": before,
        "importing_totals_seen": sorted(set(totals)),
        "importing_total_after": _search(window, _GROWING)[1],
        "importing_window_rss_bytes": peak_rss(),
    }
    window.close()
    lib.close()
    return result


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
