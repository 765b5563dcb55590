"""The passages of a treaty as a Qt table, filled as the reader scrolls, and the delegate that
shows each passage as a line of context around its first mention (a concordance line: the
treaty's name in one column down the list, so a change of wording stands out).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.history.passages import Passage
from desktop.core.ingest.treaties import Treaty
from desktop.core.model.dates import dutch_date
from desktop.ui.formatting import plain_tooltip
from desktop.ui.theme import LIGHT, Theme

PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
BATCH = 100  # passages read per fetch: a screen and a half, ~10 letters
DATE, TITLE, CITATION, TEXT = range(4)
# Marked for translation here, translated when shown (a translator installed later counts).
_HEADERS = (
    QT_TRANSLATE_NOOP("PassagesModel", "Date"),
    QT_TRANSLATE_NOOP("PassagesModel", "Letter"),
    QT_TRANSLATE_NOOP("PassagesModel", "Citation"),
    QT_TRANSLATE_NOOP("PassagesModel", "Passage"),
)
Index = QModelIndex | QPersistentModelIndex


class PassagesModel(QAbstractTableModel):
    """Rows come from an iterator of passages, a batch at a time (Qt asks for more when the
    view scrolls to the end): the first screen reads only the first letters."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Passage] = []
        self._source: Iterator[Passage] | None = None

    def set_source(self, passages: Iterator[Passage] | None) -> None:
        self.beginResetModel()
        self._rows = []
        self._source = passages
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def passage(self, row: int) -> Passage:
        return self._rows[row]

    def passages(self) -> list[Passage]:
        return list(self._rows)

    def complete(self) -> bool:
        return self._source is None

    def fetch_all(self) -> None:
        while self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    # -- Qt's lazy filling ------------------------------------------------------------

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 (Qt override)
        return not parent.isValid() and self._source is not None

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 (Qt override)
        if parent.isValid() or self._source is None:
            return
        batch = list(islice(self._source, BATCH))
        if len(batch) < BATCH:
            self._source = None
        if batch:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self._rows.extend(batch)
            self.endInsertRows()

    # -- the table --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PassagesModel", str(_HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        passage = self._rows[index.row()]
        if role == PASSAGE_ROLE:
            return passage
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(passage, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{passage.text}\n\n{passage.citation.text}")
        return None


def _cell(passage: Passage, column: int) -> str:
    if column == DATE:
        return dutch_date(passage.date)
    if column == TITLE:
        return passage.title
    if column == CITATION:
        return passage.citation.text
    return " ".join(passage.text.split())


class ConcordanceDelegate(QStyledItemDelegate):
    """The passage column: context, the first mention (in its treaty's tint, bold), context;
    the mention sits at a fixed share of the width, so the names line up down the list."""

    MENTION_AT = 0.38

    def __init__(self, treaties: dict[str, Treaty], parent=None) -> None:
        super().__init__(parent)
        self.treaties = treaties
        self.theme: Theme = LIGHT

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        passage = index.data(PASSAGE_ROLE)
        if passage is None or index.column() != TEXT or not passage.mentions:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setClipRect(option.rect)
        self._paint_line(painter, option, passage)
        painter.restore()

    def _paint_line(
        self, painter: QPainter, option: QStyleOptionViewItem, passage: Passage
    ) -> None:
        start, end, _kind = passage.mentions[0]
        flat = passage.text.replace("\n", " ")
        before, word, after = flat[:start].rstrip(), flat[start:end], flat[end:].lstrip()
        rect = QRectF(option.rect).adjusted(4, 0, -4, 0)
        bold = QFont(option.font)
        bold.setBold(True)
        word_w = min(QFontMetricsF(bold).horizontalAdvance(word) + 6, rect.width())
        left_w = max(0.0, min(rect.width() * self.MENTION_AT, rect.width() - word_w))
        metrics = QFontMetricsF(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        left = QRectF(rect.left(), rect.top(), left_w - 3, rect.height())
        right_x = rect.left() + left_w + word_w + 3
        right = QRectF(right_x, rect.top(), max(0.0, rect.right() - right_x), rect.height())
        centre = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            left,
            centre | Qt.AlignmentFlag.AlignRight,
            metrics.elidedText(before, Qt.TextElideMode.ElideLeft, left.width()),
        )
        painter.drawText(right, centre | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(after, Qt.TextElideMode.ElideRight, right.width()))  # fmt: skip
        box = QRectF(rect.left() + left_w, rect.top() + 2, word_w, rect.height() - 4)
        treaty = self.treaties.get(passage.treaty)
        if treaty is not None and not selected:
            painter.fillRect(box, self.theme.tint(treaty.colour, 0.3))
            painter.setPen(self.theme.text)
        painter.setFont(bold)
        shown = QFontMetricsF(bold).elidedText(word, Qt.TextElideMode.ElideRight, word_w - 6)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)  # a long name: "…", not cut
