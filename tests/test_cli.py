"""The command line as the outside world calls it: `python -m desktop ...`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.ingest.parse import MAX_BYTES
from tests.conftest import LETTER_2018, LETTER_2023, LETTERS, REPO


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_through_python_dash_m():
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "parse", str(LETTER_2023), "--json"],
        capture_output=True, text=True, cwd=REPO, check=True,
    )  # fmt: skip
    data = json.loads(proc.stdout)
    assert data["kamerstuk"] == {"dossier": "33694", "number": "69"}
    assert data["vergaderjaar"] == "2023-2024"
    for span in data["mentions"] + data["references"]:
        assert 0 <= span["start"] < span["end"] <= len(data["text"])
    explicit = [m for m in data["mentions"] if m["kind"] == "explicit"]
    assert len(explicit) == 17


def test_parse_summary(capsys):
    code, out, _ = run(capsys, "parse", str(LETTER_2018))
    assert code == 0
    assert out.splitlines()[0] == "INF-verdrag: brief van 27 november 2018"
    assert "  date        2018-11-27" in out
    assert "  mentions    INF 13, NPT 1" in out
    assert "  signed      S.A. Blok, Minister van Buitenlandse Zaken" in out
    assert "  footnotes   1" in out


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty file"),
        (lambda d: _write(d / "binary.txt", bytes(range(256)) * 40), "binary file"),
        (lambda d: _write(d / "letter.doc", b"some text"), "unsupported file type"),
    ],
)
def test_parse_errors_are_one_line_exit_2(capsys, tmp_path, make, problem):
    path = make(tmp_path)
    code, out, err = run(capsys, "parse", str(path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and str(path) in err and problem in err
    assert "Traceback" not in err


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_index_search_treaties(capsys, tmp_path):
    ix = str(tmp_path / "ix")
    code, out, _ = run(capsys, "index", str(LETTERS), "--index", ix)
    assert (code, out) == (0, "indexed 2 new, 0 changed, 0 removed, 0 unchanged, 0 failed\n")
    code, out, _ = run(capsys, "index", str(LETTERS), "--index", ix)
    assert out == "indexed 0 new, 0 changed, 0 removed, 2 unchanged, 0 failed\n"

    code, out, _ = run(capsys, "search", "treaty:CSE", "--index", ix, "--json")
    data = json.loads(out)
    assert (data["query"], data["total"]) == ("treaty:CSE", 1)
    assert data["hits"][0]["id"] == "2023-11-16-kst-33694-69-cse-verdrag"

    code, out, _ = run(capsys, "treaties", "--index", ix, "--json")
    table = json.loads(out)
    assert table["totals"] == {"INF": 14, "CSE": 12, "NEW-START": 1, "CTBT": 1, "OST": 1,
                               "VIENNA-DOC": 1, "NPT": 1}  # fmt: skip
    code, out, _ = run(capsys, "treaties", "--index", ix)
    assert out.splitlines()[-1].split() == ["total", "14", "12", "1", "1", "1", "1", "1"]


def test_search_hit_offsets_point_at_the_words_parse_prints(capsys, tmp_path):
    ix = str(tmp_path / "ix")
    run(capsys, "index", str(LETTER_2018), "--index", ix)
    _, out, _ = run(capsys, "search", "kruisvluchtwapen", "--index", ix, "--json")
    hit = json.loads(out)["hits"][0]
    _, out, _ = run(capsys, "parse", str(LETTER_2018), "--json")
    text = json.loads(out)["text"]
    words = [text[m["start"] : m["end"]] for m in hit["matches"]]
    assert words == ["kruisvluchtwapens", "kruisvluchtwapen", "kruisvluchtwapen"]


def test_index_reports_changed_removed_and_failed(capsys, tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for f in LETTERS.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    ix = str(tmp_path / "ix")
    run(capsys, "index", str(folder), "--index", ix)
    changed = folder / LETTER_2018.name
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nNaschrift over het NPT.\n", encoding="utf-8"
    )
    (folder / LETTER_2023.name).unlink()
    (folder / "broken.txt").write_bytes(b"")
    shutil.copy(LETTER_2023, folder / "new.txt")
    code, out, err = run(capsys, "index", str(folder), "--index", ix)
    assert out == "indexed 1 new, 1 changed, 1 removed, 0 unchanged, 1 failed\n"
    assert code == 2 and "broken.txt: empty file" in err
    _, out, _ = run(capsys, "search", "naschrift", "--index", ix, "--json")
    assert json.loads(out)["total"] == 1


@pytest.mark.parametrize(
    "query, message",
    [
        ('"Open Luchtruim', "unclosed quote"),
        ("(verdrag AND", "'(' is never closed"),
        ("date:gisteren", "is not a date"),
        ("kleur:rood", "unknown field 'kleur'"),
    ],
)
def test_malformed_query_exit_2(capsys, tmp_path, query, message):
    ix = str(tmp_path / "ix")
    run(capsys, "index", str(LETTER_2018), "--index", ix)
    code, out, err = run(capsys, "search", query, "--index", ix)
    assert code == 2 and out == ""
    assert message in err and "position" in err and err.count("\n") == 1


def test_unwritable_index_dir(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, out, err = run(capsys, "index", str(LETTER_2018), "--index", str(blocker / "ix"))
    assert code == 2 and "cannot write the library" in err and str(blocker) in err


# -- output a terminal can show safely (issue 12, part 7) ------------------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J"  # set the window title, clear the screen
HIDDEN_LINK = "\x1b]8;;http://evil.example/\x1b\\het verdrag\x1b]8;;\x1b\\"  # OSC 8


def hostile_letter(folder) -> Path:
    """The 2023 letter with escape sequences in its dossier title (the letter's title) and a
    hidden link and a right-to-left override in a paragraph about kernwapens."""
    lines = LETTER_2023.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "Internationale Veiligheidsstrategie" in line)
    lines[at] = lines[at].rstrip() + " " + ESCAPES
    at = next(i for i, line in enumerate(lines) if "kernwapens" in line)
    lines[at] = lines[at].replace("kernwapens", f"{HIDDEN_LINK} \u202egnitsiL kernwapens", 1)
    path = folder / "brief.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_inert(text: str) -> None:
    assert not any(c in text for c in "\x1b\x07\u202e"), text


def test_escape_sequences_in_a_letter_never_reach_the_terminal(capsys, tmp_path):
    letter = hostile_letter(tmp_path)
    ix = str(tmp_path / "ix")
    _, out, _ = run(capsys, "parse", str(letter))
    assert_inert(out)
    assert out.splitlines()[0] == r"Internationale Veiligheidsstrategie \x1b]0;pwned\x07\x1b[2J"

    run(capsys, "index", str(letter), "--index", ix)
    code, out, _ = run(capsys, "search", "kernwapens", "--index", ix)
    assert code == 0
    assert_inert(out)
    assert r"\x1b]8;;http://evil.example/\x1b\het verdrag" in out and r"\u202egnitsiL" in out
    assert r"Veiligheidsstrategie \x1b]0;pwned" in out
    _, out, _ = run(capsys, "treaties", "--index", ix)
    assert_inert(out)
    assert r"Veiligheidsstrategie \x1b]0;pwned" in out


def test_json_keeps_the_text_exactly_and_shows_nothing_raw(capsys, tmp_path):
    letter = hostile_letter(tmp_path)
    _, out, _ = run(capsys, "parse", str(letter), "--json")
    assert_inert(out)
    data = json.loads(out)
    assert data["title"].endswith(ESCAPES) and HIDDEN_LINK in data["text"]


def test_a_file_name_with_a_line_break_and_escapes_is_one_inert_line(capsys, tmp_path):
    path = tmp_path / "brief\n\x1b[31mrood.txt"
    path.write_bytes(b"")
    code, out, err = run(capsys, "parse", str(path))
    assert code == 2 and out == ""
    assert err == f"error: {tmp_path}/brief\\n\\x1b[31mrood.txt: empty file\n"


UNDECODABLE = b"caf\xe9.txt"  # Latin-1 bytes in a UTF-8 file system: not a valid name in UTF-8


def test_a_name_that_is_not_utf8_gives_valid_json_that_names_it_exactly(tmp_path):
    path = os.fsencode(tmp_path) + b"/" + UNDECODABLE
    with open(path, "wb") as fh:
        fh.write(LETTER_2018.read_bytes())
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "parse", path, "--json"], capture_output=True, cwd=REPO
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.decode("utf-8"))  # strict: valid UTF-8
    assert os.fsencode(data["source"]) == path  # the surrogate escapes give the bytes back
    assert b"caf\\udce9.txt" in proc.stdout


def test_a_name_that_is_not_utf8_is_shown_by_its_bytes_in_messages(tmp_path):
    path = os.fsencode(tmp_path) + b"/" + UNDECODABLE
    open(path, "wb").close()
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "parse", path], capture_output=True, cwd=REPO
    )
    assert proc.returncode == 2
    assert proc.stderr.decode("utf-8") == f"error: {tmp_path}/caf\\xe9.txt: empty file\n"


# -- queries (issue 12, part 8) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "query, message, position",
    [
        ("date:[2020 to", "'[' is never closed", 5),
        ("treaty:", "'treaty:' has nothing to search for", 0),
        ("kernwapens treaty: INF", "'treaty:' has nothing to search for", 11),
        ("verdrag^-1", "a boost is a positive number", 7),
        ("verdrag~-1", "a fuzzy word ends in ~", 7),
        ("Rusland Ondertekenaar:", "'signatory:' has nothing to search for", 8),
    ],
)
def test_malformed_queries_are_refused_with_their_position(
    capsys, tmp_path, query, message, position
):
    ix = str(tmp_path / "ix")
    run(capsys, "index", str(LETTER_2018), "--index", ix)
    code, out, err = run(capsys, "search", query, "--index", ix)
    assert (code, out) == (2, "")
    assert f"at position {position}: {message}" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "-CSE"],
        ["search", "--json", "-CSE"],
        ["search", "-CSE", "--limit", "5"],
        ["search", "--lim=5", "-CSE"],
        ["search", "--", "-CSE"],
    ],
)
def test_a_query_may_start_with_a_dash(capsys, tmp_path, argv):
    ix = str(tmp_path / "ix")
    run(capsys, "index", str(LETTERS), "--index", ix)
    code, out, err = (
        run(capsys, *argv, "--index", ix)
        if "--" not in argv
        else run(capsys, "search", "--index", ix, *argv[1:])
    )
    assert code == 0, err
    total = json.loads(out)["total"] if "--json" in argv else int(out.split()[0])
    assert total == 1  # Whoosh reads "-CSE" as the word CSE


def test_a_query_starting_with_h_is_no_request_for_help(capsys, tmp_path):
    ix = str(tmp_path / "ix")
    run(capsys, "index", str(LETTERS), "--index", ix)
    code, out, _ = run(capsys, "search", "-hoe", "--index", ix)
    assert code == 0 and out.startswith("0 letter(s) for '-hoe'")


# -- one size rule (issue 12, part 9) ---------------------------------------------------------


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


@pytest.mark.parametrize(
    "size, sizes",
    [
        (int(20.1 * 1024 * 1024), "20.1 MB; a letter is at most 20 MB"),
        (MAX_BYTES + 1, f"{MAX_BYTES + 1:,} bytes; a letter is at most {MAX_BYTES:,} bytes"),
    ],
)
def test_the_size_message_names_both_sizes_so_they_differ(capsys, tmp_path, size, sizes):
    path = sparse(tmp_path / "big.txt", size)
    code, _, err = run(capsys, "parse", str(path))
    assert (code, err) == (2, f"error: {path}: too large ({sizes})\n")


@pytest.mark.slow
def test_a_text_file_just_within_the_byte_limit_is_within_the_text_limit(capsys, tmp_path):
    """Before, 20 MB of bytes let through 20,971,520 characters of text and 20,000,000 were
    allowed: a 19.9 MB file was read, parsed and then refused."""
    path = tmp_path / "largest.txt"
    path.write_bytes((b"verdrag " * (MAX_BYTES // 8 + 1))[:MAX_BYTES])
    code, out, err = run(capsys, "parse", str(path))
    assert (code, err) == (0, "")
    assert "  mentions    none" in out
