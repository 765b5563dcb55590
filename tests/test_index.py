"""The library on the bundled letters: Dutch search, fields, offsets, incremental updates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from desktop.core.ingest.parse import parse_file
from desktop.core.library.library import SCHEMA_VERSION, Library, LibraryBusy
from desktop.core.search.analysis import stem
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import QueryError
from desktop.home import open_library
from tests.conftest import LETTER_2018, LETTER_2023, LETTERS, REPO

ID_2018 = "2018-11-27-inf-verdrag"
ID_2023 = "2023-11-16-kst-33694-69-cse-verdrag"
OFFSETS = SearchOptions(offsets=True)


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    library = open_library(tmp_path_factory.mktemp("lib"), with_bundled=True)
    yield library
    library.close()


def ids(result) -> list[str]:
    return sorted(h.id for h in result.hits)


@pytest.mark.parametrize(
    "singular, plural",
    [("verdrag", "verdragen"), ("bondgenoot", "bondgenoten"), ("kernwapen", "kernwapens"),
     ("kruisvluchtwapen", "kruisvluchtwapens"), ("raket", "raketten"), ("wapen", "wapens")],
)  # fmt: skip
def test_singular_and_plural_meet(singular, plural):
    assert stem(singular) == stem(plural)


def test_stemming_finds_verdragen(lib):
    assert ids(lib.search("verdragen")) == [ID_2018, ID_2023]
    assert ids(lib.search("kernwapen")) == [ID_2023]  # the letter writes "kernwapens"
    assert ids(lib.search("kruisvluchtwapens")) == [ID_2018]


def test_phrase_finds_only_the_2023_letter(lib):
    result = lib.search('"Open Luchtruim"', OFFSETS)
    assert ids(result) == [ID_2023]
    text = parse_file(LETTER_2023).text
    assert [text[s:e] for s, e in result.hits[0].matches] == ["Open", "Luchtruim"]


def test_treaty_field(lib):
    assert ids(lib.search("treaty:CSE")) == [ID_2023]
    assert ids(lib.search("treaty:INF")) == [ID_2018, ID_2023]
    assert ids(lib.search("verdrag:npt")) == [ID_2018]


def test_date_fields(lib):
    assert ids(lib.search("date:[2023 to 2024]")) == [ID_2023]
    assert ids(lib.search("date:2018")) == [ID_2018]
    assert ids(lib.search("date:[2018 to 2020]")) == [ID_2018]


def test_kamerstuk_and_signatory(lib):
    assert ids(lib.search("kamerstuk:33694")) == [ID_2023]
    assert ids(lib.search("kamerstuk:33694-69")) == [ID_2023]
    assert ids(lib.search("signatory:blok")) == [ID_2018]
    assert ids(lib.search("signatory:ollongren")) == [ID_2023]


def test_designations_and_treaty_names_as_written(lib):
    text = parse_file(LETTER_2018).text
    for query, words in [("SSC-8", ["SSC", "8"]), ("9M729", ["9M729"])]:
        hit = lib.search(query, OFFSETS).hits[0]
        assert [text[s:e] for s, e in hit.matches] == words
    hit = next(h for h in lib.search("INF-verdrag", OFFSETS).hits if h.id == ID_2018)
    assert {text[s:e] for s, e in hit.matches} == {"INF", "verdrag"}
    assert ids(lib.search('"New START"')) == [ID_2023]


def test_boolean_wildcard_fuzzy(lib):
    assert ids(lib.search("INF AND NOT CSE")) == [ID_2018]
    assert ids(lib.search("Poetin OR Ollongren")) == [ID_2018, ID_2023]
    assert ids(lib.search("ontwap*")) == [ID_2018, ID_2023]
    assert ids(lib.search("Vilnus~")) == [ID_2023]


def test_hit_offsets_land_on_the_matched_words(lib):
    letter = parse_file(LETTER_2023)
    hit = lib.search("Oekraïne", OFFSETS).hits[0]
    assert [letter.text[s:e] for s, e in hit.matches] == ["Oekraïne"]
    assert lib.get(ID_2023).text == letter.text


def test_snippets_mark_matches_and_escape(lib):
    hit = lib.search("kernwapens").hits[0]
    assert len(hit.snippets) == 2
    assert "<b>kernwapens</b>" in hit.snippets[0].html()
    assert all(s.text.count("\n") == 0 for s in hit.snippets)


def test_did_you_mean(lib):
    result = lib.search("kernwapns")
    assert result.total == 0 and result.suggestion == "kernwapens"


def test_the_vocabulary_is_read_once_per_import_and_merges_what_another_process_saved(
    tmp_path, monkeypatch
):
    """Batches of one import add to the counts in memory (reading them again per batch froze
    the window for half a second at 100,000 letters); a save by another process since is
    read again and kept."""
    from desktop.core.search import vocabulary as vocab_module
    from desktop.core.search.vocabulary import Vocabulary

    reads = []
    real_read = vocab_module._read
    monkeypatch.setattr(vocab_module, "_read", lambda path: reads.append(path) or real_read(path))
    mine, other = Vocabulary(tmp_path), Vocabulary(tmp_path)
    for batch in ({"verdrag": 2}, {"verdrag": 1, "raket": 1}, {"navo": 3}):
        mine.merge_and_save(batch)
    assert len(reads) == 1
    other.merge_and_save({"kernwapen": 1})  # another process, under the lock after this one
    mine.merge_and_save({"verdrag": 1})
    assert len(reads) == 3  # the other's first read, and this one's after the other's save
    saved = json.loads((tmp_path / "vocabulary.json").read_text(encoding="utf-8"))
    assert saved == {"verdrag": 4, "raket": 1, "navo": 3, "kernwapen": 1}
    assert Vocabulary(tmp_path).counts == saved == mine.counts


def test_facets_and_sort_by_date(lib):
    result = lib.search("verdrag", SearchOptions(sort="date"))
    assert [h.id for h in result.hits] == [ID_2023, ID_2018]
    assert result.facets["year"] == {"2018": 1, "2023": 1}
    assert result.facets["treaty"]["INF"] == 2 and result.facets["treaty"]["CSE"] == 1
    assert ids(lib.search("verdrag", SearchOptions(treaty="CSE"))) == [ID_2023]
    assert lib.search("verdrag", SearchOptions(treaty="CSE")).total == 1
    assert lib.search("verdrag", SearchOptions(year="2018")).facets["year"] == {"2018": 1}
    assert ids(lib.search("verdrag", SearchOptions(year="2018"))) == [ID_2018]


@pytest.mark.parametrize("query", ['"Open', "(a OR b", "a)", "kleur:rood", "date:gisteren", "   "])
def test_malformed_queries(lib, query):
    with pytest.raises(QueryError) as err:
        lib.search(query)
    assert err.value.position is not None


def test_stored_letter_round_trips(lib):
    letter = lib.get(ID_2018)
    assert letter.to_json() | {"source": ""} == parse_file(LETTER_2018).to_json() | {"source": ""}
    assert lib.get("no-such-letter") is None


def test_highlighting_is_not_cut_at_32k(tmp_path):
    big = tmp_path / "big.txt"
    filler = "Dit is een zin over de veiligheid van Europa en de NAVO. " * 800
    big.write_text(filler + "\n\nAan het einde staat het Weens Document.\n", encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        lib.add([big])
        hit = lib.search('"Weens Document"', OFFSETS).hits[0]
        assert hit.matches and hit.matches[0][0] > 40_000
    assert "<b>Weens</b> <b>Document</b>" in hit.snippets[0].html()


def test_incremental_update_and_removal(tmp_path):
    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder)
    with Library.open(tmp_path / "lib") as lib:
        assert (
            lib.add([folder]).summary()
            == "indexed 2 new, 0 changed, 0 removed, 0 unchanged, 0 failed"
        )
        assert (
            lib.add([folder]).summary()
            == "indexed 0 new, 0 changed, 0 removed, 2 unchanged, 0 failed"
        )
        (folder / LETTER_2023.name).unlink()
        (folder / LETTER_2018.name).write_text("Den Haag, 1 mei 2020\n\nHet NPT is belangrijk.\n")
        report = lib.add([folder], prune=True)
        assert report.summary() == "indexed 0 new, 1 changed, 1 removed, 0 unchanged, 0 failed"
        assert len(lib) == 1 and ids(lib.search("treaty:NPT")) == [ID_2018]


def test_an_older_index_is_made_again_from_the_letter_store(tmp_path, monkeypatch):
    """A new index schema needs no parsing: the store has what every field needs (letters
    an older parser read are read again at the next import: test_library_copies.py)."""
    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder)
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([folder])
    shutil.rmtree(folder)  # the user's files are gone: the library has its own
    meta = json.loads((root / "library.json").read_text())
    meta["schema_version"] = SCHEMA_VERSION - 1
    (root / "library.json").write_text(json.dumps(meta))
    import desktop.core.library.importer as importer

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(importer, "parse_bytes", no_parsing)
    with Library.open(root) as lib:
        assert lib.rebuilt_message == (
            f"library format {SCHEMA_VERSION - 1} is older than {SCHEMA_VERSION}; "
            "rebuilt 2 letters from the letter store"
        )
        assert sorted(lib.ids()) == [ID_2018, ID_2023]
        assert lib.get(ID_2023).text == parse_file(LETTER_2023).text
        assert ids(lib.search("treaty:CSE")) == [ID_2023]
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None
    assert json.loads((root / "library.json").read_text())["schema_version"] == SCHEMA_VERSION


def test_a_second_writer_is_told_the_library_is_busy(tmp_path):
    refused = []

    def second_import_meanwhile(done, total, current):
        with pytest.raises(LibraryBusy, match="library busy"):
            second.add([LETTER_2018])
        refused.append(current)

    with Library.open(tmp_path / "lib") as first, Library.open(tmp_path / "lib") as second:
        first.add([LETTER_2023], progress=second_import_meanwhile)
        assert refused  # asked while the first import held the lock
        assert second.add([LETTER_2018]).new == 1  # the lock went with the first writer
        assert len(first) == 2


def test_an_empty_library_answers_with_nothing(tmp_path):
    with Library.open(tmp_path / "lib") as empty:
        result = empty.search("kernwapns")
        assert (result.total, result.hits, result.suggestion) == (0, (), None)
        assert result.facets == {"treaty": {}, "year": {}}


def test_reading_and_searching_never_load_the_readers(tmp_path):
    """Parsing is the importer's: opening, searching and the window's start do without the
    readers (importing them costs ~45 ms)."""
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([LETTERS])
    code = (
        "import sys, io, contextlib\n"
        "import desktop.ui.app\n"
        "from desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['search', 'verdrag', '--index', sys.argv[1]]) == 0\n"
        "    assert main(['treaties', '--index', sys.argv[1]]) == 0\n"
        "print(sorted(m for m in sys.modules if m == 'desktop.core.ingest.parse'\n"
        "             or m.startswith('desktop.core.ingest.readers')\n"
        "             or m == 'desktop.core.library.importer'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr


def test_the_names_of_letter_files_are_the_readers_names():
    from desktop.core.ingest.parse import READERS
    from desktop.core.ingest.suffixes import SUPPORTED_SUFFIXES

    assert set(SUPPORTED_SUFFIXES) == set(READERS) - {""}
