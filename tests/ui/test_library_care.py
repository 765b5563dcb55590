"""Library care from the window: remove letters (undone until the next import), read a letter
again from the library's own copy, open the original in the system's viewer."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu

from desktop.core.library.library import IndexReport, LibraryBusy, LibraryError
from tests.conftest import LETTER_2018, LETTER_2023

from .conftest import ID_2018, ID_2023, highlighted_spans


def list_ids(window) -> list[str]:
    proxy = window.library_panel.proxy
    return [proxy.id_at(r) for r in range(proxy.rowCount())]


def click_letter(qtbot, window, letter_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    panel = window.library_panel
    row = list_ids(window).index(letter_id)
    rect = panel.list_view.visualRect(panel.proxy.index(row, 0))
    qtbot.mouseClick(panel.list_view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def menu_action(menu: QMenu, text: str):
    """The context menu's entry a reader reads as *text*."""
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def letter_menu(window, letter_id: str) -> QMenu:
    panel = window.library_panel
    row = list_ids(window).index(letter_id)
    return panel.context_menu(panel.proxy.index(row, 0))


def placeholder(pane) -> str:
    return pane.view.document().toPlainText()


def test_delete_removes_a_letter_from_list_index_and_store_and_undo_brings_it_back(
    window, qtbot, library
):
    assert window.panes[0].current_id() == ID_2018  # the oldest letter opens on the left
    place = window.panes[0].reading_place()
    before = LETTER_2018.read_bytes()
    click_letter(qtbot, window, ID_2018)
    with qtbot.waitSignal(window.care.removed, timeout=20000) as removed:
        qtbot.keyClick(window.library_panel.list_view, Qt.Key.Key_Delete)
    assert removed.args == [[ID_2018]]
    assert list_ids(window) == [ID_2023]
    assert library.ids() == [ID_2023]
    assert library.get(ID_2018) is None
    assert library.search("kruisvluchtwapens").total == 0
    assert library.restorable() == [ID_2018]
    assert LETTER_2018.read_bytes() == before  # the user's file is left alone
    assert window.library_panel.selected_ids() == [ID_2023]  # the next letter, for another Delete
    pane = window.panes[0]
    assert pane.letter is None
    assert "was removed from the library" in placeholder(pane)
    assert window.statusBar().currentMessage() == (
        "1 letter removed from the library; your file stays where it is"
    )
    assert window.care.undo_button.isVisible()
    assert window.action("undo_remove").isEnabled()

    with qtbot.waitSignal(window.care.restored, timeout=20000):
        qtbot.mouseClick(window.care.undo_button, Qt.MouseButton.LeftButton)
    assert list_ids(window) == [ID_2023, ID_2018]
    assert library.get(ID_2018) is not None
    assert library.search("kruisvluchtwapens").total == 1
    assert library.restorable() == []
    assert pane.current_id() == ID_2018 and pane.reading_place() == place
    assert window.statusBar().currentMessage() == "1 letter back in the library"
    assert not window.care.undo_button.isVisible()
    assert not window.action("undo_remove").isEnabled()


