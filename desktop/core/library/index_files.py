"""The index's files as last committed: a manifest to catch damage at open, cheaply.

After every commit the library records each file of the index: its size, a CRC-32 of its
bytes, and its stat signature (size, mtime, ctime, inode). At open each recorded file is
stat()ed; a file whose signature is unchanged has not been written since (ctime cannot be set
back by any program), so only a file whose signature changed is read again to compare its
CRC. Opening costs a stat() per segment, not a read of the index, however large it grows;
a truncated, emptied, zeroed or replaced file shows as damage before anything reads it.

The manifest also says which files belong to the index: anything else that looks like an
index file (segments of a write that never committed, temporary tables of contents, Whoosh's
temporary folder) is left over from a failed write and removed when the library may write.
"""

from __future__ import annotations

import os
import re
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.library.storage import INDEX_NAME

_TOC = re.compile(rf"^_{INDEX_NAME}_(\d+)\.toc$")
_TOC_TEMP = re.compile(rf"^_{INDEX_NAME}_\d+\.toc\..+$")
_SEGMENT = re.compile(rf"^{INDEX_NAME}_[0-9a-z]+\.")
_WHOOSH_TEMP = f"{INDEX_NAME}.tmp"  # the folder Whoosh's writers keep their runs in
_TEMP_SUFFIX = ".tmp"  # our own atomic writes: library.json.tmp, vocabulary.json.tmp, ...
_CHUNK = 1 << 20


def latest_generation(root: Path) -> int | None:
    """The generation of the newest table of contents in *root*, or None."""
    gens = [int(m.group(1)) for name in _names(root) if (m := _TOC.match(name))]
    return max(gens) if gens else None


def index_files(root: Path) -> list[str]:
    """The files of the committed index: the newest table of contents and every segment
    file (right after a commit, Whoosh has removed all others)."""
    gen = latest_generation(root)
    toc = [] if gen is None else [f"_{INDEX_NAME}_{gen}.toc"]
    return toc + sorted(n for n in _names(root) if _SEGMENT.match(n))


@dataclass
class Manifest:
    generation: int | None = None
    files: dict[str, list[int]] = field(default_factory=dict)  # name -> [size, crc, sig...]

    @classmethod
    def from_json(cls, data: object) -> Manifest:
        """A manifest read from library.json; anything malformed is an empty one (the
        library is then checked the slow way once, and the manifest written again)."""
        try:
            gen = data["generation"]  # type: ignore[index]
            files = {str(k): [int(x) for x in v] for k, v in data["files"].items()}  # type: ignore[index]
            return cls(int(gen) if gen is not None else None, files)
        except (TypeError, KeyError, ValueError, AttributeError):
            return cls()

    def to_json(self) -> dict:
        return {"generation": self.generation, "files": self.files}

    def current(self, root: Path) -> bool:
        """Whether this manifest describes the newest committed generation."""
        return bool(self.files) and self.generation == latest_generation(root)

    def problems(self, root: Path) -> list[str]:
        """What differs from the commit this manifest recorded: missing, resized or
        rewritten files. Reads only files whose stat signature changed."""
        out = []
        for name, (size, crc, *sig) in self.files.items():
            try:
                st = os.stat(root / name)
            except FileNotFoundError:
                out.append(f"{name} is missing")
                continue
            if st.st_size != size:
                out.append(f"{name} has {st.st_size:,} bytes, not {size:,}")
            elif _signature(st) != sig and _crc(root / name) != crc:
                out.append(f"{name} was changed since it was written")
        return out

    def refreshed(self, root: Path) -> Manifest:
        """The manifest of the index as it is on disk now; files recorded before with the
        same signature keep their CRC unread."""
        files = {}
        for name in index_files(root):
            st = os.stat(root / name)
            old = self.files.get(name)
            if old and old[0] == st.st_size and old[2:] == _signature(st):
                files[name] = old
            else:
                files[name] = [st.st_size, _crc(root / name), *_signature(st)]
        return Manifest(latest_generation(root), files)

    def leftovers(self, root: Path) -> list[Path]:
        """Files of writes that never committed. Without a current manifest only the
        temporary files are sure to be leftovers."""
        sure = self.current(root)
        out = []
        for name in _names(root):
            if name == _WHOOSH_TEMP or name.endswith(_TEMP_SUFFIX) or _TOC_TEMP.match(name):
                out.append(root / name)
            elif sure and (_TOC.match(name) or _SEGMENT.match(name)) and name not in self.files:
                out.append(root / name)
        return out


def remove(paths: list[Path]) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _names(root: Path) -> list[str]:
    try:
        return os.listdir(root)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _signature(st: os.stat_result) -> list[int]:
    return [st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc
