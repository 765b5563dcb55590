"""Screenshots of every screen of the window, for a person to look at (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screenshots OUT [--only NAME ...]

Writes OUT/<scene>-<language>-<size>-<scheme>.png for Dutch and English, 1400x900 and
1024x700, light and dark: the main window, search results, the find bar, the library's
context menu, a removed letter, the treaty history (timeline and passages), the comparison of
wording, the settings, the print preview, an import in progress and its result, Kamervragen
with their question/answer pairs, and a letter with a table. The library is made in a
temporary folder from the bundled letters and real publications of the shared folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SCREEN = Path(__file__).with_name("offscreen_screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.core.library.library import IndexReport, Library  # noqa: E402
from desktop.home import open_library  # noqa: E402
from desktop.ui.app import make_application  # noqa: E402
from tests.conftest import SAMPLES, SHARED  # noqa: E402

PUBLICATIONS = [
    SHARED / "real" / "ah-tk-20202021-3235.xml",  # Kamervragen with their answers
    SAMPLES / "kst_37020_x_1.xml",  # a table
    SAMPLES / "kst_28844_269.xml",
    SAMPLES / "kst_36750_3.xml",
    SHARED / "real" / "kst-32545-143.xml",
    SHARED / "real" / "kst_24447_6.xml",
]
KAMERVRAGEN = "ah-tk-20202021-3235"
TABLE = "kst_37020_x_1"
LEFT, RIGHT = "2018-11-27-inf-verdrag", "2023-11-16-kst-33694-69-cse-verdrag"
SIZES = {"1400": (1400, 900), "1024": (1024, 700)}


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def settle(ms: int = 150) -> None:
    QTest.qWait(ms)


def make_library(root: Path) -> Library:
    library = open_library(root, with_bundled=True)
    library.add(PUBLICATIONS)
    return library


def open_main(window) -> None:
    window.panes[0].open_letter(LEFT)
    window.panes[1].open_letter(RIGHT)
    window.focus_pane(0)


# -- scenes: each sets the window up and returns {suffix: widget to grab} ---------------


def scene_main(window) -> dict[str, QWidget]:
    open_main(window)
    return {"": window}


def scene_search(window) -> dict[str, QWidget]:
    open_main(window)
    window.focus_search()
    panel = window.search_panel
    QTest.keyClicks(panel.search_box, "verdrag AND treaty:INF")
    wait_until(lambda: panel.is_current() and panel.model.rowCount() > 0)
    QTest.keyClick(panel.results, Qt.Key.Key_Return)
    return {"": window}


def scene_find(window) -> dict[str, QWidget]:
    open_main(window)
    window.action("find").trigger()
    QTest.keyClicks(QApplication.focusWidget(), "verdrag")
    settle(400)
    return {"": window}


def scene_menu(window) -> dict[str, QWidget]:
    open_main(window)
    panel = window.library_panel
    panel.list_view.selectAll()
    menu = panel.context_menu(panel.proxy.index(0, 0))
    menu.popup(window.mapToGlobal(window.rect().center()))
    settle()
    return {"": menu}


def scene_removed(window) -> dict[str, QWidget]:
    open_main(window)
    window.library_panel.select_ids([LEFT])
    window.care.remove([LEFT])
    wait_until(lambda: window.panes[0].letter is None)
    return {"": window}


def scene_history(window) -> dict[str, QWidget]:
    open_main(window)
    view = window.treaty_history.view
    window.treaty_history.show_treaty("INF")
    wait_until(lambda: view.model.rowCount() > 0)
    settle(300)
    return {"": window, "-dock": window.treaty_history}


def scene_compare(window) -> dict[str, QWidget]:
    scene_history(window)
    view = window.treaty_history.view
    table = view.table
    model = view.model
    first, last = model.index(0, 0), model.index(model.rowCount() - 1, 0)
    table.selectionModel().select(first, table.selectionModel().SelectionFlag.Select)
    table.selectionModel().select(last, table.selectionModel().SelectionFlag.Select)
    for index in (first, last):
        table.selectionModel().select(
            index,
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
    view.compare_selected()
    dialog = view.compare_dialog
    wait_until(lambda: dialog is not None and dialog.isVisible())
    settle(300)
    return {"": dialog}


def scene_settings(window) -> dict[str, QWidget]:
    open_main(window)
    window.show_settings()
    settle()
    return {"": window.settings_dialog}


def scene_preview(window) -> dict[str, QWidget]:
    open_main(window)
    dialog = window.treaty_history.printing.preview()
    dialog.resize(1000, 800)
    settle(800)
    return {"": dialog}


def scene_import(window) -> dict[str, QWidget]:
    open_main(window)
    library = window.library
    gate = {"go": False}

    def slow_add(paths, progress=None, cancelled=lambda: False, **_):
        for i in range(7):
            progress(i, 12, f"/home/analist/Kamerstukken/kst-36{i}00-1.pdf")
        while not gate["go"]:
            time.sleep(0.01)
        return IndexReport(
            new=5,
            failures=[
                (
                    "/home/analist/Kamerstukken/scan-1998.pdf",
                    "scan-1998.pdf: damaged PDF, cannot be read",
                ),
                ("/home/analist/Kamerstukken/leeg.txt", "leeg.txt: empty file"),
            ],
            added_ids=[KAMERVRAGEN, TABLE],
        )

    library.add = slow_add
    window.import_paths([Path("/home/analist/Kamerstukken")])
    wait_until(lambda: window.progress.value() == 6)
    settle()
    running = window.grab()
    gate["go"] = True
    wait_until(lambda: window.failures_dialog is not None and window.failures_dialog.isVisible())
    settle(300)
    return {"-running": running, "-done": window, "-failures": window.failures_dialog}


def scene_kamervragen(window) -> dict[str, QWidget]:
    window.panes[0].open_letter(KAMERVRAGEN)
    window.panes[1].open_letter(TABLE)
    tables = window.panes[1].letter.tables
    window.panes[1].go_to_offset(max(tables[0].start - 200, 0) if tables else 0)
    window.focus_pane(0)
    settle(300)
    return {"": window}


SCENES = {
    "main": scene_main,
    "search": scene_search,
    "find": scene_find,
    "menu": scene_menu,
    "removed": scene_removed,
    "history": scene_history,
    "compare": scene_compare,
    "settings": scene_settings,
    "preview": scene_preview,
    "import": scene_import,
    "kamervragen": scene_kamervragen,
}


def shoot(template: Path, out: Path, scene: str, language: str, size: str, scheme: str) -> None:
    from desktop.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "lib"
        import shutil

        shutil.copytree(template, root)
        library = Library.open(root)
        store = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        store.setValue("appearance/language", language)
        store.setValue("appearance/scheme", scheme)
        window = MainWindow(library, store)
        window.resize(*SIZES[size])
        window.show()
        settle(300)
        while not window.model.listed:
            settle(20)
        try:
            shots = SCENES[scene](window)
            settle(200)
            for suffix, widget in shots.items():
                image = widget if not isinstance(widget, QWidget) else widget.grab()
                image.save(str(out / f"{scene}{suffix}-{language}-{size}-{scheme}.png"))
        finally:
            for top in QApplication.topLevelWidgets():
                if top is not window and top.isVisible():
                    top.close()
            window.close()
            window.deleteLater()
            settle(50)
            library.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="*", default=list(SCENES))
    parser.add_argument("--languages", nargs="*", default=["nl", "en"])
    parser.add_argument("--sizes", nargs="*", default=list(SIZES))
    parser.add_argument("--schemes", nargs="*", default=["light", "dark"])
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        make_library(template).close()
        for scene in args.only:
            for language in args.languages:
                for size in args.sizes:
                    for scheme in args.schemes:
                        shoot(template, args.out, scene, language, size, scheme)
        QTimer.singleShot(0, lambda: None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
