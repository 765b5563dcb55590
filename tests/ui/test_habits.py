"""Habits: zoom, settings restored, copy with citation, light and dark, menus, about."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMessageBox

from desktop.ui.library_model import ID_ROLE
from desktop.ui.settings import UiSettings
from desktop.ui.theme import DARK, LIGHT, contrast

from .conftest import ID_2018, ID_2023


def test_zoom_with_ctrl_plus_and_minus(window, qtbot):
    view = window.panes[0].view
    before = view.point_size()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size() == before + 1
    assert window.panes[1].view.point_size() == before + 1  # both panes keep one size
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size() == before - 1


def test_geometry_splitters_letters_and_zoom_are_restored(make_window, tmp_path, qtbot):
    store = QSettings(str(tmp_path / "habits.ini"), QSettings.Format.IniFormat)
    first = make_window(store=store, size=(1100, 760))
    first.panes[0].open_letter(ID_2023)
    first.panes[1].open_letter(ID_2018)
    first.zoom(2)
    first.panes_splitter.setSizes([300, 600])
    sizes = first.panes_splitter.sizes()
    first.set_scheme("dark")
    first.close()
    second = make_window(store=store, size=None)  # the size comes from the settings
    assert (second.width(), second.height()) == (1100, 760)
    assert [p.current_id() for p in second.panes] == [ID_2023, ID_2018]
    assert second.panes[0].point_size() == first.panes[0].point_size()
    assert second.panes_splitter.sizes() == sizes
    assert second.action("scheme_dark").isChecked()
    second.set_scheme("light")


def test_an_unreadable_setting_falls_back_to_its_default(tmp_path):
    store = QSettings(str(tmp_path / "broken.ini"), QSettings.Format.IniFormat)
    store.setValue("reader/point_size", "large")
    store.setValue("reader/open_letters", "{not json")
    settings = UiSettings(store)
    assert settings.get("reader/point_size") == 0.0  # 0: the size follows the system font
    assert settings.get("reader/open_letters") == []
    assert store.value("version") in (1, "1")


def test_copy_carries_the_letters_citation(window, qtbot):
    view = window.panes[1].view
    cursor = view.document().find("Het kabinet heeft, na afstemming")
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied == (
        "\u201cHet kabinet heeft, na afstemming\u201d \u2014 "
        "Kamerstukken II 2023/24, 33 694, nr. 69"
    )
    window.action("copy_plain").trigger()
    assert QGuiApplication.clipboard().text() == "Het kabinet heeft, na afstemming"


def test_copy_from_a_letter_without_kamerstuk_cites_its_minister_and_date(window, qtbot):
    view = window.panes[0].view
    cursor = QTextCursor(view.document().find("Inlichtingen bevestigen"))
    view.setTextCursor(cursor)
    window.focus_pane(0)
    window.action("copy").trigger()
    assert (
        QGuiApplication.clipboard()
        .text()
        .endswith("\u2014 Brief van de minister van Buitenlandse Zaken van 27 november 2018")
    )


def test_dark_scheme_darkens_the_page_and_keeps_highlights_readable(window):
    window.set_scheme("dark")
    view = window.panes[1].view
    assert view.palette().base().color() == DARK.page
    background = view.document().find("CSE-verdrag").charFormat().background().color()
    assert background.lightness() < 110  # a dark tint behind light text
    window.set_scheme("light")
    assert view.palette().base().color() == LIGHT.page


def test_every_treaty_tint_keeps_text_readable_in_light_and_dark(window):
    for theme in (LIGHT, DARK):
        for treaty in window.treaties.values():
            for strength in (0.22, 0.42):  # plain and emphasised
                tint = theme.tint(treaty.colour, strength)
                assert contrast(theme.text, tint) >= 4.5, (treaty.id, theme.dark, strength)
                assert tint != theme.page  # still visibly tinted


def test_every_menu_command_has_a_shortcut_and_none_is_shared(window):
    seen = {}
    for name, action in window.actions.items():
        assert action.shortcuts(), name
        for keys in action.shortcuts():
            assert keys.toString() not in seen, (name, seen.get(keys.toString()))
            seen[keys.toString()] = name


def test_the_about_box_names_the_application(window, qtbot):
    window.action("about").trigger()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "Kamerbrief Reader" in boxes[0].text()
    boxes[0].close()


def test_following_the_system_rethemes_when_the_system_switches(window, monkeypatch):
    from desktop.ui import main_window

    assert window.action("scheme_system").isChecked()
    # The system says dark (offscreen Qt cannot switch its own colour scheme).
    monkeypatch.setattr(
        main_window, "resolve_scheme", lambda pref: "dark" if pref == "system" else pref
    )
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.panes[0].view.palette().base().color() == DARK.page
    window.set_scheme("light")  # an explicit choice no longer follows the system
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.panes[0].view.palette().base().color() == LIGHT.page


def test_the_saved_letters_show_before_the_list_is_read_and_the_list_follows(
    make_window, library, tmp_path, qtbot, monkeypatch
):
    """At 100,000 letters reading the list takes seconds: the window comes up with the
    letters it had open, the list says it is being read, and fills when it has been."""
    import threading

    from desktop.ui.main_window import MainWindow

    store = QSettings(str(tmp_path / "start.ini"), QSettings.Format.IniFormat)
    first = make_window(store=store)
    first.panes[0].open_letter(ID_2023)
    first.panes[1].open_letter(ID_2018)
    first.close()
    release, entries = threading.Event(), library.entries

    def slow_entries():
        release.wait(10)
        return entries()

    monkeypatch.setattr(library, "entries", slow_entries)
    second = MainWindow(library, store)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert [p.current_id() for p in second.panes] == [ID_2023, ID_2018]
    assert second.model.rowCount() == 0
    assert second.library_panel.count_label.text() == "Reading the list of letters…"
    chooser = second.panes[0].chooser  # no row yet: it names the open letter meanwhile
    assert chooser.placeholderText() == "16 november 2023 · Internationale Veiligheidsstrategie"
    with qtbot.waitSignal(second.list_read):
        release.set()
    assert second.model.rowCount() == 2
    assert second.library_panel.count_label.text() == "2 letters"
    assert [p.chooser.currentData(ID_ROLE) for p in second.panes] == [ID_2023, ID_2018]
    assert chooser.placeholderText() == "Choose a letter…"


def test_a_saved_letter_no_longer_in_the_library_leaves_the_oldest_to_open(
    make_window, library, tmp_path
):
    store = QSettings(str(tmp_path / "gone.ini"), QSettings.Format.IniFormat)
    store.setValue("reader/open_letters", '["weg", ""]')
    window = make_window(store=store)
    assert [p.current_id() for p in window.panes] == [ID_2018, ID_2023]
