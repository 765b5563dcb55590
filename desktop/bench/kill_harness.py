"""Kill imports at random moments and check that the library survives each kill.

`python -m desktop.bench.kill_harness --kills 50` runs the full count (the tests run a few).
A child process imports folders of letters into one library, one import per folder, and
writes "done N" after each import returns and "batch N K" after each batch an import commits
(K: that import's letters committed so far; write.py commits an import in batches, here made
small so that the middle import has several), each line with the time it was written. The
parent SIGKILLs it, then checks:

- no process of the library outlives it (every process the child started carries a tag in
  its environment, and the harness looks for that tag in every process of the machine);
- while it ran, only the child itself held the library's write lock;
- the library holds exactly the letters of the imports done and of the completed batches of
  the import under way: its first K letters in import order, where K is the last count
  written or the next batch's end (the commit may have finished just before the kill, its
  line not yet written); never a part of a batch; and it opens without a rebuild;
- the next import runs (the library is not left busy).

Half the kills come inside a later batch of the middle import, one that has already kept
some of its letters: after its batch ending at a chosen K, at a random part of the time its
first batch took (the next batch is twice as long), so they land there whatever the machine's
pace. The others come at random moments.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

TAG = "KAMERBRIEF_KILL_TAG"
BATCH_SIZES = (20, 40)  # the batches of the child's imports: 20, 40, 40, ...
_LOCK = "letters_WRITELOCK"
# The child reports to a file, not a pipe: a process that outlived it would hold a pipe
# open, and the harness would wait for its end forever.
_CHILD = f"""
import os, sys, time
from pathlib import Path
from desktop.core.library import write
from desktop.core.library.library import Library
write.BATCH_SIZES, write.BATCH_MOST = {BATCH_SIZES[:-1]!r}, {BATCH_SIZES[-1]!r}
root, report, folders = Path(sys.argv[1]), sys.argv[2], [Path(b) for b in sys.argv[3:]]

def note(line):
    with open(report, "a") as fh:
        fh.write(f"{{line}} {{time.monotonic()}}\\n")
        fh.flush()
        os.fsync(fh.fileno())

with Library.open(root) as lib:
    for n, folder in enumerate(folders):
        lib.add([folder], batch_done=lambda k: note(f"batch {{n}} {{k}}"))
        note(f"done {{n}}")
