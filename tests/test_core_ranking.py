"""The block-wise ranker against Whoosh's own matchers and against the letters' text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from desktop.bench.corpus import generate
from desktop.core.ingest.parse import parse_file
from desktop.core.library.library import Library
from desktop.core.search.analysis import MAX_WORD_CHARS, index_terms
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import (
    MAX_QUERY_CHARS,
    SNIPPET_HEAD,
    MatchSpec,
    QueryError,
    match_offsets,
    parse_query,
    run_search,
)
from desktop.core.search.ranking import MAX_EXPANSION, Ranker
from tests.conftest import LETTER_2018, LETTER_2023

LETTERS = 120


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("corpus"), LETTERS, huge=False)


@pytest.fixture(scope="module")
def lib(tmp_path_factory, corpus):
    """Three segments and deleted letters: offsets and deletions both matter."""
    library = Library.open(tmp_path_factory.mktemp("lib"))
    library.add(corpus[:50])
    library.add(corpus[50:100])
    for path in corpus[40:45]:  # changed: the old versions stay in their segment, deleted
        path.write_text(path.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", "utf-8")
    library.add(corpus)
    yield library
    library.close()


def whoosh_scores(searcher, q) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}


@pytest.mark.parametrize(
    "text",
    ["verdrag", "kernwapens Rusland", "NAVO OR bondgenoten", "verdrag NOT kernwapens", "NOT Vilnius",
     "treaty:INF raketten", "date:[2018 to 2020] verdrag", "(ontwapening OR dialoog) AND Europa",
     "signatory:blok", "title:veiligheidsstrategie", "verdrag ANDMAYBE kernwapens",
     "verdrag REQUIRE kernwapens", "NOT (NOT Vilnius)", '"Open Luchtruim"', '"Verenigde Staten"',
     '"de Russische Federatie"', '"Verdrag inzake het Open Luchtruim" OR kernwapens',
     'Rusland "Russische Federatie"', '"van opschorting van"'],
)  # fmt: skip
def test_scores_equal_whooshs_own(lib, text):
    with lib.searcher() as s:
        segments = len(s.leaf_searchers())
        q = parse_query(s.schema, text)
        ours, theirs = Ranker(s).scores(q), whoosh_scores(s, q)
    assert segments >= 2
    assert ours.keys() == theirs.keys() and theirs
    assert all(ours[d] == pytest.approx(theirs[d], rel=1e-9) for d in theirs)


def test_deleted_letters_are_never_found(lib):
    with lib.searcher() as s:
        live = {d for d, _ in s.reader().iter_docs()}
        found = Ranker(s).scores(parse_query(s.schema, "verdrag OR alinea"))
        assert s.doc_count_all() > s.doc_count() == LETTERS
    assert set(found) <= live and len(found) == s.doc_count()


def test_wildcard_and_fuzzy_expand_to_the_same_words_as_whoosh(lib):
    with lib.searcher() as s:
        ranker = Ranker(s)
        fuzzy = wq.FuzzyTerm("text", "ruslnd", maxdist=1, prefixlength=1)
        whooshs = {
            t.decode() if isinstance(t, bytes) else t
            for _field, t in fuzzy.expanded_terms(s.reader())
        }
        assert sorted(ranker.expansion(fuzzy)) == sorted(whooshs) and whooshs
        for text in ("kern*", "Ruslnd~", "Vilnus~2"):
            q = parse_query(s.schema, text)
            assert ranker.scores(q).keys() == whoosh_scores(s, q).keys()


def test_wildcard_hits_come_most_relevant_first(lib):
    with lib.searcher() as s:
        ranker = Ranker(s)
        scores = ranker.scores(parse_query(s.schema, "kern*"))
        best = ranker.top(scores, 3)
    assert [score for _, score in best] == sorted(scores.values(), reverse=True)[:3]
    assert best[0][1] > min(scores.values())  # scored by term, not one constant score


def whole_phrase_docs(lib, searcher, words: tuple[str, ...]) -> set[int]:
    spec = MatchSpec(frozenset(), (words,))
    return {
        d
        for d, stored in searcher.reader().iter_docs()
        if match_offsets(lib._text_of(stored["key"]), spec)
    }


@pytest.mark.parametrize(
    "phrase", ['"Open Luchtruim"', '"Verenigde Staten"', '"Verdrag inzake het Open Luchtruim"',
               '"de Russische Federatie"', '"Luchtruim Open"', '"in Vilnius in"'],
)  # fmt: skip
def test_phrases_find_exactly_the_letters_that_have_them_whole(lib, phrase):
    with lib.searcher() as s:
        q = parse_query(s.schema, phrase)
        text_phrase = next(c for c in q.children() if c.fieldname == "text")
        expected = whole_phrase_docs(lib, s, tuple(text_phrase.words))
        found = Ranker(s).scores(text_phrase)
    assert found.keys() == expected
    assert phrase == '"Luchtruim Open"' or expected


def test_a_longer_phrase_needs_its_pairs_in_order_and_together(tmp_path):
    letters = {
        "whole.txt": "Het Verdrag inzake Open Luchtruim is opgezegd.",
        "apart.txt": "Een verdrag inzake wapens. Daarna: inzake open grenzen en een luchtruim.",
        "pairs-apart.txt": "Het verdrag inzake export. Over inzake open data. Het open luchtruim.",
    }
    for name, text in letters.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        lib.add([tmp_path / n for n in letters])
        result = lib.search('"Verdrag inzake Open Luchtruim"')
        assert [h.id for h in result.hits] == ["whole"] and result.total == 1
        assert lib.search('"open luchtruim"').total == 2


def test_andmaybe_and_require_take_phrases(lib):
    """They once went to Whoosh's matchers, which need positions the text no longer has."""
    rusland, kernwapens = lib.search("Rusland").total, lib.search("kernwapens").total
    assert lib.search('Rusland ANDMAYBE "Open Luchtruim"').total == rusland > 0
    assert lib.search('kernwapens ANDMAYBE (verdrag OR "New START")').total == kernwapens > 0
    both = lib.search("Rusland AND INF-verdrag").total
    assert lib.search("Rusland REQUIRE INF-verdrag").total == both > 0


