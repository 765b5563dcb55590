"""The comparison stays put: results open where the reader says, a letter is never shown
twice (the panes swap instead), Back and Forward per pane, linked stepping, and the reading
place kept through resize, zoom, theme switch and restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.core.model.letter import BlockKind
from tests.conftest import shared_file

from .conftest import ID_2018, ID_2023, selected_text
from .test_search import type_query, wait_for_results

EXCERPT = "real/excerpts/kst-33783-24.excerpt.txt"  # a third letter: no treaty mentions


@pytest.fixture
def third(library) -> str:
    report = library.add([shared_file(EXCERPT)])
    assert report.new == 1
    return report.added_ids[0]


def with_2018_and_2023(window):
    """The comparison the tests start from (the oldest two letters open on a first start)."""
    window.panes[0].open_letter(ID_2018)
    window.panes[1].open_letter(ID_2023)
    return window


def shown(window) -> tuple[str | None, str | None]:
    return tuple(p.current_id() for p in window.panes)


def scroll_to_paragraph(pane, number: int) -> int:
    """Put the pane's *number*-th paragraph at the top; returns its letter offset."""
    paragraphs = [b for b in pane.letter.blocks if b.kind == BlockKind.PARAGRAPH]
    block = paragraphs[number]
    pane.go_to_offset(block.start)
    return block.start


def paragraph_at_top(pane):
    offset = pane.reading_place()
    return next(b for b in pane.letter.blocks if b.start <= offset < b.end)


def test_enter_on_a_result_keeps_the_other_panes_letter(make_window, third, qtbot):
    window = with_2018_and_2023(make_window())
    window.focus_pane(0)
    type_query(qtbot, window, "onderhandelingsronde")  # only in the third letter
    wait_for_results(qtbot, window.search_panel, 1)
    qtbot.keyClick(window.search_panel.search_box, Qt.Key.Key_Return)
    assert shown(window) == (third, ID_2023)  # the right pane's letter stayed


