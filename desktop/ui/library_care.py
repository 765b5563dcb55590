"""Library care in the window: removing letters (undone until the next import), reading them
again from the library's own copies, and opening a letter's original in the system's viewer.

Removing takes letters out of the list, the index and the letter store, never the user's
files; the status bar says so with an Undo button, and Edit › Undo removal (Ctrl+Z) brings
back one removal after another until an import (or a re-read) makes them final, as the
library does. A pane that showed a removed letter empties and says why; undoing the removal
shows the letter there again, at its place. Every write runs off the GUI thread
(library_jobs.py); opening an original asks the desktop to open a file, never a link.
"""

from __future__ import annotations

import filecmp
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from desktop.core.ingest.suffixes import SUPPORTED_SUFFIXES
from desktop.core.library.library import IndexReport, Library, LibraryError
from desktop.ui.dialogs import FailuresDialog
from desktop.ui.i18n import fill
from desktop.ui.library_model import Listing
from desktop.ui.workers import CallJob, CallSignals, WriteJob, start

if TYPE_CHECKING:  # the window imports this module
    from desktop.ui.main_window import MainWindow

UNDO_MESSAGE_MS = 30000  # how long the removal message (and its Undo button) stays


@dataclass
class Removal:
    """One removal, for its undo: the letters, and which pane showed which at what place."""

    ids: list[str]
    places: dict[int, tuple[str, int | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class Original:
    path: Path
    library_copy: bool  # the user's file is gone or changed: the library's copy is shown


class OriginalGone(Exception):
    """Neither the user's file nor the library's copy can be shown."""


def original_to_open(user_file: Path, copy: Path | None, scratch: Path) -> Original:
    """What to show of a letter's original: the user's file while it is the file imported
    (the same bytes as the library's copy), else the library's copy, given as a read-only
    copy named as the user's file in *scratch*: the viewer's title shows the file's name,
    and a viewer that saves can never change the library's copy."""
    if user_file.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise OriginalGone("unsupported")
    if user_file.is_file() and (copy is None or filecmp.cmp(user_file, copy, shallow=False)):
        return Original(user_file, False)
    if copy is None:
        raise OriginalGone("gone")
    target = scratch / copy.stem[:16] / user_file.name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copy, target)
        target.chmod(0o444)
    return Original(target, True)


def _restorable(library: Library) -> list[str]:
    """What an undo can bring back; nothing when the store cannot say (a busy or unreadable
    library is reported by the window already)."""
    try:
        return library.restorable()
    except (LibraryError, sqlite3.Error, OSError):
        return []


class LibraryCare(QObject):
    removed = Signal(list)  # letter ids, once the removal is committed
    restored = Signal(list)  # letter ids back in the library
    reread_done = Signal(object)  # IndexReport
    original_opened = Signal(str)  # the path handed to the system's viewer
    failed = Signal(str)  # what went wrong, in one line (also shown)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self._undo: list[Removal] = []
        earlier = _restorable(self.library)  # removed in an earlier session, still undoable
        if earlier:
            self._undo.append(Removal(earlier))
        self._calls: list[CallSignals] = []
        self._scratch: tempfile.TemporaryDirectory | None = None
        self._removal_message = ""
        self.failures_dialog: FailuresDialog | None = None
        self.undo_button = QPushButton(window)
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        window.statusBar().addPermanentWidget(self.undo_button)
        window.statusBar().messageChanged.connect(self._on_message_changed)
        panel = window.library_panel
        panel.remove_requested.connect(self.remove)
        panel.reread_requested.connect(self.reread)
        panel.original_requested.connect(self.open_original)
        window.import_finished.connect(lambda _report: self._forget_undo())
        self.retranslate()
        self._update_undo()

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Bring the removed letters back (Ctrl+Z)"))

    def can_undo(self) -> bool:
        return bool(self._undo)

    def close(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    # -- removing ---------------------------------------------------------------------

    def remove(self, letter_ids: list[str]) -> bool:
        """Take these letters out of the library (the files stay where they are)."""
        ids = list(dict.fromkeys(letter_ids))
        if not ids:
            return False
        job = WriteJob(self.library, lambda _progress, _cancelled: self.library.remove(ids))
        return self._run(
            job,
            self.tr("Removing…"),
            lambda count, made: self._on_removed(ids, count, made),
        )

    def _on_removed(self, ids: list[str], count: int, made: Listing) -> None:
        panel = self.window.library_panel
        row = panel.first_selected_row()
        self.window.model.set_listing(made)
        panel.select_row(row)
        removal = Removal(ids)
        for index, pane in enumerate(self.window.panes):
            if pane.current_id() in ids:
                removal.places[index] = (pane.current_id(), pane.reading_place())
                pane.close_removed()
        self._undo.append(removal)
        self._update_undo()
        self._removal_message = self.tr(
            "%n letter(s) removed from the library; your files stay where they are", "", count
        )
        self.window.show_message(self._removal_message, UNDO_MESSAGE_MS)
        self.undo_button.show()
        self.window.search_panel.refresh()
        self.removed.emit(ids)

    def undo(self) -> bool:
        """Bring back the letters of the last removal (since the last import)."""
        if not self._undo:
            self.window.show_message(self.tr("Nothing to undo: no letters were removed"))
            return False
        removal = self._undo.pop()
        self._update_undo()
        job = WriteJob(self.library, lambda _p, _c: self.library.restore(removal.ids))
        started = self._run(
            job,
            self.tr("Bringing letters back…"),
            lambda count, made: self._on_restored(removal, count, made),
            lambda: self._undo.append(removal),
        )
        if not started:
            self._undo.append(removal)
        self._update_undo()
        return started

    def _on_restored(self, removal: Removal, count: int, made: Listing) -> None:
        self.window.model.set_listing(made)
        self.undo_button.hide()
        if not count:
            self._fail(
                self.tr(
                    "These letters cannot be brought back: an import since removed them for good"
                )
            )
            return
        for index, (letter_id, place) in removal.places.items():
            pane = self.window.panes[index]
            if pane.letter is None:
                pane.open_letter(letter_id, place=place)
        self.window.library_panel.select_ids(removal.ids)
        self.window.show_message(self.tr("%n letter(s) back in the library", "", count))
        self.window.search_panel.refresh()
        self.restored.emit(removal.ids)

    def _forget_undo(self) -> None:
        """An import (and a re-read) makes earlier removals final, as the library does."""
        self._undo.clear()
        self.undo_button.hide()
        self._update_undo()

    def _update_undo(self) -> None:
        action = self.window.actions.get("undo_remove")
        if action is not None:
            action.setEnabled(bool(self._undo))

    def _on_message_changed(self, text: str) -> None:
        if text != self._removal_message:
            self.undo_button.hide()

    # -- reading again ----------------------------------------------------------------

    def reread(self, letter_ids: list[str]) -> bool:
        """Parse these letters again from the library's copies (a newer parser reads them
        better); a letter that cannot be read again stays as it was."""
        ids = list(dict.fromkeys(letter_ids))
        if not ids:
            return False

        def write(progress, cancelled) -> IndexReport:
            return self.library.reread(ids, progress=progress, cancelled=cancelled)

        return self._run(
            WriteJob(self.library, write),
            self.tr("Reading again…"),
            lambda report, made: self._on_reread(ids, report, made),
            step=self.tr("Reading %1 again"),
            cancellable=True,
        )

    def _on_reread(self, ids: list[str], report: IndexReport, made: Listing) -> None:
        self._forget_undo()
        self.window.model.set_listing(made)
        for pane in self.window.panes:
            if pane.current_id() in ids:
                pane.reload()
        self.window.library_panel.select_ids(ids)
        self.window.show_message(self.reread_summary(report))
        if report.failures:
            self.failures_dialog = FailuresDialog(report.failures, self.window, reread=True)
            self.failures_dialog.open()
        self.window.search_panel.refresh()
        self.reread_done.emit(report)

    def reread_summary(self, report: IndexReport) -> str:
        parts = []
        if report.changed:
            parts.append(self.tr("%n letter(s) read again", "", report.changed))
        if report.failed:
            parts.append(
                self.tr("%n could not be read again and stay as they were", "", report.failed)
            )
        text = ", ".join(parts) or self.tr("Nothing was read again")
        return fill(self.tr("Cancelled: %1"), text) if report.cancelled else text

    # -- the original -----------------------------------------------------------------

    def open_original(self, letter_id: str) -> bool:
        """Show the file the letter was imported from in the system's viewer: the user's
        file, or the library's copy when that file is gone or changed since."""
        row = self.window.model.row_of(letter_id)
        if row is None:
            self._fail(fill(self.tr("Letter %1 is no longer in the library"), letter_id))
            return False
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="kamerbrief-originals-")
        scratch, user_file = Path(self._scratch.name), Path(row.path)
        job = CallJob(
            lambda: original_to_open(user_file, self.library.original(letter_id), scratch)
        )
        job.signals.done.connect(self._on_original)
        job.signals.failed.connect(lambda why: self._original_gone(row.title, user_file, why))
        self._calls.append(job.signals)
        start(job)
        return True

    def _on_original(self, original: Original) -> None:
        self._calls = [c for c in self._calls if c is not self.sender()]
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(original.path))):
            self._fail(fill(self.tr("No program on this computer opens %1"), original.path.name))
            return
        if original.library_copy:
            self.window.show_message(
                fill(
                    self.tr("Your file %1 is gone or changed: the library's copy is shown"),
                    original.path.name,
                )
            )
        self.original_opened.emit(str(original.path))

    def _original_gone(self, title: str, user_file: Path, why: str) -> None:
        self._calls = [c for c in self._calls if c is not self.sender()]
        reasons = {
            "gone": self.tr("%1 is gone and the library kept no copy of it"),
            "unsupported": self.tr("%1 is not a kind of file Kamerbrief Reader imports"),
        }
        reason = fill(reasons[why], user_file.name) if why in reasons else why
        self._fail(fill(self.tr("The original of “%1” cannot be shown: %2"), title, reason))

    # -- running ----------------------------------------------------------------------

    def _run(self, job, label, finished, undo_failure=None, step="", cancellable=False) -> bool:
        def failed(message: str, busy: bool) -> None:
            if undo_failure is not None:
                undo_failure()
                self._update_undo()
            self._fail(self.window.write_failure(message, busy))

        started = self.window.jobs.run(
            job,
            label,
            self.tr("The library is being changed; wait a moment and try again"),
            finished,
            failed,
            step=step,
            cancellable=cancellable,
        )
        if not started:
            self.window.show_message(self.window.jobs.busy_message())
        return started

    def _fail(self, message: str) -> None:
        self.window.show_message(message)
        self.window.notify(self.tr("Library"), message)
        self.failed.emit(message)
