"""Small dialogs: import failures, settings, keyboard shortcuts, about."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.ui.core_messages import translated_file_problem
from desktop.ui.formatting import plain_tooltip
from desktop.ui.i18n import LANGUAGES


class FailuresDialog(QDialog):
    """Every file an import could not read, with its problem; non-modal, so the window goes
    on working while the reader looks at the list."""

    def __init__(
        self, failures: list[tuple[str, str]], parent: QWidget | None = None, reread: bool = False
    ) -> None:
        super().__init__(parent)
        count = len(failures)
        if reread:
            self.setWindowTitle(self.tr("Some letters were not read again"))
            text = self.tr(
                "%n letter(s) could not be read again from the library's copy; they stay as "
                "they were read before.",
                "",
                count,
            )
        else:
            self.setWindowTitle(self.tr("Some files were not imported"))
            text = self.tr(
                "%n file(s) could not be imported; everything else was added to the library.",
                "",
                count,
            )
        self.setModal(False)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setHeaderLabels([self.tr("File"), self.tr("Problem")])
        self.table.setAccessibleName(self.tr("Files not imported"))
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        for path, message in failures:
            problem = translated_file_problem(_problem(path, message))
            item = QTreeWidgetItem([Path(path).name, problem])
            item.setToolTip(0, plain_tooltip(path))
            item.setToolTip(1, plain_tooltip(problem))
            self.table.addTopLevelItem(item)
        # The names whole, and room for the focus frame around one.
        self.table.setColumnWidth(0, min(self.table.sizeHintForColumn(0) + 24, 360))
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


class SettingsDialog(QDialog):
    """The interface language and the colours; a change applies at once, no restart."""

    language_chosen = Signal(str)  # "system", "nl" or "en"
    scheme_chosen = Signal(str)  # "system", "light" or "dark"

    def __init__(self, language: str, scheme: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.language_box = QComboBox(self)
        self.scheme_box = QComboBox(self)
        for key in ("system", *LANGUAGES):
            self.language_box.addItem("", key)
        for key in ("system", "light", "dark"):
            self.scheme_box.addItem("", key)
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        self.scheme_box.setCurrentIndex(max(self.scheme_box.findData(scheme), 0))
        self.language_box.activated.connect(
            lambda: self.language_chosen.emit(self.language_box.currentData())
        )
        self.scheme_box.activated.connect(
            lambda: self.scheme_chosen.emit(self.scheme_box.currentData())
        )
        self.form = QFormLayout()
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language_box)
        self.scheme_label = QLabel(self)
        self.scheme_label.setBuddy(self.scheme_box)
        self.form.addRow(self.language_label, self.language_box)
        self.form.addRow(self.scheme_label, self.scheme_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language:"))
        self.scheme_label.setText(self.tr("&Colours:"))
        self.language_box.setAccessibleName(self.tr("Language"))
        self.scheme_box.setAccessibleName(self.tr("Colours"))
        # Each language is named in its own language, so that a reader finds theirs.
        self.language_box.setItemText(0, self.tr("Follow the system"))
        for row, key in enumerate(LANGUAGES, start=1):
            self.language_box.setItemText(row, LANGUAGES[key])
        for row, text in enumerate(
            (self.tr("Follow the system"), self.tr("Light"), self.tr("Dark"))
        ):
            self.scheme_box.setItemText(row, text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTreeWidget(self)
        table.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
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


def show_about(parent: QWidget) -> QMessageBox:
    text = (
        f"<h3>Kamerbrief Reader {escape(__version__)}</h3>"
        + "<p>"
        + escape(
            QCoreApplication.translate(
                "About",
                "Dutch parliamentary letters side by side, every treaty mention highlighted in "
                "its own colour, footnotes where they are referenced, and a full-text search "
                "over the whole library.",
            )
        )
        + "</p><p>"
        + escape(
            QCoreApplication.translate(
                "About",
                "Treaty facts come from the bundled gazetteer; each card names its source. "
                "The reader never loads anything from the network.",
            )
        )
        + "</p>"
    )
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Kamerbrief Reader"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Information)
    box.open()
    return box
