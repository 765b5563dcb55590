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
import socket
import stat
import subprocess
import sys
import threading
import time
import uuid
import warnings
from pathlib import Path

import pytest

from desktop.bench import kill_harness
from desktop.bench.corpus import generate
from desktop.cli import main
from desktop.core.ingest import parse as parse_mod
from desktop.core.library.index_files import index_files as files_of_index
from desktop.core.library.library import Library, LibraryBusy, LibraryError
from desktop.core.library.originals import Originals
from tests.conftest import LETTER_2018, LETTER_2023, LETTERS, REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def _child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("corpus"), 40, seed=7, huge=False)


@pytest.mark.slow
def test_kills_during_imports_never_lose_a_completed_batch():
    """Imports of 15, 130 and 15 letters, the middle one committed in four batches; every
    other kill waits until it has committed its first. After each kill the library holds
    the imports done and the completed batches of the one under way, no process of the
    library is alive, only the writer held the lock, and the next import runs. The full
    count (50 and more) runs in `python -m desktop.bench.kill_harness`."""
    result = kill_harness.run(kills=4, seed=3)
    assert result.problems == []
    assert (result.kills, result.survived, result.letters_lost) == (4, 4, 0)
    assert result.later_batch_kills >= 2


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
        (
            "cut-toc",
            r"the library index is damaged: _letters_\d+\.toc has [\d,]+ bytes, not [\d,]+",
        ),
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
    elif how == "cut-toc":
        toc = next(root.glob("_letters_*.toc"))
        toc.write_bytes(toc.read_bytes()[:100])


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


# -- no orphan: every child dies with its parent ----------------------------------------------


def test_the_parser_worker_dies_with_its_parent_even_mid_parse(tmp_path):
    """A parse that never ends (30 s would be the real limit; here it is 600 s): killing the
    process that asked for it takes the worker down at once, not when the parse ends."""
    tag = uuid.uuid4().hex
    code = (
        "from desktop.core.ingest.worker import Limits, ParserPool\n"
        "from tests.data.hostile_reader import hostile_pdf\n"
        "ParserPool().run(hostile_pdf, b'%PDF-1.7 LOOP', 'loop.pdf', Limits(600, 500))\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", code], env={**ENV, kill_harness.TAG: tag}, cwd=REPO
    )
    try:
        worker = _wait_for(lambda: _running_worker(tag, parent.pid))
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert _wait_for(lambda: not _alive(worker)), "the worker outlived its parent"
    finally:
        parent.kill()
        parent.wait()


def _running_worker(tag: str, parent: int) -> int | None:
    """The worker process, once it is busy parsing (state R, not waiting for a request)."""
    for pid in kill_harness.tagged(tag) - {parent}:
        try:
            if Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("R"):
                return pid
        except (OSError, IndexError):
            continue
    return None


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _wait_for(condition, seconds: float = 60.0):
    """Poll *condition* until it holds (a process's state has no signal to wait on)."""
    deadline = time.monotonic() + seconds
    while not (found := condition()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return found


# -- busy is not damaged ------------------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file() and not p.name.startswith("letters.sqlite-")
    }


def test_a_store_held_locked_by_another_program_is_busy_not_damaged(tmp_path, monkeypatch):
    """The issue's reproduction: import a folder, delete it, hold the store locked from
    another program while searching, then search again."""
    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder)
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([folder])
    shutil.rmtree(folder)
    before = _snapshot(root)
    holder = _child(
        "import sqlite3, sys, time\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA locking_mode=EXCLUSIVE'); con.execute('BEGIN EXCLUSIVE')\n"
        "con.execute('UPDATE catalog SET state = state')\n"
        "print('holding', flush=True); time.sleep(60)",
        str(root / "letters.sqlite"),
    )
    monkeypatch.setattr("desktop.core.library.store.BUSY_SECONDS", 0.3)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(LibraryBusy) as busy:
            Library.open(root)
        assert str(busy.value) == (
            f"the library at {root} is in use by another program; try again later"
        )
        assert _snapshot(root) == before  # nothing emptied, nothing rebuilt
    finally:
        holder.kill()
        holder.wait()
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None
        assert lib.search("verdrag").total == 2


