"""Printing and PDF: a letter as the reader shows it (its treaty highlights, headings, tables,
the notes at the end) under a header with title, date and citation; and a treaty's passages
with their citations.

The documents are laid out at screen resolution and scaled onto the printer (as
QTextDocument.print does), so the reader's pixel margins keep their proportions on paper;
each page gets a running header and its number. Paper is light whatever the window's
colours: the light theme, and black text, always.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtPrintSupport import QPrinter

from desktop.core.history.passages import Passage
from desktop.core.ingest.treaties import Treaty
from desktop.core.model.citation import Citation, cite
from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Letter
from desktop.ui.formatting import date_and_citation
from desktop.ui.i18n import fill
from desktop.ui.letter_document import LetterDocument, reading_font
from desktop.ui.theme import LIGHT

PRINT_POINTS = 11.0
MARGINS_MM = QMarginsF(20, 16, 20, 16)
_BACKLINK = " \u21a9"  # the reader's way back from a note: no use on paper
_INK = QColor("#000000")


class PrintError(Exception):
    """The printer or the file could not be written; the message says which."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


# -- documents --------------------------------------------------------------------------


def letter_print_document(letter: Letter, treaties: dict[str, Treaty]) -> QTextDocument:
    """The letter under a title block (title, date and citation, the official address),
    laid out as the reader lays it out, in the light theme."""
    rendered = LetterDocument(letter, treaties, LIGHT, reading_font(PRINT_POINTS))
    rendered.fit_tables(_paper_width())  # tables fit the page, as they fit a pane
    doc = _new_document()
    cursor = QTextCursor(doc)
    citation = cite(letter.meta)
    _title_block(cursor, letter.meta.title or letter.id, letter.meta.date, citation)
    cursor.insertBlock(_block(top=18), QTextCharFormat())  # the letter's first block joins it
    cursor.insertFragment(QTextDocumentFragment(rendered.document))
    _remove_backlinks(doc)
    return doc


def passages_print_document(
    passages: Iterable[Passage], treaties: dict[str, Treaty], heading: str
) -> QTextDocument:
    """A heading per letter with its citation, then its passages, mentions highlighted."""
    doc = _new_document()
    cursor = QTextCursor(doc)
    cursor.insertText(heading, _char(bold=True, size=PRINT_POINTS * 1.6))
    current = None
    for p in passages:
        if p.letter_id != current:
            current = p.letter_id
            when = dutch_date(p.date)
            cursor.insertBlock(_block(top=14), _char(bold=True, size=PRINT_POINTS * 1.15))
            cursor.insertText(f"{when} · {p.title}" if when else p.title)
            _citation_line(cursor, p.citation)
        _passage_block(cursor, p, treaties)
    return doc


def _new_document() -> QTextDocument:
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(reading_font(PRINT_POINTS))
    doc.setDocumentMargin(0)
    return doc


def _title_block(cursor: QTextCursor, title: str, iso: str | None, citation: Citation) -> None:
    cursor.setBlockFormat(_block(bottom=4))
    cursor.insertText(title, _char(bold=True, size=PRINT_POINTS * 1.5))
    facts = date_and_citation(iso, citation.text)
    cursor.insertBlock(_block(bottom=2), _char())
    cursor.insertText(facts, _char(colour=LIGHT.muted))
    if citation.url:
        cursor.insertBlock(_block(bottom=2), _char())
        cursor.insertText(citation.url, _link(citation.url))


def _citation_line(cursor: QTextCursor, citation: Citation) -> None:
    cursor.insertBlock(_block(bottom=6), _char())
    fmt = _link(citation.url) if citation.url else _char(colour=LIGHT.muted)
    cursor.insertText(citation.text, fmt)


def _passage_block(cursor: QTextCursor, p: Passage, treaties: dict[str, Treaty]) -> None:
    block = _block(bottom=8)
    block.setLeftMargin(14)
    cursor.insertBlock(block, _char())
    position = 0
    treaty = treaties.get(p.treaty)
    for start, end, kind in p.mentions:
        cursor.insertText(p.text[position:start], _char())
        mark = _char(bold=kind == "explicit")
        if treaty is not None:
            mark.setBackground(LIGHT.tint(treaty.colour, 0.3 if kind == "explicit" else 0.12))
        cursor.insertText(p.text[start:end], mark)
        position = end
    cursor.insertText(p.text[position:], _char())


def _remove_backlinks(doc: QTextDocument) -> None:
    cursor = doc.find(_BACKLINK)
    while not cursor.isNull():
        cursor.removeSelectedText()
        cursor = doc.find(_BACKLINK, cursor)


def _block(top: float = 0, bottom: float = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    return fmt


def _char(bold: bool = False, size: float | None = None, colour: QColor | None = None):
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    if size:
        fmt.setFontPointSize(size)
    if colour is not None:
        fmt.setForeground(colour)
    return fmt


def _link(url: str) -> QTextCharFormat:
    fmt = _char(colour=LIGHT.link)
    fmt.setAnchor(True)
    fmt.setAnchorHref(url)
    return fmt


# -- printers -----------------------------------------------------------------------------


def pdf_printer(path: Path, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    prepare(printer)
    return printer


def prepare(printer: QPrinter) -> None:
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


def render(doc: QTextDocument, printer: QPrinter, header: str) -> int:
    """Lay *doc* out on *printer*'s pages under a running *header*, numbered; returns the
    number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName() or printer.printerName()
        raise PrintError(fill(_tr("Cannot print to %1"), target))
    try:
        return _paint_pages(doc.clone(), printer, painter, header)
    finally:
        painter.end()


def _paint_pages(doc: QTextDocument, printer: QPrinter, painter: QPainter, header: str) -> int:
    scale = printer.resolution() / _layout_dpi()
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    small = QFont(doc.defaultFont())
    small.setPointSizeF(PRINT_POINTS * 0.8)
    line = QFontMetricsF(small, printer).height()  # in the printer's pixels
    body = QSizeF(page.width() / scale, (page.height() - 3.2 * line) / scale)
    doc.setPageSize(body)
    pages = doc.pageCount()
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, _INK)
    for number in range(pages):
        if number:
            printer.newPage()
        painter.setFont(small)
        _furniture(painter, page.size(), line, header, f"{number + 1} / {pages}")
        painter.save()
        painter.translate(0, 1.8 * line)
        painter.scale(scale, scale)
        painter.translate(0, -number * body.height())
        context.clip = QRectF(0, number * body.height(), body.width(), body.height())
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()
    return pages


def _furniture(painter: QPainter, page: QSizeF, line: float, header: str, number: str) -> None:
    """The running header over a rule, and the page number at the foot (printer pixels)."""
    width = page.width()
    painter.setPen(LIGHT.muted)
    text = QFontMetricsF(painter.font(), painter.device()).elidedText(
        header, Qt.TextElideMode.ElideRight, width
    )
    painter.drawText(QRectF(0, 0, width, line), Qt.AlignmentFlag.AlignLeft, text)
    painter.setPen(LIGHT.rule)
    painter.drawLine(QPointF(0, line * 1.2), QPointF(width, line * 1.2))
    painter.setPen(LIGHT.muted)
    foot = QRectF(0, page.height() - line, width, line)
    painter.drawText(foot, Qt.AlignmentFlag.AlignHCenter, number)


def _paper_width() -> float:
    """The text's width on A4 within the margins, in the units the document lays out in
    (a Letter page is 6 mm wider: a table fitted to A4 fits there too)."""
    millimetres = 210 - MARGINS_MM.left() - MARGINS_MM.right()
    return millimetres / 25.4 * _layout_dpi()


def _layout_dpi() -> float:
    """The resolution QTextDocument lays out at when it has no paint device of its own."""
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen else 96.0


def letter_header(letter: Letter) -> str:
    """The running header of a printed letter: title, date, citation."""
    title, citation = letter.meta.title or letter.id, cite(letter.meta).text
    when = dutch_date(letter.meta.date)
    shown = "" if when in title or when in citation else when
    return " · ".join(p for p in (title, shown, citation) if p)


def export_letter_pdf(letter: Letter, treaties: dict[str, Treaty], path: Path) -> int:
    printer = pdf_printer(path, letter.meta.title or letter.id)
    return render(letter_print_document(letter, treaties), printer, letter_header(letter))


def export_passages_pdf(
    passages: list[Passage], treaties: dict[str, Treaty], heading: str, path: Path
) -> int:
    printer = pdf_printer(path, heading)
    return render(passages_print_document(passages, treaties, heading), printer, heading)
