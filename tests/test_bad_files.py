"""Broken and hostile files: each is refused with one line naming it, the good files beside
it are imported, and the library keeps every letter it had.

A parser that loops, balloons or crashes is simulated by a PDF reader registered for the
test (tests/data/hostile_reader.py, imported by name in the worker process), so the worker's
real time and memory limits are exercised, not mocked.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.cli import main
from desktop.core.ingest import parse
from desktop.core.ingest.readers.pdf_reader import read_pdf
from desktop.core.ingest.worker import Limits, ParserPool
from desktop.core.library.failures import FILE_NAME, FailureMemory
from desktop.core.library.library import Library
from desktop.core.model.draft import LetterError
from tests.conftest import LETTER_2018, LETTER_2023, LETTERS
from tests.data.hostile_reader import hostile_pdf
from tests.test_reader_pdf import FOOTER_2023, MARKERS_2023, Style, letter_pdf

SECONDS = 2.0  # the parse time limit in these tests: margin for a loaded machine
MEMORY_MB = 300


@pytest.fixture
def hostile(monkeypatch):
    monkeypatch.setitem(parse.READERS, ".pdf", hostile_pdf)
    monkeypatch.setenv("KAMERBRIEF_PARSE_SECONDS", str(SECONDS))
    monkeypatch.setenv("KAMERBRIEF_PARSE_MEMORY_MB", str(MEMORY_MB))


def _encrypted_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, encrypt="geheim")  # a user password: must be asked for
    canvas.drawString(72, 700, "Den Haag, 1 maart 2024")
    canvas.save()
    return out.getvalue()


def _bomb() -> bytes:
    entities = "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )  # 10^9 "lol"s once expanded
    return (
        f'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY l0 "lol">{entities}]>'
        "<officiele-publicatie><al>&l9;</al></officiele-publicatie>"
    ).encode()


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)  # 50 MB on paper, no disk blocks, written in no time
    return path


@pytest.fixture(scope="module")
def good_pdf(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "kst.pdf"
    text = LETTER_2023.read_text(encoding="utf-8")
    return letter_pdf(path, text, MARKERS_2023, Style(footer=FOOTER_2023)).read_bytes()


BAD = {
    # name: (make the content from the good PDF, the reason in the message)
    "empty.txt": (lambda pdf: b"", "empty file"),
    "binary.txt": (lambda pdf: bytes(range(256)) * 64, "binary file"),
    "truncated.pdf": (lambda pdf: pdf[: len(pdf) // 2], "truncated or damaged PDF"),
    "encrypted.pdf": (lambda pdf: _encrypted_pdf(), "encrypted PDF (needs a password)"),
    "not-a-pdf.pdf": (lambda pdf: b"Dear colleague, the PDF follows.", "not a PDF"),
    "damaged.pdf": (lambda pdf: b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"%%EOF", "damaged PDF"),
    "bomb.xml": (lambda pdf: _bomb(), "refused unsafe XML"),
    "loops.pdf": (lambda pdf: b"%PDF-1.7\nLOOP\n%%EOF", f"timed out after {SECONDS:g} s"),
    "balloon.pdf": (lambda pdf: b"%PDF-1.7\nBALLOON\n%%EOF", f"out of memory (limit {MEMORY_MB} MB)"),
    "crash.pdf": (lambda pdf: b"%PDF-1.7\nCRASH\n%%EOF", "the parser crashed (SIGSEGV"),
}  # fmt: skip
TOO_LARGE = "too large (50 MB; a letter is at most 20 MB)"


def _bad_folder(folder: Path, pdf: bytes) -> Path:
    folder.mkdir()
    for name, (make, _) in BAD.items():
        (folder / name).write_bytes(make(pdf))
    _sparse(folder / "huge.txt", 50 * 1024 * 1024)
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- one file at a time -----------------------------------------------------------------------


@pytest.mark.parametrize("name", BAD)
def test_parse_refuses_a_bad_file_in_one_line(capsys, tmp_path, hostile, good_pdf, name):
    make, reason = BAD[name]
    path = tmp_path / name
    path.write_bytes(make(good_pdf))
    code, out, err = run(capsys, "parse", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {path}: {reason}"), err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_huge_file_is_refused_by_its_size_unread(capsys, tmp_path, monkeypatch):
    huge = _sparse(tmp_path / "huge.txt", 50 * 1024 * 1024)
    reads = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real_read(self))
    code, _, err = run(capsys, "parse", str(huge))
    assert (code, err) == (2, f"error: {huge}: {TOO_LARGE}\n")
    assert reads == []  # refused by its size: never read
    with pytest.raises(LetterError, match="too large"):
        parse.parse_bytes(b"x" * (parse.MAX_BYTES + 1), Path("big.txt"))


# -- a folder with good and bad files ---------------------------------------------------------


def test_bad_files_fail_alone_and_the_library_keeps_its_letters(
    capsys, tmp_path, hostile, good_pdf
):
    ix = str(tmp_path / "ix")
    assert run(capsys, "index", str(LETTERS), "--index", ix)[0] == 0
    with Library.open(ix) as lib:
        before = set(lib.ids())
    folder = _bad_folder(tmp_path / "inbox", good_pdf)
    (folder / "kst-69.pdf").write_bytes(good_pdf)
    shutil.copy(LETTER_2018, folder / "inf.txt")

    code, out, err = run(capsys, "index", str(folder), "--index", ix)
    assert code == 2
    assert out == f"indexed 2 new, 0 changed, 0 removed, 0 unchanged, {len(BAD) + 1} failed\n"
    lines = err.splitlines()
    assert len(lines) == len(BAD) + 1
    for name, (_, reason) in {**BAD, "huge.txt": (None, TOO_LARGE)}.items():
        assert any(line.startswith(f"error: {folder / name}: {reason}") for line in lines), name
    with Library.open(ix) as lib:
        assert set(lib.ids()) == before | {"kst-69", "inf"}
        assert lib.get("kst-69").footnotes[0].text == "Kamerstuk 36 200-V, nr. 73."


def test_failed_files_are_skipped_until_retried_or_changed(capsys, tmp_path, hostile, good_pdf):
    ix = str(tmp_path / "ix")
    folder = _bad_folder(tmp_path / "inbox", good_pdf)
    run(capsys, "index", str(folder), "--index", ix)

    code, out, err = run(capsys, "index", str(folder), "--index", ix)
    assert code == 2 and out.endswith(f"{len(BAD) + 1} failed\n")
    assert err.count("(failed before; use --retry-failed)") == len(BAD)
    assert f"loops.pdf: timed out after {SECONDS:g} s (failed before" in err

    (folder / "encrypted.pdf").write_bytes(good_pdf)  # fixed: tried again without asking
    code, out, err = run(capsys, "index", str(folder), "--index", ix)
    assert out.startswith("indexed 1 new") and "encrypted.pdf" not in err

    code, out, err = run(capsys, "index", str(folder), "--index", ix, "--retry-failed")
    assert "failed before" not in err
    assert f"loops.pdf: timed out after {SECONDS:g} s\n" in err


def test_a_letter_that_breaks_keeps_its_last_good_version(tmp_path, hostile):
    letter = tmp_path / "inf.txt"
    shutil.copy(LETTER_2018, letter)
    with Library.open(tmp_path / "ix") as lib:
        lib.add([letter])
        letter.write_bytes(b"\x00\x01\x02" * 1000)
        report = lib.add([letter])
        assert report.failed == 1 and "binary file" in report.failures[0][1]
        assert lib.get("inf").meta.date == "2018-11-27"
        report = lib.add([letter])
        assert report.known_failures == 1


# -- the worker ----------------------------------------------------------------------------------


def test_one_worker_serves_many_files_and_is_replaced_after_a_kill(good_pdf, hostile):
    pool = ParserPool()
    limits = Limits(seconds=SECONDS, memory_mb=MEMORY_MB)
    try:
        for _ in range(5):
            assert pool.run(read_pdf, good_pdf, "kst.pdf", limits).notes
        assert pool.starts == 1
        for cue, reason in ((b"LOOP", "timed out"), (b"CRASH", "crashed"), (b"BALLOON", "memory")):
            with pytest.raises(LetterError, match=reason):
                pool.run(hostile_pdf, b"%PDF-1.7 " + cue, "x.pdf", limits)
            assert pool.run(read_pdf, good_pdf, "kst.pdf", limits).notes
        assert pool.starts == 4
    finally:
        pool.close()


@pytest.mark.parametrize("content", [b"{not json", b"[]", b'{"files": {"a": 1}}', b"\xff\xfe"])
def test_a_damaged_failure_memory_is_an_empty_one(tmp_path, content):
    (tmp_path / FILE_NAME).write_bytes(content)
    assert len(FailureMemory.load(tmp_path)) == 0
    letter = tmp_path / "brief.pdf"
    letter.write_bytes(b"x")
    memory = FailureMemory.load(tmp_path)
    memory.remember(str(letter), "abc", "brief.pdf: not a PDF")
    memory.save()
    assert FailureMemory.load(tmp_path).known(str(letter), "abc") == "brief.pdf: not a PDF"
    assert FailureMemory.load(tmp_path).known(str(letter), "def") is None  # content changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", FILE_NAME]
