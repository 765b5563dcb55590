"""The entry point: a library that cannot be opened is a message and exit code 2."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.ui import app


def test_an_unusable_library_shows_one_message_and_exits_2(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the library should be")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert app.run(["--index", str(blocked)]) == app.EXIT_NO_LIBRARY
    assert len(shown) == 1 and "cannot" in shown[0]


def test_arguments_name_files_and_an_index():
    args = app.parse_args(["a.txt", "b.pdf", "--index", "/tmp/lib"])
    assert args.files == [Path("a.txt"), Path("b.pdf")]
    assert args.index == Path("/tmp/lib")
