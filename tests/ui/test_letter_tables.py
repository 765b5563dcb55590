"""Tables drawn as tables, Kamervragen shown and folded as question-and-answer pairs."""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QFont, QTextCursor, QTextTable

from desktop.core.ingest.parse import parse_file
from desktop.core.ingest.treaties import gazetteer
from desktop.core.model.letter import BlockKind, Letter, Mention
from desktop.ui.letter_document import BLOCK_KIND_PROPERTY, LetterDocument, reading_font
from desktop.ui.theme import DARK, LIGHT, contrast
from tests.conftest import shared_file

from .conftest import selected_text

BUDGET = "samples/kst_37020_x_1.xml"
QUESTIONS = "real/ah-tk-20202021-3235.xml"


def tables_of(document) -> list[QTextTable]:
    found, seen = [], set()
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and id(table) not in seen:
            seen.add(id(table))
            found.append(table)
        block = block.next()
    return found


def cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@pytest.fixture
def budget_document(qapp) -> LetterDocument:
    letter = parse_file(shared_file(BUDGET))
    return LetterDocument(letter, gazetteer().treaties, LIGHT, reading_font(11))


def test_a_table_is_drawn_as_a_table_with_its_header_and_spans(budget_document):
    budget, agencies = tables_of(budget_document.document)
    assert (budget.rows(), budget.columns()) == (18, 5)
    assert (agencies.rows(), agencies.columns()) == (3, 4)
    assert cell_text(budget, 0, 2) == "Vastgestelde begroting"
    assert budget.cellAt(0, 2).columnSpan() == 3  # over Verplichtingen, Uitgaven, Ontvangsten
    assert [cell_text(budget, 1, c) for c in range(2, 5)] == [
        "Verplichtingen",
        "Uitgaven",
        "Ontvangsten",
    ]
    assert [cell_text(budget, 5, c) for c in range(5)] == [
        "1", "Inzet", "2.727.644", "2.856.815", "97.087"
    ]  # fmt: skip
    assert budget.format().headerRowCount() == 2
    header = budget.cellAt(0, 0).firstCursorPosition()
    assert header.charFormat().fontWeight() == QFont.Weight.Bold
    amount = budget.cellAt(5, 2).firstCursorPosition().blockFormat()
    assert amount.alignment() & Qt.AlignmentFlag.AlignRight
    assert amount.property(BLOCK_KIND_PROPERTY) == "table-cell"


def test_table_cells_map_to_the_letter_offsets(budget_document):
    letter = budget_document.letter
    start = letter.text.index("Koninklijke Marechaussee")
    span = budget_document.positions.span_to_doc(start, start + len("Koninklijke Marechaussee"))
    assert span is not None
    cursor = QTextCursor(budget_document.document)
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Koninklijke Marechaussee"
    assert cursor.currentTable() is not None
    assert budget_document.positions.from_doc(span[0]) == start
    # The text after a table lands in the block after it, not in a cell.
    first = next(i for i, b in enumerate(letter.blocks) if b.kind == BlockKind.TABLE)
    later = budget_document.positions.to_doc(letter.blocks[first + 1].start)
    probe = QTextCursor(budget_document.document)
    probe.setPosition(later)
    assert probe.currentTable() is None


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_tables_are_readable_in_light_and_dark(qapp, theme):
    letter = parse_file(shared_file(BUDGET))
    document = LetterDocument(letter, gazetteer().treaties, theme, reading_font(11)).document
    budget = tables_of(document)[0]
    header_background = budget.cellAt(0, 0).format().background().color()
    assert contrast(theme.text, header_background) >= 4.5
    assert budget.format().borderBrush().color() == theme.rule


def test_search_opens_a_budget_line_inside_its_table(make_window, library, qtbot):
    library.add([shared_file(BUDGET)])
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_panel.search_box, "Marechaussee")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.is_current() and panel.model.rowCount() == 1)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    pane = window.focused_pane()
    assert pane.current_id() == "kst_37020_x_1"
    assert selected_text(pane.view) == "Marechaussee"
    assert pane.view.textCursor().currentTable() is not None


