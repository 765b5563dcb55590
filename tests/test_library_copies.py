"""The library owns its letters: its own copy of every original, rebuilt and re-read from
those copies, never from the user's folders; removal undoable until the next import."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.ingest.parse import parse_file
from desktop.core.ingest.parser_version import PARSER_VERSION
from desktop.core.library.library import Library, NoLibrary
from tests.conftest import LETTER_2018, LETTER_2023, LETTERS

ID_2018 = "2018-11-27-inf-verdrag"
ID_2023 = "2023-11-16-kst-33694-69-cse-verdrag"


@pytest.fixture
def gone(tmp_path) -> tuple[Path, dict[str, str]]:
    """A library of the two bundled letters whose source folder was deleted after import,
    and the letters' texts as they were read."""
    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder)
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        assert lib.add([folder]).new == 2
        texts = {i: lib.get(i).text for i in lib.ids()}
    shutil.rmtree(folder)
    return root, texts


def _copies(root: Path) -> list[Path]:
    return sorted(p for p in (root / "originals").rglob("*") if p.is_file())


def test_every_imported_file_is_kept_once_by_its_content(tmp_path):
    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder)
    shutil.copy(LETTER_2018, folder / "same-bytes-other-name.txt")
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        assert lib.add([folder]).new == 3
        copies = _copies(root)
        assert len(copies) == 2  # two letters with the same bytes share one copy
        for copy in copies:
            assert copy.name == hashlib.sha256(copy.read_bytes()).hexdigest() + ".txt"
            assert copy.parent.name == copy.name[:2]
        assert lib.original(ID_2018).read_bytes() == LETTER_2018.read_bytes()
        assert lib.original("same-bytes-other-name") == lib.original(ID_2018)
        assert lib.original("no-such-letter") is None


def test_the_original_of_a_letter_whose_file_is_gone(gone):
    root, _ = gone
    with Library.open(root) as lib:
        assert lib.original(ID_2023).read_bytes() == LETTER_2023.read_bytes()


def test_a_rebuild_after_damage_takes_every_letter_from_the_librarys_copies(gone):
    """The source folder is deleted, then both the index and the letter store are damaged:
    the rebuild has only the library's own copies (and its catalog) to go on."""
    root, texts = gone
    for segment in root.glob("letters_*.seg"):
        segment.write_bytes(b"\0" * segment.stat().st_size)
    (root / "letters.sqlite").write_bytes(b"not a database" * 100)
    with Library.open(root) as lib:
        assert (
            lib.rebuilt_message.startswith("the library index is damaged: letters_")
            and "rebuilt 2 letters from the library's own copies" in lib.rebuilt_message
        )
        assert {i: lib.get(i).text for i in lib.ids()} == texts
        assert [h.id for h in lib.search('"Open Luchtruim"').hits] == [ID_2023]
    kept = next((root / "damaged").iterdir())
    assert (kept / "letters.sqlite").read_bytes().startswith(b"not a database")


def test_reparse_reads_the_whole_library_again_from_its_copies(gone, capsys):
    root, texts = gone
    code = main(["reparse", "--index", str(root)])
    out, err = capsys.readouterr()
    assert (code, out, err) == (0, "re-read 2 letters, 0 failed\n", "")
    with Library.open(root) as lib:
        assert {i: lib.get(i).text for i in lib.ids()} == texts
        assert len(lib.store) == 2  # the rows of the earlier reading are gone


def test_reread_keeps_a_letter_whose_copy_is_damaged(gone):
    root, texts = gone
    with Library.open(root) as lib:
        lib.original(ID_2018).write_bytes(b"damaged")
        report = lib.reread([ID_2018, ID_2023])
        assert (report.changed, report.kept) == (1, 1)
        [(path, message)] = report.failures
        assert path.endswith("/letters/2018-11-27-inf-verdrag.txt")
        assert message == f"{path}: the library's copy of the original is damaged"
        assert lib.get(ID_2018).text == texts[ID_2018]  # as it was read before


def test_reread_picks_up_what_a_newer_parser_finds(gone, monkeypatch):
    root, _ = gone
    import desktop.core.ingest.assemble as assemble

    real = assemble.find_references

    def newer(text):
        found = real(text)
        return found[:1]  # a "newer parser" that finds fewer references

    with Library.open(root) as lib:
        before = len(lib.get(ID_2023).references)
        assert before > 1
        monkeypatch.setattr(assemble, "find_references", newer)
        assert lib.reread([ID_2023]).changed == 1
        assert len(lib.get(ID_2023).references) == 1
        assert lib.get(ID_2023).text == parse_file(LETTER_2023).text


def test_remove_is_undone_until_the_next_import(gone, tmp_path):
    root, texts = gone
    with Library.open(root) as lib:
        copy = lib.original(ID_2018)
        assert lib.remove([ID_2018]) == 1
        assert lib.ids() == [ID_2023] and lib.restorable() == [ID_2018]
        assert lib.search("kruisvluchtwapens").total == 0
        assert copy.exists()  # the removal can still be undone
        assert lib.restore([ID_2018]) == 1
        assert sorted(lib.ids()) == [ID_2018, ID_2023] and lib.restorable() == []
        assert lib.get(ID_2018).text == texts[ID_2018]
        assert lib.search("kruisvluchtwapens").total == 1

        lib.remove([ID_2018])
        other = tmp_path / "other.txt"
        other.write_text("Den Haag, 1 mei 2020\n\nHet NPT is belangrijk.\n", encoding="utf-8")
        assert lib.add([other]).new == 1  # the next import: the removal is final
        assert lib.restorable() == [] and lib.restore([ID_2018]) == 0
        assert not copy.exists()  # no letter uses the copy any more
        assert sorted(lib.ids()) == [ID_2023, "other"]


def test_a_removed_copy_stays_while_another_letter_uses_it(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    shutil.copy(LETTER_2018, folder / "a.txt")
    shutil.copy(LETTER_2018, folder / "b.txt")
    with Library.open(tmp_path / "lib") as lib:
        lib.add([folder])
        lib.remove(["a"])
        lib.add([LETTER_2023])
        assert lib.original("b").read_bytes() == LETTER_2018.read_bytes()


def test_removal_survives_a_restart_and_is_undone_after_it(gone):
    root, _ = gone
    with Library.open(root) as lib:
        lib.remove([ID_2023])
    with Library.open(root) as lib:
        assert lib.ids() == [ID_2018] and lib.restorable() == [ID_2023]
        assert lib.restore([ID_2023]) == 1 and len(lib) == 2


def test_search_and_treaties_need_a_library(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir(mode=0o755)
    for command in ("search", "treaties"):
        for folder in (tmp_path / "typo", empty):
            args = [command, "verdrag"] if command == "search" else [command]
            assert main([*args, "--index", str(folder)]) == 2
            assert capsys.readouterr().err == f"error: no library here: {folder}\n"
    assert not (tmp_path / "typo").exists()  # nothing made in a mistyped path
    assert list(empty.iterdir()) == [] and oct(empty.stat().st_mode & 0o777) == "0o755"
    with pytest.raises(NoLibrary):
        Library.open(tmp_path / "typo", create=False)


def test_index_makes_a_library_only_in_a_new_or_empty_folder(tmp_path, capsys):
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "essay.odt").write_bytes(b"mine")
    assert main(["index", str(LETTER_2018), "--index", str(busy)]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"error: no library here: {busy} holds other files; choose a new or empty folder\n"
    )
    assert sorted(p.name for p in busy.iterdir()) == ["essay.odt"]
    for folder in (tmp_path / "new" / "lib", tmp_path / "empty"):
        if folder.name == "empty":
            folder.mkdir(mode=0o750)
        assert main(["index", str(LETTER_2018), "--index", str(folder)]) == 0
        capsys.readouterr()
    assert oct((tmp_path / "new" / "lib").stat().st_mode & 0o777) == "0o700"  # made: private
    assert oct((tmp_path / "empty").stat().st_mode & 0o777) == "0o750"  # the user's: as it was


def test_a_rebuild_parses_a_letter_whose_row_is_damaged_from_its_copy(gone):
    root, texts = gone
    con = sqlite3.connect(root / "letters.sqlite")
    con.execute("UPDATE letters SET payload = '{\"damaged' WHERE key LIKE ?", (f"{ID_2018}:%",))
    con.commit()
    con.close()
    next(root.glob("_letters_*.toc")).write_bytes(b"")
    with Library.open(root) as lib:
        assert "rebuilt 2 letters from the letter store" in lib.rebuilt_message
        assert {i: lib.get(i).text for i in lib.ids()} == texts
        assert len(lib.store) == 2


def test_index_without_paths_keeps_the_letters_of_a_folder_that_is_gone(gone, tmp_path, capsys):
    """`index` checks the folders the letters came from again: one that is gone is a note
    (the library keeps its own copies), not a failure, and its letters stay."""
    root, texts = gone
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(LETTER_2018, other / "inf.txt")
    assert main(["index", str(other), "--index", str(root)]) == 0
    (other / "npt.txt").write_text("Den Haag, 1 mei 2020\n\nHet NPT is belangrijk.\n")
    capsys.readouterr()
    code = main(["index", "--index", str(root)])
    out, err = capsys.readouterr()
    assert (code, out) == (0, "indexed 1 new, 0 changed, 0 removed, 1 unchanged, 0 failed\n")
    assert err == (
        f"note: {tmp_path / 'letters'}: the folder is gone; its 2 letters stay in the library "
        "(it keeps its own copies)\n"
    )
    with Library.open(root) as lib:
        assert sorted(lib.ids()) == sorted([*texts, "inf", "npt"])
        assert {i: lib.get(i).text for i in texts} == texts
    (other / "leeg.txt").write_bytes(b"")  # a file that fails: the exit status says so
    assert main(["index", "--index", str(root)]) == 2
    assert "leeg.txt: empty file" in capsys.readouterr().err


@pytest.fixture
def read_by_an_older_parser(gone, monkeypatch) -> Path:
    """The `gone` library as a parser of version 0 read it, one that found a single
    reference in the 2023 letter (the current one finds more)."""
    import desktop.core.ingest.assemble as assemble
    import desktop.core.library.store as store

    root, _ = gone
    real = assemble.find_references
    with Library.open(root) as lib:
        monkeypatch.setattr(assemble, "find_references", lambda text: real(text)[:1])
        monkeypatch.setattr(store, "PARSER_VERSION", 0)
        assert lib.reparse_all().changed == 2
        assert len(lib.get(ID_2023).references) == 1
    monkeypatch.undo()
    return root


def _meta(root: Path) -> dict:
    return json.loads((root / "library.json").read_text())


def test_letters_an_older_parser_read_are_read_again_at_the_next_import(
    read_by_an_older_parser, tmp_path, capsys
):
    root = read_by_an_older_parser
    assert _meta(root)["parser_version"] == 0
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None  # opening reads nothing again
        assert len(lib.get(ID_2023).references) == 1
    new = tmp_path / "nieuw.txt"
    new.write_text("Den Haag, 1 mei 2020\n\nHet NPT is belangrijk.\n", encoding="utf-8")
    code = main(["index", str(new), "--index", str(root)])
    out, err = capsys.readouterr()
    assert (code, out) == (0, "indexed 1 new, 0 changed, 0 removed, 0 unchanged, 0 failed\n")
    assert err == (
        "note: an older parser had read 2 letters: read 2 again from the library's own copies\n"
    )
    with Library.open(root) as lib:
        assert len(lib.get(ID_2023).references) == len(parse_file(LETTER_2023).references)
        assert lib.get(ID_2023).text == parse_file(LETTER_2023).text
        assert len(lib.store) == 3  # the rows of the older reading are gone
        assert lib.add([new]).reread == 0  # read once
    assert _meta(root)["parser_version"] == PARSER_VERSION


def test_reading_again_goes_on_where_a_cancelled_import_stopped(read_by_an_older_parser):
    root = read_by_an_older_parser
    with Library.open(root) as lib:
        asked = []
        report = lib.add([], cancelled=lambda: asked.append(1) or len(asked) > 1)
        assert (report.reread, report.cancelled) == (1, True)
        assert _meta(root)["parser_version"] == 0  # one letter is still to be read again
        assert lib.add([]).reread == 1
        assert lib.add([]).reread == 0
    assert _meta(root)["parser_version"] == PARSER_VERSION


def test_a_letter_the_newer_parser_cannot_read_again_is_kept_and_tried_once(
    read_by_an_older_parser,
):
    root = read_by_an_older_parser
    with Library.open(root) as lib:
        lib.original(ID_2018).write_bytes(b"damaged")
        report = lib.add([])
        assert (report.reread, report.kept) == (1, 1)
        [(path, message)] = report.failures
        assert message == f"{path}: the library's copy of the original is damaged"
        assert report.older_parser_note() == (
            "an older parser had read 2 letters: read 1 again from the library's own copies, "
            "1 kept as read before (see the errors above)"
        )
        assert lib.get(ID_2018) is not None  # as the older parser read it
        again = lib.add([])
        assert (again.reread, again.kept, again.failures) == (0, 0, [])  # not tried again


def test_a_file_that_changed_since_wins_over_its_letters_copy(read_by_an_older_parser, tmp_path):
    root = read_by_an_older_parser
    folder = tmp_path / "letters"  # where the letters came from, there again
    folder.mkdir()
    shutil.copy(LETTER_2018, folder / LETTER_2018.name)
    changed = folder / LETTER_2023.name
    changed.write_text(LETTER_2023.read_text(encoding="utf-8") + "\nNaschrift.\n", "utf-8")
    with Library.open(root) as lib:
        report = lib.add([folder])
        assert (report.unchanged, report.changed, report.reread) == (1, 1, 1)
        assert "\nNaschrift.\n" in lib.get(ID_2023).text  # the file, not the older copy
        assert len(lib.get(ID_2023).references) == len(parse_file(LETTER_2023).references)
        assert len(lib.store) == 2
