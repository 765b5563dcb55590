"""Whoosh's segment writer, with one segment's postings kept in memory by term.

Whoosh's SegmentWriter puts every posting (field, term, letter, weight, value) in a pool that
estimates each tuple's size, writes sorted runs to temporary files past 128 MB (pickled one
by one), merges them back through a heap, and while writing the segment looks up the letter's
length in the length column for every posting. Measured on 2,000 realistic letters (one
million postings): a third of the build time went to the pool and the length look-ups.

Here the pool keeps each term's postings packed in one bytearray: no run files, no heap; the
terms are sorted once, and the postings of a term are in letter order as they came (letters
are added in order, and a merged segment's letters follow them). The length column is read
once per field. The segment's files are Whoosh's own, written by its codec from the same
calls (base.FieldWriter.add_postings): the index reads the same. An import writes one
segment per batch (desktop.core.library.write), so memory is bounded by the batch.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from desktop.core.search import whoosh_internals

Posting = tuple[str, bytes, int, float, bytes | None]  # field, term, letter, weight, value


_POSTING = struct.Struct("<IfI")  # letter, weight, the value's length
_NO_VALUE = 0xFFFFFFFF  # a merged segment's posting without a value (None, not b"")


class TermPool:
    """The postings of one segment, by (field, term); Whoosh's pool interface.

    Each term's postings go end to end into one bytearray, under a bytes key (field, a zero
    byte, term: ordered as the pair is, field names being ASCII). Python's collector walks
    every container at each full collection, with Python's lock held: a tuple of arrays and
    a list per term made millions of them (17 collections of up to 0.4 s in an import of
    2,000 letters into 10,000, the window frozen meanwhile); bytes and bytearrays it skips."""

    def __init__(self) -> None:
        self.fieldnames: set[str] = set()
        self._terms: dict[bytes, bytearray] = {}
        self._prefixes: dict[str, bytes] = {}
        self.postings = 0

    def add(self, item: Posting) -> None:
        fieldname, text, docnum, weight, value = item
        prefix = self._prefixes.get(fieldname)
        if prefix is None:
            prefix = self._prefixes[fieldname] = fieldname.encode("ascii") + b"\0"
            self.fieldnames.add(fieldname)
        key = prefix + text
        blob = self._terms.get(key)
        if blob is None:
            blob = self._terms[key] = bytearray()
        if value is None:
            blob += _POSTING.pack(docnum, weight, _NO_VALUE)
        else:
            blob += _POSTING.pack(docnum, weight, len(value))
            blob += value
        self.postings += 1

    def iter_postings(self) -> Iterator[Posting]:
        terms, head, unpack = self._terms, _POSTING.size, _POSTING.unpack_from
        for key in sorted(terms):
            field, _, text = key.partition(b"\0")
            fieldname = field.decode("ascii")
            blob, at = terms[key], 0
            while at < len(blob):
                docnum, weight, length = unpack(blob, at)
                at += head
                if length == _NO_VALUE:
                    yield fieldname, text, docnum, weight, None
                else:
                    yield fieldname, text, docnum, weight, bytes(blob[at : at + length])
                    at += length

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
