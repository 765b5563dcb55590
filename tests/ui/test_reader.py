"""The window on the bundled letters: side by side, highlighted, with headers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextDocument, QTextFormat

from desktop.core.model.letter import BlockKind
from desktop.ui.letter_document import BLOCK_KIND_PROPERTY, TREATY_PROPERTY

from .conftest import ID_2018, ID_2023, highlighted_spans

CASE = QTextDocument.FindFlag.FindCaseSensitively
COUNTS_2018 = {"INF": 13, "NPT": 1}
COUNTS_2023 = {"CSE": 12, "INF": 1, "NEW-START": 1, "CTBT": 1, "OST": 1, "VIENNA-DOC": 1}


def test_first_start_shows_2018_left_and_2023_right(window):
    left, right = window.panes
    assert left.current_id() == ID_2018
    assert right.current_id() == ID_2023
    assert left.x() < right.x()
    assert left.isVisible() and right.isVisible()
    assert left.header_text().startswith("INF-verdrag: brief van 27 november 2018\n")
    assert "27 november 2018 · S.A. Blok" in left.header_text()
    assert "16 november 2023 · Kamerstuk 33 694, nr. 69 · H.G.J. Bruins Slot" in (
        right.header_text()
    )
    assert "Minister van Buitenlandse Zaken" in right.title_label.toolTip()
    assert left.title_label.height() == right.title_label.height()
    assert left.view.y() == right.view.y()  # the letters start side by side
    assert right.chooser.currentData(Qt.ItemDataRole.UserRole + 1) == ID_2023


def test_each_pane_highlights_exactly_the_parsers_mentions(window, library):
    left, right = window.panes
    assert dict(highlighted_spans(left.view.document())) == COUNTS_2018
    assert dict(highlighted_spans(right.view.document())) == COUNTS_2023
    assert library.get(ID_2018).mention_counts() == COUNTS_2018


def test_implicit_mentions_are_dotted_and_never_filled(window):
    document = window.panes[0].view.document()
    implicit = highlighted_spans(document, kind="implicit")
    assert implicit["INF"] == 4  # "Dit verdrag", "het verdrag" twice, "dit belangrijke verdrag"
    cursor = document.find("Dit verdrag")
    fmt = cursor.charFormat()
    assert fmt.underlineStyle() == fmt.UnderlineStyle.DotLine
    assert fmt.background().style() == Qt.BrushStyle.NoBrush


def test_mention_colour_is_a_tint_with_the_treaty_colour_underneath(window):
    cursor = window.panes[1].view.document().find("CSE-verdrag")
    fmt = cursor.charFormat()
    assert fmt.property(TREATY_PROPERTY) == "CSE"
    assert fmt.underlineColor() == QColor(window.treaties["CSE"].colour)
    background = fmt.background().color()
    assert background != QColor(window.treaties["CSE"].colour)  # a tint, not the full colour
    assert background.lightness() > 200  # light page: a light tint keeps the text readable


def test_hovering_a_mention_shows_the_treaty_card_in_the_interface_language(window):
    fmt = window.panes[0].view.document().find("INF-verdrag").charFormat()
    card = fmt.toolTip()
    treaty = window.treaties["INF"]
    for fact in (treaty.name_en, treaty.full_name_en, "8 december 1987", "1 juni 1988"):
        assert fact in card
    assert "2 augustus 2019" in card and treaty.status_en in card
    assert treaty.status_nl not in card and "Status (nl)" not in card  # one language
    assert treaty.source in card


def test_headings_notes_and_signatures_are_styled(window):
    document = window.panes[1].view.document()
    kinds = {}
    block = document.begin()
    while block.isValid():
        kinds.setdefault(block.blockFormat().property(BLOCK_KIND_PROPERTY), block)
        block = block.next()
    heading = kinds[str(BlockKind.HEADING)]
    assert heading.text() == "Opschorting CSE-verdrag"
    heading_format = document.find("Opschorting", 0, CASE).charFormat()
    assert heading_format.fontWeight() >= 700
    assert heading_format.property(QTextFormat.Property.FontSizeAdjustment) == 1
    assert "Notes" in document.toPlainText()
    assert kinds[str(BlockKind.SIGNATURE)].text().startswith("De Minister van Buitenlandse Zaken,")
    assert kinds[str(BlockKind.NOTE)].text().startswith("1 Kamerstuk 36 200-V, nr. 73.")


def test_kamerstuk_references_are_underlined(window):
    fmt = window.panes[1].view.document().find("Kamerstuk 36 200 V, nr. 30").charFormat()
    assert fmt.fontUnderline()
    assert "36 200 V, nr. 30" in fmt.toolTip()


def test_choosing_the_other_panes_letter_in_a_chooser_swaps_the_panes(window, qtbot):
    left, right = window.panes
    row = left.chooser.findData(ID_2023, Qt.ItemDataRole.UserRole + 1)
    left.chooser.setCurrentIndex(row)
    left.chooser.activated.emit(row)
    assert (left.current_id(), right.current_id()) == (ID_2023, ID_2018)
    assert window.treaty_panel.counts("CSE") == (12, 0)
    assert left.chooser.currentData(Qt.ItemDataRole.UserRole + 1) == ID_2023
    assert right.chooser.currentData(Qt.ItemDataRole.UserRole + 1) == ID_2018


def test_the_text_is_set_in_a_readable_measure(window):
    view = window.panes[0].view
    view.resize(1400, view.height())
    window.panes[0].resize(1400, window.panes[0].height())
    margins = view.document().rootFrame().frameFormat()
    text_width = view.viewport().width() - margins.leftMargin() - margins.rightMargin()
    average = view.fontMetrics().averageCharWidth()
    assert text_width > 0
    assert abs(margins.leftMargin() - margins.rightMargin()) < 1  # centred
    from PySide6.QtGui import QFontMetricsF

    chars = text_width / QFontMetricsF(view.document().defaultFont()).averageCharWidth()
    assert 55 <= chars <= 76, (chars, average)
