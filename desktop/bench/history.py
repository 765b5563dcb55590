"""The treaty history against `search treaty:INF`, measured in one process in the same run.

`python -m desktop.bench.history LIBRARY` prints one JSON object (seconds): the search
baseline, the history's table of letters read once per index version, the timeline's marks
(core) and the timeline shown (marks, lanes and one paint of the widget, offscreen), and the
first screen of passages (core, and the passages model's first fetch). Needs
QT_QPA_PLATFORM (offscreen is fine).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

TREATY = "INF"  # in nearly every generated letter: the longest timeline and passage list
REPEAT = 15
FIRST_SCREEN = 100  # passages: the model's first fetch (desktop.ui.passages_model.BATCH)


def median(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    fn()  # warm, as the search baseline is
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(library_path: Path) -> dict:
    from PySide6.QtGui import QColor

    from desktop.core.history.passages import TreatyHistory
    from desktop.core.library.library import Library
    from desktop.ui.app import make_application
    from desktop.ui.passages_model import PassagesModel
    from desktop.ui.timeline import TimelineWidget

    make_application()
    figures: dict[str, float] = {}
    with Library.open(library_path) as lib:
        history = TreatyHistory(lib)
        start = time.perf_counter()
        rows = history.letters()
        figures["history_table_s"] = time.perf_counter() - start
        figures["history_letters"] = len(rows)
        figures["history_marks"] = len(history.timeline([TREATY]))
        figures["search_treaty_p50_s"] = median(lambda: lib.search(f"treaty:{TREATY}"))
        figures["timeline_marks_p50_s"] = median(lambda: history.timeline([TREATY]))
        widget = TimelineWidget()
        widget.resize(1200, 180)

        def show_timeline() -> None:
            marks = history.timeline([TREATY])
            dates = [r.day for r in history.letters() if r.day]
            widget.set_marks([(TREATY, TREATY, QColor("#4477AA"), marks)], dates)
            widget.grab()

        figures["timeline_shown_p50_s"] = median(show_timeline)
        figures["passages_first_screen_p50_s"] = median(
            lambda: list(islice(history.passages(TREATY), FIRST_SCREEN))
        )
        model = PassagesModel()
        figures["passages_model_first_fetch_p50_s"] = median(
            lambda: model.set_source(history.passages(TREATY))
        )
        history.close()
    base = figures["search_treaty_p50_s"]
    for key in (
        "timeline_marks",
        "timeline_shown",
        "passages_first_screen",
        "passages_model_first_fetch",
    ):
        figures[f"{key}_vs_search"] = figures[f"{key}_p50_s"] / base
    return figures


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
