"""`python -m desktop bench`: index, search, open and start, measured on a generated corpus.

Every latency is a median (and p95) over repeated runs; every Whoosh figure that has an
SQLite FTS5 counterpart is also given as a ratio to it, measured in the same run.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.bench import corpus, fts_baseline, treaty_baseline
from desktop.core.ingest.parse import parse_file
from desktop.core.ingest.treaties import gazetteer
from desktop.core.library.library import Library
from desktop.core.search.options import SearchOptions

QUERIES = {
    "single": ["verdrag", "Rusland", "kernwapens", "NAVO", "veiligheid", "transparantie"],
    "two_terms": [
        "kernwapens Rusland",
        "verdrag opschorting",
        "NAVO bondgenoten",
        "dialoog Europa",
    ],
    "phrase": ['"Open Luchtruim"', '"Koude Oorlog"', '"Verenigde Staten"', '"Russische Federatie"'],
    "long_phrase": ['"Verdrag inzake het Open Luchtruim"', '"de Russische Federatie"'],
    "field_term": ["treaty:INF raketten", "treaty:CSE opschorting", "treaty:NPT ontwapening"],
    "wildcard": ["ontwap*", "verdrag*", "kern*"],
    "fuzzy": ["Vilnus~", "kernwapns~", "Ruslnd~"],
}
REPEAT = 30
TARGET_KINDS = ("single", "two_terms", "phrase")  # the set issue 4's 15 ms / 60 ms is over
Log = Callable[[str], None]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def run(letters: int, workdir: Path, log: Log, with_window: bool = True) -> dict:
    """All figures for one corpus size, as a flat dict (seconds, bytes, letters/s)."""
    work = workdir / f"n{letters}"
    shutil.rmtree(work, ignore_errors=True)
    paths = corpus.generate(work / "corpus", letters, huge=letters >= 1000)
    figures: dict[str, float] = {
        "letters": letters,
        "corpus_bytes": sum(p.stat().st_size for p in paths),
    }
    log(f"{letters} letters generated ({figures['corpus_bytes'] / 1e6:.1f} MB)")
    parsed = _parse_throughput(paths, figures)
    log(f"parse: {figures['parse_letters_per_s']:.0f} letters/s")
    figures.update(finder_against_baseline(max((lt.text for lt in parsed), key=len)))
    log(f"mention finder: {figures['finder_ratio']:.2f}x the baseline's time")
    _build(work, figures)
    log(f"build: {figures['build_s']:.1f} s")
    _reindex(work, paths, figures)
    log(f"re-index 1%: {figures['reindex_1pct_s']:.2f} s")
    _queries(work / "library", figures)
    log("queries measured")
    _history(work, figures, log)
    _fts(work, parsed, figures)
    log(f"FTS5 build: {figures['fts_build_s']:.2f} s")
    if with_window:
        _window(work, paths, figures, log)
    return figures


def _parse_throughput(paths: list[Path], figures: dict) -> list:
    sample = [p for p in paths if p.stat().st_size < 200_000][:500]
    start = time.perf_counter()
    letters = [parse_file(p) for p in sample]
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in sample)
    figures["parse_letters_per_s"] = len(sample) / seconds
    figures["parse_mb_per_s"] = size / seconds / 1e6
    texts = [lt.text for lt in letters]
    gaz = gazetteer()
    start = time.perf_counter()
    for t in texts:
        gaz.find(t)
    figures["detect_mb_per_s"] = sum(len(t) for t in texts) / (time.perf_counter() - start) / 1e6
    return [parse_file(p) for p in paths]


def finder_against_baseline(text: str, repeat: int = 5) -> dict[str, float]:
    """The mention finder on *text* (the 5 MB letter when the corpus has it) against the
    finder before issue 18 (desktop/bench/treaty_baseline.py, with that day's gazetteer),
    runs interleaved in one process: medians and their ratio."""
    current, baseline = gazetteer(), treaty_baseline.gazetteer()
    now: list[float] = []
    before: list[float] = []
    for _ in range(repeat):
        for finder, times in ((baseline, before), (current, now)):
            start = time.perf_counter()
            finder.find(text)
            times.append(time.perf_counter() - start)
    return {
        "finder_chars": len(text),
        "finder_s": statistics.median(now),
        "finder_baseline_s": statistics.median(before),
        "finder_ratio": statistics.median(now) / statistics.median(before),
    }


def _child(*args: str, env: dict | None = None) -> dict:
    return _child_module("desktop.bench.child", *args, env=env)


def _child_module(module: str, *args: str, env: dict | None = None) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True, text=True, check=True, env={**os.environ, **(env or {})},
    )  # fmt: skip
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _build(work: Path, figures: dict) -> None:
    result = _child("build", str(work / "corpus"), str(work / "library"))
    figures["build_s"] = result["seconds"]
    figures["build_letters_per_s"] = result["letters"] / result["seconds"]
    figures["build_peak_rss_bytes"] = result["peak_rss"]
    figures["index_bytes"] = sum(f.stat().st_size for f in (work / "library").iterdir())


def _reindex(work: Path, paths: list[Path], figures: dict) -> None:
    typical = [p for p in paths if p.stat().st_size < 20_000]
    changed = typical[::100][: max(1, len(paths) // 100)]
    for p in changed:
        p.write_text(
            p.read_text(encoding="utf-8") + "\nNaschrift over het Weens Document.\n",
            encoding="utf-8",
        )
    with Library.open(work / "library") as lib:
        start = time.perf_counter()
        report = lib.add([work / "corpus"])
        figures["reindex_1pct_s"] = time.perf_counter() - start
    assert report.changed == len(changed), report.summary()
    figures["reindex_ratio"] = figures["reindex_1pct_s"] / figures["build_s"]


def _queries(library: Path, figures: dict) -> None:
    pooled: list[float] = []
    with Library.open(library) as lib:
        for kind, queries in QUERIES.items():
            times: list[float] = []
            for q in queries:
                lib.search(q)  # warm the caches once, as a user's second query would
                times += timed(
                    lambda q=q: lib.search(q, SearchOptions(limit=10)), REPEAT // len(queries) + 1
                )
            figures[f"query_{kind}_p50_s"] = statistics.median(times)
            figures[f"query_{kind}_p95_s"] = percentile(times, 0.95)
            if kind in TARGET_KINDS:
                pooled += times
    figures["query_target_p50_s"] = statistics.median(pooled)
    figures["query_target_p95_s"] = percentile(pooled, 0.95)


def _history(work: Path, figures: dict, log: Log) -> None:
    """The treaty timeline and passages against `search treaty:INF`, in one child process
    (it paints the timeline offscreen; desktop.bench.history)."""
    env = {"QT_QPA_PLATFORM": "offscreen", "KAMERBRIEF_DATA_DIR": str(work / "history-home")}
    try:
        result = _child_module("desktop.bench.history", str(work / "library"), env=env)
    except (subprocess.CalledProcessError, ValueError) as exc:
        log(f"treaty history not measured: {exc}")
        return
    figures.update(result)
    log(
        f"treaty history: timeline {result['timeline_shown_vs_search']:.1f}x, "
        f"passages {result['passages_first_screen_vs_search']:.1f}x search treaty:INF"
    )


def _fts(work: Path, letters: list, figures: dict) -> None:
    db = work / "fts.sqlite"
    figures["fts_build_s"] = fts_baseline.build(db, letters)
    figures["build_vs_fts"] = figures["build_s"] / figures["fts_build_s"]
    for kind, query in fts_baseline.FTS_QUERIES.items():
        if query is None:
            continue
        times = fts_baseline.query_times(db, query, REPEAT)
        figures[f"fts_query_{kind}_p50_s"] = statistics.median(times)
        figures[f"fts_query_{kind}_p95_s"] = percentile(times, 0.95)
        figures[f"query_{kind}_p50_vs_fts"] = (
            figures[f"query_{kind}_p50_s"] / figures[f"fts_query_{kind}_p50_s"]
        )


def _window(work: Path, paths: list[Path], figures: dict, log: Log) -> None:
    home = work / "window-home"  # settings too: a restored letter from another run would skew it
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "KAMERBRIEF_DATA_DIR": str(home),
        "XDG_CONFIG_HOME": str(home),
    }
    huge = max(paths, key=lambda p: p.stat().st_size)  # the 5 MB letter from 1,000 letters on
    typical = paths[1]
    try:
        result = _child("window", str(work / "library"), typical.stem, huge.stem, env=env)
    except (subprocess.CalledProcessError, ValueError) as exc:
        log(f"window not measured: {exc}")
        return
    figures.update(result)


def main(letters: int, as_json: bool, scale: list[int] | None = None) -> int:
    log: Log = (
        (lambda m: print(m, file=sys.stderr))
        if as_json or sys.stderr.isatty()
        else (lambda m: None)
    )
    workdir = Path(tempfile.mkdtemp(prefix="kamerbrief-bench-"))
    try:
        results = [run(n, workdir, log) for n in (scale or [letters])]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if as_json:
        print(json.dumps(results[0] if len(results) == 1 else results, indent=1))
    else:
        print(markdown(results))
    return 0


_ROWS = [
    ("parse_letters_per_s", "parse (letters/s)", "{:.0f}"),
    ("parse_mb_per_s", "parse (MB/s)", "{:.2f}"),
    ("detect_mb_per_s", "treaty detection (MB/s)", "{:.1f}"),
    ("finder_s", "mention finder on the largest letter (ms)", "ms"),
    ("finder_baseline_s", "  finder before issue 18, same letter (ms)", "ms"),
    ("finder_ratio", "  finder / before (limit 1.5x)", "{:.2f}x"),
    ("build_s", "full build, parsing included (s)", "{:.1f}"),
    ("fts_build_s", "  SQLite FTS5 build (s)", "{:.2f}"),
    ("build_vs_fts", "  build / FTS5", "{:.0f}x"),
    ("build_peak_rss_bytes", "build peak RSS (MB)", "mb"),
    ("index_bytes", "index size (MB)", "mb"),
    ("reindex_1pct_s", "re-index, 1% changed (s)", "{:.2f}"),
    ("reindex_ratio", "  re-index / full build", "{:.1%}"),
]
_ROWS += [
    ("query_target_p50_s", "search single + AND + phrase, p50 (ms)", "ms"),
    ("query_target_p95_s", "search single + AND + phrase, p95 (ms)", "ms"),
]
for _kind in QUERIES:
    _ROWS += [
        (f"query_{_kind}_p50_s", f"search {_kind}, p50 (ms)", "ms"),
        (f"query_{_kind}_p95_s", f"search {_kind}, p95 (ms)", "ms"),
        (f"fts_query_{_kind}_p50_s", f"  FTS5 {_kind}, p50 (ms)", "ms"),
    ]
_ROWS += [
    ("search_treaty_p50_s", "search treaty:INF, p50 (ms)", "ms"),
    ("history_table_s", "treaty history: letters table, once per import (ms)", "ms"),
    ("timeline_shown_p50_s", "timeline of INF shown (marks + paint), p50 (ms)", "ms"),
    ("timeline_shown_vs_search", "  timeline / search treaty:INF", "{:.1f}x"),
    ("passages_first_screen_p50_s", "passages of INF, first 100, p50 (ms)", "ms"),
    ("passages_first_screen_vs_search", "  passages first screen / search treaty:INF", "{:.1f}x"),
    ("passages_model_first_fetch_p50_s", "passages list's first fetch, p50 (ms)", "ms"),
]
_ROWS += [
    ("open_typical_s", "open a typical letter in a pane (ms)", "ms"),
    ("open_huge_s", "open the 5 MB letter in a pane (ms)", "ms"),
    ("cold_start_s", "window cold start to first frame (s)", "{:.2f}"),
    ("window_rss_bytes", "window RSS with the library open (MB)", "mb"),
]


def _cell(value: float | None, fmt: str) -> str:
    if value is None:
        return "–"
    if fmt == "ms":
        return f"{value * 1000:.1f}"
    if fmt == "mb":
        return f"{value / 1e6:.0f}"
    return fmt.format(value)


def markdown(results: list[dict]) -> str:
    head = "| figure | " + " | ".join(f"{r['letters']:,} letters" for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    for key, label, fmt in _ROWS:
        lines.append(f"| {label} | " + " | ".join(_cell(r.get(key), fmt) for r in results) + " |")
    return "\n".join(lines) + "\n"
