"""Two passages side by side, the words that changed between them marked: struck through
and tinted red in the older one, tinted green in the newer one; the treaty's mentions
underlined in its colour on both sides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from desktop.core.history.passages import Passage
from desktop.core.history.wording import Comparison, compare_wording
from desktop.core.ingest.treaties import Treaty
from desktop.ui.formatting import date_and_citation
from desktop.ui.i18n import fill
from desktop.ui.labels import plain_label
from desktop.ui.letter_document import reading_font
from desktop.ui.theme import Theme

REMOVED = QColor("#d1495b")
ADDED = QColor("#2a9d4b")
POINTS = 11.0
CHANGE_PROPERTY = int(QTextFormat.Property.UserProperty) + 20  # "old" or "new" on a change


class CompareDialog(QDialog):
    open_requested = Signal(str, int, int, bool)  # letter id, start, end, in the other pane

    def __init__(
        self,
        first: Passage,
        second: Passage,
        treaties: dict[str, Treaty],
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareWording")
        self.setWindowTitle(self.tr("Compare wording"))
        self.older, self.newer = sorted((first, second), key=lambda p: (p.date or "", p.letter_id))
        self.comparison: Comparison = compare_wording(self.older.text, self.newer.text)
        self._treaties = treaties
        self._theme = theme
        self.old_view = self._side(self.older, "old")
        self.new_view = self._side(self.newer, "new")
        self._layout()
        self.resize(1000, 520)

    def _layout(self) -> None:
        grid = QGridLayout(self)
        for column, (passage, view) in enumerate(
            ((self.older, self.old_view), (self.newer, self.new_view))
        ):
            heading = plain_label(self)
            heading.setText(
                f"{passage.title}\n{date_and_citation(passage.date, passage.citation.text)}"
            )
            heading.setWordWrap(True)
            heading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(heading, 0, column)
            grid.addWidget(view, 1, column)
        share = round(self.comparison.similarity * 100)
        self.summary = plain_label(self)
        self.summary.setText(
            fill(
                self.tr("%1% of the words in common; removed words struck through, new ones in green"),
                share,
            )
        )  # fmt: skip
        grid.addWidget(self.summary, 2, 0, 1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.open_button = QPushButton(self.tr("Open both letters"), self)
        self.open_button.setToolTip(
            self.tr("The older letter in the left pane, the newer in the right")
        )
        self.open_button.clicked.connect(self._open_both)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        grid.addWidget(buttons, 3, 0, 1, 2)  # fmt: skip

    def _open_both(self) -> None:
        self.open_requested.emit(self.older.letter_id, self.older.start, self.older.end, False)
        self.open_requested.emit(self.newer.letter_id, self.newer.start, self.newer.end, True)

    def _side(self, passage: Passage, side: str) -> QTextBrowser:
        view = QTextBrowser(self)
        view.setObjectName(f"{side}Wording")
        view.setOpenLinks(False)
        view.setDocument(self._document(passage, side, view))
        palette = view.palette()
        palette.setColor(palette.ColorRole.Base, self._theme.page)
        palette.setColor(palette.ColorRole.Text, self._theme.text)
        view.setPalette(palette)
        return view

    def _document(self, passage: Passage, side: str, owner: QWidget) -> QTextDocument:
        """The passage inserted as text, piece by piece, each with its marks merged."""
        doc = QTextDocument(owner)
        doc.setDefaultFont(reading_font(POINTS))
        changed = self.comparison.marked(side)
        mentions = [(s, e) for s, e, _kind in passage.mentions]
        cuts = sorted({0, len(passage.text), *(x for span in changed + mentions for x in span)})
        cursor = QTextCursor(doc)
        for start, end in zip(cuts, cuts[1:], strict=False):
            fmt = QTextCharFormat()
            if any(s <= start and end <= e for s, e in changed):
                self._mark_change(fmt, side)
            if any(s <= start and end <= e for s, e in mentions):
                self._mark_mention(fmt, passage.treaty)
            cursor.insertText(passage.text[start:end], fmt)
        return doc

    def _mark_change(self, fmt: QTextCharFormat, side: str) -> None:
        colour = REMOVED if side == "old" else ADDED
        fmt.setBackground(self._theme.tint(colour, 0.3))
        fmt.setProperty(CHANGE_PROPERTY, side)
        if side == "old":
            fmt.setFontStrikeOut(True)

    def _mark_mention(self, fmt: QTextCharFormat, treaty_id: str) -> None:
        treaty = self._treaties.get(treaty_id)
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        if treaty is not None:
            fmt.setUnderlineColor(self._theme.underline(treaty.colour))

    def marked_runs(self, side: str) -> list[str]:
        """The runs of text marked as changed on *side* ("old" or "new"), read back from
        the document the reader sees."""
        view = self.old_view if side == "old" else self.new_view
        runs: list[str] = []
        end = -1
        block = view.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fragments += 1
                if fragment.charFormat().property(CHANGE_PROPERTY) != side:
                    continue
                if fragment.position() == end:
                    runs[-1] += fragment.text()
                else:
                    runs.append(fragment.text())
                end = fragment.position() + fragment.length()
            block = block.next()
        return runs
