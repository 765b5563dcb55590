"""What the window's lists of letters share: each row is a letter that can be dragged onto a
reader pane (the pane reads which letter, from which list and row)."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
LETTER_MIME = "application/x-kamerbrief-letter"  # JSON: {"id", "from", "row"}


def letter_mime(letter_id: str, source: str, row: int = -1) -> QMimeData:
    """A letter dragged from a list onto a pane: which letter, from which list and row."""
    mime = QMimeData()
    payload = {"id": letter_id, "from": source, "row": row}
    mime.setData(LETTER_MIME, json.dumps(payload).encode("utf-8"))
    return mime


class LetterListModel(QAbstractListModel):
    """A list model whose rows are letters, draggable onto a pane. A subclass says which
    letter a row is (:meth:`letter_id_at`) and names itself in :attr:`drag_source`."""

    drag_source = ""
    drag_rows = False  # whether the drop learns the row (a search result's place in its list)

    def letter_id_at(self, row: int) -> str:
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt API)
        return [LETTER_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 (Qt API)
        valid = [i for i in indexes if i.isValid()]
        if not valid:
            return QMimeData()
        row = valid[0].row()
        return letter_mime(self.letter_id_at(row), self.drag_source, row if self.drag_rows else -1)

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 (Qt API)
        return Qt.DropAction.CopyAction
