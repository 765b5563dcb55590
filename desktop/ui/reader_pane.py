"""One reader pane: a letter chooser, the letter's header, and the letter itself.

The pane owns what it shows (the letter, its search and find hits, its place, where it has
been) and observes the window's ReadingState (highlights, the chosen treaty, fold), rebuilding
or re-decorating its LetterDocument when either changes.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.treaties import Treaty
from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Letter
from desktop.ui.find_bar import FindBar, find_all, fold
from desktop.ui.formatting import plain_tooltip, reference_label, signatories_line, treaty_name
from desktop.ui.i18n import fill
from desktop.ui.labels import ElidedComboBox, ElidedLabel, plain_label
from desktop.ui.letter_document import DocSpan, LetterDocument, reading_font
from desktop.ui.letter_lists import LETTER_MIME
from desktop.ui.letter_view import LetterView
from desktop.ui.library_model import ID_ROLE, chooser_label
from desktop.ui.reading_state import ReadingState
from desktop.ui.theme import LIGHT, Theme

MIN_POINT_SIZE, MAX_POINT_SIZE = 7.0, 32.0
ZOOM_STEP = 1.0
READING_SCALE = 1.2  # the letter's text against the interface's: a little larger, for reading

Offsets = list[tuple[int, int]]
HitsFor = Callable[[Letter], Offsets]


def default_point_size() -> float:
    """The letter's size follows the system's font size (12 pt on a 10 pt desktop)."""
    return round(QApplication.font().pointSizeF() * READING_SCALE)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a pane was: a letter and the letter offset at the top (None: its top).
    A swap of the two panes records one in each pane with the same token."""

    letter_id: str
    offset: int | None
    token: int = 0


