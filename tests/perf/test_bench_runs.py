"""The benchmark works and compares like with like (figures in tests/perf/RESULTS.md come from
the full run).

No wall-clock limit is asserted: machines are shared and noisy; `python -m desktop bench`
reports medians and ratios to FTS5 measured in the same run instead.
"""

from __future__ import annotations

import re

import pytest
from rapidfuzz.distance import OSA

from desktop.bench.queries import KINDS, QUERIES
from desktop.bench.report import markdown
from desktop.bench.run import run

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def small_run(tmp_path_factory) -> dict:
    """60 realistic letters, every query kind timed cold once and warm a few times."""
    workdir = tmp_path_factory.mktemp("bench")
    return run(60, workdir, log=lambda message: None, with_window=False, cold_per_kind=1, repeat=3)


def test_a_small_benchmark_gives_every_figure(small_run):
    figures = small_run
    for key in ("build_s", "build_index_s", "fts_build_s", "fts_build_e2e_s", "reindex_1pct_s"):
        assert figures[key] > 0, key
    assert figures["index_bytes"] > 0 and figures["fts_bytes"] > 0
    assert figures["build_index_vs_fts"] == figures["build_index_s"] / figures["fts_build_s"]
    for prefix in ("", "fts_"):
        for kind in KINDS:
            base = f"{prefix}query_{kind}"
            assert 0 < figures[f"{base}_p50_s"] <= figures[f"{base}_p95_s"], base
            assert 0 < figures[f"{base}_bare_p50_s"] <= figures[f"{base}_bare_p95_s"], base
            assert figures[f"{base}_cold_s"] > 0 and figures[f"{base}_first_s"] > 0, base
    table = markdown([figures])
    assert table.startswith("| figure | 60 realistic |")
    assert "| build index-only (s): reader / FTS5 |" in table
    for key in ("search_treaty_p50_s", "timeline_shown_p50_s", "passages_first_screen_p50_s"):
        assert figures[key] > 0, key
    assert figures["history_marks"] > 0 and figures["history_letters"] == 60
    assert figures["timeline_shown_vs_search"] == (
        figures["timeline_shown_p50_s"] / figures["search_treaty_p50_s"]
    )
    assert figures["finder_s"] > 0 and figures["finder_baseline_s"] > 0
    assert "|   timeline / search treaty:INF |" in table
    assert "Search, 60 realistic" in table
    assert sum(line.startswith(f"| {kind} (") for kind in KINDS for line in table.splitlines()) == 7


def _given(entries: list[list]) -> list[tuple[str, int]]:
    """[query, times in a row] from an engine's record [query, what it ran, times]."""
    return [(given, times) for given, _ran, times in entries]


def test_both_engines_receive_the_same_query_list(small_run):
    ran = small_run["ran"]
    texts = [q.text for q in QUERIES]
    for phase in ("cold", "warm"):
        assert _given(ran["project"][phase]) == _given(ran["fts5"][phase]), phase
    assert [given for given, _ran, _n in ran["fts5"]["cold"]] == [
        next(q.text for q in QUERIES if q.kind == kind) for kind in KINDS
    ]
    warm = ran["fts5"]["warm"]
    assert list(dict.fromkeys(given for given, _ran, _n in warm)) == texts
    # Every query of the list ran as often in one engine as in the other, several times.
    assert all(n >= 2 for _q, n in _given(warm))


def test_each_engine_ran_the_query_it_was_given(small_run):
    """The reader's record is the query its search parsed (SearchResult.query); FTS5's is what
    SQLite evaluated in MATCH, once for the page and once for the total."""
    for given, searched, _n in small_run["ran"]["project"]["warm"]:
        assert searched == [given]
    for given, evaluated, _n in small_run["ran"]["fts5"]["warm"]:
        assert len(evaluated) == 2 and evaluated[0] == evaluated[1], given
        fuzzy = re.fullmatch(r"(\w+)~", given)
        if fuzzy is None:
            assert evaluated[0] == given
            continue
        words = re.findall(r'"(\w+)"', evaluated[0])
        assert words, given
        assert all(OSA.distance(w, fuzzy.group(1).lower()) <= 1 for w in words), evaluated
        assert all(w[0] == fuzzy.group(1)[0].lower() for w in words), evaluated
