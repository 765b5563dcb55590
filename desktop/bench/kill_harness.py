"""Kill imports at random moments and check that the library survives each kill.

`python -m desktop.bench.kill_harness --kills 50` runs the full count (the tests run a few).
A child process imports batches of letters into one library and prints "done N" after each
batch returns; the parent SIGKILLs it after a random delay, then opens the library and checks
that it holds exactly the letters of batches 0..N (or 0..N+1: the commit may have finished
just before the kill, with its "done" line not yet printed), never a part of a batch.
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
from dataclasses import dataclass
from pathlib import Path

_CHILD = """
import sys
from pathlib import Path
from desktop.core.library.library import Library
root, batches = Path(sys.argv[1]), [b.split(",") for b in sys.argv[2:]]
with Library.open(root) as lib:
    for n, batch in enumerate(batches):
        lib.add([Path(p) for p in batch])
        print(f"done {n}", flush=True)
"""


@dataclass
class KillResult:
    kills: int = 0
    survived: int = 0
    letters_lost: int = 0
    problems: list[str] | None = None


def make_batches(folder: Path, batches: int, per_batch: int, seed: int) -> list[list[Path]]:
    from desktop.bench.corpus import generate

    paths = generate(folder, batches * per_batch, seed=seed, huge=False)
    return [paths[i * per_batch : (i + 1) * per_batch] for i in range(batches)]


def expected_ids(batches: list[list[Path]], upto: int) -> set[str]:
    from desktop.core.ingest.assemble import letter_id_for

    return {letter_id_for(p.stem) for batch in batches[: upto + 1] for p in batch}


def one_kill(root: Path, batches: list[list[Path]], delay: float) -> tuple[int, set[str] | str]:
    """Run the child, kill it after *delay* s; return (last done batch, ids or an error)."""
    args = [",".join(str(p) for p in b) for b in batches]
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(root), *args],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )  # fmt: skip
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    done = max(
        [int(line.split()[1]) for line in out.splitlines() if line.startswith("done")], default=-1
    )
    from desktop.core.library.library import Library

    try:
        with Library.open(root) as lib:
            if lib.rebuilt_message:
                return done, f"rebuilt: {lib.rebuilt_message}"
            return done, set(lib.ids())
    except Exception as exc:  # the guarantee is broken: report, do not crash the harness
        return done, f"{type(exc).__name__}: {exc}"


def run(kills: int, seed: int = 1, per_batch: int = 20, batches: int = 4) -> KillResult:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="kamerbrief-kill-"))
    result = KillResult(problems=[])
    try:
        all_batches = make_batches(work / "letters", batches, per_batch, seed)
        for i in range(kills):
            root = work / f"lib{i}"
            done, ids = one_kill(root, all_batches, rng.uniform(0.05, 2.5))
            result.kills += 1
            if isinstance(ids, str):
                result.problems.append(f"kill {i}: {ids}")
                continue
            allowed = [expected_ids(all_batches, n) for n in (done, done + 1)]
            if ids in allowed or (done == -1 and not ids):
                result.survived += 1
            else:
                result.problems.append(f"kill {i}: {len(ids)} letters after batch {done}")
                result.letters_lost += len(allowed[0] - ids)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


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
