"""Import off the GUI thread: progress, cancel, failures named, the list updated."""

from __future__ import annotations

import shutil
import time

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.core.library.library import IndexReport, LibraryBusy
from desktop.ui.app import open_window
from tests.conftest import LETTER_2018, LETTER_2023


@pytest.fixture
def incoming(tmp_path):
    """Two good letters under new names and one empty file."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(LETTER_2018, folder / "brief-a.txt")
    shutil.copy(LETTER_2023, folder / "brief-b.txt")
    (folder / "<img src=x>leeg.txt").write_bytes(b"")  # markup in a name stays text
    return folder


def test_add_folder_imports_with_progress_and_names_the_bad_file(
    window, qtbot, incoming, monkeypatch
):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(incoming))
    values = []
    window.progress.valueChanged.connect(values.append)
    with qtbot.waitSignal(window.import_finished, timeout=30000) as finished:
        qtbot.keyClick(
            window,
            Qt.Key.Key_O,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert window.progress.isVisible() and window.cancel_button.isVisible()
    report = finished.args[0]
    assert report.new == 2 and report.failed == 1
    assert values and values[-1] == 3  # three files counted through to the end
    assert not window.progress.isVisible()
    dialog = window.failures_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows() == [("<img src=x>leeg.txt", "empty file")]
    tooltip = dialog.table.topLevelItem(0).toolTip(0)
    assert "&lt;img src=x&gt;leeg" in tooltip and "<img" not in tooltip
    dialog.close()
    assert window.model.rowCount() == 4
    assert window.library_panel.count_label.text() == "4 letters"
    assert window.statusBar().currentMessage() == ("2 letters added, 1 file could not be read")
    # The new letters are selected in the list, which is shown.
    assert window.side_tabs.currentWidget() is window.library_panel
    assert set(window.library_panel.selected_ids()) == {"brief-a", "brief-b"}


def test_cancel_stops_the_import(window, qtbot, library, monkeypatch):
    def slow_add(paths, progress=None, cancelled=lambda: False, **_):
        for i in range(1000):  # two seconds of work, unless cancelled
            if cancelled():
                return IndexReport(cancelled=True)
            progress(i, 1000, f"/tmp/{i}.txt")
            time.sleep(0.002)
        return IndexReport()

    monkeypatch.setattr(library, "add", slow_add)
    window.import_paths([library.root])
    qtbot.waitUntil(lambda: window.progress.value() > 0)
    with qtbot.waitSignal(window.import_finished) as finished:
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].cancelled
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_busy_library_gives_one_clear_message(window, qtbot, library, monkeypatch):
    def busy(*_a, **_k):
        raise LibraryBusy("library busy: another Kamerbrief Reader is writing")

    monkeypatch.setattr(library, "add", busy)
    with qtbot.waitSignal(window.import_failed):
        window.import_paths([library.root])
    assert window.notice is not None and window.notice.isVisible()
    assert "busy" in window.notice.text()
    window.notice.close()
    assert not window.progress.isVisible()


def test_dropping_a_letter_imports_and_opens_it(window, qtbot, tmp_path):
    dropped = tmp_path / "gesleept.txt"
    shutil.copy(LETTER_2023, dropped)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    point = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(
        point.toPoint(),  # QDragEnterEvent takes a QPoint before PySide6 6.12
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished):
        QApplication.sendEvent(window, drop)
    assert window.panes[0].current_id() == "gesleept"
    assert window.model.rowCount() == 3


def test_files_on_the_command_line_are_imported_and_shown_side_by_side(
    qtbot, library, settings, tmp_path
):
    first, second = tmp_path / "eerste.txt", tmp_path / "tweede.txt"
    shutil.copy(LETTER_2023, first)
    shutil.copy(LETTER_2018, second)
    window = open_window(library, [first, second], settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        pass
    assert [p.current_id() for p in window.panes] == ["eerste", "tweede"]
