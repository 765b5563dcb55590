"""Shared fixtures. Tests never touch the user's real folders: the data dir is tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: no screen in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
LETTERS = REPO / "resources" / "letters"
LETTER_2018 = LETTERS / "2018-11-27-inf-verdrag.txt"
LETTER_2023 = LETTERS / "2023-11-16-kst-33694-69-cse-verdrag.txt"
# The shared folder beside the repository: real letters and publications that the project
# reads but never copies (their licences are not ours). KAMERBRIEF_SHARED points elsewhere.
SHARED = Path(os.environ.get("KAMERBRIEF_SHARED", REPO.parent / "shared"))
SAMPLES = SHARED / "samples"
REAL = SHARED / "real"
DATA = Path(__file__).resolve().parent / "data"


def shared_file(relative: str) -> Path:
    """A file of the shared folder; a test that needs it fails, with where it looked, when it
    is missing: a missing folder must never make the real-document tests pass by skipping."""
    path = SHARED / relative
    if not path.exists():
        pytest.fail(
            f"{path} is missing: the tests read real publications from the shared folder "
            f"beside the repository (set KAMERBRIEF_SHARED to its location)",
            pytrace=False,
        )
    return path


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Point the library and settings at a fresh temporary folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KAMERBRIEF_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    return home
