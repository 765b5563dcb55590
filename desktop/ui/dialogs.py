"""Small dialogs: import failures, keyboard shortcuts, about."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.ui.formatting import plain_tooltip


class FailuresDialog(QDialog):
    """Every file an import could not read, with its problem; non-modal, so the window goes
    on working while the reader looks at the list."""

    def __init__(self, failures: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Some files were not imported")
        self.setModal(False)
        count = len(failures)
        intro = QLabel(
            f"{count} file{'s' if count != 1 else ''} could not be imported; "
            "everything else was added to the library.",
            self,
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setHeaderLabels(["File", "Problem"])
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for path, message in failures:
            item = QTreeWidgetItem([Path(path).name, _problem(path, message)])
            item.setToolTip(0, plain_tooltip(path))
            item.setToolTip(1, plain_tooltip(message))
            self.table.addTopLevelItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)

    def rows(self) -> list[tuple[str, str]]:
        items = [self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount())]
        return [(item.text(0), item.text(1)) for item in items]


def _problem(path: str, message: str) -> str:
    """The message without the path it starts with: the file is in the first column."""
    for prefix in (f"{path}: ", f"{Path(path).name}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        table = QTreeWidget(self)
        table.setHeaderLabels(["Command", "Shortcut"])
        table.setRootIsDecorated(False)
        for action in actions:
            keys = ", ".join(s.toString(s.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys:
                table.addTopLevelItem(QTreeWidgetItem([action.text().replace("&", ""), keys]))
        table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(460, 520)


def show_about(parent: QWidget) -> None:
    text = (
        f"<h3>Kamerbrief Reader {escape(__version__)}</h3>"
        "<p>Dutch parliamentary letters side by side, every treaty mention highlighted in its "
        "own colour, footnotes where they are referenced, and a full-text search over the "
        "whole library.</p>"
        "<p>Treaty facts come from the bundled gazetteer; each card names its source. "
        "The reader never loads anything from the network.</p>"
    )
    box = QMessageBox(parent)
    box.setWindowTitle("About Kamerbrief Reader")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Information)
    box.open()
