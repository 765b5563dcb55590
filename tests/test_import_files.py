"""One bad file never costs an import: each becomes its own one-line failure, read by its
type before its bytes, and the good files beside it are imported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.ingest.parse import parse_file
from desktop.core.library.library import Library
from tests.conftest import DATA, LETTER_2018, LETTER_2023, REPO
from tests.test_reader_pdf import (
    COLUMN,
    FOOTER_2023,
    MARKERS_2023,
    Style,
    letter_pdf,
    ministry_letter_pdf,
)

NOBODY = 65534


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    shutil.copy(LETTER_2018, folder / "goed.txt")
    return folder


def test_bad_names_types_and_dates_are_each_one_failure(folder, tmp_path):
    bad_name = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(bad_name, "wb") as fh:
        fh.write(LETTER_2023.read_bytes())
    (folder / "februari.txt").write_text(
        "Den Haag, 31 februari 2023\n\nHet INF-verdrag is belangrijk.\n", encoding="utf-8"
    )
    os.mkfifo(folder / "pijp.txt")  # reading it would wait for a writer forever
    (folder / "ruis.txt").symlink_to("/dev/urandom")  # bytes without end
    with Library.open(tmp_path / "lib") as lib:
        report = lib.add([folder, Path("/dev/zero")])
        assert report.new == 2 and sorted(lib.ids()) == ["februari", "goed"]
        assert lib.get("februari").meta.date is None  # a date no calendar has: none
    assert sorted(message for _, message in report.failures) == [
        "/dev/urandom: a device, not a file; only files are read",
        "/dev/zero: a device, not a file; only files are read",
        f"{folder}/caf\\xe9.txt: the file name is not valid UTF-8; rename the file to import it",
        f"{folder}/pijp.txt: a FIFO (named pipe), not a file; only files are read",
    ]


def test_a_date_no_calendar_has_is_imported_as_no_date_in_every_format(tmp_path):
    """31 februari: the letter comes in without a date, its text as it is (it was refused
    by the index, which reads the date as a day of the calendar)."""
    folder = tmp_path / "letters"
    folder.mkdir()
    text = LETTER_2023.read_text(encoding="utf-8").replace("16 november 2023", "31 februari 2023")
    (folder / "brief.txt").write_text(text, encoding="utf-8")
    letter_pdf(folder / "brief.pdf", text, MARKERS_2023, Style(footer=FOOTER_2023))
    for suffix in ("xml", "html"):
        markup = (DATA / f"kst-33694-69.{suffix}").read_text(encoding="utf-8")
        markup = markup.replace("2023-11-16", "2023-02-31").replace("16&", "31&")
        markup = markup.replace("november 2023</", "februari 2023</")
        (folder / f"brief.{suffix}").write_text(markup, encoding="utf-8")
    text_2018 = LETTER_2018.read_text(encoding="utf-8").replace("27 november", "31 februari")
    column = [line.replace("27 november", "31 februari") for line in COLUMN]
    ministry_letter_pdf(folder / "ministerie.pdf", text_2018, column)
    with Library.open(tmp_path / "lib") as lib:
        report = lib.add([folder])
        assert (report.new, report.failures) == (5, [])
        letters = [lib.get(i) for i in sorted(lib.ids())]
    cse = parse_file(LETTER_2023)
    for letter in letters:
        assert letter.meta.date is None, letter.source
        assert letter.meta.title != "Brief zonder titel", letter.source
        assert "31 februari" in letter.text, letter.source
        expected = parse_file(LETTER_2018) if "ministerie" in letter.source else cse
        assert letter.mention_counts() == expected.mention_counts(), letter.source
    txt = next(x for x in letters if x.source.endswith(".txt"))
    assert txt.text == cse.text.replace("16 november 2023", "31 februari 2023")


def test_the_cli_prints_each_bad_file_on_one_line(folder, tmp_path, capsys):
    with open(os.fsencode(folder) + b"/\xff\xfe.txt", "wb") as fh:
        fh.write(b"Den Haag, 1 mei 2020\n\nTekst.\n")
    code = main(["index", str(folder), "--index", str(tmp_path / "lib")])
    out, err = capsys.readouterr()
    assert code == 2 and out == "indexed 1 new, 0 changed, 0 removed, 0 unchanged, 1 failed\n"
    assert err == (
        f"error: {folder}/\\xff\\xfe.txt: the file name is not valid UTF-8; "
        "rename the file to import it\n"
    )


def _as_nobody(script: str, *args: str) -> dict:
    """Run *script* in a child that drops to the unprivileged user first (the tests run as
    root in CI, where no permission blocks anything). Everything it needs is imported, and
    the parser worker started, while it is still root: afterwards it may not even read the
    interpreter's own files."""
    prelude = (
        "import json, os, sys, ctypes\n"
        "from pathlib import Path\n"
        "from desktop.core.library.library import Library\n"
        "import desktop.core.library.importer\n"
        "from desktop.core.ingest.parse import parse_file\n"
        f"parse_file(Path({str(LETTER_2018)!r}))\n"
        f"with Library.open(Path({tempfile.mkdtemp()!r}) / 'warm') as warm:\n"
        f"    warm.add([Path({str(LETTER_2023)!r})])\n"
        f"os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + script, *args],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(os.geteuid() != 0, reason="drops to another user: needs root (as in CI)")
def test_files_and_folders_we_may_not_read_are_reported():
    base = Path(tempfile.mkdtemp(prefix="kamerbrief-perm-"))
    try:
        folder = base / "letters"
        (folder / "geheim").mkdir(parents=True)
        shutil.copy(LETTER_2018, folder / "goed.txt")
        shutil.copy(LETTER_2023, folder / "alleen-lezen.txt")
        shutil.copy(LETTER_2023, folder / "geheim" / "brief.txt")
        shutil.copy(LETTER_2023, folder / "dicht.txt")
        os.chmod(folder / "alleen-lezen.txt", 0o444)  # read-only: imported all the same
        os.chmod(folder / "dicht.txt", 0o000)
        os.chmod(folder / "geheim", 0o000)
        os.chmod(base, 0o777)
        result = _as_nobody(
            "with Library.open(Path(sys.argv[1])) as lib:\n"
            "    r = lib.add([Path(sys.argv[2])])\n"
            "    print(json.dumps({'ids': sorted(lib.ids()), 'failures': r.failures}))\n",
            str(base / "lib"),
            str(folder),
        )
    finally:
        os.chmod(folder / "geheim", 0o755)
        shutil.rmtree(base)
    assert result["ids"] == ["alleen-lezen", "goed"]
    assert sorted(message for _, message in result["failures"]) == [
        f"{folder}/dicht.txt: permission denied",
        f"{folder}/geheim: folder cannot be read (Permission denied); skipped",
    ]


@pytest.mark.skipif(os.geteuid() != 0, reason="drops to another user: needs root (as in CI)")
def test_a_library_we_may_not_read_is_reported_and_left_alone(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="kamerbrief-perm-"))
    try:
        root = base / "lib"
        with Library.open(root) as lib:
            lib.add([LETTER_2018, LETTER_2023])
        before = sorted((p.name, p.stat().st_size) for p in root.iterdir())
        os.chmod(base, 0o755)  # root's library, 0700: the unprivileged user may not enter
        result = _as_nobody(
            "from desktop.core.library.library import LibraryError\n"
            "try:\n"
            "    Library.open(Path(sys.argv[1]))\n"
            "    print(json.dumps({'error': None}))\n"
            "except LibraryError as exc:\n"
            "    print(json.dumps({'error': str(exc)}))\n",
            str(root),
        )
        assert result["error"] == f"cannot use the library at {root}: permission denied"
        assert sorted((p.name, p.stat().st_size) for p in root.iterdir()) == before
        with Library.open(root) as lib:
            assert lib.rebuilt_message is None and len(lib) == 2
    finally:
        shutil.rmtree(base)


def test_a_file_that_grows_while_read_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """The size is checked before reading, and the read stops one byte past the limit: a
    file that grew since (or lies about its size, as /proc files do) is refused all the
    same."""
    from desktop.core.ingest import parse

    limit = 64 * 1024
    big = tmp_path / "groeit.txt"
    big.write_bytes(b"a" * (limit * 4))
    monkeypatch.setattr(parse, "MAX_BYTES", limit)
    real_fstat, real_read = os.fstat, os.read
    read: list[int] = []
    monkeypatch.setattr(
        parse.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:]))
    )
    monkeypatch.setattr(parse.os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    with pytest.raises(parse.LetterError, match=f"^{big}: too large"):
        parse.read_file_bytes(big)
    assert sum(read) == limit + 1
