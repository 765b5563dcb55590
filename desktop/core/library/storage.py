"""Durable commits: what Whoosh wrote reaches the disk before an import is reported done.

Whoosh writes a new table of contents atomically (temp file + rename) but never fsyncs, so
after a power loss the rename may survive while the data it points to does not. After each
commit we fsync every file of the index and then the directory itself.
"""

from __future__ import annotations

import os
from pathlib import Path


def durable_commit(writer, root: Path) -> None:
    writer.commit()
    sync_dir(root)


def sync_dir(root: Path) -> None:
    """fsync every regular file in *root*, then *root*: file data first, names after."""
    for entry in os.scandir(root):
        if entry.is_file(follow_symlinks=False) and not entry.name.endswith(".lock"):
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    fd = os.open(root, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