@pytest.mark.parametrize("query", ["NOT NOT verdrag", "date:[2018 to x]"])
def test_queries_whooshs_parser_chokes_on_get_a_message(lib, query):
    with pytest.raises(QueryError, match="cannot read query"):
        lib.search(query)


def test_words_apart_are_refused_with_a_message(lib):
    with pytest.raises(QueryError, match="near each other") as err:
        lib.search('"open luchtruim"~3')
    assert err.value.position == len('"open luchtruim"')


def test_sort_by_date_is_newest_first_then_best(lib):
    result = lib.search("verdrag", SearchOptions(sort="date", limit=30))
    dates = [h.date for h in result.hits]
    assert dates == sorted(dates, reverse=True)
    same_day = [h.score for h in result.hits if h.date == dates[0]]
    assert same_day == sorted(same_day, reverse=True)


def test_filters_and_facets_count_the_filtered_matches(lib):
    everything = lib.search("verdrag", SearchOptions(limit=200))
    year = next(iter(everything.facets["year"]))
    filtered = lib.search("verdrag", SearchOptions(year=year, limit=200))
    assert filtered.total == everything.facets["year"][year]
    assert {h.date[:4] for h in filtered.hits} == {year}
    assert filtered.facets["year"] == {year: filtered.total}


@pytest.mark.parametrize("path", [LETTER_2018, LETTER_2023])
def test_terms_given_as_lists_index_as_whooshs_own_formats_would(path):
    """The text is given to Whoosh as a term list (one analysis per letter); the postings
    must be those Whoosh makes from the string with the field's analyzer, and decode to the
    positions, frequencies and weights of Whoosh's own Positions format."""
    from whoosh.formats import Positions

    from desktop.core.search.analysis import dutch_analyzer
    from desktop.core.search.term_formats import TermPositions

    text, analyzer = parse_file(path).text, dutch_analyzer()
    ours, theirs = TermPositions(), Positions()
    from_list = sorted(ours.word_values(index_terms(text), analyzer))
    assert from_list == sorted(ours.word_values(text, analyzer))
    whooshs = {
        t: (freq, weight, theirs.decode_positions(v))
        for t, freq, weight, v in theirs.word_values(text, analyzer)
    }
    assert {t: (f, w, ours.decode_positions(v)) for t, f, w, v in from_list} == whooshs
    assert all(ours.decode_frequency(v) == f == ours.decode_weight(v) for _t, f, _w, v in from_list)
    assert len(whooshs) > 300


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=50, unique=True))
def test_positions_far_apart_decode_as_they_were(positions):
    """Gaps beyond two bytes (a word far into the 5 MB letter) take the wide encoding."""
    from desktop.core.search.term_formats import TermPositions

    fmt, positions = TermPositions(), sorted(positions)
    value = fmt.encode(positions)
    assert fmt.decode_positions(value) == positions
    assert fmt.decode_frequency(value) == len(positions)
    narrow = max(b - a for a, b in zip([0, *positions], positions, strict=False)) < 2**16
    assert len(value) == 1 + len(positions) * (2 if narrow else 4)