class ReaderPane(QWidget):
    """Shows one letter; its chooser lists the library."""

    focused = Signal()
    letter_opened = Signal(str)  # letter id ("" when the pane is emptied)
    message = Signal(str)  # for the status bar
    open_requested = Signal(str)  # the reader chose a letter in this pane's chooser
    dropped = Signal(dict)  # a letter dragged here: {"id", "from", "row"}
    history_changed = Signal()
    history_requested = Signal(bool)  # the Back (False) or Forward (True) button

    def __init__(
        self,
        fetch: Callable[[str], Letter | None],
        treaties: dict[str, Treaty],
        chooser_model: QAbstractItemModel,
        name: str,
        parent: QWidget | None = None,
        state: ReadingState | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._fetch = fetch
        self._treaties = treaties
        self._theme = LIGHT
        self._point_size = default_point_size()
        self._search_hits: Offsets = []
        self._find_hits: Offsets = []
        self._folded_text: str | None = None  # the letter folded for find, made once
        self._hit_index = -1
        self._find_from = 0  # document position the find bar searches from
        self.state = state if state is not None else ReadingState(self)
        self._fold: str | None = self.state.folded_to
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.letter: Letter | None = None
        self.rendered: LetterDocument | None = None
        self._placeholder: QTextDocument | None = None
        self._removed_title: str | None = None  # the empty pane says this letter was removed
        self._rerender = QTimer(self)  # one rebuild after a burst of language changes
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(0)
        self._rerender.timeout.connect(self._retranslate_letter)
        self._build_ui(chooser_model)
        self.setAcceptDrops(True)
        self.state.changed.connect(self._apply_state)
        self.retranslate()
        self._show_placeholder()

    # -- widgets ----------------------------------------------------------------------

    def _build_ui(self, chooser_model: QAbstractItemModel) -> None:
        self.focus_bar = QFrame(self)
        self.focus_bar.setFixedHeight(3)
        self.focus_bar.setAutoFillBackground(True)
        # The window steps: a swap of the two panes is undone in both.
        self.back_button = self._tool_button(self, "◀", lambda: self.history_requested.emit(False))
        self.forward_button = self._tool_button(
            self, "▶", lambda: self.history_requested.emit(True)
        )
        self.chooser = ElidedComboBox(self)
        self.chooser.setModel(chooser_model)
        self.chooser.setSizeAdjustPolicy(
            ElidedComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(12)
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
        self.fold_banner.setWordWrap(True)
        self.fold_banner.hide()
        self.find_bar = FindBar(self)
        self.find_bar.changed.connect(self._on_find_changed)
        self.find_bar.step.connect(self.next_hit)
        self.find_bar.closed.connect(self._on_find_closed)
        self.view = LetterView(self)
        self.view.text_width_changed.connect(self._fit_tables)
        self.view.focused.connect(self.focused)
        self.view.footnote_clicked.connect(self.show_footnote)
        self.view.backlink_clicked.connect(self.show_marker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QVBoxLayout()
        top.setContentsMargins(8, 6, 8, 6)
        top.setSpacing(2)
        choose = QHBoxLayout()
        choose.setSpacing(2)
        choose.addWidget(self.back_button)
        choose.addWidget(self.forward_button)
        choose.addWidget(self.chooser, 1)
        top.addLayout(choose)
        top.addSpacing(4)
        top.addWidget(self.title_label)
        top.addWidget(self.meta_label)
        top.addWidget(self.fold_banner)
        top.addWidget(self._build_hit_bar())
        top.addWidget(self.find_bar)
        layout.addWidget(self.focus_bar)
        layout.addLayout(top)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setObjectName("paneRule")
        layout.addWidget(rule)
        layout.addWidget(self.view, 1)
        self._update_history_buttons()

    def _build_hit_bar(self) -> QWidget:
        self.hit_bar = QWidget(self)
        row = QHBoxLayout(self.hit_bar)
        row.setContentsMargins(0, 2, 0, 0)
        self.hit_label = plain_label(self.hit_bar)
        self.previous_hit_button = self._tool_button(
            self.hit_bar, "▲", lambda: self.next_hit(forward=False)
        )
        self.next_hit_button = self._tool_button(
            self.hit_bar, "▼", lambda: self.next_hit(forward=True)
        )
        self.clear_hits_button = self._tool_button(self.hit_bar, "✕", self.clear_hits)
        row.addWidget(self.hit_label, 1)
        for button in (self.previous_hit_button, self.next_hit_button, self.clear_hits_button):
            row.addWidget(button)
        self.hit_bar.hide()
        return self.hit_bar

    def _tool_button(self, parent: QWidget, text: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(parent)
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def retranslate(self) -> None:
        """Every text of the pane in the interface language."""
        left = self.objectName().startswith("left")
        pane = self.tr("Left pane") if left else self.tr("Right pane")
        self.setAccessibleName(pane)
        self.view.setAccessibleName(
            self.tr("Letter text, left pane") if left else self.tr("Letter text, right pane")
        )
        self.view.setAccessibleDescription(
            self.tr("The letter; treaty mentions are underlined, footnote markers are links")
        )
        self.chooser.setToolTip(self.tr("Choose the letter shown in this pane"))
        self.chooser.setAccessibleName(
            self.tr("Letter in the left pane") if left else self.tr("Letter in the right pane")
        )
        self.back_button.setToolTip(self.tr("Back to the previous letter and place (Alt+Left)"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.forward_button.setToolTip(self.tr("Forward again (Alt+Right)"))
        self.forward_button.setAccessibleName(self.tr("Forward"))
        self.previous_hit_button.setToolTip(self.tr("Previous match (Ctrl+Shift+G)"))
        self.previous_hit_button.setAccessibleName(self.tr("Previous match"))
        self.next_hit_button.setToolTip(self.tr("Next match (Ctrl+G)"))
        self.next_hit_button.setAccessibleName(self.tr("Next match"))
        self.clear_hits_button.setToolTip(self.tr("Clear the search matches"))
        self.clear_hits_button.setAccessibleName(self.tr("Clear the search matches"))
        self._update_header()
        self._update_banners()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._rerender.start()
        super().changeEvent(event)

    def _retranslate_letter(self) -> None:
        """The letter's own words stay; the view's (the notes heading, tooltips) follow."""
        if self.letter is None:
            self._show_placeholder()
        else:
            self._render()

    def set_focused(self, focused: bool) -> None:
        """Mark this pane as the one that menus and search results act on."""
        palette = QApplication.palette()
        colour = self._theme.accent if focused else palette.window().color()
        palette.setColor(self.focus_bar.backgroundRole(), colour)
        self.focus_bar.setPalette(palette)

    def focus_text(self) -> None:
        """Give the letter the keyboard."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy_with_citation(self) -> None:
        self.view.copy_with_citation()

    def copy_plain(self) -> None:
        self.view.copy_plain()

    # -- opening ----------------------------------------------------------------------

    def open_letter(
        self,
        letter_id: str,
        hits: Offsets | HitsFor | None = None,
        place: int | None = None,
        token: int = 0,
    ) -> bool:
        """Show the letter with *letter_id*, remembering where the pane was (Back). With
        *hits* (offsets, or a function finding them in the letter), mark them and go to the
        first; with *place*, show that letter offset at the top."""
        letter = self._fetch(letter_id)
        if letter is None:
            self.message.emit(fill(self.tr("Letter %1 is no longer in the library"), letter_id))
            return False
        self._remember(token)
        self._show(letter, hits, place)
        return True

    def _show(self, letter: Letter, hits: Offsets | HitsFor | None, place: int | None) -> None:
        self.letter = letter
        self._removed_title = None
        self._folded_text = None
        self._search_hits = sorted(set((hits(letter) if callable(hits) else hits) or []))
        self._find_hits = self._find(self.find_bar.text())
        self._hit_index = -1
        self._render(keep_place=False)
        self._update_header()
        self.sync_chooser()
        if place is not None:
            self.go_to_offset(place)
        elif self._shown_hits():
            self.next_hit(forward=True)
        self.letter_opened.emit(letter.id)

    def clear(self) -> None:
        self._remember()
        self.letter = None
        self._removed_title = None
        self._search_hits = []
        self._find_hits = []
        self._show_placeholder()
        self._update_header()
        self.sync_chooser()
        self.letter_opened.emit("")

    def close_removed(self) -> None:
        """The open letter was removed from the library: the pane empties and says so (Back
        and an undo of the removal bring it back)."""
        if self.letter is not None:
            title = self.letter.meta.title or self.letter.id
            self.clear()
            self._removed_title = title
            self._show_placeholder()

    def reload(self) -> bool:
        """Show the open letter as the library holds it now (read again), at the same place;
        the search's marks go, as the text they were found in may have changed."""
        letter = self._fetch(self.letter.id) if self.letter else None
        if letter is None:
            return False
        self._show(letter, None, self.reading_place())
        return True

    def current_id(self) -> str | None:
        return self.letter.id if self.letter else None

    def _on_chosen(self, row: int) -> None:
        letter_id = self.chooser.itemData(row, ID_ROLE)
        if letter_id and letter_id != self.current_id():
            self.open_requested.emit(letter_id)
        self.sync_chooser()  # the window decides; the chooser shows what the pane shows

    def sync_chooser(self) -> None:
        """Point the chooser at the open letter (after a model reset, too)."""
        with QSignalBlocker(self.chooser):
            # By lookup, not QComboBox.findData: that asks every row (22 ms at 10,000 letters).
            row = index_for_id(self.chooser.model(), self.current_id()).row() if self.letter else -1
            self.chooser.setCurrentIndex(row)
        # The list is read after the window is up: until then the open letter has no row,
        # and the chooser names it in its placeholder rather than ask for a letter.
        letter = self.letter
        if letter is not None and row < 0:
            label = chooser_label(letter.meta.date, letter.meta.title or letter.id)
            self.chooser.setPlaceholderText(label)
        else:
            self.chooser.setPlaceholderText(self.tr("Choose a letter…"))

    # -- where the pane has been --------------------------------------------------------

    def place(self) -> Place | None:
        """Where the pane is now."""
        return Place(self.letter.id, self.reading_place()) if self.letter else None

    def _remember(self, token: int = 0) -> None:
        here = self.place()
        if here is not None:
            self._back.append(Place(here.letter_id, here.offset, token))
            self._forward.clear()
            self._update_history_buttons()

    def peek_history(self, forward: bool) -> Place | None:
        stack = self._forward if forward else self._back
        return stack[-1] if stack else None

    def step_history(self, forward: bool) -> bool:
        """Back (or forward) to the letter and place the pane showed before."""
        source, target = (self._forward, self._back) if forward else (self._back, self._forward)
        while source:
            wanted = source.pop()
            letter = self._fetch(wanted.letter_id)
            if letter is None:
                continue  # removed from the library since: skip it
            here = self.place()
            if here is not None:
                target.append(Place(here.letter_id, here.offset, wanted.token))
            self._show(letter, None, wanted.offset)
            self._update_history_buttons()
            return True
        self._update_history_buttons()
        return False

    def _update_history_buttons(self) -> None:
        self.back_button.setEnabled(bool(self._back))
        self.forward_button.setEnabled(bool(self._forward))
        self.history_changed.emit()

    # -- dropping a letter on the pane -------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasFormat(LETTER_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()  # files go on to the window, which imports them

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasFormat(LETTER_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        if not event.mimeData().hasFormat(LETTER_MIME):
            event.ignore()
            return
        try:
            payload = json.loads(bytes(event.mimeData().data(LETTER_MIME)).decode("utf-8"))
        except ValueError:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(payload)

    # -- rendering --------------------------------------------------------------------

    def _render(self, keep_place: bool = True) -> None:
        """(Re)build the document for the current letter and state; keeps the reading place."""
        if self.letter is None:
            return
        place = self.reading_place() if keep_place else None
        old = self.rendered
        self.rendered = LetterDocument(
            self.letter,
            self._treaties,
            self._theme,
            reading_font(self._point_size),
            fold=self._fold,
            highlights=self.state.highlights,
            emphasis=self.state.treaty,
            hits=self._shown_hits(),
        )
        self.view.show_document(self.rendered.document, self.letter)
        del old  # after the view has let go of the old document
        self._update_banners()
        if place is not None:
            self.go_to_offset(place)

    def _fit_tables(self, width: float) -> None:
        if self.rendered is not None and self.view.document() is self.rendered.document:
            self.rendered.fit_tables(width)

    def reading_place(self) -> int | None:
        """The letter offset of the line at the top of the view (None: the letter's top)."""
        if self.rendered is None or self.rendered.letter is not self.letter:
            return None
        position = self.view.top_position()
        if position is None:
            return None
        offset = self.rendered.positions.from_doc(position)
        # View-only text (a notes rule, a fold mark) at the top: the next letter text.
        while offset is None and position < self.view.document().characterCount() - 1:
            position += 1
            offset = self.rendered.positions.from_doc(position)
        return offset

    def go_to_offset(self, offset: int | None) -> None:
        """Show the line holding letter *offset* at the top (None: the letter's top)."""
        if offset is None or self.rendered is None:
            self.view.go_to_top_of(None)
            return
        position = self.rendered.positions.to_doc(offset)
        if position is None:  # folded away: the nearest passage shown after it
            position = self._nearest_shown(offset)
        self.view.go_to_top_of(position)

    def _nearest_shown(self, offset: int) -> int | None:
        text_length = len(self.letter.text) if self.letter else 0
        for candidate in range(offset, text_length):
            position = self.rendered.positions.to_doc(candidate)
            if position is not None:
                return position
        return None

    def _show_placeholder(self) -> None:
        """An empty pane says how to fill it (one document, refilled on a theme change)."""
        if self._placeholder is None:
            self._placeholder = QTextDocument(self)
        document = self._placeholder
        document.clear()
        document.setDefaultFont(reading_font(self._point_size))
        fmt = QTextCharFormat()
        fmt.setForeground(self._theme.muted)
        if self._removed_title is not None:
            text = fill(
                self.tr(
                    "“%1” was removed from the library.\n\n"
                    "Edit › Undo removal (Ctrl+Z) brings it back; your file was not touched."
                ),
                self._removed_title,
            )
        else:
            text = self.tr(
                "No letter open.\n\nChoose one above, or double-click a letter in the library."
            )
        QTextCursor(document).insertText(text, fmt)
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
            self.meta_label.setToolTip("")
            return
        meta = letter.meta
        facts = [dutch_date(meta.date), reference_label(meta)]
        facts += [s.name for s in meta.signatories]
        self.title_label.setText(meta.title or letter.id)
        self.meta_label.setText(" · ".join(f for f in facts if f))
        details = [
            meta.title or letter.id,
            reference_label(meta),
            dutch_date(meta.date),
            signatories_line(letter),
        ]
        if meta.vergaderjaar:
            details.append(fill(self.tr("Vergaderjaar %1"), meta.vergaderjaar))
        tooltip = plain_tooltip("\n".join(d for d in details if d))
        for label in (self.title_label, self.meta_label):
            label.setToolTip(tooltip)
            label.setAccessibleName(label.text())

    def header_text(self) -> str:
        """The header as a reader sees it: title, then date, kamerstuk and signatories."""
        return f"{self.title_label.text()}\n{self.meta_label.text()}"

    def _update_banners(self) -> None:
        rendered = self.rendered
        if rendered is not None and self._fold:
            treaty = self._treaties.get(self._fold)
            name = treaty_name(treaty) if treaty else self._fold
            self.fold_banner.setText(
                fill(
                    self.tr("Showing %1 of %2 passages that mention %3"),
                    rendered.shown_passages,
                    rendered.total_passages,
                    name,
                )
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

    def _apply_state(self) -> None:
        """The reading state changed: fold (a rebuild) or decorations (a touch-up)."""
        folded = self.state.folded_to
        if folded != self._fold:
            self._fold = folded
            self._render()
        elif self.rendered is not None:
            self.rendered.set_decorations(self.state.highlights, self.state.treaty)

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
        if not spans:
            self.message.emit(self.tr("No mention in this letter"))
            return False
        wrapped = self._step(spans, forward)
        if wrapped:
            self.message.emit(
                self.tr("Wrapped around to the first mention")
                if forward
                else self.tr("Wrapped around to the last mention")
            )
        return True

    def _step(self, spans: list[DocSpan], forward: bool) -> bool:
        """Select the next (previous) span after the selection; whether it wrapped around."""
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
        self.view.reveal(spans[i].start, spans[i].end)
        return wrapped

    # -- search and find hits -------------------------------------------------------------

    def _finding(self) -> bool:
        return self.find_bar.isVisible() and bool(self.find_bar.box.text().strip())

    def _shown_hits(self) -> Offsets:
        """What is marked: the find bar's hits while it has a text, else the search's."""
        return self._find_hits if self._finding() else self._search_hits

    def _show_hits(self) -> None:
        self._hit_index = -1
        if self.rendered is not None:
            self.rendered.set_hits(self._shown_hits())
        self._update_hit_label()

    def next_hit(self, forward: bool = True) -> bool:
        if self.rendered is None or not self.rendered.hits:
            return False
        spans = self.rendered.hits
        if self._hit_index < 0:  # the first step goes from where the reader is
            self._step(spans, forward)
            start = self.view.textCursor().selectionStart()
            self._hit_index = next(i for i, s in enumerate(spans) if s.start == start)
        else:
            self._hit_index = (self._hit_index + (1 if forward else -1)) % len(spans)
            span = spans[self._hit_index]
            self.view.reveal(span.start, span.end)
        self._update_hit_label()
        return True

    def clear_hits(self) -> None:
        self._search_hits = []
        self._show_hits()

    def hit_count(self) -> int:
        return len(self.rendered.hits) if self.rendered else 0

    def search_hit_count(self) -> int:
        return 0 if self._finding() else self.hit_count()

    def _update_hit_label(self) -> None:
        count = self.hit_count()
        finding = self._finding()
        self.find_bar.show_count(self._hit_index if finding else -1, count if finding else 0)
        self.hit_bar.setVisible(count > 0 and not finding)
        if count and not finding:
            if self._hit_index >= 0:
                text = fill(self.tr("Search match %1 of %2"), self._hit_index + 1, count)
            else:
                text = self.tr("%n search match(es)", "", count)
            self.hit_label.setText(text)

    def open_find(self) -> None:
        # Finding starts where the reader is, and stays there while the word grows.
        self._find_from = self.view.textCursor().selectionStart()
        self.find_bar.open_bar()
        if self.find_bar.box.text().strip():
            self._on_find_changed(self.find_bar.box.text())

    def _find(self, needle: str) -> Offsets:
        if self.letter is None or not needle.strip():
            return []
        if self._folded_text is None:
            self._folded_text = fold(self.letter.text)
        return find_all(self.letter.text, needle, self._folded_text)

    def _on_find_changed(self, needle: str) -> None:
        self._find_hits = self._find(needle)
        self._show_hits()
        spans = self.rendered.hits if self.rendered else []
        if spans:
            starts = [s.start for s in spans]
            self._hit_index = bisect_left(starts, self._find_from) % len(spans)
            self.view.reveal(spans[self._hit_index].start, spans[self._hit_index].end)
            self._update_hit_label()

    def _on_find_closed(self) -> None:
        self._find_hits = []
        self._show_hits()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

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
            self.message.emit(fill(self.tr("Footnote %1 is not shown"), marker))
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