def test_several_letters_removed_from_the_context_menu_and_ctrl_z_undoes_it(window, qtbot):
    click_letter(qtbot, window, ID_2023)
    click_letter(qtbot, window, ID_2018, Qt.KeyboardModifier.ControlModifier)
    menu = letter_menu(window, ID_2018)
    with qtbot.waitSignal(window.care.removed, timeout=20000) as removed:
        menu_action(menu, "Remove 2 letters from the library").trigger()
    assert sorted(removed.args[0]) == [ID_2018, ID_2023]
    assert list_ids(window) == []
    assert all(p.letter is None for p in window.panes)
    assert window.library_panel.count_label.text().startswith("No letters yet")
    assert window.statusBar().currentMessage().startswith("2 letters removed")

    window.focus_pane(1)
    with qtbot.waitSignal(window.care.restored, timeout=20000):
        qtbot.keyClick(window.panes[1].view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_ids(window) == [ID_2023, ID_2018]
    assert [p.current_id() for p in window.panes] == [ID_2018, ID_2023]
    assert sorted(window.library_panel.selected_ids()) == [ID_2018, ID_2023]


def test_removals_are_undone_last_first(window, qtbot):
    for letter_id in (ID_2018, ID_2023):
        click_letter(qtbot, window, letter_id)
        with qtbot.waitSignal(window.care.removed, timeout=20000):
            qtbot.keyClick(window.library_panel.list_view, Qt.Key.Key_Delete)
    with qtbot.waitSignal(window.care.restored, timeout=20000) as first:
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert first.args == [[ID_2023]] and list_ids(window) == [ID_2023]
    with qtbot.waitSignal(window.care.restored, timeout=20000) as second:
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert second.args == [[ID_2018]] and list_ids(window) == [ID_2023, ID_2018]


def test_an_import_ends_the_undo(window, qtbot, library, tmp_path):
    click_letter(qtbot, window, ID_2018)
    with qtbot.waitSignal(window.care.removed, timeout=20000):
        qtbot.keyClick(window.library_panel.list_view, Qt.Key.Key_Delete)
    new = tmp_path / "nieuw.txt"
    shutil.copy(LETTER_2023, new)
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_paths([new])
    assert library.restorable() == []
    assert not window.action("undo_remove").isEnabled()
    assert not window.care.undo_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ID_2018 not in list_ids(window)


def test_a_removal_made_before_a_restart_can_still_be_undone(make_window, qtbot, library):
    library.remove([ID_2023])
    window = make_window()
    assert list_ids(window) == [ID_2018]
    assert window.action("undo_remove").isEnabled()
    with qtbot.waitSignal(window.care.restored, timeout=20000):
        window.action("undo_remove").trigger()
    assert list_ids(window) == [ID_2023, ID_2018]


def test_a_removal_that_fails_says_so_in_one_line_and_keeps_the_letters(
    window, qtbot, library, monkeypatch
):
    def busy(_ids):
        raise LibraryBusy("library busy: another Kamerbrief Reader is writing")

    monkeypatch.setattr(library, "remove", busy)
    click_letter(qtbot, window, ID_2018)
    with qtbot.waitSignal(window.care.failed, timeout=20000) as failed:
        qtbot.keyClick(window.library_panel.list_view, Qt.Key.Key_Delete)
    message = failed.args[0]
    assert "\n" not in message and "busy" in message
    assert window.notice is not None and window.notice.text() == message
    window.notice.close()
    assert list_ids(window) == [ID_2023, ID_2018]
    assert window.panes[0].current_id() == ID_2018
    assert not window.action("undo_remove").isEnabled()


def test_a_full_disk_is_one_line_in_dutch(make_window, qtbot, library, monkeypatch):
    def full(_ids):
        raise LibraryError(
            f"nothing was saved: the disk is full ({library.root}); the library is as it was"
        )

    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    window = make_window()
    monkeypatch.setattr(library, "remove", full)
    click_letter(qtbot, window, ID_2018)
    with qtbot.waitSignal(window.care.failed, timeout=20000) as failed:
        qtbot.keyClick(window.library_panel.list_view, Qt.Key.Key_Delete)
    assert failed.args[0] == (
        f"er is niets opgeslagen: de schijf is vol ({library.root}); de bibliotheek is ongewijzigd"
    )
    window.notice.close()


def test_removing_waits_for_a_running_import(window, qtbot, library, monkeypatch):
    def slow_add(paths, progress=None, cancelled=lambda: False, **_):
        while not cancelled():
            progress(1, 2, "/tmp/brief.txt")
            time.sleep(0.005)
        return IndexReport(cancelled=True)

    monkeypatch.setattr(library, "add", slow_add)
    window.import_paths([library.root])
    qtbot.waitUntil(lambda: window.progress.value() == 1)
    click_letter(qtbot, window, ID_2018)
    qtbot.keyClick(window.library_panel.list_view, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage() == (
        "An import is already running; wait for it or cancel it"
    )
    with qtbot.waitSignal(window.import_finished):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert sorted(library.ids()) == [ID_2018, ID_2023]
    assert list_ids(window) == [ID_2023, ID_2018]


def test_the_search_results_follow_a_removal(window, qtbot):
    panel = window.search_panel
    window.focus_search()
    with qtbot.waitSignal(panel.result_shown, timeout=20000):
        qtbot.keyClicks(panel.search_box, "verdrag")
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 2
    window.focus_library()
    click_letter(qtbot, window, ID_2018)
    with qtbot.waitSignal(panel.result_shown, timeout=20000) as shown:
        qtbot.keyClick(window.library_panel.list_view, Qt.Key.Key_Delete)
    assert [h.id for h in shown.args[0].hits] == [ID_2023]


# -- reading again ----------------------------------------------------------------------


def _forget_mentions(root: Path, letter_id: str) -> None:
    """The letter as an older parser read it: no treaty found."""
    with sqlite3.connect(root / "letters.sqlite") as con:
        (key,) = con.execute(
            "SELECT key FROM catalog WHERE id = ? AND state = 'live'", (letter_id,)
        ).fetchone()
        (payload,) = con.execute("SELECT payload FROM letters WHERE key = ?", (key,)).fetchone()
        data = json.loads(payload)
        data["mentions"] = []
        con.execute("UPDATE letters SET payload = ? WHERE key = ?", (json.dumps(data), key))


@pytest.fixture
def gone_letter(library, tmp_path) -> str:
    """The 2018 letter imported from a file the user has deleted since."""
    user_file = tmp_path / "incoming" / "inf-brief.txt"
    user_file.parent.mkdir()
    shutil.copy(LETTER_2018, user_file)
    library.add([user_file])
    user_file.unlink()
    return "inf-brief"


def test_reread_parses_the_letter_again_from_the_librarys_copy(
    make_window, qtbot, library, gone_letter
):
    _forget_mentions(library.root, gone_letter)
    window = make_window()
    pane = window.panes[0]
    pane.open_letter(gone_letter)
    assert highlighted_spans(pane.view.document()) == {}
    menu = letter_menu(window, gone_letter)
    with qtbot.waitSignal(window.care.reread_done, timeout=30000) as done:
        menu_action(menu, "Read again from the library's copy").trigger()
    report = done.args[0]
    assert (report.changed, report.failed) == (1, 0)
    assert pane.current_id() == gone_letter
    assert highlighted_spans(pane.view.document())["INF"] > 0
    assert window.statusBar().currentMessage() == "1 letter read again"
    assert window.library_panel.selected_ids() == [gone_letter]


def test_reread_of_a_letter_without_a_copy_keeps_it_and_says_why(
    make_window, qtbot, library, gone_letter
):
    library.original(gone_letter).unlink()
    window = make_window()
    menu = letter_menu(window, gone_letter)
    with qtbot.waitSignal(window.care.reread_done, timeout=30000) as done:
        menu_action(menu, "Read again from the library's copy").trigger()
    assert done.args[0].failed == 1
    dialog = window.care.failures_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows() == [("inf-brief.txt", "the library has no copy of the original")]
    dialog.close()
    assert window.statusBar().currentMessage() == ("1 could not be read again and stays as it was")
    assert library.get(gone_letter) is not None


# -- the original -----------------------------------------------------------------------


@pytest.fixture
def viewer(monkeypatch) -> list[str]:
    """What the system's viewer was asked to open."""
    opened: list[str] = []

    def open_url(url) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return opened


def test_open_original_shows_the_users_file(window, qtbot, viewer):
    menu = letter_menu(window, ID_2023)
    with qtbot.waitSignal(window.care.original_opened, timeout=10000):
        menu_action(menu, "Open the original").trigger()
    assert viewer == [str(LETTER_2023.resolve())]


def test_open_original_shows_the_librarys_copy_when_the_file_is_gone(
    make_window, qtbot, library, gone_letter, viewer
):
    window = make_window()
    window.panes[1].open_letter(gone_letter)
    window.focus_pane(1)
    with qtbot.waitSignal(window.care.original_opened, timeout=10000):
        qtbot.keyClick(
            window,
            Qt.Key.Key_O,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
        )
    (opened,) = viewer
    shown = Path(opened)
    assert shown.name == "inf-brief.txt"
    assert shown.read_bytes() == library.original(gone_letter).read_bytes()
    assert not shown.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert shown.parent.parent != library.root  # a copy of the copy: the library's is safe
    assert "the library's copy is shown" in window.statusBar().currentMessage()


def test_open_original_of_a_changed_file_shows_what_was_imported(
    qtbot, make_window, library, tmp_path, viewer
):
    user_file = tmp_path / "brief.txt"
    shutil.copy(LETTER_2023, user_file)
    library.add([user_file])
    user_file.write_text("Een heel andere brief.\n", encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.care.original_opened, timeout=10000):
        menu_action(letter_menu(window, "brief"), "Open the original").trigger()
    assert Path(viewer[0]).read_bytes() == LETTER_2023.read_bytes()


def test_an_original_that_is_nowhere_is_one_clear_line(
    make_window, qtbot, library, gone_letter, viewer
):
    library.original(gone_letter).unlink()
    window = make_window()
    with qtbot.waitSignal(window.care.failed, timeout=10000) as failed:
        menu_action(letter_menu(window, gone_letter), "Open the original").trigger()
    assert failed.args[0] == (
        "The original of “INF-verdrag: brief van 27 november 2018” cannot be shown: "
        "inf-brief.txt is gone and the library kept no copy of it"
    )
    assert viewer == []
    window.notice.close()


@pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)
def test_the_menu_key_opens_the_list_menu_on_the_current_letter(window, qtbot):
    click_letter(qtbot, window, ID_2018)
    seen: list[list[str]] = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        seen.append([a.text() for a in menu.actions()] if menu else [])
        if menu:
            menu.close()

    QTimer.singleShot(0, look)  # runs inside the menu's own event loop
    viewport = window.library_panel.list_view.viewport()
    below_the_rows = QPoint(5, viewport.height() - 5)
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, below_the_rows, viewport.mapToGlobal(below_the_rows)
        ),
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert "Remove from the library" in seen[0]