# -- what a hit says it marks ------------------------------------------------------------------

COUNTED = ["verdrag", "kernwapens Rusland", "NAVO OR bondgenoten", "kern*", "Ruslnd~",
           '"Open Luchtruim"', '"Verdrag inzake het Open Luchtruim"', '"de Russische Federatie"',
           'Rusland "Russische Federatie"', "treaty:INF raketten",
           "verdrag NOT kernwapens", '"Verenigde Staten" OR Staten']  # fmt: skip


@pytest.mark.parametrize("text", COUNTED)
def test_a_hits_match_count_is_the_number_of_words_it_marks(lib, text):
    result = lib.search(text, SearchOptions(limit=40, offsets=True))
    assert result.hits
    for hit in result.hits:
        assert hit.match_count == len(hit.matches)
        assert hit.match_count == len(match_offsets(lib.get(hit.id).text, hit.spec))
    assert sum(h.match_count for h in result.hits) > len(result.hits)


def test_match_counts_need_no_text(lib):
    """Without offsets asked for, a hit is counted in the index: the store is not read for
    anything but the snippets' head."""
    asked: list[int | None] = []
    reading = lib._text_of
    lib._text_of = lambda key, limit=None: asked.append(limit) or reading(key, limit)
    try:
        result = lib.search("Rusland", SearchOptions(limit=20))
    finally:
        del lib._text_of
    assert asked == [SNIPPET_HEAD] * len(result.hits) and result.hits[0].matches == ()
    assert all(h.match_count > 0 for h in result.hits)


def test_a_word_in_single_quotes_is_marked_and_counted(tmp_path):
    (tmp_path / "quotes.txt").write_text(
        "Het woord 'kernwapens' staat hier tussen aanhalingstekens, net als ’kernwapens’.\n"
        "Daarna komen kernwapens zonder, en l'kernwapens hoort bij het woord ervoor.\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib") as lib:
        lib.add([tmp_path / "quotes.txt"])
        hit = lib.search("kernwapens", SearchOptions(offsets=True)).hits[0]
        text = lib.get(hit.id).text
    assert [text[s:e] for s, e in hit.matches] == ["kernwapens"] * 3
    assert hit.match_count == 3


# -- bounded queries (issue 12, part 8) --------------------------------------------------------


