"""What an import did, as the CLI prints it and the window shows it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class IndexReport:
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    cancelled: bool = False
    # Of the failures, files skipped because the same content failed before (not parsed
    # again; Library.add(retry_failed=True) / `index --retry-failed` tries them anyway).
    known_failures: int = 0
    added_ids: list[str] = field(default_factory=list)  # new and changed letters
    # Letters a re-read kept as they were read before: no copy of their original, or it
    # could not be parsed again (each is also a failure).
    kept: int = 0
    # Letters an import read again because an older parser had read them (parser_version.py).
    reread: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        text = (
            f"indexed {self.new} new, {self.changed} changed, {self.removed} removed, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )
        return text + (" (cancelled)" if self.cancelled else "")

    def older_parser_note(self) -> str | None:
        """What an import did with the letters an older parser had read, if anything."""
        if not self.reread and not self.kept:
            return None
        text = (
            f"an older parser had read {self.reread + self.kept} letters: read "
            f"{self.reread} again from the library's own copies"
        )
        if self.kept:
            text += f", {self.kept} kept as read before (see the errors above)"
        return text

    def reread_summary(self) -> str:
        text = f"re-read {self.changed} letters, {self.failed} failed"
        if self.kept:
            text += f" ({self.kept} kept as read before)"
        return text + (" (cancelled)" if self.cancelled else "")
