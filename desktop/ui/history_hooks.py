"""The treaty history and printing in the main window: the dock, its commands, the routes.

Kept beside the feature so that the window needs one call: the dock under the reader panes
(hidden until asked for), View > Treaty history, File > Print / Print preview / Export as
PDF for the focused pane's letter, and the signals from the treaty panel, the panes' mention
menus, the search tab and the library routed to the view and back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QDockWidget, QFileDialog

from desktop.core.history.passages import Passage
from desktop.ui.i18n import fill
from desktop.ui.printing import (
    PrintError,
    export_letter_pdf,
    letter_header,
    letter_print_document,
    prepare,
    render,
)
from desktop.ui.treaty_history import TreatyHistoryView

if TYPE_CHECKING:  # the window imports this module
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

SHOWN_HEIGHT = 320  # px at least, when the dock first shows


def _tr(text: str) -> str:
    return QCoreApplication.translate("TreatyHistory", text)


class TreatyHistoryDock(QDockWidget):
    """The view in a dock: under the panes by default, movable, floatable, closable."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Treaty history"))
        self.setObjectName("treatyHistoryDock")
        self.window_ = window
        self._sized = False
        self.printing = LetterPrinting(window)  # File > Print, Print preview, Export as PDF
        self.view = TreatyHistoryView(window.library, window.treaties, self)
        self.setWidget(self.view)
        self.view.open_passage.connect(self._open_passage)
        self.view.open_mark.connect(self._open_mark)
        self.view.open_pair.connect(self._open_pair)
        self.view.message.connect(window.show_message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Treaty history"))
        super().changeEvent(event)

    def show_treaty(self, treaty: str) -> None:
        self._show()
        self.view.show_treaty(treaty)

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self._show()
        treaty = self.window_.treaty_panel.current_treaty() or self.view.current_treaty()
        self.view.show_treaty(treaty) if treaty else self.view.refresh()

    def _show(self) -> None:
        """The first time, half the window's height: the passages need rows to be read."""
        first = not self._sized
        self._sized = True
        self.show()
        self.raise_()
        if first and not self.isFloating():
            # After the layout has placed the dock: before that Qt ignores the size.
            QTimer.singleShot(0, self._first_size)

    def _first_size(self) -> None:
        area = self.window_.reading_area
        height = max(SHOWN_HEIGHT, area.height() // 2)
        area.resizeDocks([self], [height], Qt.Orientation.Vertical)

    # -- kept between sessions ---------------------------------------------------------

    def save(self, settings: UiSettings) -> None:
        """Shown or not, docked or floating, its size, and the treaty it showed."""
        settings.set("window/state", self.window_.reading_area.saveState())
        settings.set("history/treaty", self.view.current_treaty() or "")

    def restore(self, settings: UiSettings) -> None:
        if not self.window_.reading_area.restoreState(settings.get("window/state")):
            return
        self._sized = True  # the size the reader left it at
        treaty = settings.get("history/treaty")
        if self.isHidden():
            return
        if treaty in self.window_.treaties:
            self.view.show_treaty(treaty)
        else:
            self.hide()  # nothing to show: an empty dock would only take room

    def _pane(self, other: bool):
        return self.window_.other_pane() if other else self.window_.focused_pane()

    def _open_passage(self, letter_id: str, start: int, end: int, other: bool) -> None:
        pane = self._pane(other)
        if pane.open_letter(letter_id) and not pane.show_span(start, end):
            self.window_.show_message(_tr("The passage is folded away in that pane"))

    def _open_mark(self, letter_id: str, treaty: str, other: bool) -> None:
        pane = self._pane(other)
        if pane.open_letter(letter_id):
            pane.next_mention(treaty, forward=True)

    def _open_pair(self, first: Passage, second: Passage) -> None:
        older, newer = sorted((first, second), key=lambda p: (p.date or "", p.letter_id))
        for pane, passage in zip(self.window_.panes, (older, newer), strict=True):
            if pane.open_letter(passage.letter_id):
                pane.show_span(passage.start, passage.end)


def install_treaty_history(window: MainWindow) -> TreatyHistoryDock:
    """Add the treaty history and printing to *window* (a MainWindow)."""
    dock = TreatyHistoryDock(window)
    window.reading_area.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    window.treaty_panel.history_requested.connect(dock.show_treaty)
    for pane in window.panes:
        pane.view.treaty_history_requested.connect(dock.show_treaty)
    window.search_panel.result_shown.connect(lambda result: dock.view.set_search(result.query))
    window.model.modelReset.connect(lambda: dock.view.refresh() if dock.isVisible() else None)
    dock.visibilityChanged.connect(lambda shown: _refresh_if_stale(dock, shown))
    return dock


def _refresh_if_stale(dock: TreatyHistoryDock, shown: bool) -> None:
    """The library may have changed while the dock was hidden: read it when it shows."""
    if shown and dock.view.current_treaty() is not None and not dock.view.history.is_current():
        dock.view.refresh()


class LetterPrinting:
    """File > Print, Print preview and Export as PDF of the focused pane's letter."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(self.printer)
        self.preview_dialog: QPrintPreviewDialog | None = None

    def _letter(self):
        letter = self.window.focused_pane().letter
        if letter is None:
            self.window.show_message(_tr("Open a letter first: printing prints the focused pane"))
        return letter

    def _render(self, printer: QPrinter) -> None:
        letter = self._letter()
        if letter is None:
            return
        try:
            render(
                letter_print_document(letter, self.window.treaties), printer, letter_header(letter)
            )
        except PrintError as exc:
            self.window.show_message(str(exc))

    def print_letter(self) -> None:
        if self._letter() is None:
            return
        dialog = QPrintDialog(self.printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._render(self.printer)

    def preview(self) -> QPrintPreviewDialog | None:
        if self._letter() is None:
            return None
        self.preview_dialog = QPrintPreviewDialog(self.printer, self.window)
        self.preview_dialog.paintRequested.connect(self._render)
        self.preview_dialog.open()
        return self.preview_dialog

    def ask_export_pdf(self) -> None:
        letter = self._letter()
        if letter is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, _tr("Export as PDF"), f"{letter.id}.pdf", _tr("PDF (*.pdf)")
        )
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> bool:
        letter = self._letter()
        if letter is None:
            return False
        try:
            export_letter_pdf(letter, self.window.treaties, path)
        except PrintError as exc:
            self.window.show_message(str(exc))
            return False
        self.window.show_message(
            fill(QCoreApplication.translate("TreatyHistory", "PDF written to %1"), path)
        )
        return True
