"""Search as you type: results, Enter to open at the hit, errors in the status line."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from desktop.core.search.query import QueryError, SearchResult
from desktop.ui.search_panel import SearchPanel

from .conftest import ID_2018, ID_2023, selected_text


def type_query(qtbot, window, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.search_panel.search_box
    assert box.hasFocus()
    qtbot.keyClicks(box, text)


def wait_for_results(qtbot, panel, count: int) -> None:
    qtbot.waitUntil(lambda: panel.is_current() and panel.model.rowCount() == count)


def shown_text(label) -> str:
    """What a rich-text label shows, as a reader reads it."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def test_typing_lists_matching_letters_and_enter_opens_at_the_hit(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, "kruisvluchtwapens")
    wait_for_results(qtbot, panel, 1)
    assert panel.model.hit(0).id == ID_2018
    assert "1 letter match" in shown_text(panel.status)
    window.panes[0].clear()
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    pane = window.panes[0]  # the focused pane
    assert pane.current_id() == ID_2018
    assert selected_text(pane.view) == "kruisvluchtwapens"
    assert pane.view.is_visible_position(pane.view.textCursor().selectionStart())
    assert pane.hit_bar.isVisible() and "1 of 3" in pane.hit_label.text()


def test_next_hit_moves_forward_through_the_matches(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, "Rusland")
    wait_for_results(qtbot, panel, 2)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    view = window.focused_pane().view
    first = view.textCursor().selectionStart()
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert view.textCursor().selectionStart() > first
    assert selected_text(view).lower() == "rusland"


def test_ctrl_enter_opens_the_result_in_the_other_pane(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, "Luchtruim")
    wait_for_results(qtbot, panel, 1)
    window.panes[1].clear()
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    right = window.panes[1]
    assert right.current_id() == ID_2023
    assert selected_text(right.view).lower() == "luchtruim"
    assert window.panes[0].current_id() == ID_2018  # the focused pane kept its letter


def test_double_click_opens_a_result(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, "verdrag")
    wait_for_results(qtbot, panel, 2)
    rect = panel.results.visualRect(panel.model.index(1, 0))
    window.panes[0].clear()
    # A real double click starts with a press: item views open only the pressed item.
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.panes[0].current_id() == panel.model.hit(1).id
    assert selected_text(window.panes[0].view).lower().startswith("verdrag")


def test_a_bad_query_shows_its_message_escaped_in_the_status(window, qtbot):
    panel = window.search_panel
    with qtbot.waitSignal(panel.error_shown):
        type_query(qtbot, window, "<b>bold</b> AND (")
    shown = shown_text(panel.status)
    assert "<b>bold</b>" not in panel.status.text()  # never read as markup
    assert "never closed" in shown
    assert panel.model.rowCount() == 0


def test_a_query_with_markup_is_shown_literally(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, '"<img src=x>')
    qtbot.waitUntil(lambda: "img" in shown_text(panel.status))
    assert "<img src=x>" in shown_text(panel.status)


def test_did_you_mean_is_a_link_that_searches_again(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, "verdrgg")
    qtbot.waitUntil(lambda: panel.is_current() and "Did you mean" in shown_text(panel.status))
    with qtbot.waitSignal(panel.result_shown):
        panel.status.linkActivated.emit("suggest:")
    assert panel.search_box.text() == "verdrag"
    wait_for_results(qtbot, panel, 2)


def test_facets_filter_the_results(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, "verdrag")
    wait_for_results(qtbot, panel, 2)
    assert "Year: 2018 (1) · 2023 (1)" in shown_text(panel.facets)
    with qtbot.waitSignal(panel.result_shown):
        panel.facets.linkActivated.emit("treaty:CSE")
    assert [panel.model.hit(i).id for i in range(panel.model.rowCount())] == [ID_2023]
    assert "(all)" in shown_text(panel.facets)


def test_stale_answers_are_dropped(qtbot):
    """A slow answer to an old query must not replace the answer to the new one."""
    release = threading.Event()

    def search(query, **_filters):
        if query == "old":
            release.wait(5)
        return SearchResult(query=query, total=0, hits=[])

    panel = SearchPanel(search, {})
    qtbot.addWidget(panel)
    panel.search_box.setText("old")
    panel.run_search()
    panel.search_box.setText("new")
    with qtbot.waitSignal(panel.result_shown) as shown:
        panel.run_search()
    assert shown.args[0].query == "new"
    release.set()
    qtbot.wait(100)
    assert panel.is_current() and panel._result_query == "new"


def test_the_search_runs_off_the_gui_thread(qtbot):
    threads = []

    def search(query, **_filters):
        threads.append(threading.current_thread())
        raise QueryError("bad", query, 0)

    panel = SearchPanel(search, {})
    qtbot.addWidget(panel)
    panel.search_box.setText("x")
    with qtbot.waitSignal(panel.error_shown):
        panel.run_search()
    assert threads and threads[0] is not threading.main_thread()
