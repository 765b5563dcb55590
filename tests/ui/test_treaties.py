"""The treaty panel: counts per pane, emphasis, F3 navigation, highlights and folding."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont

from .conftest import highlighted_spans, selected_text


def click_treaty(qtbot, window, treaty_id: str) -> None:
    table = window.treaty_panel.table
    rect = table.visualItemRect(window.treaty_panel.item_for(treaty_id))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_box(qtbot, box) -> None:
    """Click a check box on its indicator, where a reader clicks."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def mention_format(pane, text: str):
    return pane.view.document().find(text).charFormat()


def test_the_panel_lists_every_treaty_with_counts_per_pane(window):
    panel = window.treaty_panel
    assert panel.counts("INF") == (13, 1)
    assert panel.counts("CSE") == (0, 12)
    assert panel.counts("NPT") == (1, 0)
    assert set(panel.treaty_ids()) == {
        "INF",
        "CSE",
        "NPT",
        "NEW-START",
        "CTBT",
        "OST",
        "VIENNA-DOC",
    }
    assert panel.treaty_ids()[0] == "INF"  # most mentioned first


def test_clicking_a_treaty_emphasises_it_and_dims_the_others(window, qtbot):
    click_treaty(qtbot, window, "INF")
    assert window.treaty_panel.current_treaty() == "INF"
    left, right = window.panes
    assert mention_format(left, "INF-verdrag").fontWeight() == QFont.Weight.Bold
    assert mention_format(right, "Intermediate-Range").fontWeight() == QFont.Weight.Bold
    dimmed = mention_format(right, "CSE-verdrag")
    assert dimmed.background().style() == Qt.BrushStyle.NoBrush
    assert dimmed.foreground().color() == window.panes[1]._theme.muted
    click_treaty(qtbot, window, "INF")  # again: no emphasis
    assert window.treaty_panel.current_treaty() is None
    assert mention_format(right, "CSE-verdrag").background().style() != Qt.BrushStyle.NoBrush


def test_f3_walks_through_the_mentions_of_the_chosen_treaty(window, qtbot):
    click_treaty(qtbot, window, "INF")
    view = window.panes[0].view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # left pane
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert selected_text(view) == "INF-verdrag (Intermediate-Range Nuclear Forces)"
    first = view.textCursor().selectionStart()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert selected_text(view) == "INF-verdrag"
    second = view.textCursor().selectionStart()
    assert second > first
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert view.textCursor().selectionStart() > second
    qtbot.keyClick(view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().selectionStart() == second


def test_f3_wraps_around_and_visits_exactly_the_counted_mentions(window, qtbot):
    click_treaty(qtbot, window, "INF")
    view = window.panes[0].view
    window.focus_pane(0)
    seen = []
    for _ in range(14):
        qtbot.keyClick(view, Qt.Key.Key_F3)
        seen.append(view.textCursor().selectionStart())
    assert len(set(seen[:13])) == 13 and seen[13] == seen[0]
    assert "Wrapped" in window.statusBar().currentMessage()


def test_highlights_can_be_hidden_and_shown(window, qtbot):
    box = window.treaty_panel.highlights_box
    click_box(qtbot, box)
    assert not box.isChecked()
    assert highlighted_spans(window.panes[0].view.document()) == {}
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert box.isChecked()
    assert highlighted_spans(window.panes[0].view.document())["INF"] == 13


def test_passages_fold_both_panes_to_the_chosen_treaty(window, qtbot):
    click_treaty(qtbot, window, "INF")
    box = window.treaty_panel.fold_box
    assert box.isEnabled()
    click_box(qtbot, box)
    left, right = window.panes
    right_text = right.view.document().toPlainText()
    assert "Intermediate-Range Nuclear Forces (INF) verdrag" in right_text
    assert "Opschorting CSE-verdrag" not in right_text  # a passage without INF is folded away
    assert highlighted_spans(left.view.document())["INF"] == 13  # every INF passage stays
    assert "Showing 1 of" in right.fold_banner.text()
    view = right.view
    window.focus_pane(1)
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert selected_text(view) == "Intermediate-Range Nuclear Forces (INF) verdrag"
    click_box(qtbot, box)
    assert "Opschorting CSE-verdrag" in right.view.document().toPlainText()
