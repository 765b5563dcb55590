"""UI fixtures: a library of the two bundled letters in tmp_path, a window on it, and
settings in a file of their own, so that no test touches the user's folders or another
test's state."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt, QThreadPool
from PySide6.QtGui import QTextCursor, QTextDocument

import desktop.ui  # noqa: F401  (guards PySide6 6.12 on Python 3.11 before any Qt call)
from desktop.core.library.library import Library
from desktop.home import open_library
from desktop.ui.letter_document import MENTION_KIND_PROPERTY, MENTION_PROPERTY, TREATY_PROPERTY

# The offscreen platform's one screen is 800 x 800 px; a desktop-sized screen lets windows
# keep the sizes the tests give them (and the restored geometry). Read when the
# QApplication is made, which is after collection.
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    SCREEN = Path(__file__).with_name("offscreen_screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"

# The offscreen platform cannot size or raise windows and says so; that is the test
# platform talking, not the application, so only these exact messages are let through.
OFFSCREEN_LIMITS = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"

ID_2018 = "2018-11-27-inf-verdrag"
ID_2023 = "2023-11-16-kst-33694-69-cse-verdrag"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS))


@pytest.fixture(scope="session", autouse=True)
def _the_windows_style(qapp):
    """The style the application runs with (desktop.ui.app.make_application)."""
    from desktop.ui.style import apply_style

    apply_style(qapp)


@pytest.fixture(scope="session")
def translation_cache(tmp_path_factory) -> Path:
    """Compiled translations, made once per session (the .ts is compiled at first use)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _english_unless_asked(translation_cache, monkeypatch):
    """Each test starts in English with the system locale; a test that switches to Dutch
    or sets a Dutch locale leaves no translator behind for the next."""
    from PySide6.QtCore import QLocale

    from desktop.ui.i18n import set_language

    monkeypatch.setenv("XDG_CACHE_HOME", str(translation_cache))
    yield
    QLocale.setDefault(QLocale.system())
    if QCoreApplication.instance() is not None:
        set_language("en")


@pytest.fixture(scope="session")
def library_template(tmp_path_factory) -> Path:
    """The bundled letters imported once per session; each test gets a copy."""
    root = tmp_path_factory.mktemp("template") / "lib"
    open_library(root, with_bundled=True).close()
    return root


@pytest.fixture
def library(library_template, tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(library_template, root)
    lib = Library.open(root)
    yield lib
    QThreadPool.globalInstance().waitForDone()
    lib.close()


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, library, settings):
    """Open a MainWindow the way the app does; every window is waited for and closed."""
    from desktop.ui.main_window import MainWindow

    def make(lib=None, store=None, size=(1400, 900)):
        window = MainWindow(lib or library, store if store is not None else settings)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.model.listed)
        return window

    yield make
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def window(make_window):
    return make_window()


def highlighted_spans(document: QTextDocument, kind: str = "explicit") -> Counter:
    """Treaty -> number of highlighted mention spans, read from the document's formats:
    a span is a run of fragments carrying the same mention; it counts only if painted."""
    counts: Counter = Counter()
    previous = None
    block = document.begin()
    while block.isValid():
        for item in block:
            fmt = item.fragment().charFormat()
            treaty = fmt.property(TREATY_PROPERTY)
            key = (treaty, fmt.property(MENTION_PROPERTY)) if treaty else None
            underlined = fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline
            painted = underlined and (
                kind != "explicit" or fmt.background().style() != Qt.BrushStyle.NoBrush
            )
            if key and key != previous and fmt.property(MENTION_KIND_PROPERTY) == kind and painted:
                counts[treaty] += 1
            previous = key
        block = block.next()
    return counts


def click_position(qtbot, view, position: int) -> None:
    """Click the character at a document position, as a reader does with the mouse."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect(cursor).top() - 40)
    left = view.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = view.cursorRect(cursor)
    point = QPoint((left.left() + right.left()) // 2, left.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def selected_text(view) -> str:
    return view.textCursor().selectedText()
