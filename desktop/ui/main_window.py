"""The main window: library and search on the left, two reader panes side by side.

Widgets do not reach into each other: they emit signals, and this window routes them (a
search result to the pane the reader chose, ...). What both panes show of every letter
(highlights, the chosen treaty, fold, linked stepping) is one ReadingState that the window
owns and the panes, panels and menu actions observe.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.suffixes import SUPPORTED_SUFFIXES
from desktop.core.ingest.treaties import Treaty, gazetteer
from desktop.core.library.library import IndexReport, Library
from desktop.core.search.query import Hit
from desktop.ui.commands import build_menus
from desktop.ui.core_messages import translated_library_message
from desktop.ui.dialogs import FailuresDialog, SettingsDialog, ShortcutsDialog
from desktop.ui.field_marks import field_terms
from desktop.ui.history_hooks import install_treaty_history
from desktop.ui.i18n import PREFERENCES, fill, set_language
from desktop.ui.library_care import LibraryCare
from desktop.ui.library_jobs import LibraryJobs
from desktop.ui.library_model import LibraryModel, Listing, listing
from desktop.ui.library_panel import LibraryPanel
from desktop.ui.menus import MenuBar
from desktop.ui.notes_panel import NotesPanel
from desktop.ui.reader_pane import ReaderPane, default_point_size
from desktop.ui.reading_state import ReadingState
from desktop.ui.search_model import hit_marks
from desktop.ui.search_panel import SearchPanel
from desktop.ui.settings import UiSettings
from desktop.ui.theme import SCHEMES, palette_for, resolve_scheme, theme_for
from desktop.ui.treaty_panel import TreatyPanel
from desktop.ui.workers import CallJob, import_job, start

PANE_NAMES = ("left", "right")
MESSAGE_MS = 8000
MIN_READING_WIDTH = 380  # px a letter pane keeps before the side column gives way
MIN_SIDE_WIDTH = 220


class MainWindow(QMainWindow):
    import_finished = Signal(object)  # IndexReport
    import_failed = Signal(str)
    list_read = Signal()  # the library list has its rows (read after the window is up)

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
        self._open_after_import: list[Path] = []
        self._focused = 0
        self._swaps = itertools.count(1)
        self._scheme_preference = "system"
        self._side_width = self.settings.get("window/side_width")
        self._needs_default_sizes = True
        self._needs_side_sizes = True
        self.model = LibraryModel(self)
        self._open_oldest_when_listed = False
        self.chooser_model = self.model  # the choosers list every letter, in the list's order
        self._build_side()
        self._build_panes()
        self._build_layout()
        self._build_status_bar()
        self.menu_bar = self._build_menus()
        self.actions = self.menu_bar.actions
        self._connect()
        self.care = LibraryCare(self)
        self.treaty_history = install_treaty_history(self)
        self.retranslate()
        self._restore()
        QTimer.singleShot(0, self._read_list)
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
        # The panes in a main window of their own, so that docks (the treaty history) open
        # under the letters and not under the side column, whose lists need the height.
        self.reading_area = QMainWindow(self)
        self.reading_area.setWindowFlags(Qt.WindowType.Widget)
        self.reading_area.setObjectName("readingArea")
        self.reading_area.setCentralWidget(self.panes_splitter)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.addWidget(self.reading_area)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.splitterMoved.connect(self._on_side_moved)
        self.setCentralWidget(self.main_splitter)

    def _build_status_bar(self) -> None:
        self.jobs = LibraryJobs(self.statusBar(), self)
        self.progress, self.cancel_button = self.jobs.progress, self.jobs.cancel_button
        self.import_label = self.jobs.label

    def _build_menus(self) -> MenuBar:
        return build_menus(self)

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
        self.jobs.retranslate()
        self.care.retranslate()

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

    def open_original(self) -> None:
        letter_id = self.focused_pane().current_id()
        if letter_id is None:
            self.show_message(
                self.tr("Open a letter first: this opens the focused pane's original")
            )
        else:
            self.care.open_original(letter_id)

    def set_language(self, preference: str) -> str:
        """Show the interface in another language at once (every widget retranslates)."""
        self._language_preference = preference if preference in PREFERENCES else "system"
        self.settings.set("appearance/language", self._language_preference)
        return set_language(self._language_preference)

    def notify(self, title: str, text: str) -> None:
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
        started = self.jobs.run(
            import_job(self.library, paths),
            self.tr("Importing…"),
            self.tr("An import is already running; wait for it or cancel it"),
            self._on_import_finished,
            self._on_import_failed,
            step=self.tr("Importing %1"),
        )
        if not started:
            self.show_message(self.jobs.busy_message())
            return False
        self._open_after_import = [Path(p) for p in open_after]
        return True

    def cancel_import(self) -> None:
        self.jobs.cancel()

    def import_summary(self, report: IndexReport) -> str:
        """What an import did, in words: "3 letters added, 1 file could not be read"."""
        parts = []
        if report.new:
            parts.append(self.tr("%n letter(s) added", "", report.new))
        if report.changed:
            parts.append(self.tr("%n letter(s) updated", "", report.changed))
        if report.removed:
            parts.append(self.tr("%n letter(s) removed", "", report.removed))
        if report.reread:
            parts.append(self.tr("%n letter(s) read again by this version", "", report.reread))
        if report.failed:
            parts.append(self.tr("%n file(s) could not be read", "", report.failed))
        if parts:
            text = ", ".join(parts)
        elif report.unchanged:
            text = self.tr("Nothing new: %n letter(s) already in the library", "", report.unchanged)
        else:
            text = self.tr("No letters found")
        return fill(self.tr("Import cancelled: %1"), text) if report.cancelled else text

    def _on_import_finished(self, report: IndexReport, made: Listing) -> None:
        self.model.set_listing(made)
        self.show_message(self.import_summary(report))
        self.search_panel.refresh()
        if report.failures:
            self.failures_dialog = FailuresDialog(report.failures, self)
            self.failures_dialog.open()
        if report.added_ids:
            self.side_tabs.setCurrentWidget(self.library_panel)
            self.library_panel.select_ids(report.added_ids)
        self._open_imported(made)
        self.import_finished.emit(report)

    def write_failure(self, message: str, busy: bool) -> str:
        """A failed write of the library in one line, in the interface language."""
        if busy:
            return self.tr(
                "The library is busy: another Kamerbrief Reader is writing to it. "
                "Try again when that has finished."
            )
        return translated_library_message(message)

    def _on_import_failed(self, message: str, busy: bool) -> None:
        if busy:
            message = self.tr(
                "The library is busy: another Kamerbrief Reader is writing to it. "
                "Try the import again when that has finished."
            )
        else:
            message = translated_library_message(message)
        self.show_message(message)
        self.notify(self.tr("Import failed"), message)
        self.import_failed.emit(message)

    def _open_imported(self, made: Listing) -> None:
        by_path = {r.path: r.id for r in made.rows}
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
        self.treaty_history.restore(s)
        self.focus_pane(0)

    def _restore_letters(self, saved: list[str], places: list[str]) -> None:
        """The letters open at the last close, at their places; on a first start (or when
        they are gone) the two oldest letters, once the list has been read."""
        wanted = [i if i and self.library.contains(i) else "" for i in saved]
        offsets = [int(p) if p.isdigit() else None for p in places]
        for i, (pane, letter_id) in enumerate(zip(self.panes, wanted, strict=False)):
            if letter_id:
                pane.open_letter(letter_id, place=offsets[i] if i < len(offsets) else None)
        self._open_oldest_when_listed = not any(wanted)

    def _read_list(self) -> None:
        """The library list, read off the window's thread once the window is up: at
        100,000 letters reading and formatting it takes seconds, and the letters open in
        the panes do not need it."""
        sort = self.model.sort
        job = CallJob(lambda: listing(self.library.entries(), sort))
        self._list_signals = job.signals  # kept: the pool deletes the job, not its signals
        job.signals.done.connect(self._on_list_read)
        job.signals.failed.connect(self._on_list_failed)
        start(job)

    def _on_list_read(self, made: Listing) -> None:
        if not self.model.listed:  # else an import or removal that ended first brought newer rows
            self.model.set_listing(made)
        if self._open_oldest_when_listed and not any(p.letter for p in self.panes):
            for pane, letter_id in zip(self.panes, self.model.oldest(2), strict=False):
                pane.open_letter(letter_id)
        self._open_oldest_when_listed = False
        self.list_read.emit()

    def _on_list_failed(self, message: str) -> None:
        self.show_message(fill(self.tr("The list of letters could not be read: %1"), message))

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
        self.treaty_history.save(s)
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
        self.jobs.wait_at_close()
        self.care.close()
        super().closeEvent(event)


def _saved_language(settings: UiSettings) -> str:
    preference = settings.get("appearance/language")
    return preference if preference in PREFERENCES else "system"


def _local_paths(mime) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
