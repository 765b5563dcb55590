"""An import commits in batches: what a batch commits is searchable and kept while the rest
of the import runs, and a failure or a rebuild never loses a committed batch."""

from __future__ import annotations

import errno
import shutil
import threading
from pathlib import Path

import pytest

from desktop.core.library import write
from desktop.core.library.library import Library, LibraryError
from desktop.core.library.meta import read_meta
from desktop.core.library.originals import Originals

BATCH = 10


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(write, "BATCH_SIZES", ())
    monkeypatch.setattr(write, "BATCH_MOST", BATCH)


def letters(folder: Path, count: int) -> list[Path]:
    """*count* letters that all say 'importtoets', each with its own number."""
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"brief-{i:03d}.txt"
        path.write_text(
            f"Den Haag, 1 mei 2020\n\nBrief nummer{i:03d} over de importtoets en het "
            "INF-verdrag.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def found(lib: Library, query: str) -> list[str]:
    from desktop.core.search.options import SearchOptions

    return sorted(h.id for h in lib.search(query, SearchOptions(limit=100)).hits)


def test_a_search_during_an_import_finds_the_letters_of_its_committed_batches(tmp_path):
    paths = letters(tmp_path / "letters", 3 * BATCH)
    first_batch = sorted(p.stem for p in paths[:BATCH])
    committed, searched = threading.Event(), threading.Event()
    counts: list[int] = []

    def batch_done(letters_committed: int) -> None:
        counts.append(letters_committed)
        if len(counts) == 1:
            committed.set()
            searched.wait(60)

    with Library.open(tmp_path / "lib") as lib:
        importer = threading.Thread(
            target=lambda: lib.add([tmp_path / "letters"], batch_done=batch_done)
        )
        importer.start()
        try:
            assert committed.wait(60)
            during = found(lib, "importtoets")
            one = found(lib, "nummer003")
            still_importing = importer.is_alive()
        finally:
            searched.set()
            importer.join()
        assert still_importing and during == first_batch and one == ["brief-003"]
        assert counts == [BATCH, 2 * BATCH, 3 * BATCH]
        assert found(lib, "importtoets") == sorted(p.stem for p in paths)


def test_a_disk_that_fills_in_a_later_batch_keeps_the_batches_before(tmp_path, monkeypatch):
    letters(tmp_path / "letters", 3 * BATCH)
    root = tmp_path / "lib"
    real, calls = Originals.put, []

    def filling(self, *args):
        calls.append(1)
        if len(calls) > BATCH + 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args)

    monkeypatch.setattr(Originals, "put", filling)
    with Library.open(root) as lib:
        with pytest.raises(LibraryError) as error:
            lib.add([tmp_path / "letters"])
        assert str(error.value) == (
            f"the import stopped: the disk is full ({root}); the 10 letters of its completed "
            "batches were saved, the rest was not"
        )
        assert len(lib) == BATCH and len(found(lib, "importtoets")) == BATCH
    monkeypatch.undo()
    with Library.open(root) as lib:
        assert lib.rebuilt_message is None and lib.store.counts() == {"live": BATCH}
        assert len(lib.originals.names()) == BATCH
        report = lib.add([tmp_path / "letters"])
        assert (report.new, report.unchanged) == (2 * BATCH, BATCH)


def test_a_rebuild_stays_pending_until_its_last_batch(tmp_path, monkeypatch):
    letters(tmp_path / "letters", 3 * BATCH)
    root = tmp_path / "lib"
    with Library.open(root) as lib:
        lib.add([tmp_path / "letters"])
    for segment in root.glob("letters_*.seg"):
        segment.write_bytes(b"damaged")
    pending: list[bool] = []
    recorded = Library._record_commit

    def record(self, finished: bool = True) -> None:
        recorded(self, finished)
        pending.append(bool(read_meta(self.root).get("rebuild_pending")))

    monkeypatch.setattr(Library, "_record_commit", record)
    with Library.open(root) as lib:
        assert lib.rebuilt_message.startswith("the library index is damaged")
        assert len(lib) == 3 * BATCH
    assert pending == [True, True, True, False]  # three full batches, then the end
    shutil.rmtree(root / "damaged")


def test_the_segments_of_batches_are_never_merged_small_ones_are(tmp_path, monkeypatch):
    """Whoosh's own policy would merge many batches of an import into one, at once and in
    memory; segments of small imports are merged as before."""
    monkeypatch.setattr(write, "MERGE_BELOW", BATCH)
    letters(tmp_path / "letters", 8 * BATCH)
    with Library.open(tmp_path / "lib") as lib:
        lib.add([tmp_path / "letters"])
        sizes = sorted(s.doc_count_all() for s in lib._ix._segments())
        assert sizes == [BATCH] * 8
        for path in letters(tmp_path / "more", 30):
            lib.add([path])
        sizes = [s.doc_count_all() for s in lib._ix._segments()]
        assert sizes.count(BATCH) >= 8 and len(sizes) < 8 + 30 // 2
        assert len(lib) == 8 * BATCH + 30