@pytest.mark.parametrize(
    "err, reason",
    [
        (errno.EIO, "the disk could not be read or written (input/output error)"),
        (errno.EACCES, "permission denied"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EAGAIN, None),
    ],
)
def test_a_disk_that_fails_at_open_is_reported_not_rebuilt(tmp_path, monkeypatch, err, reason):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([LETTERS])
    before = _snapshot(root)
    real = os.stat

    def failing(path, *args, **kwargs):
        if str(path).endswith(".seg"):
            raise OSError(err, os.strerror(err), str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr("desktop.core.library.index_files.os.stat", failing)
    with pytest.raises(LibraryError) as error:
        Library.open(root)
    expected = (
        f"cannot use the library at {root}: {reason}"
        if reason
        else f"the library at {root} is in use by another program; try again later"
    )
    assert str(error.value) == expected
    assert isinstance(error.value, LibraryBusy) == (reason is None)
    monkeypatch.undo()
    assert _snapshot(root) == before and not (root / "damaged").exists()
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None and len(lib) == 2


@pytest.mark.parametrize("thing", ["folder", "fifo", "symlink", "socket"])
def test_whatever_sits_where_the_lock_file_should_be(tmp_path, thing):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([LETTER_2018])
    lock = root / "letters_WRITELOCK"
    lock.unlink()
    what = {
        "folder": "a folder",
        "fifo": "a FIFO",
        "symlink": "a symbolic link",
        "socket": "a socket",
    }
    if thing == "folder":
        lock.mkdir()
    elif thing == "fifo":
        os.mkfifo(lock)
    elif thing == "symlink":
        lock.symlink_to(tmp_path / "elsewhere")
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(lock))
    with Library.open(root) as lib:  # reading and searching need no lock
        assert lib.search("kruisvluchtwapens").total == 1 and not lib.busy()
        with pytest.raises(LibraryError) as error:
            lib.add([LETTER_2023])
        assert str(error.value) == (
            f"cannot lock the library: {lock} should be the library's lock file but is "
            f"{what[thing]}; move it out of the library folder and try again"
        )
        assert not (tmp_path / "elsewhere").exists()  # a link is never followed
        if thing == "folder":
            lock.rmdir()
        else:
            lock.unlink()
        assert lib.add([LETTER_2023]).new == 1


# -- SQLite's locks respected; one probe file per process ----------------------------------------


def test_a_write_never_opens_the_stores_files_and_syncs_what_it_wrote(
    tmp_path, corpus, monkeypatch
):
    """Closing any descriptor of a file drops the POSIX locks SQLite holds on it: the
    library's own code never opens letters.sqlite, -wal or -shm. What it wrote (the index's
    files, the copies, the folder) is fsynced before the import returns."""
    root = tmp_path / "lib"
    opened: list[str] = []
    synced: list[str] = []
    real_open, real_fsync = os.open, os.fsync
    monkeypatch.setattr(
        os, "open", lambda p, *a, **k: (opened.append(str(p)), real_open(p, *a, **k))[1]
    )
    monkeypatch.setattr(
        os,
        "fsync",
        lambda fd: (synced.append(os.readlink(f"/proc/self/fd/{fd}")), real_fsync(fd))[1],
    )
    with Library.open(root) as lib:
        opened.clear()
        synced.clear()
        lib.add(corpus[:3])
        index_files = [str(root / n) for n in files_of_index(root)]
        copies = [str(lib.original(p.stem)) for p in corpus[:3]]
        assert not [p for p in opened if "letters.sqlite" in p]
        assert set(index_files) | set(copies) | {str(root)} <= set(synced)
        last_index_sync = max(i for i, p in enumerate(synced) if p in index_files)
        assert synced.index(str(root), last_index_sync) > last_index_sync  # names after data


def test_a_stale_probe_of_an_older_version_is_no_obstacle(tmp_path):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        (root / ".write-test").mkdir()  # the probe name every process shared before
        assert lib.add([LETTER_2018]).new == 1
        assert not list(root.glob(".write-test-*"))  # this process's probe is gone again


