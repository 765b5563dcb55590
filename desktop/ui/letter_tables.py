"""A letter's table drawn as a QTextTable: rows, cells, header rows and spans as parsed.

The cells' text is the letter's own (``Letter.text[cell.start:cell.end]``), inserted as text;
each cell is a document block of its own, so the caller records where each cell landed and
mentions, notes and search hits inside a table are marked like anywhere else.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)

from desktop.core.model.letter import Table, TableCell
from desktop.ui.theme import Theme

# Amounts and counts read right-aligned, as in the printed tables ("14.475.618", "-2,5%").
_NUMBER = re.compile(r"^[-+−–]?\s?(?:€\s?)?[\d.,]+\s?%?$")
HEADER_TINT = 0.14  # how much of the accent colour a header cell's background takes
CELL_PADDING = 4
EXTRA = 2 * CELL_PADDING + 3  # a cell's padding and border, and two pixels to spare
MIN_SCALE = 0.75  # the smallest a table's text gets to fit a narrow pane
TABLE_SCALE = 0.9  # a table's text to the letter's, as the Kamer prints them: columns fit


@dataclass(frozen=True, slots=True)
class PlacedCell:
    """Where a cell's text landed: document position and block, and its base format."""

    cell: TableCell
    doc_start: int
    block: int
    char_format: QTextCharFormat


def draw_table(
    cursor: QTextCursor, text: str, table: Table, theme: Theme, block_kind_property: int
) -> tuple[list[PlacedCell], TableFit]:
    """Insert *table* at *cursor*; leaves the cursor in the empty block after it. The fit
    sizes its columns to the width the table gets (TableFit.fit)."""
    placed = table.placed()
    rows = len(table.rows)
    columns = max(1, table.columns)
    points = _quarter(cursor.document().defaultFont().pointSizeF() * TABLE_SCALE)
    qt_table = cursor.insertTable(rows, columns, _table_format(table, theme))
    for r, c, cell in placed:
        if cell.rowspan > 1 or cell.colspan > 1:
            qt_table.mergeCells(r, c, min(cell.rowspan, rows - r), cell.colspan)
    out = []
    for r, c, cell in placed:
        header = table.rows[r].header
        qt_cell = qt_table.cellAt(r, c)
        if header:
            qt_cell.setFormat(_header_cell_format(theme))
        content = text[cell.start : cell.end]
        at = qt_cell.firstCursorPosition()
        block_fmt = QTextBlockFormat()
        block_fmt.setProperty(block_kind_property, "table-cell")
        if _NUMBER.match(content.strip()) and not header:
            block_fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
        at.setBlockFormat(block_fmt)
        char_fmt = _char_format(header, points)
        start = at.position()
        at.insertText(content, char_fmt)
        out.append(PlacedCell(cell, start, at.blockNumber(), char_fmt))
    cursor.movePosition(QTextCursor.MoveOperation.End)
    fit = TableFit(qt_table, _contents(text, table, placed, columns), out)
    fit.fit(math.inf)
    return out, fit


@dataclass
class Column:
    numeric: bool = True  # every body cell a number (or empty)
    word: float = 0.0  # its widest word (a number is one)
    number: float = 0.0  # its widest number in the body
    line: float = 0.0  # its widest cell on one line


@dataclass(frozen=True, slots=True)
class _Content:
    column: int
    header: bool
    text: str  # the cell's words, one space apart


def _contents(text: str, table: Table, placed, count: int) -> list[_Content]:
    """The cells that size a column: those in one column only."""
    return [
        _Content(c, table.rows[r].header, " ".join(text[cell.start : cell.end].split()))
        for r, c, cell in placed
        if cell.colspan == 1 and c < count
    ]


def _measure(contents: list[_Content], count: int, plain: QFont) -> list[Column]:
    """What each column needs in the font *plain* (headers in bold)."""
    columns = [Column() for _ in range(count)]
    bold = QFont(plain)
    bold.setWeight(QFont.Weight.Bold)
    metrics = {False: QFontMetricsF(plain), True: QFontMetricsF(bold)}
    for content in contents:
        column, measure = columns[content.column], metrics[content.header]
        number = not content.header and _NUMBER.match(content.text) is not None
        if content.text and not content.header and not number:
            column.numeric = False
        words = [measure.horizontalAdvance(w) for w in content.text.split()]
        column.word = max([column.word, *words])
        line = measure.horizontalAdvance(content.text)
        column.line = max(column.line, line)
        if number:
            column.number = max(column.number, line)
    return columns


