"""The command line: parse / index / search / treaties (contracts in docs/DESIGN.md).

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

from desktop.core.model.draft import LetterError
from desktop.core.model.letter import Letter

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
    p.add_argument("--json", action="store_true", help="the JSON contract of docs/DESIGN.md")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("index", help="add or update letters (files or folders)")
    p.add_argument("paths", nargs="*", type=Path, help="default: re-check every letter")
    _index_option(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--retry-failed", action="store_true", help="parse again files that failed before"
    )
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search the library")
    p.add_argument("query")
    _index_option(p)
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("bench", help="measure index, search, open and start on a generated corpus")
    p.add_argument("--letters", type=int, default=10_000)
    p.add_argument("--scale", help="comma-separated corpus sizes, e.g. 1000,10000,50000")
    p.add_argument(
        "--corpus", default="realistic,worst", help="realistic, worst, or both (the default)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("treaties", help="mention counts: treaty x letter")
    _index_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_treaties)
    return parser


def _index_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--index", type=Path, metavar="DIR", help="library folder (default: user data dir)"
    )


def _open(args: argparse.Namespace):
    from desktop.core.library.library import LibraryError
    from desktop.home import open_library

    try:
        lib = open_library(args.index)
    except LibraryError as exc:
        raise CliError(str(exc)) from None
    if lib.rebuilt_message:
        print(lib.rebuilt_message, file=sys.stderr)
    return lib


def cmd_parse(args: argparse.Namespace) -> int:
    from desktop.core.ingest.parse import parse_file

    letter = parse_file(args.file)
    if args.json:
        json.dump(letter.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(letter))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from desktop.core.library.library import LibraryError

    progress = None if args.quiet or not sys.stderr.isatty() else _progress_bar
    with _open(args) as lib:
        paths = args.paths or sorted({str(Path(p).parent) for p in lib.paths()})
        try:
            report = lib.add(
                [Path(p) for p in paths],
                progress=progress,
                prune=True,
                retry_failed=args.retry_failed,
            )
        except LibraryError as exc:
            raise CliError(str(exc)) from None
    if progress:
        sys.stderr.write("\n")
    for _path, message in report.failures:
        print(f"error: {message}", file=sys.stderr)
    print(report.summary())
    return EXIT_ERROR if report.failures else 0


def _progress_bar(done: int, total: int, current: str) -> None:
    width = 30
    filled = width * done // max(1, total)
    name = Path(current).name[:40] if current else ""
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
    sys.stderr.flush()


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.search.query import QueryError

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    with _open(args) as lib:
        try:
            result = lib.search(args.query, limit=args.limit, sort=args.sort)
        except QueryError as exc:
            where = f" at position {exc.position}" if exc.position is not None else ""
            raise CliError(f"query {args.query!r}{where}: {exc}") from None
        data = result.to_json() if args.json else None  # hit offsets read the open library
    if data is not None:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"{result.total} letter(s) for {args.query!r}")
    if result.suggestion:
        print(f"did you mean: {result.suggestion}")
    for hit in result.hits:
        print(f"\n{hit.date or '----------'}  {hit.title}  [{hit.id}]  score {hit.score:.2f}")
        for snippet in hit.snippets:
            print(f"    …{snippet.plain()}…")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from desktop.bench.corpus import CORPORA
    from desktop.bench.run import main as bench_main

    corpora = [c.strip() for c in args.corpus.split(",") if c.strip()]
    if not corpora or any(c not in CORPORA for c in corpora):
        raise CliError(f"--corpus takes {' or '.join(CORPORA)} (or both), not {args.corpus!r}")
    try:
        scale = [int(n) for n in args.scale.split(",")] if args.scale else None
    except ValueError:
        raise CliError(f"--scale takes sizes like 1000,10000, not {args.scale!r}") from None
    if args.letters < 10 or any(n < 10 for n in scale or []):
        raise CliError("a benchmark needs at least 10 letters")
    return bench_main(args.letters, args.json, scale, corpora)


def cmd_treaties(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        entries = sorted(lib.entries(), key=lambda e: (e["date"] or "", e["id"]))
    treaty_ids = [t for t in _gazetteer_ids() if any(t in e["treaties"] for e in entries)]
    if args.json:
        table = {
            "treaties": treaty_ids,
            "letters": [
                {"id": e["id"], "title": e["title"], "date": e["date"], "counts": e["treaties"]}
                for e in entries
            ],
            "totals": {t: sum(e["treaties"].get(t, 0) for e in entries) for t in treaty_ids},
        }
        json.dump(table, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(treaty_table(entries, treaty_ids))
    return 0


def _gazetteer_ids() -> list[str]:
    from desktop.core.ingest.treaties import gazetteer

    return list(gazetteer().treaties)


def treaty_table(entries: list[dict], treaty_ids: list[str]) -> str:
    """Letters as rows, treaties as columns, explicit mention counts in the cells."""
    name_width = max([len("letter")] + [len(_row_name(e)) for e in entries])
    widths = [max(len(t), 3) for t in treaty_ids]
    head = "letter".ljust(name_width) + "".join(
        f"  {t:>{w}}" for t, w in zip(treaty_ids, widths, strict=False)
    )
    rows = [head, "-" * len(head)]
    for e in entries:
        cells = "".join(
            f"  {e['treaties'].get(t, 0) or '.':>{w}}"
            for t, w in zip(treaty_ids, widths, strict=False)
        )
        rows.append(_row_name(e).ljust(name_width) + cells)
    totals = "".join(
        f"  {sum(e['treaties'].get(t, 0) for e in entries):>{w}}"
        for t, w in zip(treaty_ids, widths, strict=False)
    )
    rows += ["-" * len(head), "total".ljust(name_width) + totals]
    return "\n".join(rows) + "\n"


def _row_name(entry: dict) -> str:
    return f"{entry['date'] or '----------'}  {_clip(entry['title'], 50)}"


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
