"""Measured in a child process, so that peak memory is that of the one task alone.

`python -m desktop.bench.child build CORPUS LIBRARY` prints {"seconds", "peak_rss", ...}.
"""

from __future__ import annotations

import json
import resource
import sys
import time
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
    return {
        "seconds": time.perf_counter() - start,
        # The indexing sub-processes of the multiprocessing writer count too.
        "peak_rss": peak_rss() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "letters": report.new,
        "failed": report.failed,
    }


def window(library: Path, typical: str, huge: str) -> dict:
    """Cold start to the first painted frame, opening letters in a pane, and the window's
    memory with the library open. Needs QT_QPA_PLATFORM (offscreen is fine)."""
    started = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject

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
    pane = win.focused_pane()
    result = {"cold_start_s": cold}
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


def main(argv: list[str]) -> int:
    task, *args = argv
    if task == "build":
        result = build(Path(args[0]), Path(args[1]))
    elif task == "window":
        result = window(Path(args[0]), args[1], args[2])
    else:
        raise SystemExit(f"unknown task {task!r}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