def test_opening_the_other_panes_letter_swaps_the_panes_and_back_undoes_it(window, qtbot):
    left, right = window.panes
    start_left = scroll_to_paragraph(left, 3)
    start_right = scroll_to_paragraph(right, 2)
    window.focus_pane(0)
    type_query(qtbot, window, "Luchtruim")  # only in the 2023 letter, shown on the right
    wait_for_results(qtbot, window.search_panel, 1)
    qtbot.keyClick(window.search_panel.search_box, Qt.Key.Key_Return)
    assert shown(window) == (ID_2023, ID_2018)  # never the same letter twice
    assert selected_text(left.view).lower() == "luchtruim"
    assert right.reading_place() == start_left  # the 2018 letter kept its place
    assert "swapped" in window.statusBar().currentMessage()
    window.focus_pane(0)
    qtbot.keyClick(left.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert shown(window) == (ID_2018, ID_2023)  # Back undid the swap in both panes
    assert left.reading_place() == start_left
    assert paragraph_at_top(right).start == start_right
    qtbot.keyClick(left.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert shown(window) == (ID_2023, ID_2018)  # and Forward did it again


def test_back_restores_the_previous_letter_at_its_place(make_window, third, qtbot):
    window = with_2018_and_2023(make_window())
    left = window.panes[0]
    place = scroll_to_paragraph(left, 4)
    window.focus_pane(0)
    panel = window.library_panel
    window.focus_library()
    panel.list_view.setCurrentIndex(panel.proxy.mapFromSource(window.model.index_of(third)))
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Return)
    assert shown(window) == (third, ID_2023)
    assert left.back_button.isEnabled() and not left.forward_button.isEnabled()
    qtbot.mouseClick(left.back_button, Qt.MouseButton.LeftButton)
    assert shown(window) == (ID_2018, ID_2023)
    assert left.reading_place() == place
    assert left.forward_button.isEnabled()
    window.action("forward").trigger()
    assert left.current_id() == third


def test_context_menu_of_a_result_opens_it_in_the_other_pane(make_window, third, qtbot):
    window = with_2018_and_2023(make_window())
    window.focus_pane(0)
    type_query(qtbot, window, "onderhandelingsronde")
    wait_for_results(qtbot, window.search_panel, 1)
    menu = window.search_panel.context_menu(0)
    assert [a.text() for a in menu.actions()] == [
        "Open in the focused pane",
        "Open in the other pane",
    ]
    menu.actions()[1].trigger()
    assert shown(window) == (ID_2018, third)


def test_context_menu_of_the_library_list_opens_in_the_other_pane(make_window, third):
    window = with_2018_and_2023(make_window())
    window.focus_pane(1)
    panel = window.library_panel
    menu = panel.context_menu(panel.proxy.mapFromSource(window.model.index_of(third)))
    menu.actions()[1].trigger()
    assert shown(window) == (third, ID_2023)


def drop_on(pane, mime) -> None:
    """Drag *mime* over a pane and drop it, as Qt delivers a drag and drop."""
    point = QPointF(pane.width() / 2, pane.height() / 2)
    how = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(point.toPoint(), *how)  # a QPoint before PySide6 6.12
    QApplication.sendEvent(pane, enter)
    assert enter.isAccepted()  # the pane takes letters (files go on to the window)
    QApplication.sendEvent(pane, QDropEvent(point, *how))


def test_dragging_a_letter_from_the_list_onto_a_pane_opens_it_there(make_window, third):
    window = with_2018_and_2023(make_window())
    panel = window.library_panel
    index = panel.proxy.mapFromSource(window.model.index_of(third))
    drop_on(window.panes[1], panel.proxy.mimeData([index]))
    assert shown(window) == (ID_2018, third)


def test_dragging_a_result_onto_a_pane_opens_it_at_its_marks(window, qtbot):
    type_query(qtbot, window, "kruisvluchtwapens")
    wait_for_results(qtbot, window.search_panel, 1)
    model = window.search_panel.model
    drop_on(window.panes[1], model.mimeData([model.index(0, 0)]))
    right = window.panes[1]
    assert shown(window) == (ID_2023, ID_2018)  # 2018 was on the left: swapped
    assert selected_text(right.view) == "kruisvluchtwapens"
    assert right.hit_count() == 3


def test_linked_panes_step_to_their_next_mention_together(window, qtbot):
    window.treaty_panel.choose("INF")
    window.linked_box.click()
    assert window.state.linked and window.action("linked").isChecked()
    window.focus_pane(0)
    qtbot.keyClick(window.panes[0].view, Qt.Key.Key_F3)
    left, right = window.panes
    assert selected_text(left.view) == "INF-verdrag (Intermediate-Range Nuclear Forces)"
    assert selected_text(right.view) == "Intermediate-Range Nuclear Forces (INF) verdrag"
    window.action("linked").trigger()  # off again: only the focused pane moves
    before = right.view.textCursor().selectionStart()
    qtbot.keyClick(left.view, Qt.Key.Key_F3)
    assert right.view.textCursor().selectionStart() == before
    assert selected_text(left.view) == "INF-verdrag"


def test_the_reading_place_survives_resize_zoom_and_theme(make_window, qtbot):
    window = make_window(size=(1400, 900))
    pane = window.panes[0]
    place = scroll_to_paragraph(pane, 5)
    assert paragraph_at_top(pane).start == place
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: pane.view.width() < 400)
    assert paragraph_at_top(pane).start == place
    window.zoom(3)
    assert paragraph_at_top(pane).start == place
    window.zoom(-2)
    assert paragraph_at_top(pane).start == place
    window.set_scheme("dark")
    assert paragraph_at_top(pane).start == place
    window.set_scheme("light")
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: pane.view.width() > 400)
    assert paragraph_at_top(pane).start == place


def test_the_reading_place_survives_a_restart(make_window, tmp_path):
    store = QSettings(str(tmp_path / "places.ini"), QSettings.Format.IniFormat)
    first = make_window(store=store)
    left_place = scroll_to_paragraph(first.panes[0], 6)
    right_place = scroll_to_paragraph(first.panes[1], 3)
    first.close()
    second = make_window(store=store, size=None)
    assert paragraph_at_top(second.panes[0]).start == left_place
    assert paragraph_at_top(second.panes[1]).start == right_place
