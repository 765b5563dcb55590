"""`python -m desktop`: the window without arguments, the CLI with a subcommand."""

from __future__ import annotations

import sys
from collections.abc import Sequence

SUBCOMMANDS = {
    "parse",
    "index",
    "reparse",
    "search",
    "treaties",
    "passages",
    "bench",
    "-h",
    "--help",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        from desktop.cli import main as cli_main

        return cli_main(args)
    from desktop.ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
