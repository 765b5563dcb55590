"""Search results show why they match: a field-only query marks and counts what its field
matched; Ctrl+F finds in the focused letter and Enter steps through the finds."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.field_marks import FieldTerm, field_marks, field_terms
from desktop.ui.find_bar import find_all

from .conftest import ID_2018, ID_2023, selected_text
from .test_search import type_query, wait_for_results


def counts_shown(panel) -> dict[str, str]:
    """Letter id -> the result's meta line, as the list shows it."""
    from desktop.ui.search_model import META_ROLE

    model = panel.model
    return {model.hit(r).id: model.index(r, 0).data(META_ROLE) for r in range(model.rowCount())}


def test_field_terms_are_read_outside_not():
    assert field_terms('treaty:INF AND signatory:"Bruins Slot" NOT kamerstuk:33694') == [
        FieldTerm("treaty", "INF"),
        FieldTerm("signatory", "Bruins Slot"),
    ]
    assert field_terms("verdrag:cse OR ondertekenaar:blok") == [
        FieldTerm("treaty", "cse"),
        FieldTerm("signatory", "blok"),
    ]
    assert field_terms("kernwapens -treaty:INF") == []


def test_treaty_query_marks_and_counts_the_treatys_mentions(window, qtbot, library):
    panel = window.search_panel
    type_query(qtbot, window, "treaty:INF")
    wait_for_results(qtbot, panel, 2)
    shown = counts_shown(panel)
    assert shown[ID_2018].startswith("13 matches")  # not "0 matches": the 13 INF mentions
    assert shown[ID_2023].startswith("1 match ")
    window.panes[1].clear()
    row = next(r for r in range(panel.model.rowCount()) if panel.model.hit(r).id == ID_2018)
    panel.results.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    right = window.panes[1]
    letter = library.get(ID_2018)
    inf = [(m.start, m.end) for m in letter.explicit_mentions if m.treaty == "INF"]
    assert right.hit_count() == 13 == len(inf)
    expected = [right.rendered.positions.span_to_doc(s, e)[:2] for s, e in inf]
    assert [(s.start, s.end) for s in right.rendered.hits] == expected
    assert selected_text(right.view) == "INF-verdrag (Intermediate-Range Nuclear Forces)"
    assert "1 of 13" in right.hit_label.text()


def test_signatory_query_marks_the_name_in_the_signature(library):
    letter = library.get(ID_2018)
    marks = field_marks([FieldTerm("signatory", "blok")], letter)
    assert [letter.text[s:e] for s, e in marks] == ["Blok"]
    assert letter.text.rfind("S.A. Blok") + len("S.A. ") == marks[0][0]


def test_kamerstuk_query_marks_the_references_to_it(library):
    letter = library.get(ID_2023)
    refs = field_marks([FieldTerm("kamerstuk", "36200")], letter)
    assert [letter.text[s:e] for s, e in refs] == [
        "Kamerstuk 36 200 V, nr. 30",
        "Kamerstuk 36 200-V, nr. 73",
    ]
    letter_2018 = library.get(ID_2018)
    refs = field_marks([FieldTerm("kamerstuk", "33694-30")], letter_2018)
    assert [letter_2018.text[s:e] for s, e in refs] == ["Kamerstuk 33 694, nr. 30"]
    assert field_marks([FieldTerm("kamerstuk", "33694-31")], letter_2018) == []


def test_a_letter_found_by_its_details_says_so_instead_of_0_matches(window, qtbot):
    # The 2023 letter's own number is in its metadata (the pane's header), not its text.
    panel = window.search_panel
    type_query(qtbot, window, "kamerstuk:33694")
    wait_for_results(qtbot, panel, 1)
    assert counts_shown(panel)[ID_2023].startswith("matched by date, kamerstuk or signatory")


def test_ctrl_f_finds_in_the_focused_letter_and_enter_steps(window, qtbot):
    window.focus_pane(1)
    right = window.panes[1]
    qtbot.keyClick(right.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = right.find_bar.box
    assert right.find_bar.isVisible() and box.hasFocus()
    qtbot.keyClicks(box, "het cse")
    count = len(find_all(right.letter.text, "het cse"))
    assert count >= 3 and right.hit_count() == count
    assert right.find_bar.count_label.text() == f"1 of {count}"
    first = right.view.textCursor().selectionStart()
    assert selected_text(right.view).lower() == "het cse"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    second = right.view.textCursor().selectionStart()
    assert second > first and right.find_bar.count_label.text() == f"2 of {count}"
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert right.view.textCursor().selectionStart() == first
    # F3 stays "next mention", not "next find".
    qtbot.keyClick(box, Qt.Key.Key_F3)
    assert right.view.textCursor().selectedText() in {
        m.surface for m in right.letter.explicit_mentions
    }
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not right.find_bar.isVisible() and right.hit_count() == 0


def test_find_ignores_case_and_accents():
    text = "Het verdrag is beëindigd; BEEINDIGD blijft het."
    assert find_all(text, "beeindigd") == [(15, 24), (26, 35)]
    assert find_all(text, "   ") == []
