"""The command line: parse / index / reparse / search / treaties / passages (contracts in
docs/DESIGN.md).

Results go to stdout, progress and errors to stderr. Every expected failure is one line on
stderr and exit status 2; a traceback is a bug. Letter text and file names are printed through
desktop.terminal: escaped in what people read, valid UTF-8 in JSON.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.model.draft import LetterError
from desktop.core.model.letter import Letter
from desktop.terminal import print_json, safe

if TYPE_CHECKING:  # the library's modules load Whoosh: only the commands that need it do
    from desktop.core.library.importer import Progress
    from desktop.core.library.library import Library
    from desktop.core.library.records import LibraryEntry
    from desktop.core.library.report import IndexReport

EXIT_ERROR = 2


class CliError(Exception):
    """An expected failure: printed as one line, exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(_dash_query(list(sys.argv[1:] if argv is None else argv)))
    try:
        return args.func(args)
    except (CliError, LetterError) as exc:
        print(f"error: {safe(str(exc))}", file=sys.stderr)
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

    p = sub.add_parser(
        "reparse", help="read every letter again from the library's own copies (a newer parser)"
    )
    _index_option(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_reparse)

    p = sub.add_parser("search", help="search the library")
    p.add_argument("query", help="may start with '-' (no '--' needed)")
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

    p = sub.add_parser("passages", help="every passage naming a treaty, oldest first, cited")
    p.add_argument("--treaty", required=True, metavar="ID", help="a treaty id: INF, CSE, NPT, …")
    _index_option(p)
    p.add_argument("--from", dest="first", type=int, metavar="YEAR", help="from this year on")
    p.add_argument("--to", dest="last", type=int, metavar="YEAR", help="up to this year")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_const", const="csv", dest="form")
    form.add_argument("--json", action="store_const", const="json", dest="form")
    form.add_argument("--markdown", action="store_const", const="markdown", dest="form")
    p.set_defaults(func=cmd_passages, form="text")
    return parser


# The search command's options, and whether each takes a value (see _dash_query).
_SEARCH_OPTIONS = {"--index": True, "--limit": True, "--sort": True, "--json": False,
                   "--help": False, "-h": False}  # fmt: skip


def _dash_query(argv: list[str]) -> list[str]:
    """`search -verdrag`: a query that starts with '-' is the query, not an unknown option
    (argparse would print its usage). It is moved behind '--', the options stay as given."""
    if not argv or argv[0] != "search" or "--" in argv:
        return argv
    options: list[str] = []
    dashed: list[str] = []
    args = iter(argv[1:])
    for arg in args:
        option = _search_option(arg.split("=", 1)[0])
        if option is None and arg.startswith("-") and arg != "-":
            dashed.append(arg)
            continue
        options.append(arg)
        if option and _SEARCH_OPTIONS[option] and "=" not in arg:
            options.append(next(args, ""))
    return ["search", *options, "--", *dashed] if dashed else argv


def _search_option(name: str) -> str | None:
    """The search option *name* names (argparse takes an unambiguous prefix of one)."""
    if name in _SEARCH_OPTIONS:
        return name
    found = [o for o in _SEARCH_OPTIONS if name.startswith("--") and o.startswith(name)]
    return found[0] if len(found) == 1 else None


def _index_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--index", type=Path, metavar="DIR", help="library folder (default: user data dir)"
    )


def _open(args: argparse.Namespace, create: bool = False):
    """The library of --index (default: the user's). Only ``index`` makes one where there
    is none; reading commands say there is no library there."""
    from desktop.core.library.library import LibraryError
    from desktop.home import open_library

    try:
        lib = open_library(args.index, create=create)
    except LibraryError as exc:
        raise CliError(str(exc)) from None
    if lib.rebuilt_message:
        print(safe(lib.rebuilt_message), file=sys.stderr)
    return lib


def cmd_parse(args: argparse.Namespace) -> int:
    from desktop.core.ingest.parse import parse_file

    letter = parse_file(args.file)
    if args.json:
        print_json(letter.to_json())
    else:
        sys.stdout.write(summary(letter))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    def add(lib: Library, progress: Progress | None) -> IndexReport:
        paths = args.paths or _source_folders(lib.paths())
        return lib.add(paths, progress=progress, prune=True, retry_failed=args.retry_failed)

    report = _write(args, add, create=True)
    if note := report.older_parser_note():
        print(f"note: {note}", file=sys.stderr)
    print(report.summary())
    return EXIT_ERROR if report.failures else 0


def _write(
    args: argparse.Namespace,
    write: Callable[[Library, Progress | None], IndexReport],
    create: bool = False,
) -> IndexReport:
    """*write* on the library of --index, with a progress bar on a terminal; each failed
    file on its line of stderr."""
    from desktop.core.library.library import LibraryError

    progress = None if args.quiet or not sys.stderr.isatty() else _progress_bar
    with _open(args, create=create) as lib:
        try:
            report = write(lib, progress)
        except LibraryError as exc:
            raise CliError(str(exc)) from None
    if progress:
        sys.stderr.write("\n")
    for _path, message in report.failures:
        print(f"error: {safe(message)}", file=sys.stderr)
    return report


def _source_folders(letter_paths: Iterable[str]) -> list[Path]:
    """The folders the library's letters came from, to check again (``index`` without
    paths). A folder that is gone costs nothing: the library keeps its own copy of every
    letter, so its letters stay, and it is named in a note, not as a failure."""
    letters: dict[Path, int] = {}
    for path in letter_paths:
        folder = Path(path).parent
        letters[folder] = letters.get(folder, 0) + 1
    present = []
    for folder in sorted(letters):
        if not _gone(folder):
            present.append(folder)  # one that cannot be read is reported by the import
            continue
        count = letters[folder]
        print(
            f"note: {safe(str(folder))}: the folder is gone; its {count} "
            f"letter{'s' if count != 1 else ''} stay{'s' if count == 1 else ''} in the library "
            "(it keeps its own copies)",
            file=sys.stderr,
        )
    return present