def test_searching_in_another_process_while_imports_replace_letters(tmp_path, corpus):
    folder = tmp_path / "letters"
    folder.mkdir()
    for p in corpus[:20]:
        shutil.copy(p, folder / p.name)
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([folder])
    searcher = _child(
        "import sys; from desktop.core.library.library import Library\n"
        "lib = Library.open(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "while sys.stdin.readline() == 'more\\n':\n"
        "    with Library.open(sys.argv[1]) as fresh:\n"
        "        print(lib.search('verdrag').total, fresh.search('naschrift').total, flush=True)\n",
        str(root),
    )
    assert searcher.stdout.readline() == "ready\n"
    try:
        with Library.open(root) as lib:
            for round_ in range(6):
                for p in folder.iterdir():
                    p.write_text(
                        p.read_text(encoding="utf-8") + f"\nNaschrift {round_}.\n", encoding="utf-8"
                    )
                assert lib.add([folder]).changed == 20
                searcher.stdin.write("more\n")
                searcher.stdin.flush()
                assert searcher.stdout.readline().split() == ["20", "20"]
    finally:
        searcher.stdin.close()
        assert searcher.wait() == 0


# -- damage and leftovers ------------------------------------------------------------------------


def test_a_library_json_that_is_no_object_is_written_again(tmp_path):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([LETTERS])
    (root / "library.json").write_text("[]")
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None and len(lib) == 2
    assert json.loads((root / "library.json").read_text())["format"] == 2


def test_what_failed_writes_left_is_removed_at_the_next_open(tmp_path, corpus):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add(corpus[:4])
        lib.store.put_pending([("brief-x:0:0", "tekst", "{}", "brief-x", "/x.txt", "ab" * 32)])
    leftovers = [
        root / "letters.tmp" / "abc.doclist",
        root / "_letters_9.toc.1700000000.5",
        root / "letters_zzzzzzzzzzzzzzzz.seg",
        root / "library.json.tmp",
        root / "originals" / "ab" / ("ab" * 32 + ".txt"),
    ]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half-written")
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None and len(lib) == 4
        assert lib.store.counts() == {"live": 4}
        assert [p for p in leftovers if p.exists()] == []
        assert not (root / "letters.tmp").exists()
        assert lib.add(corpus[4:6]).new == 2


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system (tmpfs, mounted as root as in CI), or None where mounting is not
    allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _used(path: Path) -> int:
    st = os.statvfs(path)
    return (st.f_blocks - st.f_bfree) * st.f_frsize


def test_a_full_disk_keeps_nothing_of_the_import_and_search_goes_on(
    small_disk, tmp_path, monkeypatch, capsys
):
    corpus = generate(tmp_path / "many", 150, seed=11, huge=False)
    root = (small_disk or tmp_path) / "lib"
    with Library.open(root) as lib:
        lib.add([LETTERS])
    baseline = _used(root)
    if small_disk is None:  # no mount allowed: the disk fills on the 20th copy
        calls = []
        real = Originals.put

        def filling(self, *args):
            calls.append(1)
            if len(calls) >= 20:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(self, *args)

        monkeypatch.setattr(Originals, "put", filling)
    with Library.open(root) as lib:
        with pytest.raises(LibraryError) as error:
            lib.add(corpus)
        assert str(error.value) == (
            f"nothing was saved: the disk is full ({root}); the library is as it was"
        )
        assert len(lib) == 2 and lib.search("verdrag").total == 2
    assert main(["search", "verdrag", "--index", str(root)]) == 0  # with the disk still full
    assert capsys.readouterr().out.startswith("2 letter(s) for 'verdrag'")
    if small_disk is not None:  # room again
        subprocess.run(["mount", "-o", "remount,size=16m", str(small_disk)], check=True)
    monkeypatch.undo()
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None and lib.store.counts() == {"live": 2}
        assert len(lib.originals.names()) == 2 and not list(root.glob("*.tmp"))
        if small_disk is not None:
            assert _used(root) <= baseline + 128 * 1024
        assert lib.add(corpus).new == 150
