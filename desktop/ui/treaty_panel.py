"""The treaties in the open letters: colour, per-pane counts, emphasis, navigation, fold."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ingest.treaties import Treaty
from desktop.ui.chips import swatch
from desktop.ui.formatting import plain_tooltip, treaty_name
from desktop.ui.i18n import fill

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TreatyPanel(QWidget):
    """Clicking a treaty emphasises it in both panes; clicking it again ends that."""

    treaty_chosen = Signal(object)  # treaty id, or None
    highlights_toggled = Signal(bool)
    fold_toggled = Signal(bool)
    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, treaties: dict[str, Treaty], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._treaties = treaties
        self._current: str | None = None
        self._build_ui()
        self.retranslate()

    def _build_ui(self) -> None:
        self.table = QTreeWidget(self)
        self.table.setColumnCount(3)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.table.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        self.table.itemClicked.connect(self._on_clicked)
        self.table.itemActivated.connect(self._on_clicked)
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
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.highlights_box)
        layout.addWidget(self.fold_box)

    def retranslate(self) -> None:
        self.table.setHeaderLabels([self.tr("Treaty"), self.tr("Left"), self.tr("Right")])
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

    def set_counts(self, left: dict[str, int], right: dict[str, int]) -> None:
        """Every treaty in the open letters, most mentioned first."""
        ids = sorted(set(left) | set(right), key=lambda t: (-(left.get(t, 0) + right.get(t, 0)), t))
        self.table.clear()
        for treaty_id in ids:
            self.table.addTopLevelItem(
                self._item(treaty_id, left.get(treaty_id, 0), right.get(treaty_id, 0))
            )
        if self._current not in ids:
            self._current = None
            self.treaty_chosen.emit(None)
        self._show_current()
        self._update_buttons()

    def _item(self, treaty_id: str, left: int, right: int) -> QTreeWidgetItem:
        treaty = self._treaties.get(treaty_id)
        item = QTreeWidgetItem([treaty.label if treaty else treaty_id, str(left), str(right)])
        item.setData(0, ID_ROLE, treaty_id)
        if treaty:
            item.setIcon(0, QIcon(swatch(treaty.colour)))
        for column in (1, 2):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        self._describe(item)
        return item

    def _describe(self, item: QTreeWidgetItem) -> None:
        treaty = self._treaties.get(item.data(0, ID_ROLE))
        if treaty:
            other = treaty.name_en if treaty_name(treaty) == treaty.name_nl else treaty.name_nl
            item.setToolTip(0, plain_tooltip(f"{treaty_name(treaty)} · {other}"))
        item.setToolTip(1, self.tr("Mentions in the left pane"))
        item.setToolTip(2, self.tr("Mentions in the right pane"))

    def treaty_ids(self) -> list[str]:
        return [self.table.topLevelItem(i).data(0, ID_ROLE) for i in range(self.rows())]

    def rows(self) -> int:
        return self.table.topLevelItemCount()

    def item_for(self, treaty_id: str) -> QTreeWidgetItem | None:
        for i in range(self.rows()):
            item = self.table.topLevelItem(i)
            if item.data(0, ID_ROLE) == treaty_id:
                return item
        return None

    def counts(self, treaty_id: str) -> tuple[int, int] | None:
        item = self.item_for(treaty_id)
        return (int(item.text(1)), int(item.text(2))) if item else None

    # -- choosing ---------------------------------------------------------------------

    def current_treaty(self) -> str | None:
        return self._current

    def choose(self, treaty_id: str | None) -> None:
        if treaty_id == self._current:
            return
        self._current = treaty_id
        self._show_current()
        self._update_buttons()
        self.treaty_chosen.emit(treaty_id)

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        treaty_id = item.data(0, ID_ROLE)
        self.choose(None if treaty_id == self._current else treaty_id)

    def _show_current(self) -> None:
        self.table.blockSignals(True)
        self.table.clearSelection()
        item = self.item_for(self._current) if self._current else None
        if item is not None:
            item.setSelected(True)
            self.table.setCurrentItem(item)
        self.table.blockSignals(False)

    def _update_buttons(self) -> None:
        self.fold_box.setEnabled(self._current is not None)
        if self._current is None and self.fold_box.isChecked():
            self.fold_box.setChecked(False)
        label = self._treaties[self._current].label if self._current in self._treaties else ""
        if label:
            self.next_button.setText(fill(self.tr("Next %1 ▶"), label))
            self.previous_button.setText(fill(self.tr("◀ Previous %1"), label))
        else:
            self.next_button.setText(self.tr("Next ▶"))
            self.previous_button.setText(self.tr("◀ Previous"))
