"""The window's writes to the library, one at a time, off the GUI thread, in the status bar.

An import, a removal, its undo and a re-read all write the library; the library lets one
thread write at a time (another would be told the library is busy, as if another program
held it), so the window runs them one after the other and says what runs: its words, a
progress bar, and Cancel where the write can stop.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import PurePath

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.ui.i18n import fill
from desktop.ui.labels import plain_label
from desktop.ui.workers import WriteJob, import_pace, start

WAIT_AT_CLOSE_MS = 10000  # at close: how long a cancelled write may take to stop


class LibraryJobs(QObject):
    """Runs WriteJobs one at a time and shows the running one in *bar*."""

    def __init__(self, bar: QStatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._job: WriteJob | None = None
        self._busy_message = ""
        self._step = ""
        self._started = 0.0  # time.monotonic() when the running write began
        self._finished: Callable[[object, list], None] | None = None
        self._failed: Callable[[str, bool], None] | None = None
        self.label = plain_label(parent)
        self.progress = QProgressBar(parent)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(parent)
        self.cancel_button.clicked.connect(self.cancel)
        for widget in self._widgets():
            bar.addPermanentWidget(widget)
            widget.hide()
        self.retranslate()

    def _widgets(self) -> tuple[QWidget, ...]:
        return (self.label, self.progress, self.cancel_button)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop; what was done so far stays in the library"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setFormat(self.tr("%v of %m"))  # files: more telling than a percentage

    def running(self) -> bool:
        return self._job is not None

    def busy_message(self) -> str:
        """Why another write must wait, in the words of the one running."""
        return self._busy_message

    def run(
        self,
        job: WriteJob,
        label: str,
        busy_message: str,
        finished: Callable[[object, list], None],
        failed: Callable[[str, bool], None],
        step: str = "",
        cancellable: bool = True,
    ) -> bool:
        """Start *job* unless another write runs (then False: say busy_message()). *step*
        names the file being read (%1). The handlers are called on the GUI thread once the
        status bar is cleared."""
        if self._job is not None:
            return False
        self._job, self._busy_message, self._step = job, busy_message, step
        self._finished, self._failed = finished, failed
        # Bound methods of an object of the GUI thread: the signals arrive there, queued.
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._started = time.monotonic()
        self.progress.setRange(0, 0)  # busy until the first file is counted
        self.label.setText(label)
        self.label.show()
        self.progress.show()
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        start(job)
        return True

    def cancel(self) -> None:
        if self._job is not None and self.cancel_button.isVisible():
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if path and self._step:
            parts = [fill(self._step, PurePath(path).name)]
            pace = import_pace(done, total, time.monotonic() - self._started)
            if pace is not None:
                parts.append(self.tr("%n letter(s)/s", "", round(pace.letters_per_s)))
                parts.append(self._time_left(pace.seconds_left))
            self.label.setText(" · ".join(parts))

    def _time_left(self, seconds: float) -> str:
        if seconds >= 90:
            return self.tr("about %n min left", "", round(seconds / 60))
        return self.tr("about %n s left", "", max(1, round(seconds)))

    def _on_finished(self, result: object, made: object) -> None:
        handler = self._finished
        self._end()
        if handler is not None:
            handler(result, made)

    def _on_failed(self, message: str, busy: bool) -> None:
        handler = self._failed
        self._end()
        if handler is not None:
            handler(message, busy)

    def _end(self) -> None:
        self._job = self._finished = self._failed = None
        self._busy_message = self._step = ""
        for widget in self._widgets():
            widget.hide()

    def wait_at_close(self) -> None:
        """Cancel what runs and let it roll back: it holds the library's writer."""
        if self._job is not None:
            self._job.cancel()
            QThreadPool.globalInstance().waitForDone(WAIT_AT_CLOSE_MS)
