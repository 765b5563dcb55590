"""Nothing lost: kills, a second process, failures mid-batch, corruption, durability."""

from __future__ import annotations

import errno
import gc
import hashlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from desktop.bench import kill_harness
from desktop.bench.corpus import generate
from desktop.core.ingest import parse as parse_mod
from desktop.core.library.library import Library, LibraryBusy, LibraryError
from tests.conftest import LETTER_2018, LETTERS, REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def _child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], env=ENV, stdout=subprocess.PIPE, text=True
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("corpus"), 40, seed=7, huge=False)


def test_kills_during_imports_never_lose_a_completed_batch():
    """The full count (50 and more) runs in `python -m desktop.bench.kill_harness`."""
    result = kill_harness.run(kills=6, seed=3, per_batch=15, batches=3)
    assert result.problems == []
    assert (result.kills, result.survived, result.letters_lost) == (6, 6, 0)


def test_kill_during_the_very_first_creation(tmp_path):
    root = tmp_path / "lib"
    code = "import sys; from desktop.core.library.library import Library; Library.open(sys.argv[1]); print('made', flush=True)"
    for delay in (0.0, 0.05, 0.15):
        shutil.rmtree(root, ignore_errors=True)
        proc = _child(code, str(root))
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Library.open(root) as lib:
            assert len(lib) == 0 and lib.add([LETTER_2018]).new == 1


def test_a_second_process_reads_while_the_first_writes(tmp_path):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([LETTERS])
    holder = _child(
        "import sys, time; from desktop.core.library.library import Library\n"
        "lib = Library.open(sys.argv[1]); w = lib._ix.writer(); print('writing', flush=True); time.sleep(60)",
        str(root),
    )
    assert holder.stdout.readline().strip() == "writing"
    try:
        with Library.open(root) as second:
            assert second.busy()
            assert second.search("treaty:INF").total == 2  # reading and searching work
            with pytest.raises(LibraryBusy, match="library busy"):
                second.add([LETTER_2018.parent / "nope.txt", LETTER_2018])
            holder.send_signal(signal.SIGKILL)  # the writer dies holding the lock
            holder.wait()
            assert not second.busy()  # no stale lock
            assert second.remove([second.ids()[0]]) == 1
    finally:
        holder.kill()
        holder.wait()


def test_a_bug_met_by_one_file_is_that_files_failure(tmp_path, corpus, monkeypatch):
    real = parse_mod.parse_bytes

    def broken(data, path, *a, **k):
        if path.name == corpus[7].name:
            raise RuntimeError("a bug in a reader")
        return real(data, path, *a, **k)

    monkeypatch.setattr("desktop.core.library.importer.parse_bytes", broken)
    with Library.open(tmp_path / "lib") as lib:
        report = lib.add(corpus[5:15])
        assert (report.new, report.failures) == (
            9,
            [(str(corpus[7]), f"{corpus[7]}: could not be read (RuntimeError: a bug in a reader)")],
        )


def test_a_write_that_fails_keeps_nothing_and_releases(tmp_path, corpus, monkeypatch):
    from desktop.core.library.store import LetterStore

    with Library.open(tmp_path / "lib") as lib:
        lib.add(corpus[:5])
        real = LetterStore.put_pending

        def full(self, rows):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(LetterStore, "put_pending", full)
        with pytest.raises(LibraryError, match="nothing was saved: the disk is full"):
            lib.add(corpus[5:15])
        assert len(lib) == 5  # nothing of the failed batch
        monkeypatch.setattr(LetterStore, "put_pending", real)
        assert lib.add(corpus[5:15]).new == 10  # the lock was released


def test_import_then_quit_at_once(tmp_path, corpus):
    root = tmp_path / "lib"
    code = (
        "import os, sys; from pathlib import Path; from desktop.core.library.library import Library\n"
        "lib = Library.open(sys.argv[1]); lib.add([Path(p) for p in sys.argv[2:]]); os._exit(0)"
    )
    proc = _child(code, str(root), *map(str, corpus[:12]))
    assert proc.wait() == 0
    with Library.open(root) as lib:
        assert len(lib) == 12 and lib.rebuilt_message is None


def test_cancel_at_half_then_continue(tmp_path, corpus):
    with Library.open(tmp_path / "lib") as lib:
        seen = []
        report = lib.add(
            corpus[:20], progress=lambda d, t, p: seen.append(d), cancelled=lambda: len(seen) >= 10
        )
        assert report.cancelled and report.new == 10
        again = lib.add(corpus[:20])
        assert (again.new, again.unchanged) == (10, 10)
        assert sorted(lib.ids()) == sorted({p.stem for p in corpus[:20]})


@pytest.mark.parametrize(
    "damage, expected",
    [
        (
            "truncate",
            r"the library index is damaged: letters_\w+\.seg has [\d,]+ bytes, not [\d,]+",
        ),
        (
            "zeroes",
            r"the library index is damaged: letters_\w+\.seg was changed since it was written",
        ),
        ("delete-store", "the letter store is missing"),
        ("garbage-store", r"the letter store could not be read \(DatabaseError\)"),
        ("truncate-store", r"the letter store could not be read \(DatabaseError\)"),
        ("empty-toc", r"the library index is damaged: _letters_\d+\.toc has 0 bytes, not [\d,]+"),
    ],
)
def test_a_damaged_library_is_reported_and_rebuilt(tmp_path, corpus, damage, expected):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add(corpus[:8])
        texts = {i: lib.get(i).text for i in lib.ids()}
    _damage(root, damage)
    with Library.open(root) as lib:
        source = "the letter store" if "store" not in damage else "the library's own copies"
        assert re.fullmatch(
            f"{expected}; rebuilt 8 letters from {source}; the damaged files are kept in "
            f"{root}/damaged/[-0-9]+",
            lib.rebuilt_message,
        ), lib.rebuilt_message
        assert {i: lib.get(i).text for i in lib.ids()} == texts
        assert lib.search("verdrag").total > 0
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None and len(lib) == 8


