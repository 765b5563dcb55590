"""The main window: library and search on the left, two reader panes side by side.

Widgets do not reach into each other: they emit signals, and this window routes them (a
search result to the focused pane, a treaty choice to both panes, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QWidget,
)

from desktop.core.ingest.suffixes import SUPPORTED_SUFFIXES
from desktop.core.ingest.treaties import Treaty, gazetteer
from desktop.core.library.library import IndexReport, Library
from desktop.core.search.query import Hit, match_offsets
from desktop.ui.dialogs import FailuresDialog, ShortcutsDialog, show_about
from desktop.ui.labels import plain_label
from desktop.ui.library_model import LibraryModel
from desktop.ui.library_panel import LibraryPanel
from desktop.ui.menus import Command, build_menus, exclusive
from desktop.ui.notes_panel import NotesPanel
from desktop.ui.reader_pane import ReaderPane
from desktop.ui.search_panel import SearchPanel
from desktop.ui.settings import UiSettings
from desktop.ui.theme import SCHEMES, palette_for, resolve_scheme, theme_for
from desktop.ui.treaty_panel import TreatyPanel
from desktop.ui.workers import ImportJob, start

PANE_NAMES = ("left", "right")
MESSAGE_MS = 8000
IMPORT_WAIT_MS = 10000  # at close: how long a cancelled import may take to stop


class MainWindow(QMainWindow):
    import_finished = Signal(object)  # IndexReport
    import_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        settings: UiSettings | QSettings | None = None,
        treaties: dict[str, Treaty] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.settings = settings if isinstance(settings, UiSettings) else UiSettings(settings)
        self.treaties = treaties if treaties is not None else gazetteer().treaties
        self.setWindowTitle("Kamerbrief Reader")
        self.setAcceptDrops(True)
        self.failures_dialog: FailuresDialog | None = None
        self.notice: QMessageBox | None = None
        self._import: ImportJob | None = None
        self._import_signals = None
        self._open_after_import: list[Path] = []
        self._focused = 0
        self._scheme_preference = "system"
        self.model = LibraryModel(self)
        self.model.set_entries(library.entries())
        self.chooser_model = self.model  # the choosers list every letter, in the list's order
        self._build_panes()
        self._build_side()
        self._build_layout()
        self._build_status_bar()
        self.actions = self._build_menus()
        self._connect()
        self._restore()
        if library.rebuilt_message:
            self.show_message(library.rebuilt_message)
        elif library.busy():
            self.show_message(
                "Library busy: another Kamerbrief Reader is importing. "
                "Opened read-only: reading and searching work; importing waits until it is done."
            )

    # -- building ---------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.panes = [
            ReaderPane(self.library.get, self.treaties, self.chooser_model, f"{name}Pane")
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
        self.search_panel = SearchPanel(self.library.search, self.treaties, self)
        self.treaty_panel = TreatyPanel(self.treaties, self)
        self.notes_panel = NotesPanel(self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.library_panel, "Library")
        self.side_tabs.addTab(self.search_panel, "Search")
        self.lower_tabs = QTabWidget(self)
        self.lower_tabs.setDocumentMode(True)
        self.lower_tabs.addTab(self.treaty_panel, "Treaties")
        self.lower_tabs.addTab(self.notes_panel, "Footnotes")
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
        self.setCentralWidget(self.main_splitter)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop the import; what was imported so far is discarded")
        self.cancel_button.clicked.connect(self.cancel_import)
        self.import_label = plain_label(self)
        for widget in (self.import_label, self.progress, self.cancel_button):
            bar.addPermanentWidget(widget)
            widget.hide()

    def _build_menus(self) -> dict:
        pane = self.focused_pane
        menus = {
            "&File": [
                Command("add_files", "&Add files…", ("Ctrl+O",), self.add_files),
                Command("add_folder", "Add &folder…", ("Ctrl+Shift+O",), self.add_folder),
                None,
                Command("quit", "&Quit", ("Ctrl+Q",), self.close),
            ],
            "&Edit": [
                Command(
                    "copy",
                    "&Copy with citation",
                    ("Ctrl+C",),
                    lambda: pane().view.copy_with_citation(),
                ),
                Command(
                    "copy_plain",
                    "Copy &text only",
                    ("Ctrl+Shift+C",),
                    lambda: pane().view.copy_plain(),
                ),
                None,
                Command("search", "&Search the library", ("Ctrl+K",), self.focus_search),
                Command("filter", "&Filter the library list", ("Ctrl+L",), self.focus_library),
            ],
            "&View": [
                Command("zoom_in", "Zoom &in", ("Ctrl+=", "Ctrl++"), lambda: self.zoom(1)),
                Command("zoom_out", "Zoom &out", ("Ctrl+-",), lambda: self.zoom(-1)),
                Command("zoom_reset", "&Reset zoom", ("Ctrl+0",), lambda: self.zoom(0)),
                None,
                Command(
                    "highlights",
                    "Show treaty &highlights",
                    ("Ctrl+H",),
                    self.treaty_panel.highlights_box.setChecked,
                    checkable=True,
                ),
                Command(
                    "fold",
                    "Only &passages with the chosen treaty",
                    ("Ctrl+Shift+F",),
                    self.treaty_panel.fold_box.setChecked,
                    checkable=True,
                ),
                Command(
                    "clear_treaty",
                    "&No treaty emphasis",
                    ("Ctrl+Shift+E",),
                    lambda: self.treaty_panel.choose(None),
                ),
                None,
                Command("focus_left", "Focus &left pane", ("Ctrl+1",), lambda: self.focus_pane(0)),
                Command(
                    "focus_right", "Focus r&ight pane", ("Ctrl+2",), lambda: self.focus_pane(1)
                ),
                Command("swap", "S&wap the letters", ("Ctrl+Shift+X",), self.swap_letters),
                None,
                Command(
                    "scheme_system",
                    "Colours: follow the &system",
                    ("Ctrl+Alt+0",),
                    lambda: self.set_scheme("system"),
                ),
                Command(
                    "scheme_light",
                    "Colours: li&ght",
                    ("Ctrl+Alt+L",),
                    lambda: self.set_scheme("light"),
                ),
                Command(
                    "scheme_dark",
                    "Colours: &dark",
                    ("Ctrl+Alt+D",),
                    lambda: self.set_scheme("dark"),
                ),
            ],
            "&Go": [
                Command("next_mention", "&Next mention", ("F3",), lambda: self.step_mention(True)),
                Command(
                    "previous_mention",
                    "&Previous mention",
                    ("Shift+F3",),
                    lambda: self.step_mention(False),
                ),
                None,
                Command(
                    "next_hit", "Next search &match", ("Ctrl+G",), lambda: pane().next_hit(True)
                ),
                Command(
                    "previous_hit",
                    "Previous search m&atch",
                    ("Ctrl+Shift+G",),
                    lambda: pane().next_hit(False),
                ),
            ],
            "&Help": [
                Command("shortcuts", "&Keyboard shortcuts", ("F1",), self.show_shortcuts),
                Command(
                    "about", "&About Kamerbrief Reader", ("Shift+F1",), lambda: show_about(self)
                ),
            ],
        }
        actions = build_menus(self, menus)
        self._scheme_group = exclusive(self, [actions[f"scheme_{s}"] for s in SCHEMES])
        return actions

    def action(self, name: str):
        return self.actions[name]

    def _connect(self) -> None:
        for index, pane in enumerate(self.panes):
            pane.focused.connect(lambda i=index: self._mark_focused(i))
            pane.letter_opened.connect(self._on_letter_opened)
            pane.message.connect(self.show_message)
        self.library_panel.open_requested.connect(self.open_from_list)
        self.search_panel.open_requested.connect(self.open_search_hit)
        self.treaty_panel.treaty_chosen.connect(self._apply_treaty)
        self.treaty_panel.highlights_toggled.connect(self._on_highlights)
        self.treaty_panel.fold_toggled.connect(self._on_fold)
        self.treaty_panel.next_requested.connect(lambda: self.step_mention(True))
        self.treaty_panel.previous_requested.connect(lambda: self.step_mention(False))
        self.notes_panel.note_chosen.connect(lambda m: self.focused_pane().show_footnote(m))
        self.model.modelReset.connect(self._after_library_change)
        app = QApplication.instance()
        app.focusChanged.connect(self._on_focus_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    # -- panes ------------------------------------------------------------------------

    def focused_pane(self) -> ReaderPane:
        return self.panes[self._focused]

    def other_pane(self) -> ReaderPane:
        return self.panes[1 - self._focused]

    def focus_pane(self, index: int) -> None:
        """Make a pane the one that commands act on, and give it the keyboard."""
        self._mark_focused(index)
        self.panes[index].view.setFocus(Qt.FocusReason.OtherFocusReason)

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
        return self.panes[pane].open_letter(letter_id, hits)

    def open_from_list(self, letter_id: str, other: bool) -> None:
        pane = self.other_pane() if other else self.focused_pane()
        pane.open_letter(letter_id)

    def open_search_hit(self, letter_id: str, hit: Hit, other: bool) -> None:
        """Open a result; its words are found again in the text the pane shows, so an
        import that changed the letter since the search cannot shift the marks."""
        pane = self.other_pane() if other else self.focused_pane()
        pane.open_letter(
            letter_id, hits=lambda text: match_offsets(text, hit.spec) if hit.spec else hit.matches
        )

    def swap_letters(self) -> None:
        left, right = (p.current_id() for p in self.panes)
        for pane, letter_id in zip(self.panes, (right, left), strict=True):
            if letter_id:
                pane.open_letter(letter_id)
            else:
                pane.clear()

    def _on_letter_opened(self, _letter_id: str) -> None:
        left, right = (p.mention_counts() for p in self.panes)
        self.treaty_panel.set_counts(left, right)
        self._update_notes()

    def _update_notes(self) -> None:
        pane = self.focused_pane()
        self.notes_panel.set_notes(pane.footnotes(), PANE_NAMES[self._focused])

    # -- treaties ---------------------------------------------------------------------

    def _apply_treaty(self, treaty_id: str | None) -> None:
        highlights = self.treaty_panel.highlights_box.isChecked()
        for pane in self.panes:
            pane.set_decorations(highlights, treaty_id)
            if self.treaty_panel.fold_box.isChecked():
                pane.set_fold(treaty_id)

    def _on_highlights(self, shown: bool) -> None:
        self.actions["highlights"].setChecked(shown)
        for pane in self.panes:
            pane.set_decorations(shown, self.treaty_panel.current_treaty())

    def _on_fold(self, folded: bool) -> None:
        treaty_id = self.treaty_panel.current_treaty() if folded else None
        if folded and treaty_id is None:
            self.show_message("Choose a treaty first: the panes fold to its passages")
            self.treaty_panel.fold_box.setChecked(False)
            return
        self.actions["fold"].setChecked(folded)
        for pane in self.panes:
            pane.set_fold(treaty_id)

    def step_mention(self, forward: bool) -> None:
        self.focused_pane().next_mention(self.treaty_panel.current_treaty(), forward)

    # -- zoom, focus, messages --------------------------------------------------------

    def zoom(self, steps: int) -> None:
        """Both panes keep one size, so the letters compare line for line."""
        size = self.focused_pane().point_size() + steps if steps else 12.0
        for pane in self.panes:
            pane.set_point_size(size)
        self.show_message(f"Text size {self.panes[0].point_size():g} pt", 2000)

    def focus_search(self) -> None:
        self.side_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.focus_search()

    def focus_library(self) -> None:
        self.side_tabs.setCurrentWidget(self.library_panel)
        self.library_panel.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library_panel.filter_box.selectAll()

    def show_message(self, text: str, timeout: int = MESSAGE_MS) -> None:
        self.statusBar().showMessage(text, timeout)

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(list(self.actions.values()), self)
        dialog.open()

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
        files, _ = QFileDialog.getOpenFileNames(
            self, "Add letters", "", f"Letters ({patterns});;All files (*)"
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of letters")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: Sequence[Path], open_after: Sequence[Path] = ()) -> bool:
        """Import in a worker thread; the list updates when it is done."""
        if self._import is not None:
            self.show_message("An import is already running; wait for it or cancel it")
            return False
        job = ImportJob(self.library, paths)
        job.signals.progress.connect(self._on_import_progress)
        job.signals.finished.connect(self._on_import_finished)
        job.signals.failed.connect(self._on_import_failed)
        self._import, self._import_signals = job, job.signals
        self._open_after_import = [Path(p) for p in open_after]
        self.progress.setRange(0, 0)  # busy until the first file is counted
        self.import_label.setText("Importing…")
        for widget in (self.import_label, self.progress, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        start(job)
        return True

    def cancel_import(self) -> None:
        if self._import is not None:
            self._import.cancel()
            self.cancel_button.setEnabled(False)
            self.import_label.setText("Cancelling…")

    def _on_import_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if path:
            self.import_label.setText(f"Importing {Path(path).name}")

    def _end_import(self) -> None:
        self._import = None
        self._import_signals = None
        for widget in (self.import_label, self.progress, self.cancel_button):
            widget.hide()

    def _on_import_finished(self, report: IndexReport, entries: list[dict]) -> None:
        self._end_import()
        self.model.set_entries(entries)
        self.show_message(f"Import: {report.summary()}")
        if report.failures:
            self.failures_dialog = FailuresDialog(report.failures, self)
            self.failures_dialog.open()
        self._open_imported(entries)
        self.import_finished.emit(report)

    def _on_import_failed(self, message: str, busy: bool) -> None:
        self._end_import()
        if busy:
            message = (
                "The library is busy: another Kamerbrief Reader is writing to it. "
                "Try the import again when that has finished."
            )
        self.show_message(message)
        self._notify("Import failed", message)
        self.import_failed.emit(message)

    def _open_imported(self, entries: list[dict]) -> None:
        by_path = {e["path"]: e["id"] for e in entries}
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
        self.side_splitter.restoreState(s.get("window/side_splitter"))
        self._scheme_preference = s.get("appearance/scheme")
        if self._scheme_preference not in SCHEMES:
            self._scheme_preference = "system"
        self.actions[f"scheme_{self._scheme_preference}"].setChecked(True)
        highlights = s.get("reader/highlights")
        self.treaty_panel.highlights_box.setChecked(highlights)
        self.actions["highlights"].setChecked(highlights)
        for pane in self.panes:
            pane.set_point_size(s.get("reader/point_size"))
        self.apply_theme()
        self._restore_letters(s.get("reader/open_letters"))
        self.focus_pane(0)

    def _restore_letters(self, saved: list[str]) -> None:
        """The letters open at the last close; on a first start the two oldest letters."""
        known = set(self.model.oldest_first())
        wanted = [i for i in saved if i in known] if saved else []
        if not saved or not wanted:
            wanted = self.model.oldest_first()[:2]
        for pane, letter_id in zip(self.panes, wanted + ["", ""], strict=False):
            if letter_id:
                pane.open_letter(letter_id)

    def _default_geometry(self) -> None:
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        width, height = 1400, 900
        if area is not None:
            width, height = min(width, area.width()), min(height, area.height())
        self.resize(width, height)

    def _default_sizes(self) -> None:
        width = max(self.main_splitter.width(), 800)
        side = max(250, min(340, width // 4))
        self.main_splitter.setSizes([side, width - side])

    def save_settings(self) -> None:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/main_splitter", self.main_splitter.saveState())
        s.set("window/panes_splitter", self.panes_splitter.saveState())
        s.set("window/side_splitter", self.side_splitter.saveState())
        s.set("reader/open_letters", [p.current_id() or "" for p in self.panes])
        s.set("reader/point_size", self.panes[0].point_size())
        s.set("reader/highlights", self.treaty_panel.highlights_box.isChecked())
        s.set("appearance/scheme", self._scheme_preference)
        s.sync()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._needs_default_sizes:
            self._needs_default_sizes = False
            self._default_sizes()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_settings()
        if self._import is not None:
            self.cancel_import()
            # The import holds the library's writer: let it roll back before we go.
            QThreadPool.globalInstance().waitForDone(IMPORT_WAIT_MS)
        super().closeEvent(event)


def _local_paths(mime) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