def _gone(path: Path) -> bool:
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False  # not to be seen (permissions): not proof that it is gone
    return False


def cmd_reparse(args: argparse.Namespace) -> int:
    report = _write(args, lambda lib, progress: lib.reparse_all(progress=progress))
    print(report.reread_summary())
    return EXIT_ERROR if report.failures else 0


def _progress_bar(done: int, total: int, current: str) -> None:
    width = 30
    filled = width * done // max(1, total)
    name = safe(Path(current).name)[:40] if current else ""
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
    sys.stderr.flush()


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.search.options import SearchOptions
    from desktop.core.search.query import QueryError

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    options = SearchOptions(limit=args.limit, sort=args.sort, offsets=args.json)
    with _open(args) as lib:
        try:
            result = lib.search(args.query, options)
        except QueryError as exc:
            where = f" at position {exc.position}" if exc.position is not None else ""
            raise CliError(f"query {args.query!r}{where}: {exc}") from None
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"{result.total} letter(s) for {safe(repr(args.query))}")
    if result.suggestion:
        print(f"did you mean: {safe(result.suggestion)}")
    for hit in result.hits:
        head = f"{hit.date or '----------'}  {hit.title}  [{hit.id}]  score {hit.score:.2f}"
        print(f"\n{safe(head)}")
        for snippet in hit.snippets:
            print(f"    …{safe(snippet.plain())}…")
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
        entries = sorted(lib.entries(), key=lambda e: (e.date or "", e.id))
    treaty_ids = [t for t in _gazetteer_ids() if any(t in e.treaties for e in entries)]
    if args.json:
        table = {
            "treaties": treaty_ids,
            "letters": [
                {"id": e.id, "title": e.title, "date": e.date, "counts": dict(e.treaties)}
                for e in entries
            ],
            "totals": {t: sum(e.treaties.get(t, 0) for e in entries) for t in treaty_ids},
        }
        print_json(table)
        return 0
    sys.stdout.write(treaty_table(entries, treaty_ids))
    return 0


def cmd_passages(args: argparse.Namespace) -> int:
    from desktop.core.history import export
    from desktop.core.history.passages import TreatyHistory

    with _open(args) as lib:
        history = TreatyHistory(lib)
        try:
            treaty = _treaty_id(args.treaty, history.treaties())
            passages = history.passages(treaty, years=(args.first, args.last))
            if args.form == "json":
                print_json([p.to_json() for p in passages])
                return 0
            if args.form == "csv":
                count = export.write_csv(passages, sys.stdout)
            elif args.form == "markdown":
                count = export.write_markdown(passages, sys.stdout, _treaty_name(treaty))
            else:
                count = _write_passages(passages)
        finally:
            history.close()
    print(f"{count} passage(s) mentioning {safe(treaty)}", file=sys.stderr)
    return 0


def _write_passages(passages) -> int:
    """For reading in a terminal: date and citation, then the passage wrapped, every line
    escaped (desktop.terminal)."""
    count = 0
    for p in passages:
        print(f"{p.date or '----------'}  {safe(p.citation.text)}")
        for line in p.text.splitlines() or [""]:
            print(textwrap.fill(safe(line), 100, initial_indent="    ", subsequent_indent="    "))
        print()
        count += 1
    return count


def _treaty_id(wanted: str, in_library: dict[str, int]) -> str:
    """The treaty id as the gazetteer spells it (INF for inf); a treaty that is neither in
    the gazetteer nor in the library is an error that lists the known ones."""
    known = list(dict.fromkeys([*_gazetteer_ids(), *sorted(in_library)]))
    for treaty in known:
        if treaty.casefold() == wanted.casefold():
            return treaty
    raise CliError(f"unknown treaty {wanted!r} (known: {', '.join(known)})")


def _treaty_name(treaty: str) -> str:
    from desktop.core.ingest.treaties import gazetteer

    found = gazetteer().treaties.get(treaty)
    return found.name_nl if found else treaty


def _gazetteer_ids() -> list[str]:
    from desktop.core.ingest.treaties import gazetteer

    return list(gazetteer().treaties)


def treaty_table(entries: list[LibraryEntry], treaty_ids: list[str]) -> str:
    """Letters as rows, treaties as columns, explicit mention counts in the cells."""
    name_width = max([len("letter")] + [len(_row_name(e)) for e in entries])
    widths = [max(len(t), 3) for t in treaty_ids]
    head = "letter".ljust(name_width) + "".join(
        f"  {t:>{w}}" for t, w in zip(treaty_ids, widths, strict=False)
    )
    rows = [head, "-" * len(head)]
    for e in entries:
        cells = "".join(
            f"  {e.treaties.get(t, 0) or '.':>{w}}"
            for t, w in zip(treaty_ids, widths, strict=False)
        )
        rows.append(_row_name(e).ljust(name_width) + cells)
    totals = "".join(
        f"  {sum(e.treaties.get(t, 0) for e in entries):>{w}}"
        for t, w in zip(treaty_ids, widths, strict=False)
    )
    rows += ["-" * len(head), "total".ljust(name_width) + totals]
    return "\n".join(rows) + "\n"


def _row_name(entry: LibraryEntry) -> str:
    return f"{entry.date or '----------'}  {_clip(safe(entry.title), 50)}"


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
    return "\n".join(map(safe, lines)) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
