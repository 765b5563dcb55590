"""`kamerbrief` / `python -m desktop`: the window on the library, with letters to open."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.core.library.library import Library, LibraryError
from desktop.home import APP_NAME, open_library
from desktop.resources import resource
from desktop.ui.main_window import MainWindow
from desktop.ui.style import apply_style

EXIT_NO_LIBRARY = 2
MIN_UI_POINTS = 10.0


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kamerbrief", description="Read Dutch parliamentary letters side by side."
    )
    parser.add_argument("files", nargs="*", type=Path, help="letters to import and open")
    parser.add_argument("--index", type=Path, help="the library folder (default: yours)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(list(argv))


def make_application(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance() or QApplication(["kamerbrief", *argv])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Kamerbrief Reader")
    app.setApplicationVersion(__version__)
    apply_style(app)
    icon = resource("icons", "kamerbrief.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    font = app.font()
    if font.pointSizeF() < MIN_UI_POINTS:  # Qt's bare fallback (9 pt) is small to read all day
        font.setPointSizeF(MIN_UI_POINTS)
        app.setFont(font)
    return app


def open_window(
    library: Library, files: Sequence[Path] = (), settings: QSettings | None = None
) -> MainWindow:
    """The window on *library*; *files* are imported and the first two shown side by side."""
    window = MainWindow(library, settings)
    window.show()
    if files:
        window.import_paths(list(files), open_after=list(files)[:2])
    return window


def run(argv: Sequence[str]) -> int:
    """Open the window; files named on the command line are imported and shown side by side."""
    args = parse_args(argv)
    app = make_application()
    try:
        library = open_library(args.index)
    except LibraryError as exc:
        QMessageBox.critical(None, "Kamerbrief Reader", f"The library cannot be opened.\n\n{exc}")
        return EXIT_NO_LIBRARY
    window = open_window(library, args.files)  # noqa: F841 (kept alive until exec returns)
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()  # a read under way ends before its library
        library.close()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