class TableFit:
    """Columns sized to the width the table gets, so that no word or amount is broken over
    two lines: a column of numbers as wide as its widest number, the columns of words their
    widest word and a share of what is left. Where that does not fit, the table's text gets
    smaller (to MIN_SCALE); below that, the amounts stay whole and the words take what is
    left. Widths are measured in the font the table is shown in (text does not scale
    exactly with its size), a few sizes kept."""

    def __init__(self, table: QTextTable, contents: list[_Content], cells: list[PlacedCell]):
        self.table = table
        self.contents = contents
        self.count = table.columns()
        self.cells = cells
        self._measured: dict[float, list[Column]] = {}
        self._applied: tuple | None = None

    def columns(self, points: float) -> list[Column]:
        if points not in self._measured:
            font = QFont(self.table.document().defaultFont())
            font.setPointSizeF(points)
            self._measured[points] = _measure(self.contents, self.count, font)
        return self._measured[points]

    def fit(self, width: float) -> None:
        full = _quarter(self.table.document().defaultFont().pointSizeF() * TABLE_SCALE)
        room = width - EXTRA * self.count
        points, columns = full, self.columns(full)
        smallest = _quarter(full * MIN_SCALE)
        while sum(c.word for c in columns) > room > 0 and points > smallest:
            points -= 0.25  # the largest size that fits: text does not scale linearly
            columns = self.columns(points)
        words = [c.word for c in columns]
        if sum(words) <= room:
            widths = self._share(room, columns)
        else:  # too narrow even so: the amounts whole, the words where they fit
            widths = self._squeeze(room, columns)
        if widths is None:
            total = sum(words) or 1.0
            lengths = [
                QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in words
            ]
        else:
            lengths = [
                QTextLength(QTextLength.Type.FixedLength, math.ceil(w + EXTRA)) for w in widths
            ]
        key = (points, tuple((x.type(), round(x.rawValue())) for x in lengths))
        if key == self._applied:
            return
        self._applied = key
        self._set_points(points)
        fmt = self.table.format()
        fmt.setColumnWidthConstraints(lengths)
        self.table.setFormat(fmt)

    def _share(self, room: float, columns: list[Column]) -> list[float]:
        """Each column its widest word; the room left to the columns of words, as far as
        their longest cell wants it (a table need not fill the width)."""
        widths = [c.word for c in columns]
        wanting = [i for i, c in enumerate(columns) if not c.numeric and c.line > c.word]
        left = room - sum(widths)
        while left > 1 and wanting:
            share = left / len(wanting)
            for i in list(wanting):
                grow = min(share, columns[i].line - widths[i])
                widths[i] += grow
                left -= grow
                if widths[i] >= columns[i].line - 0.5:
                    wanting.remove(i)
        return widths

    def _squeeze(self, room: float, columns: list[Column]) -> list[float] | None:
        """Columns of numbers their widest number (a header may wrap); the others what is
        left, by need."""
        kept = sum(c.number for c in columns if c.numeric)
        texts = sum(c.word for c in columns if not c.numeric)
        left = room - kept
        if left <= 0 or not texts:
            return None
        return [c.number if c.numeric else left * c.word / texts for c in columns]

    def _set_points(self, points: float) -> None:
        if not self.cells or abs(self.cells[0].char_format.fontPointSize() - points) < 0.01:
            return
        change = QTextCharFormat()
        change.setFontPointSize(points)
        for placed in self.cells:
            placed.char_format.setFontPointSize(points)  # the base the decorations restore
            cell = self.table.cellAt(placed.doc_start)
            cursor = cell.firstCursorPosition()
            cursor.setPosition(
                cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.mergeCharFormat(change)


def _quarter(points: float, down: bool = False) -> float:
    """A size in quarter points: a handful of sizes to measure, however the pane is dragged."""
    return (math.floor if down else round)(points * 4) / 4


def _table_format(table: Table, theme: Theme) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorderCollapse(True)
    fmt.setBorder(1)
    fmt.setBorderBrush(QBrush(theme.rule))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellPadding(CELL_PADDING)
    fmt.setCellSpacing(0)
    fmt.setTopMargin(4)
    fmt.setBottomMargin(14)
    header_rows = 0
    while header_rows < len(table.rows) and table.rows[header_rows].header:
        header_rows += 1
    fmt.setHeaderRowCount(header_rows)  # repeated on every printed page
    return fmt


def _header_cell_format(theme: Theme) -> QTextTableCellFormat:
    fmt = QTextTableCellFormat()
    fmt.setBackground(theme.tint(theme.accent, HEADER_TINT))
    return fmt


def _char_format(header: bool, points: float) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if points > 0:
        fmt.setFontPointSize(points)
    if header:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt
