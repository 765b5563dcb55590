"""The text view: a QTextBrowser that never loads anything and handles its own links.

Letter text is shown as text, so a letter that contains ``<img src=...>`` shows those
characters; on top of that the view refuses every resource request (and counts them, so a
test can prove none was made). Links are ours: ``note:N`` (a footnote marker), ``ref:N`` (back
from a note to its marker), and http(s) URLs, which open in the system browser on a click.

The view keeps the reader's place: the line at the top stays at the top when the view is
resized or the text zoomed. Tooltips belong to the words they describe and leave with the
mouse, and a footnote marker answers a few pixels around it, not only on its own 6 pixels.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QFontMetricsF,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QToolTip, QWidget

from desktop.core.model.letter import Letter
from desktop.ui.formatting import cite
from desktop.ui.i18n import fill
from desktop.ui.letter_document import FOOTNOTE_PROPERTY, MENTION_PROPERTY, TREATY_PROPERTY
from desktop.ui.style import FOCUS_WIDTH

MEASURE = 72  # characters per line at most: a comfortable reading measure
MIN_SIDE_MARGIN = 20  # px between the text and the view's edges on a narrow pane
REVEAL_AT = 0.3  # a revealed span sits this far down the viewport, not at its very edge
MARKER_SLOP = 5  # px around a footnote marker that still count as the marker
# Where to look for a marker around the mouse: a point a few pixels off lands on it too.
_PROBES = [(0, 0), (-MARKER_SLOP, 0), (MARKER_SLOP, 0), (0, -MARKER_SLOP), (0, MARKER_SLOP)]


class LetterView(QTextBrowser):
    """Shows one LetterDocument; emits what the reader clicks."""

    focused = Signal()
    footnote_clicked = Signal(str)  # marker
    backlink_clicked = Signal(str)  # marker
    treaty_history_requested = Signal(str)  # treaty id, from a mention's context menu
    text_width_changed = Signal(float)  # the text column's width (tables fit themselves)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load_resource_calls = 0
        self._letter: Letter | None = None
        self._pending_top: int | None = None  # a place the scroll range could not reach yet
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Tab leaves the letter (its links are reachable from the notes list and F-keys):
        # keyboard users move through the window, not through every footnote marker.
        self.setTabChangesFocus(True)
        self.setAcceptDrops(False)  # letters dropped here are the pane's to open
        self.viewport().setAcceptDrops(False)
        self.anchorClicked.connect(self._on_anchor)
        self.verticalScrollBar().rangeChanged.connect(self._reach_pending_top)
        self.verticalScrollBar().actionTriggered.connect(self._forget_pending_top)

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

    def text_width(self) -> float:
        """The width of the text column: what a table in the letter can have."""
        document = self.document()
        frame = document.rootFrame().frameFormat()
        margins = frame.leftMargin() + frame.rightMargin() + 2 * document.documentMargin()
        return self.viewport().width() - margins

    def show_document(self, document: QTextDocument, letter: Letter | None) -> None:
        """Show *document*; its font and margins are set before the view lays it out once."""
        self._letter = letter
        self._pending_top = None
        self.update_measure(document)
        self.setDocument(document)
        self.text_width_changed.emit(self.text_width())
        # A new letter starts at its top; Qt keeps the old scroll position otherwise.
        self.verticalScrollBar().setValue(0)

    def set_point_size(self, points: float) -> None:
        with self.keeping_place():
            font = self.document().defaultFont()
            font.setPointSizeF(points)
            self.document().setDefaultFont(font)
            self.update_measure()
            self.text_width_changed.emit(self.text_width())

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
        with self.keeping_place():
            super().resizeEvent(event)
            self.update_measure()
            self.text_width_changed.emit(self.text_width())

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.viewport().update()
        self.focused.emit()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        # Where the keys go, visibly, once the reader moves with the keyboard (as Qt's own
        # focus marks): a frame in the highlight colour.
        keyboard = self.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        if self.hasFocus() and keyboard:
            painter = QPainter(self.viewport())
            painter.setPen(QPen(self.palette().highlight().color(), FOCUS_WIDTH))
            half = FOCUS_WIDTH / 2
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(half, half, -half, -half))
            painter.end()

    # -- the reading place --------------------------------------------------------------

    def top_position(self) -> int | None:
        """The document position of the line at the top (None at the very top)."""
        if self._pending_top is not None:
            return self._pending_top
        if self.verticalScrollBar().value() == 0:
            return None
        position = self.cursorForPosition(QPoint(0, 0)).position()
        if position >= self.document().characterCount() - 1:
            # A hit test on a layout still dirty from a margin or font change answers the
            # document's end, and lays out what it needs: asked again, it answers right.
            # (Laying out the whole document first costs a second on a 5 MB letter.)
            position = self.cursorForPosition(QPoint(0, 0)).position()
        return position

    def show_at_top(self, position: int | None) -> None:
        """Scroll so that the line holding *position* is at the top (None: the very top)."""
        bar = self.verticalScrollBar()
        if position is None:
            self._pending_top = None
            bar.setValue(0)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        wanted = bar.value() + self.cursorRect(cursor).top()
        bar.setValue(wanted)
        # The layout may still be growing the scroll range: come back when it has.
        self._pending_top = position if bar.value() != wanted else None

    def go_to_top_of(self, position: int | None) -> None:
        """Open at a place: the text cursor there too, so that giving the view the keyboard
        (which scrolls to the cursor) keeps the place."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position or 0, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.show_at_top(position)

    @contextmanager
    def keeping_place(self) -> Iterator[None]:
        """The line at the top before, at the top after (a resize, a zoom)."""
        top = self.top_position()
        yield
        self.show_at_top(top)

    def _reach_pending_top(self) -> None:
        if self._pending_top is not None:
            self.show_at_top(self._pending_top)

    def _forget_pending_top(self) -> None:
        self._pending_top = None  # the reader scrolled: their place now

    # -- navigation -------------------------------------------------------------------

    def reveal(self, start: int, end: int) -> None:
        """Select document positions [start, end) and scroll them into comfortable view."""
        self._pending_top = None
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

    # -- what is under the mouse --------------------------------------------------------

    def char_format_at(self, position: int) -> QTextCharFormat:
        """The format of the character at *position* (not of the one before it)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position + 1, self.document().characterCount() - 1))
        return cursor.charFormat()

    def _hit_position(self, point: QPoint) -> int:
        """The character under a viewport point, or -1 between lines and in margins."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return self.document().documentLayout().hitTest(point + offset, Qt.HitTestAccuracy.ExactHit)

    def span_rect(self, start: int, end: int) -> QRect:
        """The viewport rectangle of document positions [start, end) (lines it spans whole)."""
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(start)
        last.setPosition(end)
        a, b = self.cursorRect(first), self.cursorRect(last)
        if a.top() == b.top():
            return QRect(QPoint(a.left(), a.top()), QPoint(b.right(), b.bottom()))
        return QRect(0, a.top(), self.viewport().width(), b.bottom() - a.top())

    def _run(self, position: int, prop: int) -> tuple[int, int]:
        """The run of characters around *position* whose *prop* has the same value."""
        value = self.char_format_at(position).property(prop)
        start, end = position, position + 1
        while start > 0 and self.char_format_at(start - 1).property(prop) == value:
            start -= 1
        limit = self.document().characterCount() - 1
        while end < limit and self.char_format_at(end).property(prop) == value:
            end += 1
        return start, end

    def marker_at(self, point: QPoint) -> tuple[str, int, QRect] | None:
        """The footnote marker at or within MARKER_SLOP px of a viewport point: its marker,
        its document position and the rectangle that answers for it."""
        probes = [QPoint(dx, dy) for dx, dy in _PROBES]
        near = {self.cursorForPosition(point + probe).position() for probe in probes}
        for position in sorted({p + d for p in near for d in (-1, 0)}):
            if position < 0:
                continue
            marker = self.char_format_at(position).property(FOOTNOTE_PROPERTY)
            if not marker:
                continue
            start, end = self._run(position, FOOTNOTE_PROPERTY)
            rect = self.span_rect(start, end).adjusted(
                -MARKER_SLOP, -MARKER_SLOP, MARKER_SLOP, MARKER_SLOP
            )
            if rect.contains(point):
                return str(marker), start, rect
        return None

    def tooltip_at(self, point: QPoint) -> tuple[str, QRect] | None:
        """The tooltip of what is under a viewport point, with the rectangle it belongs to."""
        marker = self.marker_at(point)
        if marker is not None:
            tip = self.char_format_at(marker[1]).toolTip()
            return (tip, marker[2]) if tip else None
        position = self._hit_position(point)
        if position < 0:
            return None
        fmt = self.char_format_at(position)
        if not fmt.toolTip():
            return None
        prop = MENTION_PROPERTY if fmt.property(MENTION_PROPERTY) is not None else None
        if prop is None:
            start, end = position, position + 1
        else:
            start, end = self._run(position, prop)
        return fmt.toolTip(), self.span_rect(start, end)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        found = self.tooltip_at(event.pos())
        if found is None:
            QToolTip.hideText()
            event.ignore()
            return
        tip, rect = found
        # With its rectangle, Qt hides the tooltip as soon as the mouse leaves the words.
        QToolTip.showText(event.globalPos(), tip, self.viewport(), rect)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton and self.marker_at(
            event.position().toPoint()
        ):
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        point = event.position().toPoint()
        marker = self.marker_at(point) if event.button() == Qt.MouseButton.LeftButton else None
        if marker is not None and not self.anchorAt(point) and not self.textCursor().hasSelection():
            self.footnote_clicked.emit(marker[0])
            return
        super().mouseReleaseEvent(event)

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
        cited = menu.addAction(self.tr("Copy with citation"))
        cited.setEnabled(self.textCursor().hasSelection())
        cited.triggered.connect(self.copy_with_citation)
        first = menu.actions()[0] if menu.actions() else None
        if first is not cited:
            menu.removeAction(cited)
            menu.insertAction(first, cited)
        treaty = self.cursorForPosition(event.pos()).charFormat().property(TREATY_PROPERTY)
        if treaty:
            menu.addSeparator()
            history = menu.addAction(fill(self.tr("Treaty history of %1…"), treaty))
            history.triggered.connect(lambda: self.treaty_history_requested.emit(treaty))
        menu.exec(event.globalPos())
        menu.deleteLater()
