"""The text view: a QTextBrowser that never loads anything and handles its own links.

Letter text is shown as text, so a letter that contains ``<img src=...>`` shows those
characters; on top of that the view refuses every resource request (and counts them, so a
test can prove none was made). Links are ours: ``note:N`` (a footnote marker), ``ref:N`` (back
from a note to its marker), and http(s) URLs, which open in the system browser on a click.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDesktopServices,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from desktop.core.model.letter import Letter
from desktop.ui.formatting import cite
from desktop.ui.letter_document import TREATY_PROPERTY

MEASURE = 72  # characters per line at most: a comfortable reading measure
MIN_SIDE_MARGIN = 20  # px between the text and the view's edges on a narrow pane
REVEAL_AT = 0.3  # a revealed span sits this far down the viewport, not at its very edge


class LetterView(QTextBrowser):
    """Shows one LetterDocument; emits what the reader clicks."""

    focused = Signal()
    footnote_clicked = Signal(str)  # marker
    backlink_clicked = Signal(str)  # marker
    treaty_history_requested = Signal(str)  # treaty id, from a mention's context menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load_resource_calls = 0
        self._letter: Letter | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.anchorClicked.connect(self._on_anchor)

    # -- safety -----------------------------------------------------------------------

    def loadResource(self, kind: int, name: QUrl) -> None:  # noqa: N802 (Qt override)
        """Never load images, style sheets or anything else a document might ask for."""
        self.load_resource_calls += 1
        return None

    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == "note":
            self.footnote_clicked.emit(url.path())
        elif scheme == "ref":
            self.backlink_clicked.emit(url.path())
        elif scheme in ("http", "https"):
            QDesktopServices.openUrl(url)

    # -- content ----------------------------------------------------------------------

    def show_document(self, document: QTextDocument, letter: Letter | None) -> None:
        """Show *document*; its font and margins are set before the view lays it out once."""
        self._letter = letter
        self.update_measure(document)
        self.setDocument(document)
        # A new letter starts at its top; Qt keeps the old scroll position otherwise.
        self.verticalScrollBar().setValue(0)

    def set_point_size(self, points: float) -> None:
        font = self.document().defaultFont()
        font.setPointSizeF(points)
        self.document().setDefaultFont(font)
        self.update_measure()

    def point_size(self) -> float:
        return self.document().defaultFont().pointSizeF()

    # -- layout -----------------------------------------------------------------------

    def update_measure(self, document: QTextDocument | None = None) -> None:
        """Centre the text in a column of at most MEASURE average characters."""
        document = document or self.document()
        metrics = QFontMetricsF(document.defaultFont())
        measure = metrics.averageCharWidth() * MEASURE
        side = max(MIN_SIDE_MARGIN, (self.viewport().width() - measure) / 2)
        frame = document.rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) < 1 and fmt.topMargin() == 24:
            return  # unchanged: avoid a relayout on every resize event
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(24)
        fmt.setBottomMargin(48)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.update_measure()

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.focused.emit()

    # -- navigation -------------------------------------------------------------------

    def reveal(self, start: int, end: int) -> None:
        """Select document positions [start, end) and scroll them into comfortable view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - int(self.viewport().height() * REVEAL_AT))
        self.ensureCursorVisible()

    def is_visible_position(self, position: int) -> bool:
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.viewport().rect().intersects(self.cursorRect(cursor))

    # -- copy -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_with_citation()
            return
        super().keyPressEvent(event)

    def copy_with_citation(self) -> None:
        """Copy the selection with the letter's citation, as an analyst quotes it."""
        # The clipboard makes its own QMimeData from the text: an object made here would be
        # owned by Python and by the clipboard at once.
        text = self.textCursor().selection().toPlainText()
        if not text:
            return
        cited = cite(text, self._letter) if self._letter is not None else text
        QGuiApplication.clipboard().setText(cited)

    def copy_plain(self) -> None:
        """Copy without the citation."""
        self.copy()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        cited = QAction("Copy with citation", menu)
        cited.setEnabled(self.textCursor().hasSelection())
        cited.triggered.connect(self.copy_with_citation)
        menu.insertAction(menu.actions()[0] if menu.actions() else None, cited)
        treaty = self.cursorForPosition(event.pos()).charFormat().property(TREATY_PROPERTY)
        if treaty:
            menu.addSeparator()
            history = menu.addAction(self.tr("Treaty history of %1…").replace("%1", treaty))
            history.triggered.connect(lambda: self.treaty_history_requested.emit(treaty))
        menu.exec(event.globalPos())
        menu.deleteLater()
