"""Search the library as you type: debounced, off the GUI thread, stale answers dropped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.treaties import Treaty
from desktop.core.model.letter import Letter
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import QueryError, SearchResult
from desktop.ui.core_messages import translated_query_message
from desktop.ui.formatting import treaty_label
from desktop.ui.i18n import fill
from desktop.ui.library_panel import is_enter, wants_other_pane
from desktop.ui.search_model import HitDelegate, SearchResultModel
from desktop.ui.theme import LIGHT, Theme
from desktop.ui.workers import SearchJob, start

DEBOUNCE_MS = 250
ERROR_COLOUR = "#d9534f"  # readable on light and dark
RESULT_LIMIT = 50


class SearchPanel(QWidget):
    """A query box, a status line, facet filters and the results."""

    open_requested = Signal(str, object, bool)  # letter id, the Hit, in the other pane
    result_shown = Signal(object)  # SearchResult
    error_shown = Signal(str)  # the plain message

    def __init__(
        self,
        search: Callable[..., SearchResult],
        treaties: dict[str, Treaty],
        parent: QWidget | None = None,
        fetch: Callable[[str], Letter | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._fetch = fetch
        self._treaties = treaties
        self._theme = LIGHT
        self._seq = 0
        self._result_query: str | None = None
        self._result: SearchResult | None = None
        self._error: tuple[object, str] | None = None  # the error and its query, when shown
        self._suggestion: str | None = None
        self._filters: dict[str, str | None] = {"treaty": None, "year": None}
        self._pending_open: bool | None = None  # Enter came before the results: in which pane
        self._jobs: dict[int, object] = {}  # signals objects alive until their answer came
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._build_ui()
        self.retranslate()

    def _build_ui(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._on_text_changed)
        self.search_box.installEventFilter(self)
        self.status = self._rich_label()
        self.status.linkActivated.connect(self._on_status_link)
        self.facets = self._rich_label()
        self.facets.linkActivated.connect(self._on_facet_link)
        self.model = SearchResultModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.delegate = HitDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setDragEnabled(True)
        self.results.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._context_menu)
        self.results.doubleClicked.connect(lambda index: self._open(index.row(), False))
        self.results.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.status)
        layout.addWidget(self.facets)
        layout.addWidget(self.results, 1)

    def _rich_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setOpenExternalLinks(False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setContentsMargins(2, 0, 2, 0)
        return label

    def help_text(self) -> str:
        return self.tr(
            "Words match all their forms (verdrag, verdragen). "
            '"Phrases" in quotes; AND, OR, NOT; wildcards (kernwap*); '
            "fields: title:, verdrag:INF, date:2018, kamerstuk:33694, signatory:Blok."
        )

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Search the library (Ctrl+K)"))
        self.search_box.setToolTip(self.help_text())
        self.search_box.setAccessibleName(self.tr("Search the library"))
        self.search_box.setAccessibleDescription(self.help_text())
        self.status.setAccessibleName(self.tr("Search status"))
        self.facets.setAccessibleName(self.tr("Narrow the results by treaty or year"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setAccessibleDescription(
            self.tr("Enter opens the result in the focused pane, Ctrl+Enter in the other")
        )
        self.results.setToolTip(
            self.tr("Double-click or Enter: open in the focused pane; Ctrl+Enter: the other")
        )
        self.model.retranslate()
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.delegate.theme = theme
        self.results.viewport().update()
        self._show_current()  # links take their colour when set: set them again

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # -- running ----------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()  # restarts: one search when the typing pauses

    def run_search(self) -> None:
        """Search now for what the box holds (the debounce timer calls this too)."""
        self._timer.stop()
        query = self.search_box.text()
        self._seq += 1  # any answer still on its way is stale from here on
        if not query.strip():
            self._show_result(None, "")
            self._error = None
            self._show_current()
            return
        options = SearchOptions(limit=RESULT_LIMIT, **self._filters)
        job = SearchJob(self._search, self._seq, query, options, fetch=self._fetch)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._seq] = job.signals
        start(job)

    def refresh(self) -> None:
        """The library changed: the results shown are searched for again."""
        if self._result is not None:
            self.run_search()

    def is_current(self) -> bool:
        """Whether the results shown answer the query in the box."""
        return self._result_query == self.search_box.text() and not self._timer.isActive()

    def current_query(self) -> str:
        return self._result_query or ""

    def _on_finished(self, seq: int, result: SearchResult, why: dict) -> None:
        self._jobs.pop(seq, None)
        if seq != self._seq:
            return  # a newer query was typed meanwhile
        self._error = None
        self._show_result(result, result.query, why)
        self._show_current()
        self.result_shown.emit(result)
        if self._pending_open is not None and result.hits:
            self._open(max(self.results.currentIndex().row(), 0), self._pending_open)
        self._pending_open = None

    def _on_failed(self, seq: int, error: object) -> None:
        self._jobs.pop(seq, None)
        if seq != self._seq:
            return
        self._pending_open = None
        query = self.search_box.text()
        self._show_result(None, query)
        self._error = (error, query)
        self._show_current()
        self.error_shown.emit(self._error_text(error))

    # -- showing ----------------------------------------------------------------------

    def _show_result(
        self, result: SearchResult | None, query: str, why: dict | None = None
    ) -> None:
        self._result_query = query
        self._result = result
        self.model.set_result(result, why)
        if result and result.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _show_current(self) -> None:
        """The status and facets for what is shown, in the current language and colours."""
        if self._error is not None:
            error, query = self._error
            position = error.position if isinstance(error, QueryError) else None
            self.status.setText(
                f"<span style='color:{ERROR_COLOUR}'>{escape(self._error_text(error))}</span>"
                f"<br><tt>{_marked_query(query, position)}</tt>"
            )
            self.facets.clear()
        elif self._result is None:
            self.status.setText(escape(self.help_text()))
            self.facets.clear()
        else:
            self.status.setText(self._summary(self._result))
            self.facets.setText(self._facets_html(self._result))

    def _link(self, href: str, label: str) -> str:
        # The link colour is written into the link: a rich-text label keeps the colour a link
        # had when its text was set, whatever the palette becomes after a theme switch.
        return f"<a style='color:{self._theme.link.name()}' href='{href}'>{label}</a>"

    def _summary(self, result: SearchResult) -> str:
        self._suggestion = result.suggestion
        if result.total:
            text = escape(self.tr("%n letter(s) match", "", result.total))
            if result.total > len(result.hits):
                text += " " + escape(fill(self.tr("(showing the best %1)"), len(result.hits)))
        else:
            text = escape(fill(self.tr("No letters match «%1»."), result.query))
        if result.suggestion:
            link = self._link("suggest:", escape(result.suggestion))
            text += " " + fill(escape(self.tr("Did you mean %1?")), link)
        return text

    def _facets_html(self, result: SearchResult) -> str:
        parts = []
        for name, label in (("treaty", self.tr("Treaty:")), ("year", self.tr("Year:"))):
            links = self._facet_links(name, result.facets.get(name, {}))
            if links:
                parts.append(f"{escape(label)} {links}")
        return "<br>".join(parts)

    def _facet_links(self, name: str, counts: dict[str, int]) -> str:
        chosen = self._filters[name]
        links = []
        if chosen:
            label = escape(self._facet_label(name, chosen))
            links.append(f"<b>{label}</b> " + self._link(f"clear:{name}", escape(self.tr("(all)"))))
        for value, count in counts.items():
            if value.casefold() != (chosen or "").casefold():
                label = escape(self._facet_label(name, value)).replace(" ", "&nbsp;")
                links.append(self._link(f"{name}:{escape(value)}", label) + f"&nbsp;({count})")
        return " · ".join(links)

    def _facet_label(self, name: str, value: str) -> str:
        treaty = self._treaties.get(value) if name == "treaty" else None
        return treaty_label(treaty) if treaty else value

    def _error_text(self, error: object) -> str:
        if isinstance(error, QueryError):
            message = str(error)
            if message.lower().startswith("cannot read query:"):
                message = message.split(":", 1)[1].strip()
            message = translated_query_message(message)
            if error.position is not None:
                return fill(
                    self.tr("Cannot read the query (at character %1): %2"),
                    error.position + 1,
                    message,
                )
            return fill(self.tr("Cannot read the query: %1"), message)
        text = str(error)
        if text.startswith("search failed: "):
            return fill(self.tr("The search failed: %1"), text.removeprefix("search failed: "))
        return text

    # -- links and filters ------------------------------------------------------------

    def _on_status_link(self, link: str) -> None:
        if link.startswith("suggest:") and self._suggestion:
            self.search_box.setText(self._suggestion)
            self.run_search()

    def _on_facet_link(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "clear":
            self._filters[value] = None
        elif kind in self._filters:
            self._filters[kind] = value
        self.run_search()

    # -- opening ----------------------------------------------------------------------

    def hit_for(self, row: int):
        return self.model.hit(row) if 0 <= row < self.model.rowCount() else None

    def _open(self, row: int, other: bool) -> None:
        hit = self.hit_for(row)
        if hit is not None:
            self.open_requested.emit(hit.id, hit, other)

    def _open_current(self, other: bool) -> None:
        if not self.is_current():
            self._pending_open = other  # open when the answer to this query arrives
            self.run_search()
            return
        self._open(max(self.results.currentIndex().row(), 0), other)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if is_enter(event):
            self._open_current(wants_other_pane(event))
            return True
        if watched is self.search_box and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move_selection(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    def _move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = min(max(self.results.currentIndex().row() + step, 0), rows - 1)
            self.results.setCurrentIndex(self.model.index(row, 0))

    def _context_menu(self, position) -> None:
        index = self.results.indexAt(position)
        if index.isValid():
            menu = self.context_menu(index.row())
            menu.exec(self.results.viewport().mapToGlobal(position))
            menu.deleteLater()

    def context_menu(self, row: int) -> QMenu:
        """Where to open a result: the focused pane or the other."""
        menu = QMenu(self)
        menu.addAction(self.tr("Open in the focused pane"), lambda: self._open(row, False))
        menu.addAction(self.tr("Open in the other pane"), lambda: self._open(row, True))
        return menu


def _marked_query(query: str, position: int | None) -> str:
    """The query, escaped, with the character where reading failed underlined."""
    if position is None or not 0 <= position < len(query):
        return escape(query)
    mark = f"<u style='color:{ERROR_COLOUR}'>{escape(query[position])}</u>"
    return escape(query[:position]) + mark + escape(query[position + 1 :])
