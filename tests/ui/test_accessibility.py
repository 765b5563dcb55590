"""Accessibility: the whole window from the keyboard, with visible focus; every control named
for a screen reader; mentions marked by more than colour; text that follows the system font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QStyleOptionViewItem, QWidget

from desktop.ui.letter_document import MENTION_KIND_PROPERTY, TREATY_PROPERTY

from .conftest import ID_2018, ID_2023, selected_text
from .test_search import wait_for_results

TAB_LIMIT = 120


def focus() -> QWidget:
    return QApplication.focusWidget()


def rendering(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def tab_once(qtbot) -> tuple[QWidget, QImage, QWidget, QImage]:
    """Tab once: the widget left, as it looks with and without the focus; the widget reached,
    and how it looks with the focus."""
    left = focus()
    with_focus = rendering(left)
    qtbot.keyClick(left, Qt.Key.Key_Tab)
    return left, with_focus, focus(), rendering(focus())


def test_tab_reaches_every_control_each_with_visible_focus_and_a_name(window, qtbot):
    window.focus_library()
    start = focus()
    reached, unmarked, unnamed = [start], [], []
    for _ in range(TAB_LIMIT):
        left, left_focused, now, _ = tab_once(qtbot)
        if rendering(left) == left_focused:  # the focus was not visible on it
            unmarked.append(
                type(left).__name__ + ":" + (left.accessibleName() or left.objectName())
            )
        if now is start:
            break
        reached.append(now)
    else:
        raise AssertionError("Tab never came back to where it started")
    expected = [
        window.library_panel.filter_box,
        window.library_panel.treaty_filter,
        window.library_panel.year_filter,
        window.library_panel.list_view,
        window.library_panel.sort_choice,
        window.side_tabs.tabBar(),
        window.lower_tabs.tabBar(),
        window.treaty_panel.table,
        window.treaty_panel.previous_button,
        window.treaty_panel.next_button,
        window.treaty_panel.highlights_box,
        window.linked_box,
        window.panes[0].chooser,
        window.panes[0].view,
        window.panes[1].chooser,
        window.panes[1].view,
    ]
    assert [w for w in expected if w not in reached] == []
    assert unmarked == []
    for widget in reached:
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            unnamed.append(type(widget).__name__)
    assert unnamed == []


def test_keyboard_only_open_a_letter_search_and_open_a_result(window, qtbot):
    left, right = window.panes
    assert (left.current_id(), right.current_id()) == (ID_2018, ID_2023)
    window.focus_library()  # Ctrl+L, from anywhere
    qtbot.keyClick(focus(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert focus() is window.library_panel.filter_box
    for _ in range(TAB_LIMIT):  # Tab to the list of letters
        if focus() is window.library_panel.list_view:
            break
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    view = window.library_panel.list_view
    assert focus() is view
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0  # the newest: the 2023 letter
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The other pane (right) showed it already: the panes keep their letters.
    assert (left.current_id(), right.current_id()) == (ID_2018, ID_2023)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert (left.current_id(), right.current_id()) == (ID_2023, ID_2018)  # swapped
    qtbot.keyClick(focus(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.search_panel.search_box
    assert focus() is box
    qtbot.keyClicks(box, "kruisvluchtwapens")
    wait_for_results(qtbot, window.search_panel, 1)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # into the focused pane: the left one
    assert left.current_id() == ID_2018 and selected_text(left.view) == "kruisvluchtwapens"
    qtbot.keyClick(focus(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert focus() is left.view
    qtbot.keyClick(left.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert "2 of 3" in left.hit_label.text()


def test_mentions_are_underlined_not_only_coloured_also_when_dimmed(window):
    window.treaty_panel.choose("CSE")  # CSE emphasised, the other treaties dimmed
    document = window.panes[1].view.document()
    block = document.begin()
    seen = {"explicit": 0, "implicit": 0}
    while block.isValid():
        for item in block:
            fmt = item.fragment().charFormat()
            if fmt.property(TREATY_PROPERTY):
                # Dotted for an inferred mention, a line for a named one: never colour alone.
                style = fmt.underlineStyle()
                assert style != fmt.UnderlineStyle.NoUnderline, item.fragment().text()
                seen[fmt.property(MENTION_KIND_PROPERTY)] += 1
        block = block.next()
    assert seen["explicit"] >= 17


def test_text_follows_the_system_font_size(make_window, qtbot):
    app = QApplication.instance()
    before = app.font()
    try:
        big = QFont(before)
        big.setPointSizeF(15.0)
        app.setFont(big)
        window = make_window()
        assert window.panes[0].point_size() == 18.0  # 15 pt x 1.2: reading a little larger
        assert window.panes[0].view.document().defaultFont().pointSizeF() == 18.0
        delegate, index = window.library_panel.delegate, window.library_panel.proxy.index(0, 0)
        heights = []
        for font in (big, before):  # the list's rows grow with the font, chips and all
            option = QStyleOptionViewItem()
            option.font = font
            heights.append(delegate.sizeHint(option, index).height())
        assert heights[0] > heights[1]
    finally:
        app.setFont(before)
