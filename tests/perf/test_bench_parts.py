"""The parts of the benchmark that make its comparison fair: FTS5's snippet budget and its
ranking, its record of what it ran, and the realistic corpus's vocabulary."""

from __future__ import annotations

import random
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from desktop.bench import corpus, fts_baseline, word_model
from desktop.bench.fts_baseline import Fts5Search, split_head
from desktop.core.ingest.parse import parse_file
from desktop.core.search.query import SNIPPET_HEAD
from tests.conftest import LETTER_2018, LETTER_2023


@pytest.fixture(scope="module")
def letters():
    return [parse_file(LETTER_2018), parse_file(LETTER_2023)]


@pytest.fixture
def fts(tmp_path, letters) -> Fts5Search:
    db = tmp_path / "fts.sqlite"
    fts_baseline.build(db, letters)
    search = Fts5Search(db)
    yield search
    search.close()


def test_the_head_is_the_snippet_budget_cut_at_a_word():
    text = ("kernwapens verdrag " * 20_000).strip()
    head, rest = split_head(text)
    assert head + rest == text
    assert len(head) <= SNIPPET_HEAD and len(head) > SNIPPET_HEAD - 20
    assert head.endswith("verdrag") or head.endswith("kernwapens")
    assert rest.startswith(" ")
    assert split_head("kort") == ("kort", "")


def test_splitting_the_text_leaves_bm25_as_one_column(tmp_path):
    """The same scores as FTS5 over the whole text in one column: the split only bounds
    what snippet() reads."""
    texts = [
        ("a", "raket " * 150_000 + "verdrag"),  # the word only after the head
        ("b", "verdrag raket " * 10),
        ("c", "verdrag " + "woord " * 500),
    ]
    split = sqlite3.connect(":memory:")
    split.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, head, rest)")
    split.executemany("INSERT INTO t VALUES (?, ?, ?)", [(i, *split_head(x)) for i, x in texts])
    whole = sqlite3.connect(":memory:")
    whole.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, text)")
    whole.executemany("INSERT INTO t VALUES (?, ?)", texts)
    sql = "SELECT id, round(bm25(t), 9) FROM t WHERE t MATCH ? ORDER BY rank"
    for query in ("verdrag", "raket", "verdrag raket"):
        assert split.execute(sql, (query,)).fetchall() == whole.execute(sql, (query,)).fetchall()
    assert [r[0] for r in split.execute(sql, ("verdrag",))] == ["b", "c", "a"]


def test_fts5_records_what_sqlite_evaluated(fts):
    assert fts.search('"Open Luchtruim"') == 1  # only the 2023 letter is about Open Skies
    assert fts.search("verdrag", snippets=False) == 2
    assert fts.ran == [
        ('"Open Luchtruim"', ('"Open Luchtruim"', '"Open Luchtruim"')),
        ("verdrag", ("verdrag", "verdrag")),
    ]


def test_fts5_expands_a_fuzzy_word_to_the_words_within_its_edits(fts):
    assert fts.match_expression("Ruslnd~") == '("rusland")'
    expanded = fts.match_expression("verdrg~ AND Vilnius")
    assert expanded.endswith(" AND Vilnius")
    assert '"verdrag"' in expanded and '"verdragen"' not in expanded
    assert '"verdrag"' in fts.match_expression("vedrg~2")
    assert '"verdrag"' not in fts.match_expression("vedrg~")
    assert fts.search("Ruslnd~") == 2
    assert fts.ran[-1] == ("Ruslnd~", ('("rusland")', '("rusland")'))


def test_fts5_snippets_come_from_the_head_only(tmp_path, letters):
    letter = letters[0]
    letter.text = letter.text + " " + "opvulling " * 25_000 + "zeldzaamwoord"
    db = tmp_path / "fts.sqlite"
    fts_baseline.build(db, [letter])
    con = sqlite3.connect(db)
    found = con.execute(
        "SELECT snippet(letters, 3, '<b>', '</b>', '…', 30) FROM letters WHERE letters MATCH ?",
        ("zeldzaamwoord",),
    ).fetchall()
    assert len(found) == 1 and "<b>" not in found[0][0]  # found, but past the snippet budget
    con.close()


def test_the_word_model_follows_zipf():
    model = word_model.load()
    counts = Counter(model.sample(random.Random(7), 200_000))
    top100 = sum(n for _w, n in counts.most_common(100)) / 200_000
    assert 0.4 < top100 < 0.6  # function words make about half of running Dutch text
    assert counts.most_common(1)[0][0] == "de"
    ranked = [n for _w, n in counts.most_common()]
    # rank 10 -> rank 100: Zipf with exponent ~1.15 and offset 2.7 falls 12 to 15 times
    assert 8 < ranked[9] / ranked[99] < 20
    assert len(counts) > 20_000  # a long tail: most words are rare (with or without wdutch)


def test_the_word_model_works_without_a_word_list(tmp_path):
    model = word_model.load(word_list=tmp_path / "missing")
    assert model.source.startswith("compounds of the bundled letters' words")
    assert len(model.words) > 40_000
    assert model.words[:3] == ["de", "het", "en"]


def _document_share(paths: list[Path], word: str) -> float:
    pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
    return sum(bool(pattern.search(p.read_text(encoding="utf-8"))) for p in paths) / len(paths)


def test_query_words_are_in_some_letters_of_the_realistic_corpus_and_all_of_the_worst(tmp_path):
    realistic = corpus.generate(tmp_path / "r", 150, huge=False, kind="realistic")
    worst = corpus.generate(tmp_path / "w", 150, huge=False, kind="worst")
    for word in ("verdrag", "Rusland", "kernwapens"):
        assert _document_share(worst, word) > 0.7, word
        assert 0.02 < _document_share(realistic, word) < 0.3, word
    assert corpus.generate(tmp_path / "again", 150, huge=False, kind="realistic")[
        17
    ].read_bytes() == (realistic[17].read_bytes())


def test_an_unknown_corpus_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown corpus 'best'"):
        corpus.generate(tmp_path, 3, kind="best")
