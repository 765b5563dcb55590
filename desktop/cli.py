"""The command line: parse / index / search / treaties (contracts in DESIGN.md).

Results go to stdout, progress and errors to stderr. Every expected failure is one line on
stderr and exit status 2; a traceback is a bug.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.core.draft import LetterError
from desktop.core.letter import Letter

EXIT_ERROR = 2


class CliError(Exception):
    """An expected failure: printed as one line, exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (CliError, LetterError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output (head, less) went away: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kamerbrief", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse one letter and print it")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="the DESIGN.md JSON contract")
    p.set_defaults(func=cmd_parse)
    return parser


def cmd_parse(args: argparse.Namespace) -> int:
    from desktop.core.parse import parse_file

    letter = parse_file(args.file)
    if args.json:
        json.dump(letter.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(letter))
    return 0


def summary(letter: Letter) -> str:
    meta = letter.meta
    lines = [
        meta.title,
        f"  date        {meta.date or '-'}",
        f"  kamerstuk   {meta.kamerstuk.label() if meta.kamerstuk else '-'}"
        + (f" ({meta.vergaderjaar})" if meta.vergaderjaar else ""),
    ]
    for s in meta.signatories:
        lines.append(f"  signed      {s.name}" + (f", {s.role}" if s.role else ""))
    counts = letter.mention_counts()
    mentions = ", ".join(f"{t} {n}" for t, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    lines.append(f"  mentions    {mentions or 'none'}")
    lines.append(f"  footnotes   {len(letter.footnotes)}")
    for f in letter.footnotes:
        lines.append(f"    {f.marker}  {_clip(f.text, 70)}")
    lines.append(f"  references  {len(letter.references)}")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
