"""The library's own words decide a line-end hyphen the letter itself does not: the store
counts the word forms of its letters, the importer passes them to the parser, and the parser
worker is sent them once, not with every file."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.ingest import worker
from desktop.core.ingest.line_breaks import Words, join_lines, word_forms
from desktop.core.ingest.readers.text_reader import read_text
from desktop.core.ingest.worker import Kept, ParserPool
from desktop.core.library.library import Library
from tests.conftest import LETTER_2018, LETTERS, shared_file

# A real Kamerstuk (Aanhangsel 2023-2024 nr. 1786) that breaks "Wereldbank-groep" at a line end
# and writes the word nowhere else: PDFium gives every line-end hyphen alike.
PDF = "real/1b0f0b98-7c34-418c-98dc-43de7930e685.pdf"
PDF_ID = "1b0f0b98-7c34-418c-98dc-43de7930e685"
WRITES_IT = "Den Haag, 1 mei 2024\n\nDe Wereldbank-groep financiert de haven.\n"


def test_a_line_end_hyphen_is_decided_by_a_word_only_another_letter_writes(tmp_path):
    pdf = shared_file(PDF)
    with Library.open(tmp_path / "alone") as lib:
        lib.add([pdf])
        assert "de Wereldbankgroep Environmental" in lib.get(PDF_ID).text  # a word break
    other = tmp_path / "wereldbank.txt"
    other.write_text(WRITES_IT, encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        lib.add([other])
        assert lib.add([pdf]).new == 1
        assert "de Wereldbank-groep Environmental" in lib.get(PDF_ID).text

        # Read again, a letter is no evidence for itself, nor is a letter being removed.
        lib.remove(["wereldbank"])
        assert lib.reread([PDF_ID]).changed == 1
        assert "de Wereldbankgroep Environmental" in lib.get(PDF_ID).text


def test_letters_of_one_import_are_no_evidence_for_each_other(tmp_path):
    """Parsing runs ahead of the indexer: what a letter of the same import writes must not
    decide another's hyphens, or the outcome would depend on timing."""
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "a-wereldbank.txt").write_text(WRITES_IT, encoding="utf-8")
    shutil.copy(shared_file(PDF), folder / "b.pdf")
    with Library.open(tmp_path / "lib") as lib:
        assert lib.add([folder]).new == 2
        assert "de Wereldbankgroep Environmental" in lib.get("b").text


def _counted(root: Path) -> Counter[str]:
    con = sqlite3.connect(root / "letters.sqlite")
    try:
        return Counter(dict(con.execute("SELECT form, letters FROM words")))
    finally:
        con.close()


def _recounted(lib: Library) -> Counter[str]:
    """The word forms of the live and removed rows, counted from their texts."""
    counts: Counter[str] = Counter()
    for state in ("live", "removed"):
        for row in lib.store.rows(state):
            counts.update(word_forms(row.text))
    return counts


def test_the_word_counts_follow_every_change_of_the_library(tmp_path):
    folder = tmp_path / "letters"
    shutil.copytree(LETTERS, folder)
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([folder])
        assert _counted(root) == _recounted(lib)
        assert _counted(root)["navo-bondgenoten"] == 2  # both letters write it
        lib.remove(["2018-11-27-inf-verdrag"])
        assert _counted(root) == _recounted(lib)  # removed: restorable, still counted
        lib.restore(["2018-11-27-inf-verdrag"])
        (folder / LETTER_2018.name).write_text(WRITES_IT, encoding="utf-8")
        lib.add([folder])  # one letter changed
        (tmp_path / "wereldbank.txt").write_text(WRITES_IT, encoding="utf-8")
        assert _counted(root) == _recounted(lib)
        assert _counted(root)["wereldbank-groep"] == 1
        lib.remove(["2023-11-16-kst-33694-69-cse-verdrag"])
        lib.add([tmp_path / "wereldbank.txt"])  # the next import: the removal is final
        assert _counted(root) == _recounted(lib)
        assert "navo-bondgenoten" not in _counted(root)  # no letter left writes it
        assert _counted(root)["wereldbank-groep"] == 2
        (folder / LETTER_2018.name).unlink()
        lib.add([folder], prune=True)  # its file is gone: the letter goes
        assert _counted(root) == _recounted(lib)
        assert _counted(root)["wereldbank-groep"] == 1
        lib.reparse_all()
        assert _counted(root) == _recounted(lib)
        assert lib.store.library_words() == frozenset(_recounted(lib))


def test_a_store_that_never_counted_its_words_counts_them_at_the_next_import(tmp_path):
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([LETTERS])
    con = sqlite3.connect(root / "letters.sqlite")
    con.execute("DROP TABLE words")  # as a store made before the words were counted
    con.execute("DROP TABLE facts")
    con.commit()
    con.close()
    other = tmp_path / "wereldbank.txt"
    other.write_text(WRITES_IT, encoding="utf-8")
    with Library.open(root) as lib:
        lib.add([other])
        assert _counted(root) == _recounted(lib)
        assert _counted(root)["navo-bondgenoten"] == 2


def test_the_letters_own_writing_counts_before_the_library():
    library = frozenset({"otcderivaten", "export", "kernwapentaak"})
    # The letter sets OTC in capitals: its acronym beats the library's closed form.
    words = Words.of("handel (over-the-counter, OTC) in derivaten", library)
    assert join_lines(["betreffende otc-", "derivaten,"], words) == "betreffende otc-derivaten,"
    # The letter writes the word with its hyphen elsewhere: that beats the library.
    words = Words.of("De kern-wapentaak van de NAVO.", library)
    assert join_lines(["een nieuwe kern-", "wapentaak"], words) == "een nieuwe kern-wapentaak"
    # Where the letter says nothing, the library beats a rule ("ex-" keeps its hyphen).
    assert (
        join_lines(["de ex-", "port van wapens"], Words.of("", library)) == "de export van wapens"
    )
    assert join_lines(["de ex-", "port van wapens"], Words()) == "de ex-port van wapens"


@pytest.fixture
def sent(monkeypatch) -> list[int]:
    """The size of every request the parent sends a parser worker."""
    sizes: list[int] = []
    real = worker.write_message

    def recording(stream, message):
        if isinstance(message, tuple) and len(message) == 5:
            sizes.append(len(worker.pickle.dumps(message, protocol=worker.pickle.HIGHEST_PROTOCOL)))
        real(stream, message)

    monkeypatch.setattr(worker, "write_message", recording)
    return sizes


def test_the_library_words_are_sent_to_a_worker_once(sent):
    words = frozenset(f"woord{i}-vorm" for i in range(50_000)) | {"kern-wapentaak"}
    kept = Kept(words)
    data = b"Den Haag, 1 mei 2024\n\nEen nieuwe kern-\nwapentaak voor de NAVO.\n"
    pool = ParserPool()
    try:
        for _ in range(2):
            draft = pool.run(read_text, data, "brief.txt", None, kept)
            assert draft.blocks[-1].plain() == "Een nieuwe kern-wapentaak voor de NAVO."
        pool._worker.process.kill()  # a worker that died; its successor is sent them again
        pool._worker.process.wait()
        draft = pool.run(read_text, data, "brief.txt", None, kept)
        assert draft.blocks[-1].plain() == "Een nieuwe kern-wapentaak voor de NAVO."
    finally:
        pool.close()
    first, again, successor = sent
    assert first > 500_000 and again < 1_000 and successor == first
