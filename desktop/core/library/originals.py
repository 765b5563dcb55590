"""The library's own copies of the files it imported, content-addressed.

Each imported file is kept once, in ``originals/<first two hex digits>/<sha256><suffix>``, so
that the library never depends on the user's folders: a rebuild and a newer parser re-read
these copies, and the window can open the original of a letter whose file was moved or
deleted long ago. Two letters with the same bytes and the same kind of file share a copy. A
copy is written (temporary file, rename) before the import's store rows, synced with them
before the index commits, and deleted once no letter row uses it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from desktop.core.library.storage import sync_files

FOLDER = "originals"
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def copy_name(digest: str, path: str) -> str:
    """The copy's name inside the folder: hash and the original's suffix (so that a
    program opening it knows its kind)."""
    suffix = os.path.splitext(path)[1].lower()
    return f"{digest[:2]}/{digest}{suffix if _SUFFIX.match(suffix) else ''}"


class Originals:
    def __init__(self, root: Path) -> None:
        self.folder = root / FOLDER

    def path(self, digest: str, path: str) -> Path:
        return self.folder / copy_name(digest, path)

    def put(self, digest: str, path: str, data: bytes) -> Path | None:
        """Keep *data* (the bytes of the file at *path*, hashing to *digest*); the new
        copy's path, or None when the library has it already."""
        target = self.path(digest, path)
        if target.exists():
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return target

    def read(self, digest: str, path: str) -> bytes | None:
        """The copy's bytes, or None when there is none or it is not what was imported."""
        try:
            data = self.path(digest, path).read_bytes()
        except OSError:
            return None
        return data if file_hash(data) == digest else None

    def sync(self, written: list[Path]) -> None:
        if written:
            sync_files(written, sorted({p.parent for p in written}) + [self.folder])

    def delete(self, names: Iterable[str]) -> None:
        for name in names:
            path = self.folder / name
            path.unlink(missing_ok=True)
            try:
                path.parent.rmdir()  # the last copy in its folder
            except OSError:
                pass

    def names(self) -> set[str]:
        """Every copy in the folder (and leftovers of interrupted writes), as names."""
        if not self.folder.is_dir():
            return set()
        return {
            f"{sub.name}/{f.name}"
            for sub in self.folder.iterdir()
            if sub.is_dir()
            for f in sub.iterdir()
        }

    def size(self) -> int:
        return sum((self.folder / n).stat().st_size for n in self.names())
