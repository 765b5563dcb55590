"""Files that failed to import, remembered so that the next import does not try them again.

A hostile PDF costs up to the parse time limit on every import, and a folder re-checked at
each start would pay it every time. So a failure is stored with the file's content hash, in
``failures.json`` beside the index, and skipped while the content is the same; a changed file
is tried again, and the user can ask to retry them all.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

FILE_NAME = "failures.json"


class FailureMemory:
    """path -> (content hash, message) of every file that failed; load, consult, save."""

    def __init__(self, root: Path, entries: dict[str, dict[str, str]]) -> None:
        self._path = root / FILE_NAME
        self._entries = entries
        self._changed = False

    @classmethod
    def load(cls, root: Path) -> FailureMemory:
        """An unreadable memory is an empty one: at worst a failed file is tried once more."""
        try:
            data = json.loads((root / FILE_NAME).read_text(encoding="utf-8"))
            entries = {
                str(path): {"hash": str(e["hash"]), "message": str(e["message"])}
                for path, e in data.get("files", {}).items()
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            entries = {}
        return cls(root, entries)

    def __len__(self) -> int:
        return len(self._entries)

    def known(self, path: str, digest: str) -> str | None:
        """The message of an earlier failure of this very content at *path*, if any."""
        entry = self._entries.get(path)
        return entry["message"] if entry and entry["hash"] == digest else None

    def remember(self, path: str, digest: str, message: str) -> None:
        entry = {"hash": digest, "message": message}
        if self._entries.get(path) != entry:
            self._entries[path] = entry
            self._changed = True

    def forget(self, path: str) -> None:
        if self._entries.pop(path, None) is not None:
            self._changed = True

    def save(self) -> None:
        """Write atomically (temporary file, fsync, rename), and only after a change; files
        that are gone from the disk are dropped on the way."""
        for path in [p for p in self._entries if not os.path.exists(p)]:
            self.forget(path)
        if not self._changed:
            return
        tmp = self._path.with_name(self._path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"version": 1, "files": self._entries}, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self._path)
        self._changed = False
