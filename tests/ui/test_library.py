"""The library list: a model over the entries, filtered and sorted by a proxy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QWidget

from desktop.core.library.records import LibraryEntry
from desktop.core.model.letter import Kamerstuk
from desktop.ui.library_model import ID_ROLE, LibraryFilter, LibraryModel, listing
from desktop.ui.library_panel import LibraryPanel

from .conftest import ID_2018, ID_2023

TREATIES = ["INF", "CSE", "NPT", "CTBT", "OST", "NEW-START"]


def fake_entries(count: int) -> list[LibraryEntry]:
    return [
        LibraryEntry(
            id=f"letter-{i:05d}",
            title=f"Brief {i % 997} over wapenbeheersing {i}",
            date=f"{1990 + i % 35}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            kamerstuk=Kamerstuk("33694", str(i)) if i % 3 else None,
            treaties={TREATIES[i % 6]: 1 + i % 9, TREATIES[(i + 2) % 6]: 1},
            path=f"/letters/{i}.txt",
            size=5000,
        )
        for i in range(count)
    ]


def ids(proxy: LibraryFilter) -> list[str]:
    return [proxy.id_at(r) for r in range(proxy.rowCount())]


def test_the_list_shows_the_library_newest_first(window):
    panel = window.library_panel
    assert ids(panel.proxy) == [ID_2023, ID_2018]
    assert panel.count_label.text() == "2 letters"


def test_typing_in_the_filter_box_narrows_the_list(window, qtbot):
    panel = window.library_panel
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.filter_box, "33 694")
    assert ids(panel.proxy) == [ID_2023]
    assert panel.count_label.text() == "1 of 2 letters"


def test_treaty_and_year_filters(window):
    panel = window.library_panel
    panel.treaty_filter.setCurrentIndex(panel.treaty_filter.findData("NPT"))
    assert ids(panel.proxy) == [ID_2018]
    panel.treaty_filter.setCurrentIndex(0)
    panel.year_filter.setCurrentIndex(panel.year_filter.findData("2023"))
    assert ids(panel.proxy) == [ID_2023]


def test_double_click_and_ctrl_enter_open_in_the_focused_or_other_pane(window, qtbot):
    panel = window.library_panel
    view = panel.list_view
    window.focus_pane(0)
    rect = view.visualRect(panel.proxy.index(0, 0))  # the 2023 letter
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.panes[0].current_id() == ID_2023
    view.setCurrentIndex(panel.proxy.index(1, 0))  # the 2018 letter
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.panes[1].current_id() == ID_2018


def by_date(e):
    return (e.date, e.title.casefold())


@pytest.mark.parametrize(
    ("key", "pick"),
    [
        ("date-desc", lambda es: max(es, key=by_date)),
        ("date-asc", lambda es: min(es, key=by_date)),
        ("title", lambda es: min(es, key=lambda e: (e.title.casefold(), e.date))),
    ],
)
def test_ten_thousand_letters_sort_and_filter_without_a_pause(qtbot, key, pick):
    entries = fake_entries(10_000)
    first = pick(entries).id
    model = LibraryModel()
    model.set_listing(listing(entries))
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_sort(key)
    assert proxy.id_at(0) == first
    keys = [(model.row(r).iso_date, model.row(r).folded_title) for r in range(model.rowCount())]
    if key.startswith("date"):
        assert keys == sorted(keys, reverse=key == "date-desc")
    proxy.set_text("wapenbeheersing 9999")
    assert ids(proxy) == ["letter-09999"]


def test_sorting_keeps_the_choosers_letter(window):
    chooser = window.panes[0].chooser
    assert chooser.currentData(ID_ROLE) == ID_2018
    window.library_panel.sort_choice.setCurrentIndex(1)  # oldest first
    assert ids(window.library_panel.proxy) == [ID_2018, ID_2023]
    assert chooser.currentData(ID_ROLE) == ID_2018


def test_ten_thousand_rows_paint_without_a_widget_per_row(qtbot):
    model = LibraryModel()
    model.set_listing(listing(fake_entries(10_000)))
    panel = LibraryPanel(model, {})
    qtbot.addWidget(panel)
    panel.resize(320, 700)
    panel.show()
    qtbot.waitExposed(panel)
    view: QListView = panel.list_view
    for _ in range(20):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 5000)
        view.viewport().repaint()
    assert view.verticalScrollBar().value() > 0
    assert view.viewport().findChildren(QWidget) == []  # painted by the delegate
