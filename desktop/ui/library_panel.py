"""The library list: filter box, treaty and year filters, sort order, and the letters."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.treaties import Treaty
from desktop.ui.chips import paint_chips, swatch
from desktop.ui.formatting import treaty_label, treaty_name
from desktop.ui.i18n import fill
from desktop.ui.labels import ElidedComboBox, plain_label
from desktop.ui.library_model import (
    DATE_ROLE,
    ID_ROLE,
    KAMERSTUK_ROLE,
    TITLE_ROLE,
    TREATIES_ROLE,
    LibraryFilter,
    LibraryModel,
)
from desktop.ui.theme import LIGHT, Theme

ROW_PADDING = 8
SORT_KEYS = ("date-desc", "date-asc", "title")


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def wants_other_pane(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class LetterDelegate(QStyledItemDelegate):
    """Paints a letter as its title, date and kamerstuk, and its treaty chips (a letter
    without treaties takes two lines, not three)."""

    def __init__(self, treaties: dict[str, Treaty], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._treaties = treaties
        self.theme = LIGHT

    def _line_height(self, option: QStyleOptionViewItem) -> int:
        return QFontMetrics(option.font).height()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        line = self._line_height(option)
        lines = 3 if index.data(TREATIES_ROLE) else 2
        return QSize(200, lines * line + 2 * ROW_PADDING + 4 * (lines - 1))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_text(painter, option, index, selected)
        painter.restore()

    def _paint_text(self, painter, option, index, selected: bool) -> None:
        palette = option.palette
        text = palette.highlightedText().color() if selected else palette.text().color()
        muted = text if selected else self.theme.muted
        line = self._line_height(option)
        box = QRectF(option.rect).adjusted(12, ROW_PADDING, -10, -ROW_PADDING)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text)
        title = QFontMetrics(bold).elidedText(
            index.data(TITLE_ROLE) or "", Qt.TextElideMode.ElideRight, int(box.width())
        )
        painter.drawText(QRectF(box.left(), box.top(), box.width(), line), title)
        painter.setFont(option.font)
        painter.setPen(muted)
        facts = " · ".join(x for x in (index.data(DATE_ROLE), index.data(KAMERSTUK_ROLE)) if x)
        facts = QFontMetrics(option.font).elidedText(
            facts, Qt.TextElideMode.ElideRight, int(box.width())
        )
        painter.drawText(QRectF(box.left(), box.top() + line + 2, box.width(), line), facts)
        chips = index.data(TREATIES_ROLE) or []
        if chips:
            rect = QRectF(box.left(), box.top() + 2 * line + 6, box.width(), line + 2)
            paint_chips(painter, rect, chips, self._treaties, self.theme, more_colour=muted)


class LibraryPanel(QWidget):
    """Lists the library; asks the window to open what the reader picks."""

    open_requested = Signal(str, bool)  # letter id, in the other pane
    remove_requested = Signal(list)  # letter ids: out of the library (Delete, context menu)
    reread_requested = Signal(list)  # letter ids: parse again from the library's copies
    original_requested = Signal(str)  # letter id: its original in the system's viewer

    def __init__(
        self, model: LibraryModel, treaties: dict[str, Treaty], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._treaties = treaties
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(model)
        self._build_ui()
        model.modelReset.connect(self._refresh_filters)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.retranslate()

    def _build_ui(self) -> None:
        self.filter_box = QLineEdit(self)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.treaty_filter = ElidedComboBox(self)
        self.treaty_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_treaty(self.treaty_filter.currentData())
        )
        self.year_filter = ElidedComboBox(self)
        self.year_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_year(self.year_filter.currentData())
        )
        self.sort_choice = ElidedComboBox(self)
        for key in SORT_KEYS:
            self.sort_choice.addItem("", key)
        self.sort_choice.currentIndexChanged.connect(
            lambda: self.proxy.set_sort(self.sort_choice.currentData())
        )
        self.list_view = self._build_list()
        self.list_view.installEventFilter(self)  # Enter and Ctrl+Enter open a letter
        self.count_label = plain_label(self)
        self.count_label.setWordWrap(True)
        self.count_label.setContentsMargins(2, 0, 2, 0)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        for combo, stretch in ((self.treaty_filter, 3), (self.year_filter, 2)):
            # Shrinkable: the side column must fit beside two readable panes on 1024 px.
            combo.setSizeAdjustPolicy(
                ElidedComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
            filters.addWidget(combo, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter_box)
        layout.addLayout(filters)
        layout.addWidget(self.list_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.sort_choice)
        layout.addLayout(bottom)

    def _build_list(self) -> QListView:
        view = QListView(self)
        view.setModel(self.proxy)
        self.delegate = LetterDelegate(self._treaties, view)
        view.setItemDelegate(self.delegate)
        # Rows differ in height (a letter without treaties has no chip line); Qt asks the
        # delegate in batches, so 10,000 rows lay out without a pause.
        view.setUniformItemSizes(False)
        view.setLayoutMode(QListView.LayoutMode.Batched)
        view.setBatchSize(500)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setDragEnabled(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.doubleClicked.connect(lambda index: self._open(index, False))
        return view

    def retranslate(self) -> None:
        self.filter_box.setPlaceholderText(self.tr("Filter letters by title, date, kamerstuk…"))
        self.filter_box.setAccessibleName(self.tr("Filter the library"))
        self.treaty_filter.setToolTip(self.tr("Only letters that mention this treaty"))
        self.treaty_filter.setAccessibleName(self.tr("Treaty filter"))
        self.year_filter.setToolTip(self.tr("Only letters of this year"))
        self.year_filter.setAccessibleName(self.tr("Year filter"))
        self.sort_choice.setToolTip(
            self.tr("Sort the letters: newest or oldest first, or by title")
        )
        self.sort_choice.setAccessibleName(self.tr("Sort order"))
        labels = (self.tr("Newest"), self.tr("Oldest"), self.tr("Title A–Z"))
        for row, label in enumerate(labels):
            self.sort_choice.setItemText(row, label)
        self.list_view.setToolTip(
            self.tr("Double-click or Enter: open in the focused pane; Ctrl+Enter: the other")
        )
        self.list_view.setAccessibleName(self.tr("Letters in the library"))
        self.list_view.setAccessibleDescription(
            self.tr(
                "Enter opens the letter in the focused pane, Ctrl+Enter in the other; "
                "drag a letter onto a pane to open it there"
            )
        )
        self._refresh_filters()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.list_view.viewport().update()

    def focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    # -- filters ----------------------------------------------------------------------

    def _refresh_filters(self) -> None:
        """After the library changed: offer the treaties and years it now holds."""
        self._refill(
            self.treaty_filter,
            self.tr("Any treaty"),
            [(self._treaty_label(t), t) for t in self.model.treaty_ids()],
        )
        self._refill(self.year_filter, self.tr("Any year"), [(y, y) for y in self.model.years()])
        for treaty_id in self.model.treaty_ids():
            i = self.treaty_filter.findData(treaty_id)
            if treaty_id in self._treaties:
                treaty = self._treaties[treaty_id]
                self.treaty_filter.setItemIcon(i, swatch(treaty.colour))
                self.treaty_filter.setItemData(i, treaty_name(treaty), Qt.ItemDataRole.ToolTipRole)
        self._update_count()

    def _treaty_label(self, treaty_id: str) -> str:
        treaty = self._treaties.get(treaty_id)
        return treaty_label(treaty) if treaty else treaty_id

    def _refill(self, combo: ElidedComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, data in items:
            combo.addItem(label, data)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0:  # the chosen value is gone: show everything again
            combo.currentIndexChanged.emit(0)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if not self.model.listed:
            text = self.tr("Reading the list of letters…")
        elif total == 0:
            text = self.tr("No letters yet: File › Add files…, or drop letters on the window")
        elif shown == total:
            text = self.tr("%n letter(s)", "", total)
        else:
            text = fill(self.tr("%1 of %n letter(s)", "", total), shown)
        self.count_label.setText(text)

    def clear_filters(self) -> None:
        self.filter_box.clear()
        self.treaty_filter.setCurrentIndex(0)
        self.year_filter.setCurrentIndex(0)

    # -- selection --------------------------------------------------------------------

    def select_ids(self, letter_ids: Iterable[str]) -> int:
        """Select these letters in the list (the filters cleared if they hid any) and show
        the first; returns how many are selected."""
        wanted = [i for i in letter_ids if self.model.index_of(i).isValid()]
        rows = [self.proxy.mapFromSource(self.model.index_of(i)) for i in wanted]
        if any(not r.isValid() for r in rows):
            self.clear_filters()
            rows = [self.proxy.mapFromSource(self.model.index_of(i)) for i in wanted]
        selection = QItemSelection()
        for row in rows:
            selection.select(row, row)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.list_view.selectionModel().select(selection, flags)
        if rows:
            first = min(rows, key=lambda r: r.row())
            self.list_view.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.list_view.scrollTo(first)
        return len(rows)

    def first_selected_row(self) -> int:
        rows = self.list_view.selectionModel().selectedRows()
        return min((r.row() for r in rows), default=self.list_view.currentIndex().row())

    def select_row(self, row: int) -> None:
        """Select the letter at *row* of the list (the last when the list is shorter): after
        a removal, the letter that took the removed ones' place."""
        count = self.proxy.rowCount()
        if row < 0 or count == 0:
            return
        index = self.proxy.index(min(row, count - 1), 0)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(index)

    def selected_ids(self) -> list[str]:
        rows = sorted(self.list_view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ID_ROLE) for i in rows]

    # -- opening ----------------------------------------------------------------------

    def _open(self, index: QModelIndex, other: bool) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(ID_ROLE), other)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.list_view and event.type() == QEvent.Type.KeyPress:
            if is_enter(event):
                self._open(self.list_view.currentIndex(), wants_other_pane(event))
                return True
            if event.key() == Qt.Key.Key_Delete and self.selected_ids():
                self.remove_requested.emit(self.selected_ids())
                return True
        return super().eventFilter(watched, event)

    def _context_menu(self, position) -> None:
        index = self.list_view.indexAt(position)
        if not index.isValid():  # the menu key: the current letter
            index = self.list_view.currentIndex()
            position = self.list_view.visualRect(index).center()
        if index.isValid():
            menu = self.context_menu(index)
            menu.exec(self.list_view.viewport().mapToGlobal(position))
            menu.deleteLater()

    def context_menu(self, index: QModelIndex) -> QMenu:
        """Where to open a letter, its original; reading again and removing act on the
        selection when the letter is part of it."""
        letter_id = index.data(ID_ROLE)
        chosen = self.selected_ids()
        ids = chosen if letter_id in chosen else [letter_id]
        menu = QMenu(self)
        menu.addAction(self.tr("Open in the focused pane"), lambda: self._open(index, False))
        menu.addAction(self.tr("Open in the other pane"), lambda: self._open(index, True))
        menu.addAction(
            self.tr("Open the original"), lambda: self.original_requested.emit(letter_id)
        )
        menu.addSeparator()
        several = len(ids) > 1
        menu.addAction(
            self.tr("Read %n letters again from the library's copies", "", len(ids))
            if several
            else self.tr("Read again from the library's copy"),
            lambda: self.reread_requested.emit(ids),
        )
        remove = menu.addAction(
            self.tr("Remove %n letters from the library", "", len(ids))
            if several
            else self.tr("Remove from the library"),
            lambda: self.remove_requested.emit(ids),
        )
        remove.setShortcut(QKeySequence(Qt.Key.Key_Delete))  # shown as a hint: the list acts
        remove.setToolTip(self.tr("Your files stay where they are; Ctrl+Z brings them back"))
        menu.setToolTipsVisible(True)
        return menu
