"""A letter's table drawn as a QTextTable: rows, cells, header rows and spans as parsed.

The cells' text is the letter's own (``Letter.text[cell.start:cell.end]``), inserted as text;
each cell is a document block of its own, so the caller records where each cell landed and
mentions, notes and search hits inside a table are marked like anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from desktop.core.model.letter import Table, TableCell
from desktop.ui.theme import Theme

# Amounts and counts read right-aligned, as in the printed tables ("14.475.618", "-2,5%").
_NUMBER = re.compile(r"^[-+−–]?\s?(?:€\s?)?[\d.,]+\s?%?$")
HEADER_TINT = 0.14  # how much of the accent colour a header cell's background takes


@dataclass(frozen=True, slots=True)
class PlacedCell:
    """Where a cell's text landed: document position and block, and its base format."""

    cell: TableCell
    doc_start: int
    block: int
    char_format: QTextCharFormat


def draw_table(
    cursor: QTextCursor, text: str, table: Table, theme: Theme, block_kind_property: int
) -> list[PlacedCell]:
    """Insert *table* at *cursor*; leaves the cursor in the empty block after it."""
    placed = table.placed()
    rows = len(table.rows)
    columns = max(1, table.columns)
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
        char_fmt = _char_format(header)
        start = at.position()
        at.insertText(content, char_fmt)
        out.append(PlacedCell(cell, start, at.blockNumber(), char_fmt))
    cursor.movePosition(QTextCursor.MoveOperation.End)
    return out


def _table_format(table: Table, theme: Theme) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorderCollapse(True)
    fmt.setBorder(1)
    fmt.setBorderBrush(QBrush(theme.rule))
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellPadding(5)
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


def _char_format(header: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if header:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt
