"""Whoosh's internals behind one door: the patched and the fast paths give what Whoosh's own
code gives, and a Whoosh without the private names (or of another series) is used as is."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from whoosh.codec import whoosh3

from desktop.bench.corpus import generate
from desktop.core.library.library import Library
from desktop.core.search import whoosh_internals
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import parse_query
from tests.conftest import LETTERS, REPO

QUERIES = ["verdrag", "kernwapens Rusland", "NAVO OR bondgenoten", "verdrag NOT kernwapens",
           "treaty:INF raketten", "date:[2018 to 2020] verdrag", "kern*", "Ruslnd~",
           '"Open Luchtruim"', '"Verdrag inzake het Open Luchtruim"', "signatory:blok",
           "(ontwapening OR dialoog) AND Europa", "verdrag ANDMAYBE kernwapens"]  # fmt: skip


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    """A generated library of three segments with deleted letters."""
    corpus = generate(tmp_path_factory.mktemp("corpus"), 90, huge=False)
    library = Library.open(tmp_path_factory.mktemp("lib"))
    library.add(corpus[:40])
    library.add(corpus[40:])
    for path in corpus[30:35]:
        path.write_text(path.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n", "utf-8")
    library.add(corpus)
    yield library
    library.close()


def ranked(lib, text):
    """Our search (the ranker) and Whoosh's own (its collector), each as (letter, score)."""
    ours = lib.search(text, SearchOptions(limit=200))
    with lib.searcher() as s:
        theirs = s.search(parse_query(s.schema, text), limit=None)
        whooshs = [(hit["id"], hit.score) for hit in theirs]
    return [(h.id, h.score) for h in ours.hits], [h.match_count for h in ours.hits], whooshs


def same(a: list[tuple[str, float]], b: list[tuple[str, float]]) -> bool:
    """Equal scores (to 1e-9) in the same order. Two paths may add a letter's scores in
    another order and so differ in the last bit: letters tied to 9 digits may swap places."""

    def tied(hits: list[tuple[str, float]]) -> list[str]:
        return [i for i, _ in sorted(hits, key=lambda h: (-float(f"{h[1]:.9g}"), h[0]))]

    return tied(a) == tied(b) and all(
        x == pytest.approx(y, rel=1e-9) for (_, x), (_, y) in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("text", QUERIES)
def test_patched_and_unpatched_whoosh_rank_alike(lib, text):
    assert whoosh_internals.SUPPORTED and whoosh_internals.fast()
    fast, fast_counts, whoosh_patched = ranked(lib, text)
    with whoosh_internals.whoosh_only():
        assert whoosh3.W3LeafMatcher._goto is not whoosh_internals._goto
        slow, slow_counts, whoosh_own = ranked(lib, text)
    assert whoosh3.W3LeafMatcher._goto is whoosh_internals._goto  # patched again
    assert fast and same(fast, slow) and fast_counts == slow_counts
    assert whoosh_patched and same(whoosh_patched, whoosh_own)


def run_python(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, cwd=REPO, check=True,
    )  # fmt: skip
    return proc.stdout


def test_importing_patches_nothing_opening_a_library_does(tmp_path):
    out = run_python(f"""
        from whoosh.codec import whoosh3
        own = whoosh3.W3LeafMatcher._goto
        from desktop.core.library.library import Library
        print(whoosh3.W3LeafMatcher._goto is own)
        Library.open({str(tmp_path / "lib")!r}).close()
        print(whoosh3.W3LeafMatcher._goto is own)
    """)
    assert out.split() == ["True", "False"]


@pytest.mark.parametrize(
    "change",
    [
        # Whoosh's own modules took the name when they were imported; only ours looks it up.
        "import whoosh.filedb.filetables, whoosh.formats, whoosh.index, whoosh.automata.fst\n"
        "del whoosh.system._INT_SIZE",
        "whoosh.__version__ = (2, 8, 0)",
    ],
    ids=["a private name gone", "another series"],
)
def test_another_whoosh_is_used_as_it_is_with_the_same_results(tmp_path, change):
    search = f"""
        from desktop.core.library.library import Library
        from desktop.core.search import whoosh_internals
        from desktop.core.search.options import SearchOptions
        with Library.open({str(tmp_path / "lib")!r}) as lib:
            lib.add([{str(LETTERS)!r}])
            for q in {QUERIES!r}:
                hits = lib.search(q, SearchOptions(limit=5)).hits
                print(q, [(h.id, round(h.score, 9), h.match_count) for h in hits])
            print(whoosh_internals.SUPPORTED, whoosh3.W3LeafMatcher._goto is own)
    """
    prelude = "import whoosh, whoosh.system\nfrom whoosh.codec import whoosh3\n"
    normal = run_python(prelude + "own = whoosh3.W3LeafMatcher._goto\n" + textwrap.dedent(search))
    other = run_python(
        prelude + change + "\nown = whoosh3.W3LeafMatcher._goto\n" + textwrap.dedent(search)
    )
    assert normal.splitlines()[-1] == "True False"  # patched
    assert other.splitlines()[-1] == "False True"  # left as it is
    assert other.splitlines()[:-1] == normal.splitlines()[:-1]


@pytest.mark.parametrize("chunk", [1 << 20, 7])  # 7 bytes: every key read across a chunk's end
@pytest.mark.parametrize(("field", "prefix"), [("text", b"r"), ("text", b"ver"), ("title", b""),
                                               ("text", b"zzzz"), ("text", b"\xc3")])  # fmt: skip
def test_prefix_terms_are_whooshs_own(lib, monkeypatch, chunk, field, prefix):
    monkeypatch.setattr(whoosh_internals, "_TERMS_CHUNK", chunk)
    with lib.searcher() as s:
        reader = s.reader()
        assert len(reader.leaf_readers()) >= 2
        ours = whoosh_internals.prefix_terms(reader, field, prefix)
        theirs = set(reader.expand_prefix(field, prefix))
        with whoosh_internals.whoosh_only():
            unpatched = whoosh_internals.prefix_terms(reader, field, prefix)
    assert ours == theirs == unpatched
    assert prefix == b"zzzz" or prefix == b"\xc3" or len(ours) > 3


@pytest.mark.parametrize("field", ["treaty", "datestr"])
def test_column_values_are_whooshs_own(lib, field):
    with lib.searcher() as s:
        reader = s.reader()
        assert len(reader.leaf_readers()) >= 2
        theirs = list(reader.column_reader(field, translate=True))
        ours = whoosh_internals.column_values(reader, field)
        with whoosh_internals.whoosh_only():
            unpatched = whoosh_internals.column_values(reader, field)
    assert ours == theirs == unpatched
    assert len(ours) == reader.doc_count_all() and any(ours)


@pytest.mark.parametrize("field", ["text", "title"])
def test_length_codes_are_whooshs_own(lib, field):
    """Read a column at once: the same codes as Whoosh's load(), which reads letter by letter."""
    with lib.searcher() as s:
        leaves = [leaf for leaf, _ in s.reader().leaf_readers()]
        for leaf in leaves:
            ours = whoosh_internals.length_codes(leaf, field)
            column = leaf._perdoc._cached_reader(whoosh3._lenfield(field), whoosh3.LENGTHS_COLUMN)
            assert list(ours) == list(column.load())
            assert len(ours) == leaf.doc_count_all() and any(ours)


def test_our_segment_writer_writes_the_postings_whooshs_own_writes(tmp_path, monkeypatch):
    """Four imports (the later ones merged with the small segments before, changed letters
    replaced): every term of every field has the same letters, weights and values (the
    positions) as the same imports written by Whoosh's own segment writer. The store's keys
    are left out: each write of a letter draws its own."""
    import shutil

    from desktop.core.search import segment_writer

    pristine = generate(tmp_path / "pristine", 60, huge=False)[0].parent

    def postings(root, own_writer: bool) -> dict:
        shutil.rmtree(tmp_path / "corpus", ignore_errors=True)
        shutil.copytree(pristine, tmp_path / "corpus")  # the same files at the same paths
        corpus = sorted((tmp_path / "corpus").iterdir())
        with monkeypatch.context() as m:
            if own_writer:
                m.setattr(segment_writer.whoosh_internals, "fast", lambda: False)
            with Library.open(root) as library:
                library.add(corpus[:25])
                library.add(corpus[25:])
                for path in corpus[20:24]:
                    text = path.read_text(encoding="utf-8") + "\nEen nieuwe alinea.\n"
                    path.write_text(text, encoding="utf-8")
                library.add(corpus)
                library.add([LETTERS])
                found = {}
                with library.searcher() as s:
                    reader = s.reader()
                    ids = {n: d["id"] for n, d in reader.iter_docs()}
                    for field, text in reader.all_terms():
                        if field == "key":
                            continue
                        matcher = reader.postings(field, text)
                        rows = []
                        while matcher.is_active():
                            rows.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                            matcher.next()
                        found[field, text] = sorted(rows)
                return found

    ours, whooshs = postings(tmp_path / "ours", False), postings(tmp_path / "whoosh", True)
    values = [v for rows in ours.values() for _, _, v in rows]
    assert len(ours) > 1_500 and None in values and any(values)  # with and without values
    assert ours.keys() == whooshs.keys()
    assert ours == whooshs
