"""The benchmark itself works (figures in tests/perf/RESULTS.md come from the full run).

No wall-clock limit is asserted: machines are shared and noisy; `python -m desktop bench`
reports medians and ratios instead.
"""

from __future__ import annotations

from desktop.bench.run import QUERIES, markdown, run


def test_a_small_benchmark_gives_every_figure(tmp_path):
    figures = run(60, tmp_path, log=lambda message: None, with_window=False)
    for key in ("parse_letters_per_s", "build_s", "reindex_1pct_s", "fts_build_s", "index_bytes"):
        assert figures[key] > 0, key
    for kind in QUERIES:
        assert 0 < figures[f"query_{kind}_p50_s"] <= figures[f"query_{kind}_p95_s"]
    for key in ("search_treaty_p50_s", "timeline_shown_p50_s", "passages_first_screen_p50_s"):
        assert figures[key] > 0, key
    assert figures["history_marks"] > 0 and figures["history_letters"] == 60
    assert figures["timeline_shown_vs_search"] == (
        figures["timeline_shown_p50_s"] / figures["search_treaty_p50_s"]
    )
    table = markdown([figures])
    assert table.startswith("| figure | 60 letters |")
    assert "| full build, parsing included (s) |" in table
    assert "|   timeline / search treaty:INF |" in table
