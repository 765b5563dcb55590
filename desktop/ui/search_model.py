"""Search results as a Qt model, and the delegate that paints a hit with its snippet."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Letter
from desktop.core.search.query import Hit, SearchResult, Snippet, match_offsets
from desktop.ui.field_marks import FieldTerm, field_marks
from desktop.ui.formatting import kamerstuk_label
from desktop.ui.letter_lists import LetterListModel
from desktop.ui.theme import LIGHT

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
META_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3  # escaped HTML with <b> marks (Snippet.html)
SNIPPET_LINES = 3
PADDING = 8

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Why:
    """Why a result matches, counted off the GUI thread: its marks, and snippets around them
    where the search's own snippets have none (a field-only query)."""

    marks: int
    snippets: list[Snippet] = field(default_factory=list)


def hit_marks(hit: Hit, terms: list[FieldTerm], letter: Letter) -> list[tuple[int, int]]:
    """What to mark in *letter* for *hit*: its matched words, found again in the text shown
    (an import since the search cannot shift them), and what its fields matched."""
    words = match_offsets(letter.text, hit.spec)
    fields = field_marks(terms, letter) if terms else []
    return sorted(set(words) | set(fields))


class SearchResultModel(LetterListModel):
    drag_source = "search"
    drag_rows = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._why: dict[str, Why] = {}

    def set_result(self, result: SearchResult | None, why: dict[str, Why] | None = None) -> None:
        self.beginResetModel()
        self._hits = list(result.hits) if result else []
        self._why = dict(why or {})
        self.endResetModel()

    def retranslate(self) -> None:
        if self._hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._hits) - 1, 0))

    def meta(self, hit: Hit, count: int) -> str:
        """ "3 matches · 16 november 2023 · Kamerstuk 33 694, nr. 69"."""
        if count:
            why = self.tr("%n match(es)", "", count)
        else:  # date:, or a kamerstuk the text does not print: the header shows it
            why = self.tr("matched by date, kamerstuk or signatory")
        parts = [why, dutch_date(hit.date)]
        parts.append(kamerstuk_label(hit.kamerstuk))
        return " · ".join(p for p in parts if p)

    def match_count(self, row: int) -> int:
        hit = self._hits[row]
        why = self._why.get(hit.id)
        return why.marks if why is not None else hit.match_count

    def snippets(self, row: int) -> list[Snippet]:
        hit = self._hits[row]
        why = self._why.get(hit.id)
        return hit.snippets or (why.snippets if why is not None else [])

    def letter_id_at(self, row: int) -> str:
        return self._hits[row].id

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == HIT_ROLE:
            return hit
        if role == META_ROLE:
            return self.meta(hit, self.match_count(index.row()))
        if role == SNIPPET_ROLE:
            return snippets_html(self.snippets(index.row()))
        return None

    def hit(self, row: int) -> Hit:
        return self._hits[row]


class HitDelegate(QStyledItemDelegate):
    """Title, date and kamerstuk, then the snippet with the matched words in bold."""

    theme = LIGHT

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * line + snippet_room(option.font) + 2 * PADDING + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if option.widget:
            option.widget.style().drawControl(
                QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.highlightedText().color() if selected else palette.text().color()
        line = QFontMetrics(option.font).height()
        box = QRectF(option.rect).adjusted(12, PADDING, -10, -PADDING)
        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text)
        title = QFontMetrics(bold).elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "",
            Qt.TextElideMode.ElideRight,
            int(box.width()),
        )
        painter.drawText(QRectF(box.left(), box.top(), box.width(), line), title)
        painter.setFont(option.font)
        painter.setPen(text if selected else self.theme.muted)
        meta = QFontMetrics(option.font).elidedText(
            index.data(META_ROLE) or "", Qt.TextElideMode.ElideRight, int(box.width())
        )
        painter.drawText(QRectF(box.left(), box.top() + line, box.width(), line), meta)
        snippet = QRectF(QPointF(box.left(), box.top() + 2 * line + 6), box.bottomRight())
        self._paint_snippet(painter, snippet, index.data(SNIPPET_ROLE) or "", option, text)
        painter.restore()

    def _paint_snippet(self, painter, rect: QRectF, html: str, option, colour) -> None:
        # Snippet.html() is escaped letter text with <b> marks only: safe as rich text.
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(html)
        document.setTextWidth(rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(context.palette.ColorRole.Text, colour)
        context.clip = QRectF(0, 0, rect.width(), whole_lines_height(document, rect.height()))
        painter.translate(rect.topLeft())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)


def snippets_html(snippets: list[Snippet]) -> str:
    """The snippets one after the other; "…" where the first begins inside a sentence."""
    html = " … ".join(s.html() for s in snippets)
    first = snippets[0] if snippets else None
    if first is not None and first.start > 0 and not first.text[:1].isupper():
        html = "… " + html
    return html


_ROOM: dict[str, int] = {}


def snippet_room(font: QFont) -> int:
    """The height SNIPPET_LINES lines of a snippet take, as its rich text lays them out (a
    bold word makes a line taller than the font's own line height)."""
    key = font.key()
    if key not in _ROOM:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        document.setHtml("<br>".join(["<b>Xg</b>"] * SNIPPET_LINES))
        _ROOM[key] = math.ceil(document.size().height())
    return _ROOM[key]


def whole_lines_height(document: QTextDocument, room: float) -> float:
    """The height of the lines of *document* that fit in *room* whole: a snippet ends at a
    line, never with the next line's top half showing."""
    layout = document.documentLayout()
    bottom = 0.0
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for i in range(lines.lineCount()):
            end = top + lines.lineAt(i).y() + lines.lineAt(i).height()
            if end > room + 0.5:
                return bottom
            bottom = end
        block = block.next()
    return bottom