def broken_cells(table: QTextTable) -> dict[str, list[str]]:
    """The cells whose text the layout breaks over lines: "inside a word" (a line that does
    not start after a space) and "amounts" (a number on more than one line)."""
    found: dict[str, list[str]] = {"inside a word": [], "amounts": []}
    table.document().size()  # the layout finished (Qt lays out a long document in steps)
    for row in range(table.rows()):
        for column in range(table.columns()):
            block = table.cellAt(row, column).firstCursorPosition().block()
            text, layout = block.text(), block.layout()
            starts = [layout.lineAt(i).textStart() for i in range(1, layout.lineCount())]
            if any(text[s - 1] != " " for s in starts):
                found["inside a word"].append(text)
            if starts and re.fullmatch(r"[\d.,]+", text):
                found["amounts"].append(text)
    return found


def open_budget(make_window, library, qtbot, size):
    library.add([shared_file(BUDGET)])
    window = make_window(size=size)
    pane = window.panes[1]
    pane.open_letter("kst_37020_x_1")
    return window, tables_of(pane.view.document())[0]


def test_in_a_wide_pane_no_word_or_amount_of_a_table_is_broken(make_window, library, qtbot):
    window, budget = open_budget(make_window, library, qtbot, (1400, 900))
    assert broken_cells(budget) == {"inside a word": [], "amounts": []}
    window.zoom(2)  # larger: the columns follow the text
    assert broken_cells(budget)["amounts"] == []
    window.zoom(-2)
    assert broken_cells(budget) == {"inside a word": [], "amounts": []}


def test_in_a_narrow_pane_the_amounts_stay_whole(make_window, library, qtbot):
    window, budget = open_budget(make_window, library, qtbot, (1024, 700))
    assert broken_cells(budget)["amounts"] == []
    assert "14.475.618" in [cell_text(budget, 2, c) for c in range(5)]


def test_a_printed_table_fits_the_page_whole(qapp):
    from desktop.ui.printing import letter_print_document

    document = letter_print_document(parse_file(shared_file(BUDGET)), gazetteer().treaties)
    document.setPageSize(QSizeF(640, 900))  # A4 within the margins, as printing lays it out
    budget = tables_of(document)[0]
    assert broken_cells(budget) == {"inside a word": [], "amounts": []}


# --- Kamervragen -----------------------------------------------------------------------


def with_mention_in(letter: Letter, phrase: str) -> Letter:
    """The letter as if *phrase* named a treaty: folding keeps whatever mentions it."""
    start = letter.text.index(phrase)
    mention = Mention("INF", "explicit", start, start + len(phrase), phrase)
    return dataclasses.replace(letter, mentions=[mention])


def test_folding_keeps_a_question_with_its_answer(qapp):
    letter = parse_file(shared_file(QUESTIONS))
    # A phrase of answer 3 only: the fold shows question 3 and answer 3, with their labels.
    folded = with_mention_in(letter, "Het Bbz geldt als laatste vangnet.")
    document = LetterDocument(folded, gazetteer().treaties, LIGHT, reading_font(11), fold="INF")
    shown = document.document.toPlainText()
    assert "Vraag 3" in shown and "Antwoord 3" in shown
    assert "Kunt u toelichten waarom het rentepercentage voor BBZ-krediet op 8% is gesteld?" in (
        shown
    )
    assert "Vraag 2" not in shown and "Vraag 4" not in shown
    assert document.shown_passages == 4  # two labels, the question, the answer


def test_questions_stand_out_from_answers(qapp):
    letter = parse_file(shared_file(QUESTIONS))
    for theme in (LIGHT, DARK):
        document = LetterDocument(letter, gazetteer().treaties, theme, reading_font(11)).document
        question = document.find("Kunt u toelichten waarom het rentepercentage voor de TOZO")
        answer = document.find("Bij de invoering van de Tozo is toegelicht")
        q_format, a_format = question.blockFormat(), answer.blockFormat()
        assert q_format.property(BLOCK_KIND_PROPERTY) == str(BlockKind.QUESTION)
        assert a_format.property(BLOCK_KIND_PROPERTY) == str(BlockKind.ANSWER)
        tint = q_format.background().color()
        assert tint != theme.page and contrast(theme.text, tint) >= 4.5
        assert a_format.background().style() == Qt.BrushStyle.NoBrush
