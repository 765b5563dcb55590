"""`python -m desktop bench`: index, search, open and start, measured on generated corpora.

The reader and SQLite FTS5 do the same work in the same run, and every reader figure that has
an FTS5 counterpart is also given as a ratio to it:
- builds: index-only (both handed the same parsed letters) and end-to-end (from the files,
  FTS5 fed by the same parser);
- search: the one query list of queries.py through both engines, the first (cold) query
  after opening and the warm median and p95, with and without snippets, FTS5's snippets
  cut from the same first 200,000 characters (fts_baseline.py);
- two corpora (corpus.py): "realistic" (a Zipf vocabulary) and "worst" (every query word in
  nearly every letter).
Latencies are medians and 95th percentiles in seconds; figures in the JSON keep these keys.
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

from desktop.bench import corpus, treaty_baseline
from desktop.bench.queries import KINDS, QUERIES, TARGET_KINDS
from desktop.bench.report import markdown
from desktop.core.ingest.parse import parse_file
from desktop.core.ingest.treaties import gazetteer
from desktop.core.library.library import Library

REPEAT = 30  # timed runs per query kind and engine, with snippets and again without
INDEX_ONLY_UP_TO = 10_000  # larger corpora are built end-to-end only (see _builds)
ENGINE_PREFIX = {"project": "", "fts5": "fts_"}  # figure keys: query_… and fts_query_…
Log = Callable[[str], None]

__all__ = ["QUERIES", "markdown", "run", "main"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(
    letters: int,
    workdir: Path,
    log: Log,
    with_window: bool = True,
    kind: str = "realistic",
    cold_per_kind: int | None = None,
    repeat: int = REPEAT,
) -> dict:
    """All figures for one corpus, as a flat dict (seconds, bytes, letters/s), with what
    each engine ran under "ran". *cold_per_kind* limits the queries of each kind timed cold
    (each cold query costs two new processes); *repeat* is the timed runs per kind."""
    work = workdir / f"{kind}-{letters}"
    shutil.rmtree(work, ignore_errors=True)
    paths = corpus.generate(work / "corpus", letters, huge=letters >= 1000, kind=kind)
    figures: dict = {
        "letters": letters,
        "corpus": kind,
        "vocabulary": corpus.vocabulary_source(kind),
        "corpus_bytes": sum(p.stat().st_size for p in paths),
    }
    log(f"{kind} corpus, {letters} letters ({figures['corpus_bytes'] / 1e6:.1f} MB)")
    _detection(paths, figures)
    log(f"mention finder: {figures['finder_ratio']:.2f}x the baseline's time")
    _builds(work, figures, log)
    log(f"parse: {figures['parse_letters_per_s']:.0f} letters/s")
    _search(work, figures, cold_per_kind, repeat)
    log("queries measured")
    _history(work, figures, log)
    _reindex(work, paths, figures)
    log(f"re-index 1%: {figures['reindex_1pct_s']:.2f} s")
    if with_window:
        _window(work, paths, figures, log)
        _window_import(work, figures, log)
    return figures


def _detection(paths: list[Path], figures: dict, sample: int = 500) -> None:
    """Treaty detection over the first *sample* letters under 200 KB, and the mention finder
    against its earlier version on the largest letter."""
    typical = [p for p in paths if p.stat().st_size < 200_000][:sample]
    texts = [parse_file(p).text for p in typical]
    gaz = gazetteer()
    start = time.perf_counter()
    for t in texts:
        gaz.find(t)
    figures["detect_mb_per_s"] = sum(len(t) for t in texts) / (time.perf_counter() - start) / 1e6
    largest = max(paths, key=lambda p: p.stat().st_size)
    figures.update(finder_against_baseline(parse_file(largest).text))


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
        capture_output=True, text=True, env={**os.environ, **(env or {})},
    )  # fmt: skip
    if proc.returncode:
        raise RuntimeError(f"bench child {module} {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _builds(work: Path, figures: dict, log: Log) -> None:
    """The same letters built four ways: end-to-end by both engines (FTS5 fed by the same
    parser keeps what it parsed), then index-only from those parsed letters (up to
    INDEX_ONLY_UP_TO letters: beyond, the end-to-end builds say what a user waits for, and
    the parsed letters would take gigabytes). The reader's end-to-end library and FTS5's
    database are the ones searched; the index-only copies are measured and removed."""
    corpus_dir, parsed = str(work / "corpus"), work / "parsed.sqlite"
    index_only = figures["letters"] <= INDEX_ONLY_UP_TO
    fts = _child("fts-build", corpus_dir, str(work / "fts.sqlite"), *([str(parsed)] * index_only))
    typical = fts.pop("typical")
    figures["parse_letters_per_s"] = typical["letters"] / typical["parse_s"]
    figures["parse_mb_per_s"] = typical["bytes"] / typical["parse_s"] / 1e6
    done = {"fts_build_e2e": fts, "build": _child("build", corpus_dir, str(work / "library"))}
    if index_only:
        done["build_index"] = _child(
            "build-index", corpus_dir, str(work / "index-only"), str(parsed)
        )
        done["fts_build"] = _child(
            "fts-build-index", str(work / "fts-index-only.sqlite"), str(parsed)
        )
    for key, result in done.items():
        if result["letters"] != figures["letters"] or result.get("failed"):
            raise RuntimeError(f"{key}: {result['letters']} letters, failed: {result['failed']}")
        figures[f"{key}_s"] = result["seconds"]
        figures[f"{key}_peak_rss_bytes"] = result["peak_rss"]
    figures["build_letters_per_s"] = figures["letters"] / figures["build_s"]
    figures["build_e2e_vs_fts"] = figures["build_s"] / figures["fts_build_e2e_s"]
    figures["index_bytes"] = _size(work / "library")
    figures["fts_bytes"] = _size(work / "fts.sqlite")
    if index_only:
        figures["build_index_vs_fts"] = figures["build_index_s"] / figures["fts_build_s"]
        shutil.rmtree(work / "index-only")
        (work / "fts-index-only.sqlite").unlink()
        parsed.unlink()
    log(f"build: {figures['build_s']:.1f} s end-to-end ({figures['build_e2e_vs_fts']:.1f}x FTS5)")


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.iterdir() if f.is_file())


def _search(work: Path, figures: dict, cold_per_kind: int | None, repeat: int) -> None:
    stores = {"project": work / "library", "fts5": work / "fts.sqlite"}
    cold: dict[str, list[dict]] = {name: [] for name in stores}
    for i, query in enumerate(_cold_queries(cold_per_kind)):
        for name in list(stores) if i % 2 == 0 else list(stores)[::-1]:
            result = _child("cold", name, str(stores[name]), query.text)
            cold[name].append({"kind": query.kind, "query": query.text, **result})
    warm = _child("warm", str(stores["project"]), str(stores["fts5"]), str(repeat))
    figures["ran"] = {}
    for name, prefix in ENGINE_PREFIX.items():
        figures.update(_engine_figures(prefix, cold[name], warm[name]))
        figures["ran"][name] = {
            "cold": [entry for c in cold[name] for entry in c["ran"]],
            "warm": warm[name]["ran"],
        }
    figures.update(_ratios(figures))


def _cold_queries(per_kind: int | None) -> list:
    return [q for k in KINDS for q in [q for q in QUERIES if q.kind == k][:per_kind]]


def _engine_figures(prefix: str, cold: list[dict], warm: dict) -> dict:
    out: dict[str, float] = {
        f"{prefix}open_library_s": statistics.median(c["open_s"] for c in cold)
    }
    pooled: dict[str, list[float]] = {"p": [], "cold": []}
    for kind in KINDS:
        texts = [q.text for q in QUERIES if q.kind == kind]
        base = f"{prefix}query_{kind}"
        timed = [t for q in texts for t in warm["snippets"][q]]
        bare = [t for q in texts for t in warm["bare"][q]]
        colds = [c["first_s"] for c in cold if c["kind"] == kind]
        out[f"{base}_p50_s"], out[f"{base}_p95_s"] = _p50_p95(timed)
        out[f"{base}_bare_p50_s"], out[f"{base}_bare_p95_s"] = _p50_p95(bare)
        out[f"{base}_first_s"] = statistics.median(warm["first"][q] for q in texts)
        out[f"{base}_first_max_s"] = max(warm["first"][q] for q in texts)
        out[f"{base}_hits"] = statistics.median(warm["total"][q] for q in texts)
        if colds:
            out[f"{base}_cold_s"], out[f"{base}_cold_max_s"] = statistics.median(colds), max(colds)
        if kind in TARGET_KINDS:
            pooled["p"] += timed
            pooled["cold"] += colds
    out[f"{prefix}query_target_p50_s"], out[f"{prefix}query_target_p95_s"] = _p50_p95(pooled["p"])
    if pooled["cold"]:
        out[f"{prefix}query_target_cold_max_s"] = max(pooled["cold"])
    return out


def _p50_p95(times: list[float]) -> tuple[float, float]:
    return statistics.median(times), percentile(times, 0.95)


def _ratios(figures: dict) -> dict:
    """Reader / FTS5 for every figure both have (above 1: FTS5 is faster)."""
    out = {}
    for kind in [*KINDS, "target"]:
        for what in ("p50", "p95", "bare_p50", "cold", "first"):
            ours, theirs = f"query_{kind}_{what}_s", f"fts_query_{kind}_{what}_s"
            if ours in figures and theirs in figures:
                out[f"query_{kind}_{what}_vs_fts"] = figures[ours] / figures[theirs]
    return out


def _history(work: Path, figures: dict, log: Log) -> None:
    """The treaty timeline and passages against `search treaty:INF`, in one child process
    (it paints the timeline offscreen; desktop.bench.history)."""
    result = _offscreen_child(
        work / "history-home", "treaty history", log, "desktop.bench.history", str(work / "library")
    )
    if result is None:
        return
    figures.update(result)
    log(
        f"treaty history: timeline {result['timeline_shown_vs_search']:.1f}x, "
        f"passages {result['passages_first_screen_vs_search']:.1f}x search treaty:INF"
    )


def _offscreen_child(home: Path, what: str, log: Log, module: str, *args: str) -> dict | None:
    """The figures of a child that runs the window offscreen, with *home* for its data and
    settings (the user's own, or another run's restored letter, would skew them); None, and
    *what* logged as not measured, when it failed."""
    env = {"QT_QPA_PLATFORM": "offscreen", "KAMERBRIEF_DATA_DIR": str(home),
           "XDG_CONFIG_HOME": str(home)}  # fmt: skip
    _compile_package()
    try:
        return _child_module(module, *args, env=env)
    except (RuntimeError, ValueError) as exc:
        log(f"{what} not measured: {exc}")
        return None


def _compile_package() -> None:
    """The package compiled beside its sources, as an installed one is: on a machine that
    forbids writing bytecode (PYTHONDONTWRITEBYTECODE, as the reference machine does) each
    start would compile it again, 0.3 s a user waits only once. compileall writes it anyway."""
    package = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)],
                   check=False, capture_output=True)  # fmt: skip


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


def _window(work: Path, paths: list[Path], figures: dict, log: Log) -> None:
    huge = max(paths, key=lambda p: p.stat().st_size)  # the 5 MB letter from 1,000 letters on
    typical = paths[1]
    result = _offscreen_child(
        work / "window-home", "window", log,
        "desktop.bench.child", "window", str(work / "library"), typical.stem, huge.stem,
    )  # fmt: skip
    if result is not None:
        figures.update(result)


def _window_import(work: Path, figures: dict, log: Log) -> None:
    """The window searching and opening letters while it imports more (window_import.py):
    letters of another seed, enough for several batches; last, since it grows the library."""
    more = max(600, figures["letters"] // 20)
    corpus.generate(work / "more", more, seed=4242, huge=False, kind=figures["corpus"])
    result = _offscreen_child(
        work / "import-home", "window during an import", log,
        "desktop.bench.child", "window-import", str(work / "library"), str(work / "more"),
    )  # fmt: skip
    if result is None:
        return
    figures.update(result)
    log(
        f"while importing {result['import_letters']} letters: search p50 "
        f"{result['importing_search_p50_s'] * 1000:.0f} ms (idle "
        f"{result['idle_search_p50_s'] * 1000:.0f}), longest stall "
        f"{result['importing_stall_max_s'] * 1000:.0f} ms"
    )


WORST_UP_TO = 10_000  # beside the realistic corpus, the worst one runs up to this many letters


def _runs(corpora: list[str], scale: list[int]) -> list[tuple[str, int]]:
    """(corpus, letters) to run: asked for both corpora, the worst one (a stress row, every
    query word in nearly every letter) runs up to WORST_UP_TO letters only."""
    both = len(set(corpora)) > 1
    return [
        (k, n) for k in corpora for n in scale if not (both and k == "worst" and n > WORST_UP_TO)
    ]


def main(
    letters: int, as_json: bool, scale: list[int] | None = None, corpora: list[str] | None = None
) -> int:
    log: Log = (
        (lambda m: print(m, file=sys.stderr))
        if as_json or sys.stderr.isatty()
        else (lambda m: None)
    )
    # The parse time limit guards the window against a hostile file; on a loaded machine the
    # 5 MB letter can take longer than 30 s, and a benchmark measures, it does not refuse.
    os.environ.setdefault("KAMERBRIEF_PARSE_SECONDS", "900")
    workdir = Path(tempfile.mkdtemp(prefix="kamerbrief-bench-"))
    results = []
    try:
        for kind, n in _runs(corpora or list(corpus.CORPORA), scale or [letters]):
            started = time.perf_counter()
            try:
                results.append(run(n, workdir, log, kind=kind))
            except Exception as exc:  # one column's failure must not cost the others
                log(f"{kind} corpus, {n} letters: failed: {type(exc).__name__}: {exc}")
                shutil.rmtree(workdir / f"{kind}-{n}", ignore_errors=True)
                continue
            results[-1]["run_s"] = time.perf_counter() - started
            results[-1]["load_average"] = os.getloadavg()
            shutil.rmtree(workdir / f"{kind}-{n}", ignore_errors=True)  # disk for the next
            if as_json:  # a long run that fails later still leaves these
                log("figures " + json.dumps(results[-1]))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if as_json:
        print(json.dumps(results[0] if len(results) == 1 else results, indent=1))
    else:
        print(markdown(results))
    return 0
