"""The footnotes of the focused pane's letter, at hand: a click shows a note in the text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.model.letter import Footnote
from desktop.ui.labels import plain_label

MARKER_ROLE = Qt.ItemDataRole.UserRole + 1


class NotesPanel(QWidget):
    note_chosen = Signal(str)  # marker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = plain_label(self)
        self.caption.setWordWrap(True)
        self.caption.setContentsMargins(2, 0, 2, 0)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)
        self.set_notes([], "")

    def set_notes(self, notes: list[Footnote], pane_name: str) -> None:
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(f"{note.marker}  {note.text}")
            item.setData(MARKER_ROLE, note.marker)
            item.setToolTip("Show this note in the letter")
            self.list.addItem(item)
        count = len(notes)
        where = f" in the {pane_name} pane" if pane_name else ""
        self.caption.setText(f"{count} footnote{'s' if count != 1 else ''}{where}")

    def _chosen(self, item: QListWidgetItem) -> None:
        self.note_chosen.emit(item.data(MARKER_ROLE))
