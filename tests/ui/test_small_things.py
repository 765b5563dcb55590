"""The small things: elided choosers, a side column that gives way, readable chips on a
selected row, tooltips that leave with the mouse, the kamerstuk with its chapter, a footnote
marker that is easy to hit, facets that follow a theme switch, no empty chip line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPainter, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QToolTip

from desktop.core.library.records import LibraryEntry
from desktop.core.model.letter import Kamerstuk
from desktop.ui import chips
from desktop.ui.library_model import LibraryModel, Row, listing
from desktop.ui.library_panel import LetterDelegate
from desktop.ui.main_window import MIN_READING_WIDTH, MIN_SIDE_WIDTH
from desktop.ui.theme import DARK, LIGHT, contrast

from .conftest import ID_2018, selected_text
from .test_search import type_query, wait_for_results


def test_a_long_title_in_a_chooser_ends_in_an_ellipsis_before_the_arrow(make_window):
    window = make_window(size=(1024, 700))
    chooser = window.panes[0].chooser
    full = chooser.currentText()
    shown = chooser.shown_text()
    assert shown != full and shown.endswith("…") and full.startswith(shown[:-1])
    assert chooser.fontMetrics().horizontalAdvance(shown) < chooser.width() - 20


def test_the_side_column_gives_way_at_narrow_widths_and_comes_back(make_window, qtbot):
    window = make_window(size=(1400, 900))
    side, _ = window.main_splitter.sizes()
    assert side == 340
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.main_splitter.sizes()[0] < 340)
    # Each letter keeps its reading width, or the side column is as narrow as it can be.
    side = window.main_splitter.sizes()[0]
    narrowest = max(MIN_SIDE_WIDTH, window.side_splitter.minimumSizeHint().width())
    widths = [p.width() for p in window.panes]
    assert all(w >= MIN_READING_WIDTH - 2 for w in widths) or side <= narrowest, (side, widths)
    assert min(widths) >= MIN_READING_WIDTH - 20  # not the 330 px the saved 340 px side left
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.main_splitter.sizes()[0] == 340)


def test_a_letter_without_treaties_takes_no_empty_chip_line(qtbot):
    model = LibraryModel()
    model.set_listing(
        listing(
            [
                LibraryEntry("a", "/a", "Met verdragen", None, None, {"INF": 2}, 100),
                LibraryEntry("b", "/b", "Zonder verdragen", None, None, {}, 100),
            ]
        )
    )
    delegate = LetterDelegate({})
    option = QStyleOptionViewItem()
    with_chips = delegate.sizeHint(option, model.index(model.index_of("a").row(), 0))
    without = delegate.sizeHint(option, model.index(model.index_of("b").row(), 0))
    line = option.fontMetrics.height()
    assert with_chips.height() - without.height() >= line


def test_the_count_after_the_chips_is_readable_on_a_selected_row(window, monkeypatch):
    painted = []
    real = chips._paint_more
    monkeypatch.setattr(chips, "_paint_more", lambda p, box, text, colour: painted.append(colour))
    panel = window.library_panel
    for theme in (LIGHT, DARK):
        window.set_scheme("dark" if theme.dark else "light")
        index = panel.proxy.index(0, 0)  # the 2023 letter: six treaties, a "+N" at the end
        option = QStyleOptionViewItem()
        option.initFrom(panel.list_view)
        option.rect = QRect(0, 0, 260, 80)
        option.state |= QStyle.StateFlag.State_Selected
        image = QImage(260, 80, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        panel.delegate.paint(painter, option, index)
        painter.end()
        selection = option.palette.highlight().color()
        assert painted and contrast(painted[-1], selection) >= 4.5, (theme.dark, painted[-1].name())
    monkeypatch.setattr(chips, "_paint_more", real)
    window.set_scheme("light")


def mention_point(view, text: str) -> tuple[QPoint, QRect]:
    cursor = view.document().find(text)
    view.reveal(cursor.selectionStart(), cursor.selectionEnd())
    cursor.clearSelection()
    view.setTextCursor(cursor)  # nothing selected, nothing scrolled
    rect = view.span_rect(cursor.position() - len(text), cursor.position())
    return rect.center(), rect


def test_a_treaty_card_leaves_with_the_mouse(window, qtbot):
    view = window.panes[0].view
    point, rect = mention_point(view, "INF-verdrag")
    QTest.mouseMove(view.viewport(), point)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    assert QToolTip.isVisible() and "INF" in QToolTip.text()
    tip, tip_rect = view.tooltip_at(point)
    assert tip_rect.contains(rect)  # the card belongs to the words of the mention
    outside = QPoint(rect.right() + 40, rect.bottom() + 60)
    QTest.mouseMove(view.viewport(), outside)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_a_footnote_marker_answers_around_it_not_only_on_its_right_half(window, qtbot):
    pane = window.panes[0]
    view = pane.view
    marker = pane.rendered.markers["1"]
    view.reveal(marker.start, marker.end)
    cursor = QTextCursor(view.document())
    cursor.setPosition(marker.start)
    view.setTextCursor(cursor)  # nothing selected, nothing scrolled
    rect = view.span_rect(marker.start, marker.end)
    assert rect.width() < 12  # a small target: one digit, raised
    for point in (
        QPoint(rect.left() + 1, rect.center().y()),  # its left half
        QPoint(rect.left() - 3, rect.center().y()),  # a little to its left
        QPoint(rect.right() + 3, rect.top() - 2),  # above right
    ):
        found = view.marker_at(point)
        assert found is not None and found[0] == "1", point
        tip, _ = view.tooltip_at(point)
        assert "President Poetin" in tip
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() - 3, rect.center().y())
    )
    assert selected_text(view).startswith("President Poetin noemde het INF-verdrag")


def test_the_kamerstuk_in_the_list_has_its_chapter_as_the_header_has_it():
    row = Row.from_entry(
        LibraryEntry("x", "/x", "Begroting", None, Kamerstuk("37020", "1", "X"), {}, 100)
    )
    assert row.kamerstuk == "Kamerstuk 37 020 X, nr. 1"


def test_facet_links_follow_a_theme_switch_at_once(window, qtbot):
    panel = window.search_panel
    type_query(qtbot, window, "verdrag")
    wait_for_results(qtbot, panel, 2)
    assert LIGHT.link.name() in panel.facets.text()
    window.set_scheme("dark")
    assert DARK.link.name() in panel.facets.text() and LIGHT.link.name() not in panel.facets.text()
    assert contrast(DARK.link, QApplication.palette().window().color()) >= 4.5
    window.set_scheme("light")
    assert ID_2018 in {panel.model.hit(r).id for r in range(2)}
