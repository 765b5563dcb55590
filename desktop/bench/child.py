"""Measured in a child process, so that peak memory is that of the one task alone.

`python -m desktop.bench.child build CORPUS LIBRARY` prints {"seconds", "peak_rss", ...}.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def build(corpus: Path, library: Path) -> dict:
    from desktop.core.index import Library

    start = time.perf_counter()
    with Library.open(library) as lib:
        report = lib.add([corpus])
    return {
        "seconds": time.perf_counter() - start,
        # The indexing sub-processes of the multiprocessing writer count too.
        "peak_rss": (
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        )
        * 1024,
        "letters": report.new,
        "failed": report.failed,
    }


def main(argv: list[str]) -> int:
    task, *args = argv
    if task == "build":
        result = build(Path(args[0]), Path(args[1]))
    else:
        raise SystemExit(f"unknown task {task!r}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
