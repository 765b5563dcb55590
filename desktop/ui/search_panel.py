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
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.treaties import Treaty
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import QueryError, SearchResult
from desktop.ui.library_panel import is_enter, wants_other_pane
from desktop.ui.search_model import HitDelegate, SearchResultModel
from desktop.ui.theme import Theme
from desktop.ui.workers import SearchJob, start

DEBOUNCE_MS = 250
ERROR_COLOUR = "#d9534f"  # readable on light and dark
RESULT_LIMIT = 50
HELP = (
    "Words match all their forms (verdrag, verdragen). "
    '"Phrases" in quotes; AND, OR, NOT; wildcards (kernwap*); '
    "fields: title:, verdrag:INF, date:2018, kamerstuk:33694, signatory:Blok."
)


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
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._treaties = treaties
        self._seq = 0
        self._result_query: str | None = None
        self._suggestion: str | None = None
        self._filters: dict[str, str | None] = {"treaty": None, "year": None}
        self._pending_open: bool | None = None  # Enter came before the results: in which pane
        self._jobs: dict[int, object] = {}  # signals objects alive until their answer came
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._build_ui()

    def _build_ui(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("Search the library (Ctrl+K)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(HELP)
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
        self.results.doubleClicked.connect(lambda index: self._open(index.row(), False))
        self.results.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addWidget(self.status)
        layout.addWidget(self.facets)
        layout.addWidget(self.results, 1)
        self._show_status(escape(HELP))

    def _rich_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setOpenExternalLinks(False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setContentsMargins(2, 0, 2, 0)
        return label

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.results.viewport().update()

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
            self._show_status(escape(HELP))
            return
        options = SearchOptions(limit=RESULT_LIMIT, **self._filters)
        job = SearchJob(self._search, self._seq, query, options)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._seq] = job.signals
        start(job)

    def is_current(self) -> bool:
        """Whether the results shown answer the query in the box."""
        return self._result_query == self.search_box.text() and not self._timer.isActive()

    def _on_finished(self, seq: int, result: SearchResult) -> None:
        self._jobs.pop(seq, None)
        if seq != self._seq:
            return  # a newer query was typed meanwhile
        self._show_result(result, result.query)
        self._show_status(self._summary(result))
        self._show_facets(result)
        self.result_shown.emit(result)
        if self._pending_open is not None and result.hits:
            self._open(max(self.results.currentIndex().row(), 0), self._pending_open)
        self._pending_open = None

    def _on_failed(self, seq: int, error: object) -> None:
        self._jobs.pop(seq, None)
        if seq != self._seq:
            return
        self._pending_open = None
        message = _error_text(error)
        query = self.search_box.text()
        self._show_result(None, query)
        self.facets.clear()
        position = error.position if isinstance(error, QueryError) else None
        self._show_status(
            f"<span style='color:{ERROR_COLOUR}'>{escape(message)}</span><br>"
            f"<tt>{_marked_query(query, position)}</tt>"
        )
        self.error_shown.emit(message)

    # -- showing ----------------------------------------------------------------------

    def _show_result(self, result: SearchResult | None, query: str) -> None:
        self._result_query = query
        self.model.set_result(result)
        if result and result.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        if result is None:
            self.facets.clear()

    def _show_status(self, html: str) -> None:
        self.status.setText(html)

    def _summary(self, result: SearchResult) -> str:
        self._suggestion = result.suggestion
        if result.total:
            noun = "letter" if result.total == 1 else "letters"
            text = f"{result.total} {noun} match"
            if result.total > len(result.hits):
                text += f" (showing the best {len(result.hits)})"
        else:
            text = f"No letters match «{escape(result.query)}»."
        if result.suggestion:
            text += f" Did you mean <a href='suggest:'>{escape(result.suggestion)}</a>?"
        return text

    def _show_facets(self, result: SearchResult) -> None:
        parts = []
        for name, label in (("treaty", "Treaty"), ("year", "Year")):
            links = self._facet_links(name, result.facets.get(name, {}))
            if links:
                parts.append(f"{label}: {links}")
        self.facets.setText("<br>".join(parts))

    def _facet_links(self, name: str, counts: dict[str, int]) -> str:
        chosen = self._filters[name]
        links = []
        if chosen:
            label = escape(self._facet_label(name, chosen))
            links.append(f"<b>{label}</b> <a href='clear:{name}'>(all)</a>")
        for value, count in counts.items():
            if value.casefold() != (chosen or "").casefold():
                label = escape(self._facet_label(name, value)).replace(" ", "&nbsp;")
                links.append(f"<a href='{name}:{escape(value)}'>{label}</a>&nbsp;({count})")
        return " · ".join(links)

    def _facet_label(self, name: str, value: str) -> str:
        treaty = self._treaties.get(value) if name == "treaty" else None
        return treaty.label if treaty else value

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

    def _open(self, row: int, other: bool) -> None:
        if 0 <= row < self.model.rowCount():
            hit = self.model.hit(row)
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


def _marked_query(query: str, position: int | None) -> str:
    """The query, escaped, with the character where reading failed underlined."""
    if position is None or not 0 <= position < len(query):
        return escape(query)
    mark = f"<u style='color:{ERROR_COLOUR}'>{escape(query[position])}</u>"
    return escape(query[:position]) + mark + escape(query[position + 1 :])


def _error_text(error: object) -> str:
    if isinstance(error, QueryError):
        where = f" (at character {error.position + 1})" if error.position is not None else ""
        message = str(error)
        if message.lower().startswith("cannot read query:"):
            message = message.split(":", 1)[1].strip()
        return f"Cannot read the query{where}: {message}"
    return str(error)
