"""What the reader has chosen to see in both panes, held once by the window.

Highlights on or off, the treaty chosen (emphasised, stepped through, folded to), whether the
panes are folded to it, and whether next/previous mention moves both panes together. Panes,
panels and menu actions observe this state and change it through its setters; none of them
holds a copy that must be kept in step with another widget.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ReadingState(QObject):
    changed = Signal()  # after any of the values below changed
    highlights_changed = Signal(bool)
    treaty_changed = Signal(object)  # treaty id or None
    fold_changed = Signal(bool)
    linked_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._highlights = True
        self._treaty: str | None = None
        self._fold = False
        self._linked = False

    @property
    def highlights(self) -> bool:
        return self._highlights

    @property
    def treaty(self) -> str | None:
        return self._treaty

    @property
    def fold(self) -> bool:
        return self._fold

    @property
    def linked(self) -> bool:
        return self._linked

    @property
    def folded_to(self) -> str | None:
        """The treaty the panes are folded to, or None for whole letters."""
        return self._treaty if self._fold else None

    def set_highlights(self, shown: bool) -> None:
        if shown != self._highlights:
            self._highlights = shown
            self.highlights_changed.emit(shown)
            self.changed.emit()

    def set_treaty(self, treaty_id: str | None) -> None:
        """Choose a treaty (None: none); without a treaty nothing stays folded."""
        if treaty_id == self._treaty:
            return
        self._treaty = treaty_id
        if treaty_id is None and self._fold:
            self._fold = False
            self.fold_changed.emit(False)
        self.treaty_changed.emit(treaty_id)
        self.changed.emit()

    def set_fold(self, folded: bool) -> bool:
        """Fold to the chosen treaty's passages; False (and nothing changes) when no treaty
        is chosen."""
        if folded and self._treaty is None:
            self.fold_changed.emit(False)  # observers that showed "folded" show it is not
            return False
        if folded != self._fold:
            self._fold = folded
            self.fold_changed.emit(folded)
            self.changed.emit()
        return True

    def set_linked(self, linked: bool) -> None:
        if linked != self._linked:
            self._linked = linked
            self.linked_changed.emit(linked)
            self.changed.emit()