def test_a_wildcard_that_stands_for_too_many_words_is_refused(tmp_path):
    words = " ".join(f"wapen{chr(97 + i // 26 // 26)}{chr(97 + i // 26 % 26)}{chr(97 + i % 26)}"
                     for i in range(MAX_EXPANSION + 100))  # fmt: skip
    (tmp_path / "many.txt").write_text(f"Een brief over wapens.\n\n{words}.\n", encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        lib.add([tmp_path / "many.txt"])
        with pytest.raises(QueryError, match="'Wapen\\*' stands for more than 1,000 words") as err:
            lib.search("Rusland OR Wapen*")
        assert err.value.position == len("Rusland OR ")
        assert lib.search("wapenaa*").total == 1  # a longer prefix is fine
        with pytest.raises(QueryError, match="'wapenaab~3' stands for more than") as err:
            lib.search("wapenaab~3")
        assert err.value.position == 0


class StepClock:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return float(self.reads)


def test_a_search_stops_at_its_time_budget(lib):
    many = " OR ".join(f"*{n}*" for n in range(100))
    with lib.searcher() as s:
        clock = StepClock()
        with pytest.raises(QueryError, match="took longer than 5 s and was stopped"):
            run_search(s, many, SearchOptions(seconds=5), ranker=Ranker(s, clock))
        assert clock.reads <= 7  # stopped at the budget, not after the hundred wildcards
        assert run_search(s, "verdrag", SearchOptions(seconds=5), ranker=Ranker(s)).total > 0


def test_a_query_longer_than_the_parser_handles_is_refused(lib):
    with pytest.raises(QueryError, match="longer than 1,000 characters") as err:
        lib.search(" ".join(["verdrag"] * 200))
    assert err.value.position == MAX_QUERY_CHARS


def test_a_word_too_long_to_be_one_is_not_indexed(tmp_path):
    blob = "a" * 100_000
    letter = tmp_path / "blob.txt"
    letter.write_text(
        f"Een brief over kernwapens.\n\n{blob} en daarna de NAVO.\n", encoding="utf-8"
    )
    with Library.open(tmp_path / "lib") as lib:
        lib.add([letter])
        with lib.searcher() as s:
            terms = list(s.reader().all_terms())
        assert not [t for _field, t in terms if b"a" * 10 in t]
        assert "text" in {f for f, _t in terms}
        assert max(map(len, lib.vocabulary.counts)) <= MAX_WORD_CHARS
        assert lib.search("kernwapens").total == lib.search("NAVO").total == 1
        snippet = lib.search("NAVO").hits[0].snippets[0].text  # cut inside the blob
        assert snippet.endswith(" en daarna de NAVO.") and len(snippet) < 200
        assert lib.search(blob[:64] + "*").total == 0
        with pytest.raises(QueryError, match="no words to search for"):
            lib.search(blob[:65])


PIECES = ["kernwapens", "Kernwapen", "KERNWAPENS", "coördinatie", "Oekraïne", "l'Europe",
          "’s-Gravenhage", "'kernwapens'", "‘verdrag’", "SSC-8", "9M729", "verdragen", "Verdrag",
          "ĳzer", "ﬁnanciën", "naïef", "a" * 70, "x", "’", "'", "-", "—", "“", "”", ".", ",",
          "\n", "\n\n", " ", "  ", "\t", "Ollongren's", "d'66", "INF-verdrag"]  # fmt: skip


@settings(max_examples=300, derandomize=True, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=40), data=st.data())
def test_the_marked_words_are_the_indexed_words(pieces, data):
    """A hit's match count is read from the index, its marks are found in the text: both
    must see the same words, quotes, apostrophes, ligatures and overlong words included."""
    text = "".join(pieces)
    terms = index_terms(text)
    if not terms:
        return
    term = data.draw(st.sampled_from(sorted(set(terms))))
    spec = MatchSpec(frozenset([term]), ())
    assert len(match_offsets(text, spec)) == terms.count(term)
