"""A treaty through the years, from the library: letters, timeline marks, passages, exports,
the `passages` command and the word-level comparison of two real passages."""

from __future__ import annotations

import csv
import io
import json
from itertools import islice

import pytest

from desktop.bench import corpus
from desktop.cli import main as cli_main
from desktop.core.history.export import write_csv, write_markdown
from desktop.core.history.passages import TreatyHistory, letter_passages
from desktop.core.history.wording import compare_wording
from desktop.core.ingest.parse import parse_file
from desktop.core.library.library import Library
from desktop.core.search.query import QueryError
from desktop.home import open_library
from tests.conftest import LETTER_2018, LETTER_2023

ID_2018 = "2018-11-27-inf-verdrag"
ID_2023 = "2023-11-16-kst-33694-69-cse-verdrag"
CITE_2018 = "Brief van de minister van Buitenlandse Zaken van 27 november 2018"
CITE_2023 = "Kamerstukken II 2023/24, 33 694, nr. 69"
URL_2023 = "https://zoek.officielebekendmakingen.nl/kst-33694-69.html"
# The first words of every paragraph of the bundled letters that mentions INF, oldest first.
INF_OPENINGS = [
    (ID_2018, "Het INF-verdrag (Intermediate-Range Nuclear Forces) is meer"),
    (ID_2018, "Inlichtingen bevestigen nu dat Rusland het"),
    (ID_2018, "Echter, Rusland is niet ingegaan op"),
    (ID_2018, "Nu de Russische schending van het"),
    (ID_2018, "De NAVO-bondgenoten moeten de Russische schending"),
    (ID_2018, "Indien Rusland ondanks alles het INF-verdrag"),
    (ID_2018, "Dit laat onverlet dat Nederland het"),
    (ID_2018, "De onzekere toekomst van het INF-verdrag"),
    (ID_2018, "1 President Poetin noemde het INF-verdrag"),
    (ID_2023, "Zoals ook aangegeven in de kabinetsreactie"),
]


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path / "lib", with_bundled=True)
    yield lib
    lib.close()


@pytest.fixture
def history(library):
    history = TreatyHistory(library)
    yield history
    history.close()


def parser_marked(path, treaty: str) -> list[tuple[str, int, int]]:
    """What the parser marks, read straight from a fresh parse: the blocks holding a mention."""
    letter = parse_file(path)
    spans = [(m.start, m.end) for m in letter.mentions if m.treaty == treaty]
    return [
        (letter.id, b.start, b.end)
        for b in letter.blocks
        if any(b.start <= s and e <= b.end for s, e in spans)
    ]


def test_passages_of_inf_are_exactly_the_paragraphs_the_parser_marks(history):
    passages = list(history.passages("INF"))
    expected = parser_marked(LETTER_2018, "INF") + parser_marked(LETTER_2023, "INF")
    assert [(p.letter_id, p.start, p.end) for p in passages] == expected
    assert len(passages) == 10
    assert [(p.letter_id, p.text[: len(w)]) for p, (_, w) in zip(passages, INF_OPENINGS, strict=True)] == INF_OPENINGS  # fmt: skip
    assert [p.date for p in passages] == ["2018-11-27"] * 9 + ["2023-11-16"]
    assert passages[8].kind == "note" and passages[0].kind == "paragraph"


def test_a_passage_carries_its_mentions_and_its_citation(history, library):
    first, last = (p := list(history.passages("INF")))[0], p[-1]
    text = library.get(ID_2018).text
    assert first.text == text[first.start : first.end]
    assert [(first.text[s:e], k) for s, e, k in first.mentions] == [
        ("INF-verdrag (Intermediate-Range Nuclear Forces)", "explicit"),
        ("Dit verdrag", "implicit"),
        ("het verdrag", "implicit"),
    ]
    assert (first.citation.text, first.citation.url) == (CITE_2018, None)
    assert (last.citation.text, last.citation.url) == (CITE_2023, URL_2023)
    assert [last.text[s:e] for s, e, _ in last.mentions] == [
        "Intermediate-Range Nuclear Forces (INF) verdrag"
    ]


