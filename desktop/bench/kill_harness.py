"""Kill imports at random moments and check that the library survives each kill.

`python -m desktop.bench.kill_harness --kills 50` runs the full count (the tests run a few).
A child process imports batches of letters into one library and prints "done N" after each
batch returns; the parent SIGKILLs it, then checks:

- no process of the library outlives it: not the parser worker, not the sub-writers Whoosh's
  multiprocessing writer forks (every process the child started carries a tag in its
  environment, and the harness looks for that tag in every process of the machine);
- while it ran, only the child itself held the library's write lock;
- the library holds exactly the letters of batches 0..N (or 0..N+1: the commit may have
  finished just before the kill, with its "done" line not yet printed), never a part of a
  batch, and opens without a rebuild;
- the next import runs (the library is not left busy).

One batch is large enough for the multiprocessing writer (write.PARALLEL_FROM files), so
every writer path the product ships is killed; half the kills wait until its sub-writers are
running, the others come at random moments.
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

from desktop.core.library.write import PARALLEL_FROM

TAG = "KAMERBRIEF_KILL_TAG"
_LOCK = "letters_WRITELOCK"
# The child reports to a file, not a pipe: a process that outlived it would hold a pipe
# open, and the harness would wait for its end forever.
_CHILD = """
import os, sys
from pathlib import Path
from desktop.core.library.library import Library
root, report, batches = Path(sys.argv[1]), sys.argv[2], [Path(b) for b in sys.argv[3:]]
with Library.open(root) as lib:
    for n, batch in enumerate(batches):
        lib.add([batch])
        with open(report, "a") as fh:
            fh.write(f"done {n}\\n")
            fh.flush()
            os.fsync(fh.fileno())
"""
_GONE_WITHIN = 15.0  # seconds for the kernel to take every child down with the parent


@dataclass
class KillResult:
    kills: int = 0
    survived: int = 0
    letters_lost: int = 0
    problems: list[str] = field(default_factory=list)
    sub_writer_kills: int = 0  # kills while the multiprocessing writer's processes ran


def default_batches() -> tuple[int, ...]:
    return (15, PARALLEL_FROM + 20, 15)


def make_batches(folder: Path, sizes: tuple[int, ...], seed: int) -> list[Path]:
    """One folder of letters per batch."""
    from desktop.bench.corpus import generate

    paths = generate(folder / "all", sum(sizes), seed=seed, huge=False)
    batches, start = [], 0
    for n, size in enumerate(sizes):
        batch = folder / f"batch-{n}"
        batch.mkdir()
        for p in paths[start : start + size]:
            p.rename(batch / p.name)
        batches.append(batch)
        start += size
    return batches


def expected_ids(batches: list[Path], upto: int) -> set[str]:
    from desktop.core.ingest.assemble import letter_id_for

    return {letter_id_for(p.stem) for b in batches[: upto + 1] for p in b.iterdir()}


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
    done: int = -1
    ids: set[str] | None = None
    problems: list[str] = field(default_factory=list)
    saw_sub_writers: bool = False


def one_kill(root: Path, batches: list[Path], delay: float, wait_for_writers: bool) -> _Run:
    """Run the child, kill it (after *delay* s, or that long after its sub-writers were
    seen), then check what is left."""
    tag = uuid.uuid4().hex
    report = root.with_name(root.name + ".done")
    errors = root.with_name(root.name + ".stderr")
    with open(errors, "wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(root), str(report), *map(str, batches)],
            stdout=subprocess.DEVNULL, stderr=stderr,
            env={**os.environ, TAG: tag, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        )  # fmt: skip
    run = _Run()
    _watch(proc, tag, root / _LOCK, delay, wait_for_writers, run)
    proc.kill()  # a no-op when it has finished
    if proc.wait() not in (0, -signal.SIGKILL):
        last = errors.read_text(errors="replace").strip().splitlines()[-1:]
        run.problems.append(f"the import failed before the kill: {last}")
    lines = report.read_text().splitlines() if report.exists() else []
    run.done = max([int(line.split()[1]) for line in lines], default=-1)
    if orphans := _outlived(tag):
        run.problems.append(f"{len(orphans)} processes outlived the killed import")
    _check_library(root, run)
    _stop(orphans)
    return run


def _watch(proc, tag: str, lock: Path, delay: float, for_writers: bool, run: _Run) -> None:
    """Until the kill: who holds the lock, and whether the sub-writers are running. A child
    shares its parent's descriptors from fork() until it closes them (lock.py) or execs, a
    matter of microseconds: a holder counts only when seen in two samples in a row."""
    deadline = time.monotonic() + (120.0 if for_writers else delay)
    kill_at = None
    seen: set[int] = set()
    while proc.poll() is None and time.monotonic() < (kill_at or deadline):
        pids = tagged(tag)
        if len(pids) >= 4:  # the child, its parser worker and two sub-writers
            run.saw_sub_writers = True
            if for_writers and kill_at is None:
                kill_at = time.monotonic() + delay
        holders = lock_holders(pids, lock) - {proc.pid}
        if others := holders & seen:
            run.problems.append(f"the lock was held by processes other than the writer: {others}")
            return
        seen = holders
        time.sleep(0.02)


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
        batches = make_batches(work / "letters", sizes or default_batches(), seed)
        for i in range(kills):
            root = work / f"lib{i}"
            for_writers = i % 2 == 1
            delay = rng.uniform(0.0, 1.5) if for_writers else rng.uniform(0.05, 6.0)
            outcome = one_kill(root, batches, delay, for_writers)
            result.kills += 1
            result.sub_writer_kills += outcome.saw_sub_writers
            _judge(outcome, batches, result, i)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def _judge(outcome: _Run, batches: list[Path], result: KillResult, i: int) -> None:
    problems = [f"kill {i}: {p}" for p in outcome.problems]
    if outcome.ids is not None:
        allowed = [expected_ids(batches, n) for n in (outcome.done, outcome.done + 1)]
        if outcome.ids not in allowed and not (outcome.done == -1 and not outcome.ids):
            problems.append(f"kill {i}: {len(outcome.ids)} letters after batch {outcome.done}")
            result.letters_lost += len(allowed[0] - outcome.ids)
    result.problems += problems
    result.survived += not problems


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
