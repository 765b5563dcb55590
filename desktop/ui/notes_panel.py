"""The footnotes of the focused pane's letter, at hand: a click shows a note in the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.model.letter import Footnote
from desktop.ui.labels import plain_label

MARKER_ROLE = Qt.ItemDataRole.UserRole + 1


class NotesPanel(QWidget):
    note_chosen = Signal(str)  # marker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notes: list[Footnote] = []
        self._pane = ""  # "left", "right" or "" (no pane)
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
        self._notes, self._pane = list(notes), pane_name
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(f"{note.marker}  {note.text}")
            item.setData(MARKER_ROLE, note.marker)
            self.list.addItem(item)
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self._notes)
        if self._pane == "left":
            caption = self.tr("%n footnote(s) in the left pane", "", count)
        elif self._pane == "right":
            caption = self.tr("%n footnote(s) in the right pane", "", count)
        else:
            caption = self.tr("%n footnote(s)", "", count)
        self.caption.setText(caption)
        self.list.setAccessibleName(caption)
        self.list.setAccessibleDescription(self.tr("Enter shows the note in the letter"))
        for row in range(self.list.count()):
            self.list.item(row).setToolTip(self.tr("Show this note in the letter"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.note_chosen.emit(item.data(MARKER_ROLE))
