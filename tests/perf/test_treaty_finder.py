"""The mention finder on the benchmark's 5 MB letter stays within 1.5x of the finder before
issue 18 (a wider gazetteer, unknown treaties, implicit mentions), measured in the same run
as a ratio of medians (no wall-clock limit)."""

from __future__ import annotations

import random

import pytest

from desktop.bench import corpus
from desktop.bench.run import finder_against_baseline
from desktop.core.ingest.parse import parse_file


@pytest.mark.slow
def test_the_finder_on_the_5_mb_letter_is_within_1_5x_of_the_baseline(tmp_path):
    rng = random.Random(20181127)
    path = tmp_path / "huge.txt"
    style = corpus._styles("worst", corpus._sentences(), 20181127)(rng)
    path.write_text(corpus.make_letter(rng, style, corpus.HUGE_CHARS, 1), encoding="utf-8")
    text = parse_file(path).text
    assert len(text) > 4_500_000
    figures = finder_against_baseline(text, repeat=3)
    assert figures["finder_ratio"] <= 1.5, figures
