"""The status bar says how fast an import goes and how long it has left."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from desktop.core.library.library import IndexReport
from desktop.ui import library_jobs
from desktop.ui.i18n import set_language


def test_the_import_shows_letters_per_second_and_time_left(window, qtbot, library, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(library_jobs, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    steps = [(1001.0, 5, "brief-5.txt"), (1010.0, 250, "brief-250.txt"),
             (1020.0, 100, "brief-100.txt")]  # fmt: skip
    shown = [threading.Event() for _ in steps]

    def paced_add(paths, progress=None, cancelled=lambda: False, **_):
        for (now, done, name), seen in zip(steps, shown, strict=True):
            clock[0] = now
            progress(done, 1000, f"/tmp/{name}")
            seen.wait(30)
        return IndexReport(new=100)

    monkeypatch.setattr(library, "add", paced_add)
    texts = []
    window.import_paths([library.root])
    for (_now, _done, name), seen in zip(steps, shown, strict=True):
        qtbot.waitUntil(lambda name=name: name in window.import_label.text())
        texts.append(window.import_label.text())
        if name == "brief-100.txt":
            set_language("nl")
            window.jobs._on_progress(100, 1000, "/tmp/brief-100.txt")
            texts.append(window.import_label.text())
            set_language("en")
        seen.set()
    qtbot.waitUntil(lambda: not window.progress.isVisible())
    assert texts == [
        "Importing brief-5.txt",  # too early to say
        "Importing brief-250.txt · 25 letters/s · about 30 s left",
        "Importing brief-100.txt · 5 letters/s · about 3 min left",
        texts[-1],
    ]
    assert texts[-1].endswith(" · 5 brieven/s · nog ongeveer 3 min")
