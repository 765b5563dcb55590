"""Whoosh's segment writer, with one segment's postings kept in memory by term.

Whoosh's SegmentWriter puts every posting (field, term, letter, weight, value) in a pool that
estimates each tuple's size, writes sorted runs to temporary files past 128 MB (pickled one
by one), merges them back through a heap, and while writing the segment looks up the letter's
length in the length column for every posting. Measured on 2,000 realistic letters (one
million postings): a third of the build time went to the pool and the length look-ups.

Here the pool keeps each term's postings in arrays (letter, weight) and a list of values: no
run files, no heap; the terms are sorted once, and the postings of a term are in letter order
as they came (letters are added in order, and a merged segment's letters follow them). The
length column is read once per field. The segment's files are Whoosh's own, written by its
codec from the same calls (base.FieldWriter.add_postings): the index reads the same. An
import writes one segment per batch (desktop.core.library.write), so memory is bounded by the
batch.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from desktop.core.search import whoosh_internals

Posting = tuple[str, bytes, int, float, bytes]  # field, term, letter, weight, value


class TermPool:
    """The postings of one segment, by (field, term); Whoosh's pool interface."""

    def __init__(self) -> None:
        self.fieldnames: set[str] = set()
        self._terms: dict[tuple[str, bytes], tuple[array, array, list]] = {}
        self.postings = 0

    def add(self, item: Posting) -> None:
        fieldname, text, docnum, weight, value = item
        entry = self._terms.get((fieldname, text))
        if entry is None:
            entry = self._terms[(fieldname, text)] = (array("I"), array("f"), [])
            self.fieldnames.add(fieldname)
        entry[0].append(docnum)
        entry[1].append(weight)
        entry[2].append(value)
        self.postings += 1

    def iter_postings(self) -> Iterator[Posting]:
        terms = self._terms
        for key in sorted(terms):
            fieldname, text = key
            docnums, weights, values = terms[key]
            for docnum, weight, value in zip(docnums, weights, values, strict=True):
                yield fieldname, text, docnum, weight, value

    def cleanup(self) -> None:
        self._terms = {}
        self.postings = 0


class _Lengths:
    """The lengths of a segment's letters, read from its per-document reader at once (which
    is closed then: nothing stays open should the writing fail)."""

    def __init__(self, perdoc, fieldnames: list[str]) -> None:
        try:
            self._codes = {f: whoosh_internals.segment_length_codes(perdoc, f) for f in fieldnames}
        finally:
            perdoc.close()

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        # As W3PerDocReader.doc_field_length: *default* for a field without lengths, None
        # for a letter without a length in it.
        codes = self._codes.get(fieldname)
        if codes is None:
            return default
        code = codes[docnum] if docnum < len(codes) else 0
        return byte_to_length(code) if code else None

    def close(self) -> None:
        pass


class BatchWriter(SegmentWriter):
    """A SegmentWriter whose pool is a TermPool (Whoosh's own writer where its internals
    are not the ones this was written for)."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self.pool = TermPool()

    def per_document_reader(self):
        scored = [name for name, field in self.schema.items() if field.scorable]
        return _Lengths(super().per_document_reader(), scored)


def segment_writer(ix, **kwargs) -> SegmentWriter:
    """A writer for one segment of *ix* (one batch of an import)."""
    if whoosh_internals.fast():
        return BatchWriter(ix, **kwargs)
    return SegmentWriter(ix, **kwargs)
