"""The main window: library and search on the left, two reader panes side by side.

Widgets do not reach into each other: they emit signals, and this window routes them (a
search result to the pane the reader chose, ...). What both panes show of every letter
(highlights, the chosen treaty, fold, linked stepping) is one ReadingState that the window
owns and the panes, panels and menu actions observe.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.suffixes import SUPPORTED_SUFFIXES
from desktop.core.ingest.treaties import Treaty, gazetteer
from desktop.core.library.library import IndexReport, Library
from desktop.core.search.query import Hit
from desktop.ui.dialogs import FailuresDialog, SettingsDialog, ShortcutsDialog, show_about
from desktop.ui.field_marks import field_terms
from desktop.ui.history_hooks import install_treaty_history
from desktop.ui.i18n import PREFERENCES, fill, set_language
from desktop.ui.labels import plain_label
from desktop.ui.library_model import LibraryModel
from desktop.ui.library_panel import LibraryPanel
from desktop.ui.menus import Command, MenuBar, exclusive
from desktop.ui.notes_panel import NotesPanel
from desktop.ui.reader_pane import ReaderPane, default_point_size
from desktop.ui.reading_state import ReadingState
from desktop.ui.search_model import hit_marks
from desktop.ui.search_panel import SearchPanel
from desktop.ui.settings import UiSettings
from desktop.ui.theme import SCHEMES, palette_for, resolve_scheme, theme_for
from desktop.ui.treaty_panel import TreatyPanel
from desktop.ui.workers import ImportJob, import_pace, start

PANE_NAMES = ("left", "right")
MESSAGE_MS = 8000
IMPORT_WAIT_MS = 10000  # at close: how long a cancelled import may take to stop
MIN_READING_WIDTH = 380  # px a letter pane keeps before the side column gives way
MIN_SIDE_WIDTH = 220


class MainWindow(QMainWindow):
    import_finished = Signal(object)  # IndexReport
    import_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        settings: UiSettings | QSettings | None = None,
        treaties: dict[str, Treaty] | None = None,
    ) -> None:
        settings = settings if isinstance(settings, UiSettings) else UiSettings(settings)
        language = _saved_language(settings)
        set_language(language)  # before the widgets exist: each is made in its language
        super().__init__()
        self.library = library
        self.settings = settings
        self.treaties = treaties if treaties is not None else gazetteer().treaties
        self._language_preference = language
        self.setWindowTitle("Kamerbrief Reader")
        self.setAcceptDrops(True)
        self.state = ReadingState(self)
        self.failures_dialog: FailuresDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.notice: QMessageBox | None = None
        self._import: ImportJob | None = None
        self._import_started = 0.0  # time.monotonic() when the import under way began
        self._import_signals = None
        self._open_after_import: list[Path] = []
        self._focused = 0
        self._swaps = itertools.count(1)
        self._scheme_preference = "system"
        self._side_width = self.settings.get("window/side_width")
        self._needs_default_sizes = True
        self._needs_side_sizes = True
        self.model = LibraryModel(self)
        self.model.set_entries(library.entries())
        self.chooser_model = self.model  # the choosers list every letter, in the list's order
        self._build_side()
        self._build_panes()
        self._build_layout()
        self._build_status_bar()
        self.menu_bar = self._build_menus()
        self.actions = self.menu_bar.actions
        self._connect()
        self.treaty_history = install_treaty_history(self)
        self.retranslate()
        self._restore()
        if library.rebuilt_message:
            self.show_message(library.rebuilt_message)
        elif library.busy():
            self.show_message(
                self.tr(
                    "Library busy: another Kamerbrief Reader is importing. Opened read-only: "
                    "reading and searching work; importing waits until it is done."
                )
            )

    # -- building ---------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.panes = [
            ReaderPane(
                self.library.get,
                self.treaties,
                self.chooser_model,
                f"{name}Pane",
                state=self.state,
            )
            for name in PANE_NAMES
        ]
        self.panes_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes_splitter.setObjectName("panesSplitter")
        self.panes_splitter.setChildrenCollapsible(False)
        for pane in self.panes:
            pane.setMinimumWidth(260)
            self.panes_splitter.addWidget(pane)

    def _build_side(self) -> None:
        self.library_panel = LibraryPanel(self.model, self.treaties, self)
        self.search_panel = SearchPanel(
            self.library.search, self.treaties, self, fetch=self.library.get
        )
        self.treaty_panel = TreatyPanel(self.treaties, self)
        self.linked_box = QCheckBox(self)
        self.treaty_tab = QWidget(self)
        column = QVBoxLayout(self.treaty_tab)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.treaty_panel, 1)
        below = QVBoxLayout()
        below.setContentsMargins(6, 0, 6, 6)  # in line with the treaty panel's own boxes
        below.addWidget(self.linked_box)
        column.addLayout(below)
        self.notes_panel = NotesPanel(self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.library_panel, "")
        self.side_tabs.addTab(self.search_panel, "")
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(self.treaty_tab, "")
        self.lower_tabs.addTab(self.notes_panel, "")
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("sideSplitter")
        self.side_splitter.addWidget(self.side_tabs)
        self.side_splitter.addWidget(self.lower_tabs)
        self.side_splitter.setStretchFactor(0, 3)
        self.side_splitter.setStretchFactor(1, 2)

    def _build_layout(self) -> None:
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.addWidget(self.panes_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.splitterMoved.connect(self._on_side_moved)
        self.setCentralWidget(self.main_splitter)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.import_label = plain_label(self)
        for widget in (self.import_label, self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
            widget.hide()

    def _build_menus(self) -> MenuBar:
        pane = self.focused_pane
        menus = {
            QT_TRANSLATE_NOOP("Menus", "&File"): [
                Command(
                    "add_files",
                    QT_TRANSLATE_NOOP("Menus", "&Add files…"),
                    ("Ctrl+O",),
                    self.add_files,
                ),
                Command(
                    "add_folder",
                    QT_TRANSLATE_NOOP("Menus", "Add &folder…"),
                    ("Ctrl+Shift+O",),
                    self.add_folder,
                ),
                None,
                Command(
                    "print",
                    QT_TRANSLATE_NOOP("Menus", "&Print…"),
                    ("Ctrl+P",),
                    lambda: self.treaty_history.printing.print_letter(),
                ),
                Command(
                    "print_preview",
                    QT_TRANSLATE_NOOP("Menus", "Print pre&view…"),
                    ("Ctrl+Shift+P",),
                    lambda: self.treaty_history.printing.preview(),
                ),
                Command(
                    "export_pdf",
                    QT_TRANSLATE_NOOP("Menus", "&Export as PDF…"),
                    ("Ctrl+Alt+P",),
                    lambda: self.treaty_history.printing.ask_export_pdf(),
                ),
                None,
                Command(
                    "settings",
                    QT_TRANSLATE_NOOP("Menus", "&Settings…"),
                    ("Ctrl+,",),
                    self.show_settings,
                ),
                None,
                Command("quit", QT_TRANSLATE_NOOP("Menus", "&Quit"), ("Ctrl+Q",), self.close),
            ],
            QT_TRANSLATE_NOOP("Menus", "&Edit"): [
                Command(
                    "copy",
                    QT_TRANSLATE_NOOP("Menus", "&Copy with citation"),
                    ("Ctrl+C",),
                    lambda: pane().copy_with_citation(),
                ),
                Command(
                    "copy_plain",
                    QT_TRANSLATE_NOOP("Menus", "Copy &text only"),
                    ("Ctrl+Shift+C",),
                    lambda: pane().copy_plain(),
                ),
                None,
                Command(
                    "find",
                    QT_TRANSLATE_NOOP("Menus", "&Find in the letter"),
                    ("Ctrl+F",),
                    lambda: pane().open_find(),
                ),
                Command(
                    "search",
                    QT_TRANSLATE_NOOP("Menus", "&Search the library"),
                    ("Ctrl+K",),
                    self.focus_search,
                ),
                Command(
                    "filter",
                    QT_TRANSLATE_NOOP("Menus", "F&ilter the library list"),
                    ("Ctrl+L",),
                    self.focus_library,
                ),
            ],
            QT_TRANSLATE_NOOP("Menus", "&View"): [
                Command(
                    "zoom_in",
                    QT_TRANSLATE_NOOP("Menus", "Zoom &in"),
                    ("Ctrl+=", "Ctrl++"),
                    lambda: self.zoom(1),
                ),
                Command(
                    "zoom_out",
                    QT_TRANSLATE_NOOP("Menus", "Zoom &out"),
                    ("Ctrl+-",),
                    lambda: self.zoom(-1),
                ),
                Command(
                    "zoom_reset",
                    QT_TRANSLATE_NOOP("Menus", "&Reset zoom"),
                    ("Ctrl+0",),
                    lambda: self.zoom(0),
                ),
                None,
                Command(
                    "highlights",
                    QT_TRANSLATE_NOOP("Menus", "Show treaty &highlights"),
                    ("Ctrl+H",),
                    self.state.set_highlights,
                    checkable=True,
                ),
                Command(
                    "fold",
                    QT_TRANSLATE_NOOP("Menus", "Only &passages with the chosen treaty"),
                    ("Ctrl+Shift+F",),
                    self._request_fold,
                    checkable=True,
                ),
                Command(
                    "clear_treaty",
                    QT_TRANSLATE_NOOP("Menus", "&No treaty emphasis"),
                    ("Ctrl+Shift+E",),
                    lambda: self.state.set_treaty(None),
                ),
                None,
                Command(
                    "focus_left",
                    QT_TRANSLATE_NOOP("Menus", "Focus &left pane"),
                    ("Ctrl+1",),
                    lambda: self.focus_pane(0),
                ),
                Command(
                    "focus_right",
                    QT_TRANSLATE_NOOP("Menus", "Focus r&ight pane"),
                    ("Ctrl+2",),
                    lambda: self.focus_pane(1),
                ),
                Command(
                    "swap",
                    QT_TRANSLATE_NOOP("Menus", "S&wap the letters"),
                    ("Ctrl+Shift+X",),
                    self.swap_letters,
                ),
                None,
                Command(
                    "treaty_history",
                    QT_TRANSLATE_NOOP("Menus", "&Treaty history"),
                    ("Ctrl+Shift+H",),
                    lambda: self.treaty_history.toggle(),
                ),
                None,
                Command(
                    "scheme_system",
                    QT_TRANSLATE_NOOP("Menus", "Colours: follow the &system"),
                    ("Ctrl+Alt+0",),
                    lambda: self.set_scheme("system"),
                ),
                Command(
                    "scheme_light",
                    QT_TRANSLATE_NOOP("Menus", "Colours: li&ght"),
                    ("Ctrl+Alt+L",),
                    lambda: self.set_scheme("light"),
                ),
                Command(
                    "scheme_dark",
                    QT_TRANSLATE_NOOP("Menus", "Colours: &dark"),
                    ("Ctrl+Alt+D",),
                    lambda: self.set_scheme("dark"),
                ),
            ],
            QT_TRANSLATE_NOOP("Menus", "&Go"): [
                Command(
                    "back",
                    QT_TRANSLATE_NOOP("Menus", "&Back"),
                    ("Alt+Left",),
                    lambda: self.step_history(False),
                ),
                Command(
                    "forward",
                    QT_TRANSLATE_NOOP("Menus", "&Forward"),
                    ("Alt+Right",),
                    lambda: self.step_history(True),
                ),
                None,
                Command(
                    "next_mention",
                    QT_TRANSLATE_NOOP("Menus", "&Next mention"),
                    ("F3",),
                    lambda: self.step_mention(True),
                ),
                Command(
                    "previous_mention",
                    QT_TRANSLATE_NOOP("Menus", "&Previous mention"),
                    ("Shift+F3",),
                    lambda: self.step_mention(False),
                ),
                Command(
                    "linked",
                    QT_TRANSLATE_NOOP("Menus", "Step through &both panes together"),
                    ("Ctrl+Shift+L",),
                    self.state.set_linked,
                    checkable=True,
                    tip=QT_TRANSLATE_NOOP(
                        "Menus", "Next and previous mention move both panes to their next mention"
                    ),
                ),
                None,
                Command(
                    "next_hit",
                    QT_TRANSLATE_NOOP("Menus", "Next search &match"),
                    ("Ctrl+G",),
                    lambda: pane().next_hit(True),
                ),
                Command(
                    "previous_hit",
                    QT_TRANSLATE_NOOP("Menus", "Previous search m&atch"),
                    ("Ctrl+Shift+G",),
                    lambda: pane().next_hit(False),
                ),
            ],
            QT_TRANSLATE_NOOP("Menus", "&Help"): [
                Command(
                    "shortcuts",
                    QT_TRANSLATE_NOOP("Menus", "&Keyboard shortcuts"),
                    ("F1",),
                    self.show_shortcuts,
                ),
                Command(
                    "about",
                    QT_TRANSLATE_NOOP("Menus", "&About Kamerbrief Reader"),
                    ("Shift+F1",),
                    lambda: show_about(self),
                ),
            ],
        }
        bar = MenuBar(self, menus)
        self._scheme_group = exclusive(self, [bar.actions[f"scheme_{s}"] for s in SCHEMES])
        return bar

    def action(self, name: str):
        return self.actions[name]

    def _connect(self) -> None:
        for index, pane in enumerate(self.panes):
            pane.focused.connect(lambda i=index: self._mark_focused(i))
            pane.letter_opened.connect(self._on_letter_opened)
            pane.message.connect(self.show_message)
            pane.open_requested.connect(lambda letter_id, i=index: self.open_in(i, letter_id))
            pane.dropped.connect(lambda payload, i=index: self._on_dropped(i, payload))
            pane.history_requested.connect(lambda forward, i=index: self.step_history(forward, i))
        self.library_panel.open_requested.connect(self.open_from_list)
        self.search_panel.open_requested.connect(self.open_search_hit)
        self._connect_state()
        self.treaty_panel.next_requested.connect(lambda: self.step_mention(True))
        self.treaty_panel.previous_requested.connect(lambda: self.step_mention(False))
        self.notes_panel.note_chosen.connect(lambda m: self.focused_pane().show_footnote(m))
        self.model.modelReset.connect(self._after_library_change)
        app = QApplication.instance()
        app.focusChanged.connect(self._on_focus_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    def _connect_state(self) -> None:
        """Every view of the reading state shows it and changes it only through it."""
        state, panel = self.state, self.treaty_panel
        panel.treaty_chosen.connect(state.set_treaty)
        state.treaty_changed.connect(panel.choose)
        panel.highlights_toggled.connect(state.set_highlights)
        state.highlights_changed.connect(panel.show_highlights)
        state.highlights_changed.connect(self.actions["highlights"].setChecked)
        panel.fold_toggled.connect(self._request_fold)
        state.fold_changed.connect(panel.show_fold)
        state.fold_changed.connect(self.actions["fold"].setChecked)
        self.linked_box.toggled.connect(state.set_linked)
        state.linked_changed.connect(self.linked_box.setChecked)
        state.linked_changed.connect(self.actions["linked"].setChecked)
        self.actions["highlights"].setChecked(state.highlights)

    def retranslate(self) -> None:
        self.menu_bar.retranslate()
        self.side_tabs.setTabText(0, self.tr("Library"))
        self.side_tabs.setTabText(1, self.tr("Search"))
        self.lower_tabs.setTabText(0, self.tr("Treaties"))
        self.lower_tabs.setTabText(1, self.tr("Footnotes"))
        for tabs, name in (
            (self.side_tabs, self.tr("Library and search")),
            (self.lower_tabs, self.tr("Treaties and footnotes")),
        ):
            tabs.setAccessibleName(name)
            tabs.tabBar().setAccessibleName(name)  # the bar is what takes the keyboard
        self.linked_box.setText(self.tr("Step through both panes together"))
        self.linked_box.setToolTip(
            self.tr(
                "Next and previous mention move both panes to their next mention of the "
                "chosen treaty (Ctrl+Shift+L)"
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop the import; the letters imported so far stay in the library")
        )
        self.progress.setAccessibleName(self.tr("Import progress"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._update_notes()
        super().changeEvent(event)

    # -- panes ------------------------------------------------------------------------

    def focused_pane(self) -> ReaderPane:
        return self.panes[self._focused]

    def other_pane(self) -> ReaderPane:
        return self.panes[1 - self._focused]

    def focus_pane(self, index: int) -> None:
        """Make a pane the one that commands act on, and give it the keyboard."""
        self._mark_focused(index)
        self.panes[index].focus_text()

    def _mark_focused(self, index: int) -> None:
        self._focused = index
        for i, pane in enumerate(self.panes):
            pane.set_focused(i == index)
        self._update_notes()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # The focused pane stays focused while the reader types in the search box: only
        # focus moving into the other pane changes it.
        for i, pane in enumerate(self.panes):
            if new is not None and i != self._focused and pane.isAncestorOf(new):
                self._mark_focused(i)

    def open_letter(self, letter_id: str, pane: int, hits=None) -> bool:
        return self.open_in(pane, letter_id, hits)

    def open_in(self, index: int, letter_id: str, hits=None) -> bool:
        """Open a letter in pane *index*. If the other pane shows it already, the two panes
        swap letters (each keeping its place), so the comparison is never the same letter
        twice; Back in either pane undoes the swap."""
        pane, other = self.panes[index], self.panes[1 - index]
        mine = pane.place()
        if other.current_id() != letter_id or mine is None or mine.letter_id == letter_id:
            return pane.open_letter(letter_id, hits)
        theirs = other.place()
        token = next(self._swaps)
        if not pane.open_letter(letter_id, hits, None if hits else theirs.offset, token):
            return False
        other.open_letter(mine.letter_id, place=mine.offset, token=token)
        self.show_message(
            self.tr("The other pane showed this letter: the panes swapped (Alt+Left undoes it)")
        )
        return True

    def open_from_list(self, letter_id: str, other: bool) -> None:
        self.open_in(1 - self._focused if other else self._focused, letter_id)

    def open_search_hit(self, letter_id: str, hit: Hit, other: bool, index: int | None = None):
        """Open a result at its first mark: its words, found again in the text the pane shows
        (so an import since the search cannot shift them), and what its fields matched."""
        if index is None:
            index = 1 - self._focused if other else self._focused
        terms = field_terms(self.search_panel.current_query())
        self.open_in(index, letter_id, hits=lambda letter: hit_marks(hit, terms, letter))

    def _on_dropped(self, index: int, payload: dict) -> None:
        letter_id = str(payload.get("id", ""))
        hit = self.search_panel.hit_for(payload.get("row", -1))
        if payload.get("from") == "search" and hit is not None and hit.id == letter_id:
            self.open_search_hit(letter_id, hit, False, index)
        elif letter_id:
            self.open_in(index, letter_id)
        self.focus_pane(index)

    def swap_letters(self) -> None:
        """The two panes trade letters and places; Back undoes it."""
        left, right = (p.place() for p in self.panes)
        token = next(self._swaps)
        for pane, place in zip(self.panes, (right, left), strict=True):
            if place is not None:
                pane.open_letter(place.letter_id, place=place.offset, token=token)
            else:
                pane.clear()

    def step_history(self, forward: bool, index: int | None = None) -> bool:
        """Back (Forward) in a pane; a swap is undone (redone) in both panes at once."""
        index = self._focused if index is None else index
        pane, other = self.panes[index], self.panes[1 - index]
        wanted = pane.peek_history(forward)
        if wanted is None:
            self.show_message(
                self.tr("Nothing further forward in this pane")
                if forward
                else self.tr("Nothing further back in this pane")
            )
            return False
        paired = other.peek_history(forward)
        if wanted.token and paired is not None and paired.token == wanted.token:
            other.step_history(forward)
        return pane.step_history(forward)

    def _on_letter_opened(self, _letter_id: str) -> None:
        self.treaty_panel.set_letters(*(p.letter for p in self.panes))
        self._update_notes()

    def _update_notes(self) -> None:
        pane = self.focused_pane()
        self.notes_panel.set_notes(pane.footnotes(), PANE_NAMES[self._focused])

    # -- treaties ---------------------------------------------------------------------

    def _request_fold(self, folded: bool) -> None:
        if not self.state.set_fold(folded):
            self.show_message(self.tr("Choose a treaty first: the panes fold to its passages"))

    def step_mention(self, forward: bool) -> None:
        """The next (previous) mention of the chosen treaty: in the focused pane, or in
        both panes together when they are linked."""
        panes = self.panes if self.state.linked else [self.focused_pane()]
        for pane in panes:
            pane.next_mention(self.state.treaty, forward)

    # -- zoom, focus, messages --------------------------------------------------------

    def zoom(self, steps: int) -> None:
        """Both panes keep one size, so the letters compare line for line."""
        size = self.focused_pane().point_size() + steps if steps else default_point_size()
        for pane in self.panes:
            pane.set_point_size(size)
        self.show_message(fill(self.tr("Text size %1 pt"), f"{self.panes[0].point_size():g}"), 2000)

    def focus_search(self) -> None:
        self.side_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.focus_search()

    def focus_library(self) -> None:
        self.side_tabs.setCurrentWidget(self.library_panel)
        self.library_panel.focus_filter()

    def show_message(self, text: str, timeout: int = MESSAGE_MS) -> None:
        self.statusBar().showMessage(text, timeout)

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(list(self.actions.values()), self)
        dialog.open()

    def show_settings(self) -> None:
        if self.settings_dialog is None:
            self.settings_dialog = SettingsDialog(
                self._language_preference, self._scheme_preference, self
            )
            self.settings_dialog.language_chosen.connect(self.set_language)
            self.settings_dialog.scheme_chosen.connect(self.set_scheme)
        self.settings_dialog.show()
        self.settings_dialog.raise_()

    def set_language(self, preference: str) -> str:
        """Show the interface in another language at once (every widget retranslates)."""
        self._language_preference = preference if preference in PREFERENCES else "system"
        self.settings.set("appearance/language", self._language_preference)
        return set_language(self._language_preference)

    def _notify(self, title: str, text: str) -> None:
        """One message box, not modal; a new notice replaces the old one (no storms)."""
        if self.notice is not None:
            self.notice.close()
        self.notice = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.open()

    # -- colours ----------------------------------------------------------------------

    def set_scheme(self, preference: str) -> None:
        self._scheme_preference = preference
        self.actions[f"scheme_{preference}"].setChecked(True)
        self.apply_theme()

    def _on_system_scheme(self) -> None:
        if self._scheme_preference == "system":
            self.apply_theme()

    def apply_theme(self) -> None:
        theme = theme_for(resolve_scheme(self._scheme_preference))
        QApplication.instance().setPalette(palette_for(theme))
        for pane in self.panes:
            pane.set_theme(theme)
        self.panes[self._focused].set_focused(True)
        self.library_panel.set_theme(theme)
        self.search_panel.set_theme(theme)

    # -- import -----------------------------------------------------------------------

    def add_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        filters = fill(self.tr("Letters (%1)"), patterns) + ";;" + self.tr("All files (*)")
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add letters"), "", filters)
        if files:
            self.import_paths([Path(f) for f in files])

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of letters"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: Sequence[Path], open_after: Sequence[Path] = ()) -> bool:
        """Import in a worker thread; the list updates when it is done."""
        if self._import is not None:
            self.show_message(self.tr("An import is already running; wait for it or cancel it"))
            return False
        job = ImportJob(self.library, paths)
        job.signals.progress.connect(self._on_import_progress)
        job.signals.finished.connect(self._on_import_finished)
        job.signals.failed.connect(self._on_import_failed)
        self._import, self._import_signals = job, job.signals
        self._open_after_import = [Path(p) for p in open_after]
        self._import_started = time.monotonic()
        self.progress.setRange(0, 0)  # busy until the first file is counted
        self.import_label.setText(self.tr("Importing…"))
        for widget in (self.import_label, self.progress, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        start(job)
        return True

    def cancel_import(self) -> None:
        if self._import is not None:
            self._import.cancel()
            self.cancel_button.setEnabled(False)
            self.import_label.setText(self.tr("Cancelling…"))

    def _on_import_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if path:
            parts = [fill(self.tr("Importing %1"), Path(path).name)]
            pace = import_pace(done, total, time.monotonic() - self._import_started)
            if pace is not None:
                parts.append(self.tr("%n letter(s)/s", "", round(pace.letters_per_s)))
                parts.append(self._time_left(pace.seconds_left))
            self.import_label.setText(" · ".join(parts))

    def _time_left(self, seconds: float) -> str:
        if seconds >= 90:
            return self.tr("about %n min left", "", round(seconds / 60))
        return self.tr("about %n s left", "", max(1, round(seconds)))

    def _end_import(self) -> None:
        self._import = None
        self._import_signals = None
        for widget in (self.import_label, self.progress, self.cancel_button):
            widget.hide()

    def import_summary(self, report: IndexReport) -> str:
        """What an import did, in words: "3 letters added, 1 file could not be read"."""
        parts = []
        if report.new:
            parts.append(self.tr("%n letter(s) added", "", report.new))
        if report.changed:
            parts.append(self.tr("%n letter(s) updated", "", report.changed))
        if report.removed:
            parts.append(self.tr("%n letter(s) removed", "", report.removed))
        if report.failed:
            parts.append(self.tr("%n file(s) could not be read", "", report.failed))
        if parts:
            text = ", ".join(parts)
        elif report.unchanged:
            text = self.tr("Nothing new: %n letter(s) already in the library", "", report.unchanged)
        else:
            text = self.tr("No letters found")
        return fill(self.tr("Import cancelled: %1"), text) if report.cancelled else text

    def _on_import_finished(self, report: IndexReport, entries: list[dict]) -> None:
        self._end_import()
        self.model.set_entries(entries)
        self.show_message(self.import_summary(report))
        if report.failures:
            self.failures_dialog = FailuresDialog(report.failures, self)
            self.failures_dialog.open()
        if report.added_ids:
            self.side_tabs.setCurrentWidget(self.library_panel)
            self.library_panel.select_ids(report.added_ids)
        self._open_imported(entries)
        self.import_finished.emit(report)

    def _on_import_failed(self, message: str, busy: bool) -> None:
        self._end_import()
        if busy:
            message = self.tr(
                "The library is busy: another Kamerbrief Reader is writing to it. "
                "Try the import again when that has finished."
            )
        self.show_message(message)
        self._notify(self.tr("Import failed"), message)
        self.import_failed.emit(message)

    def _open_imported(self, entries: list[dict]) -> None:
        by_path = {e.path: e.id for e in entries}
        wanted = [by_path.get(str(p.resolve())) for p in self._open_after_import]
        for pane, letter_id in zip(self.panes, [w for w in wanted if w], strict=False):
            pane.open_letter(letter_id)
        self._open_after_import = []

    def _after_library_change(self) -> None:
        for pane in self.panes:
            pane.sync_chooser()

    # -- drag and drop ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if _local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = _local_paths(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        files = [p for p in paths if p.is_file()]
        self.import_paths(paths, open_after=files if len(files) == len(paths) <= 2 else ())

    # -- the side column gives way ------------------------------------------------------

    def _on_side_moved(self, _position: int, _index: int) -> None:
        self._side_width = self.main_splitter.sizes()[0]

    def _fit_side(self) -> None:
        """The side column as the reader set it, narrower where the letters would get
        less than MIN_READING_WIDTH each (it takes the room back when the window grows)."""
        sizes = self.main_splitter.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        room = total - 2 * MIN_READING_WIDTH - self.panes_splitter.handleWidth()
        side = max(MIN_SIDE_WIDTH, min(self._side_width, room))
        if side != sizes[0]:
            self.main_splitter.setSizes([side, total - side])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not self._needs_default_sizes:
            self._fit_side()

    # -- settings ---------------------------------------------------------------------

    def _restore(self) -> None:
        s = self.settings
        if not self.restoreGeometry(s.get("window/geometry")):
            self._default_geometry()
        # Without saved sizes, the first show sizes the splitter to the real window width.
        self._needs_default_sizes = not self.main_splitter.restoreState(
            s.get("window/main_splitter")
        )
        self.panes_splitter.restoreState(s.get("window/panes_splitter"))
        self._needs_side_sizes = not self.side_splitter.restoreState(s.get("window/side_splitter"))
        self._scheme_preference = s.get("appearance/scheme")
        if self._scheme_preference not in SCHEMES:
            self._scheme_preference = "system"
        self.actions[f"scheme_{self._scheme_preference}"].setChecked(True)
        self.state.set_highlights(s.get("reader/highlights"))
        self.state.set_linked(s.get("reader/linked"))
        size = s.get("reader/point_size")
        for pane in self.panes:
            pane.set_point_size(size if size > 0 else default_point_size())
        self.apply_theme()
        self._restore_letters(s.get("reader/open_letters"), s.get("reader/places"))
        self.focus_pane(0)

    def _restore_letters(self, saved: list[str], places: list[str]) -> None:
        """The letters open at the last close, at their places; on a first start the two
        oldest letters."""
        known = set(self.model.oldest_first())
        wanted = [i if i in known else "" for i in saved] if saved else []
        if not any(wanted):
            wanted, places = self.model.oldest_first()[:2], []
        offsets = [int(p) if p.isdigit() else None for p in places]
        for i, (pane, letter_id) in enumerate(zip(self.panes, wanted + ["", ""], strict=False)):
            if letter_id:
                pane.open_letter(letter_id, place=offsets[i] if i < len(offsets) else None)

    def _default_geometry(self) -> None:
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        width, height = 1400, 900
        if area is not None:
            width, height = min(width, area.width()), min(height, area.height())
        self.resize(width, height)

    def _default_sizes(self) -> None:
        width = max(self.main_splitter.width(), 800)
        self._side_width = max(250, min(340, width // 4))
        self.main_splitter.setSizes([self._side_width, width - self._side_width])
        self._fit_side()
        if self._needs_side_sizes:  # the treaties get room for their list under the letters
            height = self.side_splitter.height()
            self.side_splitter.setSizes([height * 11 // 20, height - height * 11 // 20])

    def save_settings(self) -> None:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/main_splitter", self.main_splitter.saveState())
        s.set("window/panes_splitter", self.panes_splitter.saveState())
        s.set("window/side_splitter", self.side_splitter.saveState())
        s.set("window/side_width", self._side_width)
        s.set("reader/open_letters", [p.current_id() or "" for p in self.panes])
        s.set("reader/places", [str(p.reading_place() or 0) for p in self.panes])
        size = self.panes[0].point_size()
        s.set("reader/point_size", 0.0 if size == default_point_size() else size)
        s.set("reader/highlights", self.state.highlights)
        s.set("reader/linked", self.state.linked)
        s.set("appearance/scheme", self._scheme_preference)
        s.set("appearance/language", self._language_preference)
        s.sync()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            self._default_sizes()
        else:
            self._fit_side()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_settings()
        if self._import is not None:
            self.cancel_import()
            # The import holds the library's writer: let it roll back before we go.
            QThreadPool.globalInstance().waitForDone(IMPORT_WAIT_MS)
        super().closeEvent(event)


def _saved_language(settings: UiSettings) -> str:
    preference = settings.get("appearance/language")
    return preference if preference in PREFERENCES else "system"


def _local_paths(mime) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
