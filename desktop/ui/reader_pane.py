"""One reader pane: a letter chooser, the letter's header, and the letter itself.

The pane owns the state of what it shows (the letter, its search hits, the treaty emphasised,
fold and zoom) and rebuilds or re-decorates its LetterDocument when that state changes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.treaties import Treaty
from desktop.core.model.letter import Letter
from desktop.ui.formatting import dutch_date, kamerstuk_label, plain_tooltip, signatories_line
from desktop.ui.labels import ElidedLabel, plain_label
from desktop.ui.letter_document import DocSpan, LetterDocument, reading_font
from desktop.ui.letter_view import LetterView
from desktop.ui.library_model import ID_ROLE
from desktop.ui.theme import LIGHT, Theme

DEFAULT_POINT_SIZE = 12.0
MIN_POINT_SIZE, MAX_POINT_SIZE = 7.0, 32.0
ZOOM_STEP = 1.0


class ReaderPane(QWidget):
    """Shows one letter; its chooser lists the library."""

    focused = Signal()
    letter_opened = Signal(str)  # letter id ("" when the pane is emptied)
    message = Signal(str)  # for the status bar

    def __init__(
        self,
        fetch: Callable[[str], Letter | None],
        treaties: dict[str, Treaty],
        chooser_model: QAbstractItemModel,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._fetch = fetch
        self._treaties = treaties
        self._theme = LIGHT
        self._point_size = DEFAULT_POINT_SIZE
        self._hits: list[tuple[int, int]] = []
        self._hit_index = -1
        self._highlights = True
        self._emphasis: str | None = None
        self._fold: str | None = None
        self.letter: Letter | None = None
        self.rendered: LetterDocument | None = None
        self._placeholder: QTextDocument | None = None
        self._build_ui(chooser_model)
        self._show_placeholder()

    # -- widgets ----------------------------------------------------------------------

    def _build_ui(self, chooser_model: QAbstractItemModel) -> None:
        self.focus_bar = QFrame(self)
        self.focus_bar.setFixedHeight(3)
        self.focus_bar.setAutoFillBackground(True)
        self.chooser = QComboBox(self)
        self.chooser.setModel(chooser_model)
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(20)
        self.chooser.setToolTip("Choose the letter shown in this pane")
        self.chooser.activated.connect(self._on_chosen)
        # One line each, elided: the two panes' headers keep one height, so the letters
        # start side by side; the full details are in the tooltip.
        self.title_label = ElidedLabel(self)
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.meta_label = ElidedLabel(self)
        self.fold_banner = plain_label(self)
        self.fold_banner.setContentsMargins(4, 2, 4, 2)
        self.fold_banner.hide()
        self.view = LetterView(self)
        self.view.focused.connect(self.focused)
        self.view.footnote_clicked.connect(self.show_footnote)
        self.view.backlink_clicked.connect(self.show_marker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QVBoxLayout()
        top.setContentsMargins(8, 6, 8, 6)
        top.setSpacing(2)
        top.addWidget(self.chooser)
        top.addSpacing(4)
        top.addWidget(self.title_label)
        top.addWidget(self.meta_label)
        top.addWidget(self.fold_banner)
        top.addWidget(self._build_hit_bar())
        layout.addWidget(self.focus_bar)
        layout.addLayout(top)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setObjectName("paneRule")
        layout.addWidget(rule)
        layout.addWidget(self.view, 1)

    def _build_hit_bar(self) -> QWidget:
        self.hit_bar = QWidget(self)
        row = QHBoxLayout(self.hit_bar)
        row.setContentsMargins(0, 2, 0, 0)
        self.hit_label = plain_label(self.hit_bar)
        self.previous_hit_button = self._tool_button("▲", "Previous match (Ctrl+Shift+G)")
        self.next_hit_button = self._tool_button("▼", "Next match (Ctrl+G)")
        self.clear_hits_button = self._tool_button("✕", "Clear the search matches")
        self.previous_hit_button.clicked.connect(lambda: self.next_hit(forward=False))
        self.next_hit_button.clicked.connect(lambda: self.next_hit(forward=True))
        self.clear_hits_button.clicked.connect(self.clear_hits)
        row.addWidget(self.hit_label, 1)
        for button in (self.previous_hit_button, self.next_hit_button, self.clear_hits_button):
            row.addWidget(button)
        self.hit_bar.hide()
        return self.hit_bar

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self.hit_bar)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def set_focused(self, focused: bool) -> None:
        """Mark this pane as the one that menus and search results act on."""
        palette = QApplication.palette()
        colour = self._theme.accent if focused else palette.window().color()
        palette.setColor(self.focus_bar.backgroundRole(), colour)
        self.focus_bar.setPalette(palette)

    # -- opening ----------------------------------------------------------------------

    def open_letter(
        self,
        letter_id: str,
        hits: list[tuple[int, int]] | Callable[[str], list[tuple[int, int]]] | None = None,
    ) -> bool:
        """Show the letter with *letter_id*; with *hits* (offsets, or a function finding
        them in the letter's text), mark them and go to the first."""
        letter = self._fetch(letter_id)
        if letter is None:
            self.message.emit(f"Letter {letter_id} is no longer in the library")
            return False
        self.letter = letter
        self._hits = list((hits(letter.text) if callable(hits) else hits) or [])
        self._hit_index = -1
        self._render()
        self._update_header()
        self.sync_chooser()
        if self._hits:
            self.next_hit(forward=True)
        self.letter_opened.emit(letter.id)
        return True

    def clear(self) -> None:
        self.letter = None
        self._hits = []
        self._show_placeholder()
        self._update_header()
        self.sync_chooser()
        self.letter_opened.emit("")

    def current_id(self) -> str | None:
        return self.letter.id if self.letter else None

    def _on_chosen(self, row: int) -> None:
        letter_id = self.chooser.itemData(row, ID_ROLE)
        if letter_id and letter_id != self.current_id():
            self.open_letter(letter_id)

    def sync_chooser(self) -> None:
        """Point the chooser at the open letter (after a model reset, too)."""
        with QSignalBlocker(self.chooser):
            # By lookup, not QComboBox.findData: that asks every row (22 ms at 10,000 letters).
            row = index_for_id(self.chooser.model(), self.current_id()).row() if self.letter else -1
            self.chooser.setCurrentIndex(row)
            if row < 0:
                self.chooser.setPlaceholderText("Choose a letter…")

    # -- rendering --------------------------------------------------------------------

    def _render(self) -> None:
        """(Re)build the document for the current letter and state; keeps the reading place."""
        if self.letter is None:
            return
        place = self._reading_place()
        old = self.rendered
        self.rendered = LetterDocument(
            self.letter,
            self._treaties,
            self._theme,
            reading_font(self._point_size),
            fold=self._fold,
            highlights=self._highlights,
            emphasis=self._emphasis,
            hits=self._hits,
        )
        self.view.show_document(self.rendered.document, self.letter)
        del old  # after the view has let go of the old document
        self._update_banners()
        if place is not None:
            self._restore_place(place)

    def _reading_place(self) -> int | None:
        """The letter offset at the top of the view, to come back to after a rebuild."""
        if self.rendered is None or self.rendered.letter is not self.letter:
            return None
        cursor = self.view.cursorForPosition(self.view.viewport().rect().topLeft())
        return self.rendered.positions.from_doc(cursor.position())

    def _restore_place(self, offset: int) -> None:
        position = self.rendered.positions.to_doc(offset) if self.rendered else None
        if position is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self.view.cursorRect(cursor).top())

    def _show_placeholder(self) -> None:
        """An empty pane says how to fill it (one document, refilled on a theme change)."""
        if self._placeholder is None:
            self._placeholder = QTextDocument(self)
        document = self._placeholder
        document.clear()
        document.setDefaultFont(reading_font(self._point_size))
        fmt = QTextCharFormat()
        fmt.setForeground(self._theme.muted)
        QTextCursor(document).insertText(
            "No letter open.\n\nChoose one above, or double-click a letter in the library.",
            fmt,
        )
        old = self.rendered
        self.rendered = None
        self.view.show_document(document, None)
        del old
        self._update_banners()

    def _update_header(self) -> None:
        letter = self.letter
        if letter is None:
            self.title_label.setText("")
            self.meta_label.setText("")
            self.title_label.setToolTip("")
            return
        meta = letter.meta
        facts = [dutch_date(meta.date), kamerstuk_label(meta.kamerstuk)]
        facts += [s.name for s in meta.signatories]
        self.title_label.setText(meta.title or letter.id)
        self.meta_label.setText(" · ".join(f for f in facts if f))
        details = [
            meta.title or letter.id,
            kamerstuk_label(meta.kamerstuk),
            dutch_date(meta.date),
            signatories_line(letter),
        ]
        if meta.vergaderjaar:
            details.append(f"Vergaderjaar {meta.vergaderjaar}")
        tooltip = plain_tooltip("\n".join(d for d in details if d))
        for label in (self.title_label, self.meta_label):
            label.setToolTip(tooltip)

    def header_text(self) -> str:
        """The header as a reader sees it: title, then date, kamerstuk and signatories."""
        return f"{self.title_label.text()}\n{self.meta_label.text()}"

    def _update_banners(self) -> None:
        rendered = self.rendered
        if rendered is not None and self._fold:
            name = self._treaties[self._fold].name_nl if self._fold in self._treaties else ""
            self.fold_banner.setText(
                f"Showing {rendered.shown_passages} of {rendered.total_passages} passages "
                f"that mention {name or self._fold}"
            )
            self.fold_banner.show()
        else:
            self.fold_banner.hide()
        self._update_hit_label()

    # -- state from the window ----------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        palette = self.view.palette()
        palette.setColor(palette.ColorRole.Base, theme.page)
        palette.setColor(palette.ColorRole.Text, theme.text)
        self.view.setPalette(palette)
        muted = QApplication.palette()
        muted.setColor(muted.ColorRole.WindowText, theme.muted)
        self.meta_label.setPalette(muted)
        self.set_focused(False)
        if self.letter is None:
            self._show_placeholder()
        else:
            self._render()
            self._update_header()

    def set_decorations(self, highlights: bool, emphasis: str | None) -> None:
        self._highlights, self._emphasis = highlights, emphasis
        if self.rendered is not None:
            self.rendered.set_decorations(highlights, emphasis)

    def set_fold(self, treaty: str | None) -> None:
        """Show only the passages that mention *treaty* (None: the whole letter)."""
        if treaty == self._fold:
            return
        self._fold = treaty
        self._render()

    @property
    def fold(self) -> str | None:
        return self._fold

    # -- zoom -------------------------------------------------------------------------

    def set_point_size(self, points: float) -> None:
        self._point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, points))
        self.view.set_point_size(self._point_size)

    def point_size(self) -> float:
        return self._point_size

    def zoom(self, steps: int) -> None:
        self.set_point_size(self._point_size + steps * ZOOM_STEP)

    # -- mentions ---------------------------------------------------------------------

    def mention_counts(self) -> dict[str, int]:
        return self.letter.mention_counts() if self.letter else {}

    def next_mention(self, treaty: str | None, forward: bool = True) -> bool:
        """Select the next (previous) explicit mention of *treaty* (any treaty if None)."""
        if self.rendered is None:
            return False
        spans = [
            span
            for span, m in self.rendered.mentions
            if m.kind == "explicit" and (treaty is None or m.treaty == treaty)
        ]
        return self._step(spans, forward, "mention")

    def _step(self, spans: list[DocSpan], forward: bool, what: str) -> bool:
        if not spans:
            self.message.emit(f"No {what} in this letter")
            return False
        cursor = self.view.textCursor()
        starts = [s.start for s in spans]
        if forward:
            i = bisect_left(starts, cursor.selectionEnd())
            if cursor.hasSelection() and i > 0 and starts[i - 1] > cursor.selectionStart():
                i = i - 1
            wrapped = i >= len(spans)
            i = 0 if wrapped else i
        else:
            i = bisect_right(starts, cursor.selectionStart() - 1) - 1
            wrapped = i < 0
            i = len(spans) - 1 if wrapped else i
        if wrapped:
            self.message.emit(f"Wrapped around to the {'first' if forward else 'last'} {what}")
        self.view.reveal(spans[i].start, spans[i].end)
        return True

    # -- search hits ------------------------------------------------------------------

    def next_hit(self, forward: bool = True) -> bool:
        if self.rendered is None or not self.rendered.hits:
            return False
        count = len(self.rendered.hits)
        self._hit_index = (self._hit_index + (1 if forward else -1)) % count
        span = self.rendered.hits[self._hit_index]
        self.view.reveal(span.start, span.end)
        self._update_hit_label()
        return True

    def clear_hits(self) -> None:
        self._hits = []
        self._hit_index = -1
        if self.rendered is not None:
            self.rendered.set_hits([])
        self._update_hit_label()

    def hit_count(self) -> int:
        return len(self.rendered.hits) if self.rendered else 0

    def _update_hit_label(self) -> None:
        count = self.hit_count()
        self.hit_bar.setVisible(count > 0)
        if count:
            position = f"{self._hit_index + 1} of {count}" if self._hit_index >= 0 else f"{count}"
            self.hit_label.setText(f"Search match {position}")

    def show_span(self, start: int, end: int) -> bool:
        """Select letter offsets [start, end) and scroll to them (a passage of the history)."""
        span = self.rendered.positions.span_to_doc(start, end) if self.rendered else None
        if span is None:
            return False
        # Anchored at the end, the cursor at the start: a passage taller than the pane
        # is scrolled to its first line, not its last.
        self.view.reveal(span[1], span[0])
        return True

    # -- footnotes --------------------------------------------------------------------

    def show_footnote(self, marker: str) -> bool:
        """Scroll to a footnote's text and select it."""
        span = self.rendered.notes.get(marker) if self.rendered else None
        if span is None:
            self.message.emit(f"Footnote {marker} is not shown")
            return False
        self.view.reveal(span.start, span.end)
        return True

    def show_marker(self, marker: str) -> bool:
        """Back from a footnote to where the text refers to it."""
        span = self.rendered.markers.get(marker) if self.rendered else None
        if span is None:
            return False
        self.view.reveal(span.start, span.end)
        return True

    def footnotes(self) -> list:
        return list(self.letter.footnotes) if self.letter else []


def index_for_id(model: QAbstractItemModel, letter_id: str) -> QModelIndex:
    if hasattr(model, "index_of"):
        return model.index_of(letter_id)
    found = model.match(model.index(0, 0), ID_ROLE, letter_id, 1, Qt.MatchFlag.MatchExactly)
    return found[0] if found else QModelIndex()
