"""Where the user's library lives, and opening it with the bundled letters on first start."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from desktop.core.library.library import Library, LibraryError
from desktop.resources import bundled_letters

APP_NAME = "kamerbrief-reader"
_FIRST_START_MARK = ".bundled-imported"


def data_dir() -> Path:
    """KAMERBRIEF_DATA_DIR if set (tests, portable use), else the platform's user data dir."""
    override = os.environ.get("KAMERBRIEF_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_library_dir() -> Path:
    return data_dir() / "library"


def open_library(
    root: Path | None = None, with_bundled: bool | None = None, create: bool | None = None
) -> Library:
    """Open the library at *root* (default: the user's). A library is made where there is
    none only for the user's own library (its first start), for one that is to receive the
    bundled letters, or when *create* says so (``index``); otherwise a folder that holds no
    library raises NoLibrary. The user's own library gets the bundled letters on its first
    start, so a newcomer sees two letters at once; a library named with --index holds only
    what was put into it, unless *with_bundled* says so."""
    if with_bundled is None:
        with_bundled = root is None
    if create is None:
        create = root is None or with_bundled
    lib = Library.open(root or default_library_dir(), create=create)
    mark = lib.root / _FIRST_START_MARK
    if with_bundled and not mark.exists():
        try:
            lib.add(bundled_letters())
            mark.write_text(
                "the bundled letters were imported once; removing them is the user's choice\n"
            )
        except (LibraryError, OSError):
            return lib  # busy, or a full disk: the next start imports them
    return lib
