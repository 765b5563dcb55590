"""The treaties in the open letters: colour, per-pane counts, emphasis, navigation, fold, and
the chosen treaty's card (its facts, its Tractatenblad citations, the "het verdrag" read as it).

Treaties outside the gazetteer are one row, "other", with a child row per name."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.tractatenblad import TRACTATENBLAD, parse_citation
from desktop.core.ingest.treaties import OTHER, Treaty, gazetteer
from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Letter
from desktop.ui.chips import swatch
from desktop.ui.formatting import plain_tooltip, treaty_full_name, treaty_label, treaty_name
from desktop.ui.i18n import fill, language

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # an "other" treaty's name on its child row


@dataclass
class _Seen:
    """What the open letters say of one treaty (or one "other" name), per pane."""

    explicit: list[int] = field(default_factory=lambda: [0, 0])
    implicit: list[int] = field(default_factory=lambda: [0, 0])
    citations: dict[tuple[str, str], set[int]] = field(default_factory=dict)  # (year, nr)


class TreatyTable(QTreeWidget):
    """The treaties; says so when the open letters mention none (not an empty box)."""

    placeholder = ""

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self.topLevelItemCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(
                self.viewport().rect().adjusted(8, 12, -8, 0),
                int(flags) | int(Qt.TextFlag.TextWordWrap),
                self.placeholder,
            )
            painter.end()


class TreatyPanel(QWidget):
    """Clicking a treaty emphasises it in both panes; clicking it again ends that."""

    treaty_chosen = Signal(object)  # treaty id, or None
    highlights_toggled = Signal(bool)
    fold_toggled = Signal(bool)
    next_requested = Signal()
    previous_requested = Signal()
    history_requested = Signal(str)  # treaty id: show its history (double-click, context menu)

    def __init__(self, treaties: dict[str, Treaty], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._treaties = treaties
        self._current: str | None = None
        self._seen: dict[tuple[str, str | None], _Seen] = {}
        self._shown_name: str | None = None
        self._build_ui()
        self.retranslate()

    def _build_ui(self) -> None:
        self.table = TreatyTable(self)
        self.table.setColumnCount(3)
        self.table.setRootIsDecorated(True)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.table.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        # A click or Enter toggles the treaty's emphasis; a double-click (whose first click
        # chose it) keeps it chosen and opens its history. Not Qt's "activated": that
        # follows a double-click too (and is a single click on some desktops), which
        # toggled the emphasis a second time.
        self.table.itemClicked.connect(self._on_clicked)
        self.table.itemDoubleClicked.connect(self._on_double_clicked)
        self.table.installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._history_menu)
        self.card = QLabel(self)
        self.card.setObjectName("treatyCard")
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setWordWrap(True)
        self.card.setOpenExternalLinks(False)
        self.card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.previous_button = QPushButton(self)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(self.next_requested)
        self.highlights_box = QCheckBox(self)
        self.highlights_box.setChecked(True)
        self.highlights_box.toggled.connect(self.highlights_toggled)
        self.fold_box = QCheckBox(self)
        self.fold_box.toggled.connect(self.fold_toggled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        # The card under the list, in a splitter: a long card scrolls, the list keeps its rows.
        self.card_area = QScrollArea(self)
        self.card_area.setWidget(self.card)
        self.card_area.setWidgetResizable(True)
        self.card_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.card_area)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.highlights_box)
        layout.addWidget(self.fold_box)

    def _history_menu(self, pos) -> None:
        item = self.table.itemAt(pos)
        if item is None:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Treaty history…"))
        action.triggered.connect(lambda: self.history_requested.emit(item.data(0, ID_ROLE)))
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def retranslate(self) -> None:
        self.table.setHeaderLabels([self.tr("Treaty"), self.tr("Left"), self.tr("Right")])
        self.table.placeholder = self.tr("The open letters mention no treaty")
        self.table.viewport().update()
        self.table.setAccessibleName(self.tr("Treaties in the open letters"))
        self.table.setAccessibleDescription(
            self.tr("Mentions per pane; choosing a treaty emphasises it in both panes")
        )
        self.previous_button.setToolTip(self.tr("Previous mention in the focused pane (Shift+F3)"))
        self.next_button.setToolTip(self.tr("Next mention in the focused pane (F3)"))
        self.highlights_box.setText(self.tr("Show highlights"))
        self.fold_box.setText(self.tr("Only passages with this treaty"))
        self.fold_box.setToolTip(
            self.tr("Fold both panes to the paragraphs that mention the treaty")
        )
        for i in range(self.rows()):
            self._describe(self.table.topLevelItem(i))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_highlights(self, shown: bool) -> None:
        self.highlights_box.setChecked(shown)

    def show_fold(self, folded: bool) -> None:
        self.fold_box.setChecked(folded)

    # -- content ----------------------------------------------------------------------

    def set_letters(self, left: Letter | None, right: Letter | None) -> None:
        """Every treaty in the open letters, most mentioned first; "other" names below it."""
        self._seen = {}
        for pane, letter in enumerate((left, right)):
            if letter is not None:
                self._read(pane, letter)
        totals = {tid: s.explicit for (tid, name), s in self._seen.items() if name is None}
        ids = sorted(
            (t for t, counts in totals.items() if sum(counts)),
            key=lambda t: (t == OTHER, -sum(totals[t]), t),
        )
        self.table.clear()
        for treaty_id in ids:
            item = self._item(treaty_id, None, *totals[treaty_id])
            self.table.addTopLevelItem(item)
            if treaty_id == OTHER:
                self._add_names(item)
        if self._current not in ids:
            self._current = None
            self.treaty_chosen.emit(None)
        self._show_current()
        self._update_buttons()

    def _read(self, pane: int, letter: Letter) -> None:
        for m in letter.mentions:
            for key in {(m.treaty, None), (m.treaty, m.name)}:
                seen = self._seen.setdefault(key, _Seen())
                (seen.explicit if m.kind == "explicit" else seen.implicit)[pane] += 1
        for r in letter.references:
            if r.kind == TRACTATENBLAD and r.treaty:
                for key in {(r.treaty, None), (r.treaty, r.label)}:
                    seen = self._seen.setdefault(key, _Seen())
                    seen.citations.setdefault((r.year or "", r.number or ""), set()).add(pane)

    def _add_names(self, parent: QTreeWidgetItem) -> None:
        names = sorted(
            (name for tid, name in self._seen if tid == OTHER and name),
            key=lambda n: (-sum(self._seen[(OTHER, n)].explicit), n.casefold()),
        )
        for name in names:
            parent.addChild(self._item(OTHER, name, *self._seen[(OTHER, name)].explicit))
        parent.setExpanded(True)

    def _item(self, treaty_id: str, name: str | None, left: int, right: int) -> QTreeWidgetItem:
        treaty = self._treaties.get(treaty_id)
        label = name or (treaty_label(treaty) if treaty else treaty_id)
        item = QTreeWidgetItem([label, str(left), str(right)])
        item.setData(0, ID_ROLE, treaty_id)
        item.setData(0, NAME_ROLE, name)
        if treaty:
            item.setIcon(0, QIcon(swatch(treaty.colour)))
        for column in (1, 2):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        self._describe(item)
        return item

    def _describe(self, item: QTreeWidgetItem) -> None:
        """The row's words in the interface language: its label and tooltips."""
        treaty = self._treaties.get(item.data(0, ID_ROLE))
        if treaty:
            other = treaty.name_en if treaty_name(treaty) == treaty.name_nl else treaty.name_nl
            name = item.data(0, NAME_ROLE)
            item.setText(0, name or treaty_label(treaty))
            item.setToolTip(0, plain_tooltip(name or f"{treaty_name(treaty)} · {other}"))
        item.setToolTip(1, self.tr("Mentions in the left pane"))
        item.setToolTip(2, self.tr("Mentions in the right pane"))

    def treaty_ids(self) -> list[str]:
        return [item.data(0, ID_ROLE) for item in _children(self.table.invisibleRootItem())]

    def other_names(self) -> list[str]:
        """The treaties outside the gazetteer that the open letters name, as listed."""
        item = self.item_for(OTHER)
        return [child.data(0, NAME_ROLE) for child in _children(item)] if item else []

    def rows(self) -> int:
        return self.table.topLevelItemCount()

    def item_for(self, treaty_id: str, name: str | None = None) -> QTreeWidgetItem | None:
        for item in _children(self.table.invisibleRootItem()):
            if item.data(0, ID_ROLE) != treaty_id:
                continue
            if name is None:
                return item
            for child in _children(item):
                if child.data(0, NAME_ROLE) == name:
                    return child
        return None

    def counts(self, treaty_id: str, name: str | None = None) -> tuple[int, int] | None:
        item = self.item_for(treaty_id, name)
        return (int(item.text(1)), int(item.text(2))) if item else None

    # -- choosing ---------------------------------------------------------------------

    def current_treaty(self) -> str | None:
        return self._current

    def choose(self, treaty_id: str | None, name: str | None = None) -> None:
        """Emphasise *treaty_id* (an "other" treaty: the one called *name*). The reading
        state echoes a choice back without a name: that keeps the name shown."""
        if treaty_id == self._current and name is None:
            return
        self._shown_name = name if treaty_id == OTHER else None
        if treaty_id == self._current:
            self._show_current()
            return
        self._current = treaty_id
        self._show_current()
        self._update_buttons()
        self.treaty_chosen.emit(treaty_id)

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        treaty_id, name = item.data(0, ID_ROLE), item.data(0, NAME_ROLE)
        if treaty_id == self._current and name == self._shown_name:
            self.choose(None)
        else:
            self.choose(treaty_id, name)

    def _on_double_clicked(self, item: QTreeWidgetItem) -> None:
        self.choose(item.data(0, ID_ROLE), item.data(0, NAME_ROLE))
        self.history_requested.emit(item.data(0, ID_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.table.currentItem() is not None
        ):
            self._on_clicked(self.table.currentItem())
            return True
        return super().eventFilter(watched, event)

    def _show_current(self) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        item = self.item_for(self._current, self._shown_name) if self._current else None
        if item is not None:
            item.setSelected(True)
            self.table.setCurrentItem(item)
        self.table.blockSignals(False)
        self._show_card()

    def _update_buttons(self) -> None:
        self.fold_box.setEnabled(self._current is not None)
        if self._current is None and self.fold_box.isChecked():
            self.fold_box.setChecked(False)
        label = (
            treaty_label(self._treaties[self._current]) if self._current in self._treaties else ""
        )
        if label:
            self.next_button.setText(fill(self.tr("Next %1 ▶"), label))
            self.previous_button.setText(fill(self.tr("◀ Previous %1"), label))
        else:
            self.next_button.setText(self.tr("Next ▶"))
            self.previous_button.setText(self.tr("◀ Previous"))

    # -- the card ---------------------------------------------------------------------

    def _show_card(self) -> None:
        treaty = self._treaties.get(self._current) if self._current else None
        self.card_area.setVisible(treaty is not None)
        self.card.setText(self.card_html(treaty) if treaty else "")

    def card_html(self, treaty: Treaty) -> str:
        """The chosen treaty: names, family, dates, status, the Netherlands, its Tractatenblad
        citations (the gazetteer's and the open letters'), "het verdrag" read as it."""
        name = self._shown_name if treaty.id == OTHER else None
        seen = self._seen.get((treaty.id, name), _Seen())
        colour = f"<span style='color:{escape(treaty.colour)}'>\u25a0</span>"
        if treaty.id == OTHER:
            head = f"{colour} <b>{escape(name or self.tr('Treaties outside the gazetteer'))}</b>"
            rows = [(self.tr("Kind"), self.tr("a treaty the gazetteer does not hold"))]
        else:
            other = treaty.name_en if treaty_name(treaty) == treaty.name_nl else treaty.name_nl
            head = f"{colour} <b>{escape(treaty_name(treaty))}</b> · {escape(other)}"
            rows = self._facts(treaty)
        rows.append((self.tr("Tractatenblad"), self._citations(treaty, seen)))
        rows.append((self.tr("Read as this treaty"), self._implicit_line(seen)))
        body = "".join(
            f"<tr><td valign='top'><b>{escape(k)}</b>&nbsp;</td><td>{escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        return f"<p>{head}</p><table cellspacing='0' cellpadding='1'>{body}</table>"

    def _facts(self, treaty: Treaty) -> list[tuple[str, str]]:
        family = gazetteer().families.get(treaty.family)
        dutch = language() == "nl"
        return [
            (self.tr("Full name"), treaty_full_name(treaty)),
            (self.tr("Family"), _both(family.name_nl, family.name_en, dutch) if family else ""),
            (self.tr("Signed"), dutch_date(treaty.signed)),
            (self.tr("In force"), dutch_date(treaty.in_force)),
            (self.tr("Status"), treaty.status_nl if dutch else treaty.status_en),
            (self.tr("Netherlands"), treaty.netherlands),
            (self.tr("Source"), treaty.source),
        ]

    def _citations(self, treaty: Treaty, seen: _Seen) -> str:
        known = {key for c in treaty.tractatenblad for key in parse_citation(c)}
        panes = (self.tr("left"), self.tr("right"))
        out = []
        for year, number in sorted(known | set(seen.citations)):
            where = ", ".join(panes[p] for p in sorted(seen.citations.get((year, number), ())))
            out.append(f"Trb. {year}, {number}" + (f" ({where})" if where else ""))
        return "; ".join(out)

    def _implicit_line(self, seen: _Seen) -> str:
        if not sum(seen.implicit):
            return ""
        left, right = seen.implicit
        return fill(self.tr("“het verdrag” and the like: %1 left, %2 right"), left, right)


def _both(dutch_name: str, english_name: str, dutch: bool) -> str:
    """Both names, the interface language's first: letters use both."""
    return f"{dutch_name} · {english_name}" if dutch else f"{english_name} · {dutch_name}"


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]