def test_years_and_a_text_filter_narrow_the_passages(history):
    assert [p.letter_id for p in history.passages("INF", years=(2020, None))] == [ID_2023]
    assert len(list(history.passages("INF", years=(None, 2018)))) == 9
    assert list(history.passages("INF", years=(2019, 2022))) == []
    found = list(history.passages("INF", text="kruisvluchtwapen"))
    assert [p.text[:30] for p in found] == [
        "Het INF-verdrag (Intermediate-",
        "Inlichtingen bevestigen nu dat",
        "Echter, Rusland is niet ingega",
    ]
    # the filter's words as the index reads them: plural and singular meet
    assert [found[0].text[s:e] for s, e in found[0].matches] == ["kruisvluchtwapens"]
    with pytest.raises(QueryError):
        list(history.passages("INF", text='"unclosed'))


def test_the_timeline_has_a_mark_per_letter_at_its_date_with_its_count(history):
    marks = history.timeline(["INF", "CSE"])
    assert [(m.treaty, m.letter.id, m.letter.date, m.count) for m in marks] == [
        ("INF", ID_2018, "2018-11-27", 13),
        ("INF", ID_2023, "2023-11-16", 1),
        ("CSE", ID_2023, "2023-11-16", 12),
    ]
    assert history.timeline(["INF"], only={ID_2023})[0].letter.id == ID_2023
    assert history.treaties()["INF"] == 2


def test_the_timeline_follows_a_search(history):
    only = history.matching("kruisvluchtwapens")
    assert only == {ID_2018}
    assert [m.letter.id for m in history.timeline(["INF"], only=only)] == [ID_2018]


def test_generated_letters_join_the_history_in_date_order(library, tmp_path):
    paths = corpus.generate(tmp_path / "corpus", 12, huge=False)
    library.add(paths)
    history = TreatyHistory(library)
    try:
        entries = {e.id: e for e in library.entries()}
        marks = history.timeline(["INF"])
        expected = sorted(
            (e.date, e.id, e.treaties["INF"]) for e in entries.values() if e.treaties.get("INF")
        )
        assert [(m.letter.date, m.letter.id, m.count) for m in marks] == expected
        assert len(marks) >= 10
        first_screen = list(islice(history.passages("INF"), 5))
        assert first_screen[0].letter_id == expected[0][1]
        dates = [p.date for p in history.passages("INF")]
        assert dates == sorted(dates)
    finally:
        history.close()


def test_the_history_reads_the_library_again_after_an_import(library, tmp_path):
    history = TreatyHistory(library)
    try:
        assert len(history.letters()) == 2
        assert history.is_current()
        library.add(corpus.generate(tmp_path / "more", 3, huge=False))
        assert not history.is_current()
        assert len(history.letters()) == 5
        assert history.is_current()
    finally:
        history.close()


# -- export ------------------------------------------------------------------------------


def test_csv_holds_a_row_per_passage_with_its_citation_and_address(history):
    out = io.StringIO()
    assert write_csv(history.passages("INF"), out) == 10
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 10
    assert list(rows[0])[:6] == ["treaty", "date", "kamerstuk", "citation", "passage", "url"]
    assert (rows[0]["treaty"], rows[0]["date"], rows[0]["kamerstuk"]) == ("INF", "2018-11-27", "")
    assert rows[0]["citation"] == CITE_2018 and rows[0]["url"] == ""
    assert rows[0]["passage"].startswith("Het INF-verdrag (Intermediate-Range Nuclear Forces)")
    assert rows[-1]["kamerstuk"] == "33 694, nr. 69"
    assert (rows[-1]["citation"], rows[-1]["url"]) == (CITE_2023, URL_2023)
    assert rows[-1]["passage"].startswith("Zoals ook aangegeven in de kabinetsreactie")


def test_markdown_quotes_each_passage_under_its_letter_and_citation(history):
    out = io.StringIO()
    assert write_markdown(history.passages("INF"), out, "INF-verdrag") == 10
    text = out.getvalue()
    assert text.startswith(
        "# INF-verdrag\n\n## 27 november 2018 · INF-verdrag: brief van 27 november 2018\n\n"
    )
    assert (
        f"\n{CITE_2018}\n\n> Het **INF-verdrag (Intermediate-Range Nuclear Forces)** is meer"
        in text
    )
    assert "*Dit verdrag*, dat grondgelanceerde raketten" in text
    assert (
        f"## 16 november 2023 · Internationale Veiligheidsstrategie\n\n[{CITE_2023}]({URL_2023})\n"
        in text
    )
    assert "het **Intermediate-Range Nuclear Forces (INF) verdrag**, het New Strategic" in text
    assert text.count("\n> ") == 10  # fmt: skip


