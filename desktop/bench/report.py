"""The benchmark's figures as Markdown: one table of builds, sizes and the window with a column
per corpus, then for each corpus a table of search latency per query kind, reader beside FTS5."""

from __future__ import annotations

from desktop.bench.queries import KINDS, QUERIES

# (label, format, reader key, FTS5 key or None); a row with an FTS5 key shows
# "reader / FTS5 (ratio)".
_ROWS: list[tuple[str, str, str, str | None]] = [
    ("corpus size (MB)", "mb", "corpus_bytes", None),
    ("parse (letters/s)", "{:.0f}", "parse_letters_per_s", None),
    ("parse (MB/s)", "{:.2f}", "parse_mb_per_s", None),
    ("treaty detection (MB/s)", "{:.1f}", "detect_mb_per_s", None),
    ("mention finder on the largest letter (ms)", "ms", "finder_s", None),
    ("  finder before issue 18, same letter (ms)", "ms", "finder_baseline_s", None),
    ("  finder / before (limit 1.5x)", "{:.2f}x", "finder_ratio", None),
    ("build end-to-end (s): reader / FTS5 + same parser", "{:.1f}", "build_s", "fts_build_e2e_s"),
    ("build index-only (s): reader / FTS5", "{:.2f}", "build_index_s", "fts_build_s"),
    ("build end-to-end, peak RSS (MB)", "mb", "build_peak_rss_bytes", "fts_build_e2e_peak_rss_bytes"),
    ("build index-only, peak RSS (MB)", "mb", "build_index_peak_rss_bytes", "fts_build_peak_rss_bytes"),
    ("index size (MB)", "mb", "index_bytes", "fts_bytes"),
    ("re-index, 1% changed (s)", "{:.2f}", "reindex_1pct_s", None),
    ("  re-index / full build", "{:.1%}", "reindex_ratio", None),
    ("open the library, new process (ms)", "ms", "open_library_s", "fts_open_library_s"),
    ("search single + AND + phrase, warm p50 (ms)", "ms", "query_target_p50_s", "fts_query_target_p50_s"),
    ("search single + AND + phrase, warm p95 (ms)", "ms", "query_target_p95_s", "fts_query_target_p95_s"),
    ("search single + AND + phrase, slowest cold (ms)", "ms", "query_target_cold_max_s", "fts_query_target_cold_max_s"),
    ("search treaty:INF, p50 (ms)", "ms", "search_treaty_p50_s", None),
    ("treaty history: letters table, once per import (ms)", "ms", "history_table_s", None),
    ("timeline of INF shown (marks + paint), p50 (ms)", "ms", "timeline_shown_p50_s", None),
    ("  timeline / search treaty:INF", "{:.1f}x", "timeline_shown_vs_search", None),
    ("passages of INF, first 100, p50 (ms)", "ms", "passages_first_screen_p50_s", None),
    ("  passages first screen / search treaty:INF", "{:.1f}x", "passages_first_screen_vs_search", None),
    ("open a typical letter in a pane (ms)", "ms", "open_typical_s", None),
    ("open the 5 MB letter in a pane (ms)", "ms", "open_huge_s", None),
    ("window cold start to first frame (s)", "{:.2f}", "cold_start_s", None),
    ("window cold start to the full library list (s)", "{:.2f}", "listed_s", None),
    ("window RSS with the library open (MB)", "mb", "window_rss_bytes", None),
    ("window importing more letters: letters/s", "{:.0f}", "import_letters_per_s", None),
    ("  search p50: while importing / idle (ms)", "ms", "importing_search_p50_s", "idle_search_p50_s"),
    ("  search p95 while importing (ms)", "ms", "importing_search_p95_s", None),
    ("  open a letter p50: while importing / idle (ms)", "ms", "importing_open_p50_s", "idle_open_p50_s"),
    ("  longest stall of the window while importing (ms)", "ms", "importing_stall_max_s", None),
    ("  one search's total as batches committed", "totals", "importing_totals_seen", None),
    ("this column's run (min)", "min", "run_s", None),
]  # fmt: skip


def _value(value, fmt: str) -> str:
    if value is None:
        return "–"
    if fmt == "ms":
        return f"{value * 1000:.1f}"
    if fmt == "mb":
        return f"{value / 1e6:.0f}"
    if fmt == "min":
        return f"{value / 60:.0f}"
    if fmt == "totals":  # a list: how a total grew
        return " → ".join(f"{n:,}" for n in value)
    return fmt.format(value)


def _pair(figures: dict, ours: str, theirs: str, fmt: str) -> str:
    """ "reader / FTS5 (reader/FTS5 ratio)"."""
    a, b = figures.get(ours), figures.get(theirs)
    text = f"{_value(a, fmt)} / {_value(b, fmt)}"
    return text + (f" ({a / b:.1f}x)" if a is not None and b else "")


def run_label(figures: dict) -> str:
    return f"{figures['letters']:,} {figures.get('corpus', 'worst')}"


def overview(results: list[dict]) -> str:
    head = "| figure | " + " | ".join(run_label(r) for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    for label, fmt, ours, theirs in _ROWS:
        cells = [
            _pair(r, ours, theirs, fmt) if theirs else _value(r.get(ours), fmt) for r in results
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def search_table(figures: dict) -> str:
    """Per query kind, reader / FTS5 (ratio), in ms; letters found is the median total."""
    lines = [
        f"Search, {run_label(figures)} (ms; reader / FTS5, ratio above 1: FTS5 faster)",
        "",
        "| query kind (queries) | letters found | cold, first query | warm p50 | warm p95 "
        "| warm p50, no snippets | first run in an open library |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in KINDS:
        q = f"query_{kind}"
        n = sum(1 for x in QUERIES if x.kind == kind)
        found = f"{_value(figures.get(q + '_hits'), '{:.0f}')} / "
        found += _value(figures.get(f"fts_{q}_hits"), "{:.0f}")
        cells = [
            _pair(figures, f"{q}_{what}_s", f"fts_{q}_{what}_s", "ms")
            for what in ("cold", "p50", "p95", "bare_p50", "first")
        ]
        lines.append(f"| {kind} ({n}) | {found} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def markdown(results: list[dict]) -> str:
    parts = [overview(results)] + [search_table(r) for r in results]
    return "\n".join(parts)