"""
_GONE_WITHIN = 15.0  # seconds for the kernel to take every child down with the parent


@dataclass
class KillResult:
    kills: int = 0
    survived: int = 0
    letters_lost: int = 0
    problems: list[str] = field(default_factory=list)
    later_batch_kills: int = 0  # kills after an import under way had committed a batch


def default_folders() -> tuple[int, ...]:
    """Three imports; the middle one commits four batches (20, 40, 40, 30)."""
    return (15, 130, 15)


def make_folders(folder: Path, sizes: tuple[int, ...], seed: int) -> list[Path]:
    """One folder of letters per import."""
    from desktop.bench.corpus import generate

    paths = generate(folder / "all", sum(sizes), seed=seed, huge=False)
    folders, start = [], 0
    for n, size in enumerate(sizes):
        one = folder / f"import-{n}"
        one.mkdir()
        for p in paths[start : start + size]:
            p.rename(one / p.name)
        folders.append(one)
        start += size
    return folders


def expected_ids(folders: list[Path], done: int, under_way: int = 0) -> set[str]:
    """The letters of the imports 0..*done* and the first *under_way* of the next one, in
    the order it imports them (its folder's names, sorted)."""
    from desktop.core.ingest.assemble import letter_id_for

    kept = [p for f in folders[: done + 1] for p in f.iterdir()]
    if done + 1 < len(folders):
        kept += sorted(folders[done + 1].iterdir())[:under_way]
    return {letter_id_for(p.stem) for p in kept}


def batch_ends(letters: int) -> list[int]:
    """Where the batches of an import of *letters* end: 20, 60, 100, ..., *letters*."""
    from itertools import accumulate, chain, repeat

    sizes = chain(BATCH_SIZES[:-1], repeat(BATCH_SIZES[-1]))
    ends = []
    for end in accumulate(sizes):
        ends.append(min(end, letters))
        if end >= letters:
            return ends
    return ends


def tagged(tag: str) -> set[int]:
    """Every process on this machine whose environment carries *tag*."""
    wanted = f"{TAG}={tag}".encode()
    found = set()
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/environ", "rb") as fh:
                    if wanted in fh.read().split(b"\0"):
                        found.add(int(entry.name))
            except OSError:
                continue  # gone meanwhile, or not ours to read
    return found


def lock_holders(pids: set[int], lock: Path) -> set[int]:
    """Those of *pids* with the lock file open."""
    holders = set()
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == str(lock):
                    holders.add(pid)
            except OSError:
                continue
    return holders


@dataclass
class _Run:
    done: int = -1  # the last import that returned
    committed: int = 0  # letters of the import under way its batches committed
    ids: set[str] | None = None
    problems: list[str] = field(default_factory=list)
    later_batch: bool = False  # killed after the import under way committed a batch


@dataclass(frozen=True)
class _InBatch:
    """Kill after the middle import's batch ending at *end*, a *part* of the time its
    first batch took later."""

    end: int
    part: float


def one_kill(root: Path, folders: list[Path], when: float | _InBatch) -> _Run:
    """Run the child, kill it (*when* seconds after its start, or inside a later batch of
    the middle import), then check what is left."""
    tag = uuid.uuid4().hex
    report = root.with_name(root.name + ".done")
    errors = root.with_name(root.name + ".stderr")
    with open(errors, "wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(root), str(report), *map(str, folders)],
            stdout=subprocess.DEVNULL, stderr=stderr,
            env={**os.environ, TAG: tag, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        )  # fmt: skip
    run = _Run()
    _watch(proc, tag, root / _LOCK, report, when, run)
    proc.kill()  # a no-op when it has finished
    if proc.wait() not in (0, -signal.SIGKILL):
        last = errors.read_text(errors="replace").strip().splitlines()[-1:]
        run.problems.append(f"the import failed before the kill: {last}")
    _read_report(report, run)
    if orphans := _outlived(tag):
        run.problems.append(f"{len(orphans)} processes outlived the killed import")
    _check_library(root, run)
    _stop(orphans)
    return run


def _read_report(report: Path, run: _Run) -> None:
    lines = _report_lines(report)
    run.done = max([int(n) for what, n, *_ in lines if what == "done"], default=-1)
    under_way = [int(k) for what, n, k, _ in (x for x in lines if x[0] == "batch")
                 if int(n) == run.done + 1]  # fmt: skip
    run.committed = max(under_way, default=0)
    run.later_batch = run.later_batch or bool(under_way)


def _report_lines(report: Path) -> list[list[str]]:
    try:
        return [line.split() for line in report.read_text().splitlines()]
    except FileNotFoundError:
        return []


def _watch(proc, tag: str, lock: Path, report: Path, when: float | _InBatch, run: _Run) -> None:
    """Until the kill: who holds the lock. A child shares its parent's descriptors from
    fork() until it closes them (lock.py) or execs, a matter of microseconds: a holder counts
    only when seen in two samples in a row."""
    kill_at = time.monotonic() + when if isinstance(when, float) else None
    deadline = time.monotonic() + 120.0
    seen: set[int] = set()
    while proc.poll() is None and time.monotonic() < (kill_at or deadline):
        pids = tagged(tag)
        if kill_at is None and isinstance(when, _InBatch):
            kill_at = _in_batch(_report_lines(report), when)
        holders = lock_holders(pids, lock) - {proc.pid}
        if others := holders & seen:
            run.problems.append(f"the lock was held by processes other than the writer: {others}")
            return
        seen = holders
        time.sleep(0.02)


def _in_batch(lines: list[list[str]], when: _InBatch) -> float | None:
    """The moment to kill, once the child has reported the middle import's batch ending at
    *when.end*: its first batch's time (from the end of the import before) sets the pace."""
    times = {tuple(line[:-1]): float(line[-1]) for line in lines}
    start, first = times.get(("done", "0")), times.get(("batch", "1", str(BATCH_SIZES[0])))
    end = times.get(("batch", "1", str(when.end)))
    if start is None or first is None or end is None:
        return None
    return end + when.part * (first - start)


def _outlived(tag: str) -> set[int]:
    deadline = time.monotonic() + _GONE_WITHIN
    while (alive := tagged(tag)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def _check_library(root: Path, run: _Run) -> None:
    from desktop.core.library.library import Library

    try:
        with Library.open(root) as lib:
            if lib.rebuilt_message:
                run.problems.append(f"rebuilt: {lib.rebuilt_message}")
                return
            run.ids = set(lib.ids())
            run.problems += _untidy(lib)
            extra = root.parent / "after-the-kill.txt"
            extra.write_text("Den Haag, 1 mei 2020\n\nHet NPT na de kill.\n", encoding="utf-8")
            if lib.add([extra]).new != 1:
                run.problems.append("the import after the kill did not add its letter")
    except Exception as exc:  # the guarantee is broken: report, do not crash the harness
        run.problems.append(f"{type(exc).__name__}: {exc}")


def _untidy(lib) -> list[str]:
    """What the killed import left that the open should have removed."""
    from desktop.core.library.index_files import Manifest
    from desktop.core.library.meta import read_meta

    problems = []
    leftovers = Manifest.from_json(read_meta(lib.root).get("index")).leftovers(lib.root)
    if leftovers:
        problems.append(f"left over after the open: {sorted(p.name for p in leftovers)}")
    if lib.store.counts().get("pending"):
        problems.append(f"{lib.store.counts()['pending']} uncommitted rows left in the store")
    copies = {lib.originals.path(d, p) for _, p, d in lib.store.catalog()}
    if stray := {lib.originals.folder / n for n in lib.originals.names()} - copies:
        problems.append(f"{len(stray)} copies no letter uses")
    return problems


def _stop(pids: set[int]) -> None:
    """Processes that outlived the killed import (a failed check): not left running."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def run(kills: int, seed: int = 1, sizes: tuple[int, ...] | None = None) -> KillResult:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="kamerbrief-kill-"))
    result = KillResult()
    try:
        folders = make_folders(work / "letters", sizes or default_folders(), seed)
        for i in range(kills):
            root = work / f"lib{i}"
            middle = len(list(folders[1].iterdir()))
            when: float | _InBatch = rng.uniform(0.05, 3.0)
            if i % 2 == 1:  # a batch ending two or more batches before the import's end
                when = _InBatch(rng.choice(batch_ends(middle)[:-2]), rng.uniform(0.0, 1.0))
            outcome = one_kill(root, folders, when)
            result.kills += 1
            result.later_batch_kills += outcome.later_batch
            _judge(outcome, folders, result, i)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def _judge(outcome: _Run, folders: list[Path], result: KillResult, i: int) -> None:
    problems = [f"kill {i}: {p}" for p in outcome.problems]
    if outcome.ids is not None:
        allowed = [expected_ids(folders, outcome.done, k) for k in _kept(outcome, folders)]
        if outcome.ids not in allowed:
            problems.append(
                f"kill {i}: {len(outcome.ids)} letters after import {outcome.done} and "
                f"{outcome.committed} letters of the next"
            )
            result.letters_lost += len(allowed[0] - outcome.ids)
    result.problems += problems
    result.survived += not problems


def _kept(outcome: _Run, folders: list[Path]) -> list[int]:
    """How many letters of the import under way the library may hold: those its batches
    committed, or also the next batch (committed, its line not yet written)."""
    if outcome.done + 1 >= len(folders):
        return [0]
    letters = len(list(folders[outcome.done + 1].iterdir()))
    later = [end for end in batch_ends(letters) if end > outcome.committed]
    return [outcome.committed, *later[:1]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    result = run(args.kills, args.seed)
    print(json.dumps(result.__dict__, indent=1))
    return 0 if result.survived == result.kills else 1


if __name__ == "__main__":
    sys.exit(main())
