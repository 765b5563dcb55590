"""The treaty view: one treaty through the years of the library.

A timeline of every letter (bars where the treaty is mentioned, other treaties in their own
lanes beside it), and below it every passage that mentions the treaty, oldest first, with its
citation; filters by years and by words; two passages opened side by side or compared word
by word; copy and export with the official citations. The view emits what the reader asks
to open; the window decides where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.history import export
from desktop.core.history.passages import Passage, TreatyHistory
from desktop.core.ingest.treaties import Treaty
from desktop.core.library.library import Library
from desktop.core.model.citation import quote
from desktop.core.search.query import QueryError
from desktop.ui.chips import UNKNOWN_COLOUR, swatch
from desktop.ui.formatting import treaty_label
from desktop.ui.i18n import fill
from desktop.ui.labels import ElidedComboBox, ElidedLabel
from desktop.ui.passages_model import TEXT, ConcordanceDelegate, PassagesModel
from desktop.ui.printing import PrintError, export_passages_pdf
from desktop.ui.theme import DARK, LIGHT, Theme
from desktop.ui.timeline import TimelineWidget
from desktop.ui.wording_view import CompareDialog
from desktop.ui.workers import CallJob, CallSignals, start

NO_YEAR = 1899  # the year boxes' "any"
FILTER_DELAY_MS = 300
EXPORT_FORMS = {  # file dialog filters, translated when shown
    "csv": QT_TRANSLATE_NOOP("TreatyHistoryView", "CSV (*.csv)"),
    "markdown": QT_TRANSLATE_NOOP("TreatyHistoryView", "Markdown (*.md)"),
    "pdf": QT_TRANSLATE_NOOP("TreatyHistoryView", "PDF (*.pdf)"),
}


class PassagesTable(QTableView):
    """Copy (Ctrl+C) here copies the chosen passages with their citations, before the
    window's own Copy can take the key."""

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitting = False
        self._user_sized = False
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)

    def fit_columns(self) -> None:
        """The date whole, the letter's title and the citation a share each, the passage
        the rest (it is what is read); until the reader sizes a column by hand."""
        if self._user_sized:
            return
        date = self.fontMetrics().horizontalAdvance("28 september 2088") + 14
        rest = max(self.viewport().width() - date, 0)
        self._fitting = True
        for column, width in enumerate((date, max(110, rest // 5), max(120, rest // 4))):
            self.setColumnWidth(column, width)
        self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column < TEXT:  # the passage's column follows the others
            self._user_sized = True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_columns()

    def event(self, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        super().keyPressEvent(event)


class TreatyHistoryView(QWidget):
    open_passage = Signal(str, int, int, bool)  # letter id, start, end, in the other pane
    open_mark = Signal(str, str, bool)  # letter id, treaty, in the other pane
    open_pair = Signal(object, object)  # two Passages: side by side, older left
    message = Signal(str)
    ready = Signal()  # the timeline and the first passages show the library as it is now
    exported = Signal(str)  # the path written

    def __init__(
        self, library: Library, treaties: dict[str, Treaty], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("treatyHistory")
        self.history = history = TreatyHistory(library)
        self.destroyed.connect(lambda: history.close())
        self.treaties = treaties
        self._treaty: str | None = None
        self._also: list[str] = []
        self._search: str = ""
        self._only: set[str] | None = None
        self._jobs: list[CallSignals] = []
        self._loaded = self._loading = False
        self._shown_once = False
        self._theme = LIGHT
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._show_passages)
        self.export_actions: dict[tuple[str, bool], QAction] = {}
        self.compare_dialog: CompareDialog | None = None
        self._build_ui()
        self._update_buttons()

    # -- widgets ----------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.timeline = TimelineWidget(self)
        self.timeline.mark_clicked.connect(self.open_mark)
        self.table = PassagesTable(self)
        self.model = PassagesModel(self)
        self.table.setModel(self.model)
        self.delegate = ConcordanceDelegate(self.treaties, self.table)
        self.table.setItemDelegateForColumn(TEXT, self.delegate)
        self._setup_table()
        self.status = ElidedLabel(self)  # never wider than the dock: elided, whole on hover
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("historySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(self._build_filters())
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_actions())

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)

    def _build_filters(self) -> QHBoxLayout:
        # Every part can give way (to a minimum), so that the dock fits beside the side
        # column on a 1024 px screen without widening the window.
        self.treaty_box = ElidedComboBox(self)
        self.treaty_box.setToolTip(self.tr("The treaty whose history is shown"))
        self.treaty_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.treaty_box.setMinimumWidth(90)
        self.treaty_box.activated.connect(
            lambda _row: self.show_treaty(self.treaty_box.currentData())
        )
        self.also_button = QPushButton(self.tr("Compare with"), self)  # room for its arrow
        self.also_button.setToolTip(self.tr("Other treaties on the timeline, each in its own lane"))
        self.also_menu = QMenu(self.also_button)
        self.also_button.setMenu(self.also_menu)
        self.from_box, self.to_box = self._year_box(self.tr("From")), self._year_box(self.tr("To"))
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter passages: words or a query…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setMinimumWidth(120)
        self.filter_box.textChanged.connect(lambda _t: self._filter_timer.start())
        self.follow_box = QCheckBox(self.tr("Only letters found"), self)
        self.follow_box.setToolTip(
            self.tr("Only the letters the query in the Search tab finds, following it")
        )
        self.follow_box.toggled.connect(self._on_follow)
        row = QHBoxLayout()
        row.addWidget(self.treaty_box)
        row.addWidget(self.also_button)
        for label, box in ((self.tr("From"), self.from_box), (self.tr("to"), self.to_box)):
            row.addWidget(QLabel(label, self))
            row.addWidget(box)
        row.addWidget(self.filter_box, 1)
        row.addWidget(self.follow_box)
        return row

    def _year_box(self, tip: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(NO_YEAR, 2100)
        box.setSpecialValueText(self.tr("any"))
        box.setValue(NO_YEAR)
        box.setToolTip(tip)
        box.valueChanged.connect(self._on_years)
        return box

    def _setup_table(self) -> None:
        table = self.table
        table.setObjectName("passagesTable")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setMinimumHeight(60)
        # Rows as tall as the text needs: at 1024 x 700 the dock has ~250 px for everything.
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.fit_columns()
        table.doubleClicked.connect(self._on_double_clicked)
        table.copy_requested.connect(self.copy_selected)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _build_actions(self) -> QHBoxLayout:
        self.open_button = self._button(
            self.tr("Open"),
            self.tr("Open the letter at this passage (Ctrl: in the other pane)"),
            self.open_selected,
        )
        self.pair_button = self._button(
            self.tr("Side by side"),
            self.tr("Open the two chosen passages' letters side by side"),
            self.open_selected_pair,
        )
        self.compare_button = self._button(
            self.tr("Compare wording"),
            self.tr("The two chosen passages word by word"),
            self.compare_selected,
        )
        self.copy_button = self._button(
            self.tr("Copy"),
            self.tr("Copy the chosen passages with their citations (Ctrl+C)"),
            self.copy_selected,
        )
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setMenu(self._export_menu())
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        for widget in (
            self.open_button,
            self.pair_button,
            self.compare_button,
            self.copy_button,
            self.export_button,
        ):
            row.addWidget(widget)
        return row

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _export_menu(self) -> QMenu:
        menu = QMenu(self)
        labels = {
            "csv": (self.tr("Chosen passages as CSV…"), self.tr("All passages as CSV…")),
            "markdown": (
                self.tr("Chosen passages as Markdown…"),
                self.tr("All passages as Markdown…"),
            ),
            "pdf": (self.tr("Chosen passages as PDF…"), self.tr("All passages as PDF…")),
        }
        for selected in (True, False):
            for form, (chosen, every) in labels.items():
                action = menu.addAction(chosen if selected else every)
                action.triggered.connect(lambda _c=False, f=form, s=selected: self.ask_export(f, s))
                self.export_actions[(form, selected)] = action
            menu.addSeparator()
        return menu

    # -- what is shown ----------------------------------------------------------------

    def show_treaty(self, treaty: str | None) -> None:
        """Show *treaty*'s history (read the library first if this view has not yet)."""
        if treaty is None:
            return
        self._treaty = treaty
        self._also = [t for t in self._also if t != treaty]
        if self._loaded:
            self._rebuild()
        else:
            self.refresh()

    def current_treaty(self) -> str | None:
        return self._treaty

    def set_also(self, treaties: list[str]) -> None:
        """Other treaties on the timeline, in lanes under the chosen one."""
        self._also = [t for t in treaties if t != self._treaty]
        self._show_timeline()

    def refresh(self) -> None:
        """Read the library's letters again (after an import): off the GUI thread. One read
        at a time: the table is of the index as it is when the read runs."""
        self._loaded = False
        if self._loading:
            return
        self._loading = True
        self._say(self.tr("Reading the library…"))
        job = CallJob(self.history.letters)
        job.signals.done.connect(self._on_loaded)
        job.signals.failed.connect(self._on_failed)
        self._jobs.append(job.signals)
        start(job)

    def _on_loaded(self, _rows: object) -> None:
        self._jobs = [j for j in self._jobs if j is not self.sender()]
        self._loading = False
        self._loaded = True
        self._fill_treaty_box()
        self._rebuild()

    def _on_failed(self, message: str) -> None:
        self._jobs = [j for j in self._jobs if j is not self.sender()]
        self._loading = False
        self._say(message)
        self.message.emit(message)

    def _on_export_failed(self, message: str) -> None:
        self._jobs = [j for j in self._jobs if j is not self.sender()]
        self._say(message)
        self.message.emit(message)

    def _fill_treaty_box(self) -> None:
        found = self.history.treaties()
        ids = [t for t in self.treaties if t in found] + sorted(
            t for t in found if t not in self.treaties
        )
        if self._treaty is None and ids:
            self._treaty = max(ids, key=lambda t: found[t])
        self.treaty_box.blockSignals(True)
        self.treaty_box.clear()
        for treaty in ids:
            label = self.tr("%1 (%n letter(s))", "", found[treaty]).replace(
                "%1", self._label(treaty)
            )
            self.treaty_box.addItem(QIcon(swatch(self._colour(treaty).name())), label, treaty)
        self.treaty_box.setCurrentIndex(max(0, self.treaty_box.findData(self._treaty)))
        self.treaty_box.blockSignals(False)
        self._fill_also_menu(ids)

    def _fill_also_menu(self, ids: list[str]) -> None:
        self.also_menu.clear()
        for treaty in ids:
            action = self.also_menu.addAction(
                QIcon(swatch(self._colour(treaty).name())), self._label(treaty)
            )
            action.setCheckable(True)
            action.setChecked(treaty in self._also)
            action.setData(treaty)
            action.toggled.connect(
                lambda _on: self.set_also(
                    [a.data() for a in self.also_menu.actions() if a.isChecked()]
                )
            )

    def _rebuild(self) -> None:
        self.treaty_box.setCurrentIndex(max(0, self.treaty_box.findData(self._treaty)))
        self._show_timeline()
        self._show_passages()
        self.ready.emit()

    def _show_timeline(self) -> None:
        if not self._loaded:
            return
        lanes = []
        for treaty in [self._treaty, *self._also] if self._treaty else []:
            marks = self.history.timeline([treaty], only=self._only)
            lanes.append((treaty, self._label(treaty), self._colour(treaty), marks))
        self.timeline.set_marks(lanes, [r.day for r in self.history.letters() if r.day])
        self.timeline.show_years(*self.years())

    def _show_passages(self) -> None:
        self._filter_timer.stop()
        if not self._loaded or self._treaty is None:
            self.model.set_source(None)
            return
        text = self.filter_box.text()
        try:
            source = self.history.passages(self._treaty, self.years(), text, self._only)
            self.model.set_source(source)
        except QueryError as exc:
            self.model.set_source(None)
            self._say(fill(self.tr("Filter: %1"), exc))
            return
        self._update_status()

    def _update_status(self) -> None:
        marks = self.timeline.lanes()[0].marks if self.timeline.lanes() else []
        letters = self.tr("%n letter(s) mention %1", "", len(marks)).replace(
            "%1", self._label(self._treaty or "")
        )
        shown = self.model.rowCount()
        if self.model.complete():
            passages = self.tr("%n passage(s)", "", shown)
        else:
            passages = self.tr("the first %n passage(s); more as you scroll", "", shown)
        following = (
            fill(self.tr(" · following “%1”"), self._search) if self._only is not None else ""
        )
        self._say(f"{letters} · {passages}{following}")

    def years(self) -> tuple[int | None, int | None]:
        first, last = self.from_box.value(), self.to_box.value()
        return (None if first == NO_YEAR else first, None if last == NO_YEAR else last)

    def set_years(self, first: int | None, last: int | None) -> None:
        for box, year in ((self.from_box, first), (self.to_box, last)):
            box.blockSignals(True)
            box.setValue(year or NO_YEAR)
            box.blockSignals(False)
        self._on_years()

    def _on_years(self) -> None:
        self.timeline.show_years(*self.years())
        self._show_passages()

    # -- following the search ---------------------------------------------------------

    def set_search(self, query: str) -> None:
        """The query in the Search tab; the view follows it while the box is ticked."""
        self._search = query.strip()
        if self.follow_box.isChecked():
            self._apply_search()

    def _on_follow(self, on: bool) -> None:
        if on and not self._search:
            self.message.emit(
                self.tr("Search first: the timeline then shows only the letters that match")
            )
        self._apply_search() if on else self._clear_search()

    def _apply_search(self) -> None:
        if not self._search:
            return self._clear_search()
        try:
            self._only = self.history.matching(self._search)
        except QueryError as exc:
            self.message.emit(str(exc))
            return None
        self._show_timeline()
        self._show_passages()
        return None

    def _clear_search(self) -> None:
        if self._only is not None:
            self._only = None
            self._show_timeline()
            self._show_passages()

    # -- the chosen passages ----------------------------------------------------------

    def selected_passages(self) -> list[Passage]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.passage(r) for r in rows]

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.open_button.setEnabled(count == 1)
        self.pair_button.setEnabled(count == 2)
        self.compare_button.setEnabled(count == 2)
        self.copy_button.setEnabled(count > 0)
        for (_form, selected), action in self.export_actions.items():
            action.setEnabled(count > 0 or not selected)

    def _on_double_clicked(self, index) -> None:
        other = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
        p = self.model.passage(index.row())
        self.open_passage.emit(p.letter_id, p.start, p.end, other)

    def open_selected(self) -> None:
        chosen = self.selected_passages()
        if len(chosen) == 1:
            other = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
            self.open_passage.emit(chosen[0].letter_id, chosen[0].start, chosen[0].end, other)

    def open_selected_pair(self) -> None:
        chosen = self.selected_passages()
        if len(chosen) == 2:
            self.open_pair.emit(chosen[0], chosen[1])

    def compare_selected(self) -> CompareDialog | None:
        chosen = self.selected_passages()
        if len(chosen) != 2:
            self.message.emit(self.tr("Choose two passages to compare"))
            return None
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        self.compare_dialog = CompareDialog(chosen[0], chosen[1], self.treaties, self._theme, self)
        self.compare_dialog.open_requested.connect(self.open_passage)
        self.compare_dialog.show()
        return self.compare_dialog

    def copy_selected(self) -> str:
        """The chosen passages, each quoted with its official citation."""
        text = "\n\n".join(quote(p.text, p.citation) for p in self.selected_passages())
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for button in (self.open_button, self.pair_button, self.compare_button, self.copy_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.addSeparator()
        menu.addMenu(self.export_button.menu()).setText(self.tr("Export"))
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- export -----------------------------------------------------------------------

    def ask_export(self, form: str, selected: bool) -> None:
        suffix = {"csv": ".csv", "markdown": ".md", "pdf": ".pdf"}[form]
        name = f"{self._treaty or 'passages'}-passages{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export passages"), name, self.tr(str(EXPORT_FORMS[form]))
        )
        if path:
            self.export(form, selected, Path(path))

    def export(self, form: str, selected: bool, path: Path) -> None:
        """Write the chosen passages, or every passage under the current filters (read off
        the GUI thread: at 10,000 letters that takes seconds), to *path*."""
        if selected:
            self._write(form, self.selected_passages(), path)
            return
        treaty, years, text, only = self._treaty, self.years(), self.filter_box.text(), self._only
        job = CallJob(
            lambda: list(self.history.passages(treaty, years, text, only)) if treaty else []
        )
        job.signals.done.connect(lambda found: self._write(form, found, path))
        job.signals.failed.connect(self._on_export_failed)
        self._jobs.append(job.signals)
        self._say(self.tr("Exporting…"))
        start(job)

    def _write(self, form: str, passages: list[Passage], path: Path) -> None:
        heading = self._heading()
        try:
            if form == "pdf":
                export_passages_pdf(passages, self.treaties, heading, path)
            else:
                with open(
                    path, "w", encoding="utf-8-sig" if form == "csv" else "utf-8", newline=""
                ) as out:
                    if form == "csv":
                        export.write_csv(passages, out)
                    else:
                        export.write_markdown(passages, out, heading)
        except (OSError, PrintError) as exc:
            message = fill(
                self.tr("Could not write %1: %2"),
                path,
                getattr(exc, "strerror", None) or exc,
            )
            self.message.emit(message)
            return
        self.message.emit(fill(self.tr("%n passage(s) written to %1", "", len(passages)), path))
        self._update_status()
        self.exported.emit(str(path))

    def _heading(self) -> str:
        treaty = self.treaties.get(self._treaty or "")
        name = treaty.name_nl if treaty else (self._treaty or "")
        first, last = self.years()
        if first or last:
            name += f" ({first or ''}–{last or ''})"
        return name

    # -- looks ------------------------------------------------------------------------

    def _label(self, treaty: str) -> str:
        found = self.treaties.get(treaty)
        return treaty_label(found) if found else treaty

    def _colour(self, treaty: str) -> QColor:
        found = self.treaties.get(treaty)
        return QColor(found.colour if found else UNKNOWN_COLOUR)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.timeline.set_theme(theme)
        self.delegate.theme = theme
        self.table.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Light or dark follows the application's palette, as the window sets it."""
        if event.type() == QEvent.Type.PaletteChange:
            dark = self.palette().window().color().lightness() < 128
            if dark != self._theme.dark:
                self.set_theme(DARK if dark else LIGHT)
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """At the first show, two fifths of the height for the timeline: the size hints
        would give nearly all of it to the passages."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._share_height)

    def _share_height(self) -> None:
        total = sum(self.splitter.sizes())
        top = max(self.timeline.minimumHeight(), int(total * 0.4))
        self.splitter.setSizes([top, total - top])

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        super().closeEvent(event)