def _damage(root: Path, how: str) -> None:
    store = root / "letters.sqlite"
    segment = max(root.glob("letters_*.seg"), key=lambda p: p.stat().st_size)
    data = segment.read_bytes()
    if how == "truncate":
        segment.write_bytes(data[: len(data) // 3])
    elif how == "zeroes":  # same size, a block of zeroes in the middle: only a checksum sees it
        middle = len(data) // 2
        segment.write_bytes(data[:middle] + bytes(4096) + data[middle + 4096 :])
    elif how == "delete-store":
        store.unlink()
    elif how == "garbage-store":
        store.write_bytes(os.urandom(store.stat().st_size))
    elif how == "truncate-store":
        store.write_bytes(store.read_bytes()[:3000])
    elif how == "empty-toc":
        next(root.glob("_letters_*.toc")).write_bytes(b"")


def test_search_while_an_import_runs(tmp_path, corpus):
    with Library.open(tmp_path / "lib") as lib:
        lib.add(corpus[:5])
        errors: list[BaseException] = []
        importer = threading.Thread(target=lambda: lib.add(corpus[5:40]))
        importer.start()
        while importer.is_alive():
            try:
                assert lib.search("verdrag").total >= 1
            except BaseException as exc:  # collected, so the thread is joined before failing
                errors.append(exc)
        importer.join()
        assert errors == []
        assert lib.search("verdrag OR Rusland").total == 40


def test_many_small_imports_keep_segments_and_descriptors_bounded(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()

    def fds() -> int:
        gc.collect()  # Whoosh readers sit in reference cycles; their files close on collection
        return len(os.listdir("/proc/self/fd"))

    with Library.open(tmp_path / "lib") as lib:
        before = None
        for i in range(500):
            letter = folder / f"brief-{i}.txt"
            letter.write_text(
                f"Den Haag, 1 mei 2020\n\nHet INF-verdrag, brief {i}.\n", encoding="utf-8"
            )
            lib.add([letter])
            if i == 20:
                before = fds()
        assert len(lib) == 500
        assert fds() <= before + 8  # a few more segments open, no descriptor per import
        assert len(lib._ix._segments()) <= 12


def test_files_are_private_and_sources_untouched(tmp_path, corpus):
    sources = corpus[:6]
    digest = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources}
    made, given = tmp_path / "made" / "lib", tmp_path / "given"
    given.mkdir(mode=0o755)
    for root in (made, given):
        with Library.open(root) as lib:
            lib.add(sources)
            lib.search("verdrag")
            lib.get(lib.ids()[0])
            lib.remove(lib.ids()[:1])
            lib.add(sources, prune=True)
    assert stat.S_IMODE(made.stat().st_mode) == 0o700  # the library made it: private
    assert stat.S_IMODE(given.stat().st_mode) == 0o755  # the user's folder keeps its mode
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources} == digest


def test_an_import_is_synced_before_it_is_reported(tmp_path, corpus, monkeypatch):
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        synced.clear()
        lib.add(corpus[:3])
    files = [p for p in root.iterdir() if p.is_file() and not p.name.endswith(".lock")]
    assert len(synced) >= len(files) + 1  # every file of the index, then the folder


def test_no_syntax_or_deprecation_warning_in_our_code_or_whoosh(tmp_path):
    """Every module of ours and every Whoosh module we load compiles with warnings as
    errors (whoosh/support/pyparsing.py has an invalid escape, but nothing imports it)."""
    with Library.open(tmp_path / "lib") as lib:  # load what a session loads
        lib.add([LETTER_2018])
        lib.search('"INF-verdrag" OR kernwap~ OR ontwap*')
    loaded = [m for name, m in sys.modules.items() if name.split(".")[0] in ("desktop", "whoosh")]
    sources = {Path(m.__file__) for m in loaded if getattr(m, "__file__", None)}
    assert len(sources) > 40
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for source in sources | set((REPO / "desktop").rglob("*.py")):
            compile(source.read_text(encoding="utf-8"), str(source), "exec")


def test_a_changed_letter_replaces_its_row_and_copy(tmp_path, corpus):
    root = tmp_path / "lib"
    letter = tmp_path / "brief.txt"
    shutil.copy(corpus[0], letter)
    with Library.open(root) as lib:
        lib.add([letter])
        first, first_copy = lib.store.keys(), lib.original(letter.stem)
        letter.write_text(letter.read_text(encoding="utf-8") + "\nNaschrift.\n", encoding="utf-8")
        assert lib.add([letter]).changed == 1
        assert len(lib.store.keys()) == 1 and not first & lib.store.keys()
        assert "Naschrift." in lib.get(letter.stem).text
        assert not first_copy.exists()  # no letter uses the old version's copy
        assert lib.original(letter.stem).read_bytes() == letter.read_bytes()


def test_an_unfinished_rebuild_is_finished_at_the_next_start(tmp_path, corpus):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add(corpus[:4])
    meta = json.loads((root / "library.json").read_text())
    (root / "library.json").write_text(json.dumps({**meta, "rebuild_pending": True}))
    with Library.open(root) as lib:
        assert "an earlier rebuild did not finish" in lib.rebuilt_message
        assert len(lib) == 4
    assert "rebuild_pending" not in json.loads((root / "library.json").read_text())
