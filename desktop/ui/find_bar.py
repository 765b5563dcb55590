"""Find in the letter (Ctrl+F): a box under the pane's header, its hits marked in the text.

Finding ignores case and accents (``beeindigd`` finds ``beëindigd``), on the letter's own
text: what is found is a list of letter offsets, marked like search matches.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop.ui.i18n import fill
from desktop.ui.labels import plain_label


def _fold_char(c: str) -> str:
    """One character for one: without accents and case where that stays one character."""
    bare = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    for candidate in (bare.casefold(), c.casefold(), c.lower()):
        if len(candidate) == 1:
            return candidate
    return c


def fold(text: str) -> str:
    """*text* folded character by character: offsets into the result are offsets into
    *text* (str.translate in C; a 5 MB letter has few distinct characters)."""
    table = {ord(c): _fold_char(c) for c in set(text) if not c.islower() or ord(c) > 127}
    return text.translate(table)


def find_all(text: str, needle: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Every occurrence of *needle* in *text*, case and accents ignored, not overlapping."""
    needle = fold(needle.strip())
    if not needle:
        return []
    haystack = folded if folded is not None else fold(text)
    found, start = [], haystack.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return found


class FindBar(QWidget):
    """The find box with its count and buttons; the pane does the finding."""

    changed = Signal(str)
    step = Signal(bool)  # forward
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self.changed)
        self.box.installEventFilter(self)
        self.count_label = plain_label(self)
        self.previous_button = self._button("▲", lambda: self.step.emit(False))
        self.next_button = self._button("▼", lambda: self.step.emit(True))
        self.close_button = self._button("✕", self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.box, 1)
        row.addWidget(self.count_label)
        for button in (self.previous_button, self.next_button, self.close_button):
            row.addWidget(button)
        self.retranslate()
        self.hide()

    def _button(self, text: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Find in this letter"))
        self.box.setAccessibleName(self.tr("Find in this letter"))
        self.previous_button.setToolTip(self.tr("Previous (Shift+Enter)"))
        self.previous_button.setAccessibleName(self.tr("Previous find"))
        self.next_button.setToolTip(self.tr("Next (Enter)"))
        self.next_button.setAccessibleName(self.tr("Next find"))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the find bar"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_bar(self) -> None:
        self.show()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def text(self) -> str:
        return self.box.text() if self.isVisible() else ""

    def show_count(self, index: int, count: int) -> None:
        if not self.box.text().strip():
            self.count_label.setText("")
        elif count == 0:
            self.count_label.setText(self.tr("Not found"))
        elif index < 0:
            self.count_label.setText(self.tr("%n found", "", count))
        else:
            self.count_label.setText(fill(self.tr("%1 of %2"), index + 1, count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.step.emit(not shift)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