# -- the command -------------------------------------------------------------------------


@pytest.fixture
def index_dir(tmp_path):
    root = tmp_path / "cli-lib"
    open_library(root, with_bundled=True).close()
    return str(root)


def test_passages_json_keeps_the_contract(index_dir, capsys):
    assert cli_main(["passages", "--treaty", "inf", "--index", index_dir, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 10
    for key in ("treaty", "id", "title", "date", "citation", "start", "end", "text", "url"):
        assert key in data[0]
    first = data[0]
    assert (first["treaty"], first["id"], first["date"]) == ("INF", ID_2018, "2018-11-27")
    assert (first["citation"], first["url"]) == (CITE_2018, None)
    with Library.open(index_dir) as lib:
        assert lib.get(ID_2018).text[first["start"] : first["end"]] == first["text"]
    assert (data[-1]["citation"], data[-1]["url"]) == (CITE_2023, URL_2023)


def test_passages_from_a_year_csv_and_markdown(index_dir, capsys):
    assert (
        cli_main(["passages", "--treaty", "INF", "--index", index_dir, "--from", "2020", "--csv"])
        == 0
    )
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [r["citation"] for r in rows] == [CITE_2023]
    assert "1 passage(s) mentioning INF" in captured.err
    assert cli_main(["passages", "--treaty", "CSE", "--index", index_dir, "--markdown"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# CSE-verdrag\n")
    assert text.count("\n> ") == len(list(letter_passages(parse_file(LETTER_2023), "CSE")))  # fmt: skip


def test_an_unknown_treaty_is_one_line_and_status_2(index_dir, capsys):
    assert cli_main(["passages", "--treaty", "XYZ", "--index", index_dir]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: unknown treaty 'XYZ' (known: INF, CSE,")
    assert err.count("\n") == 1


# -- comparing wording -------------------------------------------------------------------


def test_two_real_passages_compared_word_by_word():
    """2018 and 2023 on nuclear arms control: what stayed and what changed."""
    older = letter_passages(parse_file(LETTER_2018), "INF")[7]  # De onzekere toekomst …
    newer = letter_passages(parse_file(LETTER_2023), "INF")[0]  # Zoals ook aangegeven …
    comparison = compare_wording(older.text, newer.text)
    runs = [
        (c.op, older.text[slice(*c.old)], newer.text[slice(*c.new)]) for c in comparison.changes
    ]
    assert [op for op, _, _ in runs] == ["replace", "equal", "delete", "equal", "replace"]
    assert runs[0][1] == "De onzekere toekomst van het INF-verdrag maakt ook de actieve Nederlandse"
    assert runs[0][2].startswith("Zoals ook aangegeven in de kabinetsreactie op de motie")
    assert runs[0][2].endswith("het huidige internationale veiligheidsklimaat de bredere")
    assert runs[1][1:] == ("inzet op", "inzet op")
    assert runs[2][1:] == ("het bredere vlak van nucleaire", "")
    assert runs[3][1:] == ("wapenbeheersing en ontwapening", "wapenbeheersing en ontwapening")
    assert runs[4][1].startswith("des te pertinenter. Daarbij is het uitgangspunt")
    assert runs[4][1].endswith("voor een kernwapenvrije wereld.")
    assert runs[4][2].startswith("aanzienlijk bemoeilijkt. Nucleaire en conventionele")
    assert runs[4][2].endswith("veiligheidsbevorderende maatregelen.")
    assert 0.1 < comparison.similarity < 0.2


def test_a_sentence_that_changed_one_word_marks_that_word_only():
    old = "De NAVO-bondgenoten moeten de Russische schending van het INF-verdrag veroordelen."
    new = "De NAVO-bondgenoten hebben de Russische schending van het INF-verdrag veroordeeld."
    comparison = compare_wording(old, new)
    assert [old[s:e] for s, e in comparison.marked("old")] == ["moeten", "veroordelen"]
    assert [new[s:e] for s, e in comparison.marked("new")] == ["hebben", "veroordeeld"]
    assert compare_wording("Het verdrag", "het verdrag").marked("new") == []
