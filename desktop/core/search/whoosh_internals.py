"""Every use of Whoosh's private internals, behind one door.

Whoosh does not promise to keep its private names, so the rest of the project uses only its
public API and asks here for the few things that need more:

- posting blocks: the ranker scores a term's postings a whole block at a time (the arrays
  ``W3LeafMatcher`` reads with ``_read_ids``/``_read_weights``/``_read_values``) instead of one
  posting at a time through ``id()``/``weight()``: a word in every letter of 10,000 is
  scored in a few milliseconds instead of 27;
- length codes: BM25's per-letter length part is computed once per segment from the length
  column (``_perdoc._cached_reader``), not looked up per posting;
- three patches of Whoosh's own code, applied by :func:`apply` (``Library.open`` calls it;
  importing this module changes nothing):
  ``W3PerDocReader._cached_reader`` caches a length column reader only when the column
  exists; for fields without lengths (ID, KEYWORD) it asks the file system again for every
  posting while a segment is written: 360 stat() calls per letter, a sixth of the build
  time. The patch caches the negative answer too (segments are immutable once written).
  ``W3LeafMatcher._goto`` unpickles each posting block's header straight from the file:
  through a compound file without mmap that is some twenty read() calls a block, a fifth of
  a search at 10,000 letters. ``W3PostingsWriter._write_block`` compresses a posting block
  only when it is large enough to gain (WRITE_COMPRESSED_FROM bytes): Whoosh's own comment
  says so, but its code compresses every block, and zlib takes 50 us for a term's block of
  one posting, which comes out longer than it went in (a fifth of an import's time, measured
  on 2,000 realistic letters; most terms of a real library's long tail are in one letter).
  The block's header says whether it is compressed, so Whoosh's own reader reads either. The
  block is pickled with the highest protocol, not Whoosh's protocol 2, which writes each
  posting's value (a word's positions) as a call of _codecs.encode: a block of 128 values
  took 4.5 KB and 70 us to read back, now 2.2 KB and 8 us (pickle.loads reads any protocol,
  so Whoosh's own reader too).
  The patch of ``_goto`` reads the header in one piece; a header longer than
  that piece (none is) takes Whoosh's own way.

At import this module checks that Whoosh is of the 2.7 series (whose codec these read) and
has every private name used here. If not, :data:`SUPPORTED` is False: nothing is patched and
the ranker scores through Whoosh's own matchers, slower but with the same results.
``tests/test_whoosh_internals.py`` holds the patched and the unpatched Whoosh to the same
scores and order.
"""

from __future__ import annotations

import io
import pickle
import sys
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import accumulate

import whoosh
from whoosh import columns, fields, system
from whoosh.codec import whoosh3
from whoosh.filedb import filetables
from whoosh.util.numeric import byte_to_length, length_to_byte

WHOOSH_SERIES = (2, 7)
_HEADER_READ = 128  # bytes: a block header is an int and a pickled 6-tuple, about 40
_MISSING = object()
WRITE_COMPRESSED_FROM = 256  # bytes of a pickled posting block
_PRIVATE = {  # what this module reads or replaces, by owner
    whoosh3.W3LeafMatcher: ("_goto", "_read_ids", "_read_weights", "_read_values", "_next_block"),
    whoosh3.W3PerDocReader: ("_cached_reader",),
    # and the attributes its __init__ sets, which _write_block uses: _blockcount, _postfile,
    # _terminfo, _compression, _ids, _maxweight, _minlength, _maxlength
    whoosh3.W3PostingsWriter: (
        "_write_block", "_mini_ids", "_mini_weights", "_mini_values", "_new_block"
    ),
    whoosh3: ("_lenfield", "LENGTHS_COLUMN", "WHOOSH3_HEADER_MAGIC"),
    whoosh3.W3TermsReader: ("_tindex", "_keycoder"),
    filetables: ("_lengths",),
    filetables.OrderedHashReader: ("closest_key_pos",),
    columns.VarBytesColumn.Reader: ("_dbfile", "_basepos", "_offsets", "_lengths"),
    system: ("_INT_SIZE", "unpack_int"),
}  # fmt: skip


# Instance attributes, set by a reader's __init__: read with getattr where used, Whoosh's own
# way taken when one is missing.
_SET_IN_INIT = {"_tindex", "_dbfile", "_basepos", "_offsets", "_lengths"}


def _private_names_present() -> bool:
    return all(
        hasattr(owner, name) or name in _SET_IN_INIT
        for owner, names in _PRIVATE.items()
        for name in names
    )


SUPPORTED: bool = tuple(whoosh.__version__[:2]) == WHOOSH_SERIES and _private_names_present()


class _State:
    """Whether the fast paths are in use, and whether Whoosh's own code is patched."""

    fast = SUPPORTED
    patched = False


_PATCHED = (  # (owner, name): replaced by this module's function of the same name
    (whoosh3.W3PerDocReader, "_cached_reader"),
    (whoosh3.W3LeafMatcher, "_goto"),
    (whoosh3.W3PostingsWriter, "_write_block"),
)
_WHOOSH_OWN = {name: getattr(owner, name) for owner, name in _PATCHED} if SUPPORTED else {}


def apply() -> None:
    """Patch Whoosh's length-column cache, block-header reads and block writes (once; no-op
    when this Whoosh is not the one the patches were written for)."""
    if not _State.fast or _State.patched:
        return
    for owner, name in _PATCHED:
        setattr(owner, name, globals()[name])
    _State.patched = True


def fast() -> bool:
    """Whether the ranker may read posting blocks and length codes itself."""
    return _State.fast


@contextmanager
def whoosh_only() -> Iterator[None]:
    """Whoosh's own code within: patches taken out, the ranker on Whoosh's matchers."""
    was_fast, was_patched = _State.fast, _State.patched
    if was_patched:
        for owner, name in _PATCHED:
            setattr(owner, name, _WHOOSH_OWN[name])
    _State.fast = _State.patched = False
    try:
        yield
    finally:
        _State.fast = was_fast
        if was_patched:
            apply()


# -- what the ranker reads -------------------------------------------------------------------


def posting_blocks(
    matcher, values: bool = False
) -> Iterator[tuple[Sequence[int], Sequence[float], Sequence[bytes]]]:
    """(ids, weights, encoded values) of a leaf matcher, the values only when asked (else
    empty): a block at a time where the fast path is on, else one posting at a time through
    the public API."""
    if matcher is None:
        return
    if _State.fast and isinstance(matcher, whoosh3.W3LeafMatcher):
        while matcher.is_active():
            _read_ids(matcher)
            matcher._read_weights()
            if values:
                matcher._read_values()
            yield matcher._ids, matcher._weights, matcher._values if values else ()
            matcher._next_block()
        return
    while matcher.is_active():
        yield [matcher.id()], [matcher.weight()], [matcher.value()] if values else ()
        matcher.next()


def _read_ids(matcher) -> None:
    """W3LeafMatcher._read_ids, the ids' gaps summed by itertools.accumulate: Whoosh's
    delta_decode is a generator, a Python step per posting."""
    if matcher._data is None:
        matcher._read_data()
    ids = matcher._data[0]
    matcher._ids = ids if matcher._byteids else tuple(accumulate(ids))


def values_at(matcher, docs: Sequence[int]) -> Iterator[tuple[int, bytes]]:
    """(letter, encoded value) of those of *docs* (ascending) in a leaf matcher's postings.
    On the fast path a block that holds none of them is passed by its header, unread, and a
    block that does is read once; else through the public API, posting by posting."""
    if matcher is None:
        return
    if not (_State.fast and isinstance(matcher, whoosh3.W3LeafMatcher)):
        yield from _values_one_by_one(matcher, docs)
        return
    i = 0
    while i < len(docs) and matcher.is_active():
        top = matcher.block_max_id()
        if docs[i] <= top:
            _read_ids(matcher)
            matcher._read_values()
            ids, values = matcher._ids, matcher._values
            end = bisect_right(docs, top, i)
            for d in docs[i:end]:
                k = bisect_left(ids, d)
                if ids[k] == d:
                    yield d, values[k]
            i = end
        matcher._next_block()


def _values_one_by_one(matcher, docs: Sequence[int]) -> Iterator[tuple[int, bytes]]:
    for d in docs:
        if not matcher.is_active():
            return
        matcher.skip_to(d)
        if matcher.is_active() and matcher.id() == d:
            yield d, matcher.value()


_TERMS_CHUNK = 1 << 20  # bytes of a term table read at once


def prefix_terms(reader, fieldname: str, prefix: bytes) -> set[bytes]:
    """The terms of *fieldname* that start with *prefix*. Whoosh reads a term table key by
    key, two reads of a file for each (8.6 s for the words with one initial at 10,000
    letters); here each segment's table is read a megabyte at a time from the first such
    term on."""
    found: set[bytes] = set()
    for leaf, _offset in reader.leaf_readers():
        terms = getattr(leaf, "_terms", None)
        table = getattr(terms, "_tindex", None)
        if _State.fast and isinstance(terms, whoosh3.W3TermsReader) and table is not None:
            _table_keys(table, terms._keycoder(fieldname, prefix), found)
        else:
            found.update(leaf.expand_prefix(fieldname, prefix))
    return found


def _table_keys(table, start: bytes, found: set[bytes]) -> None:
    """Add to *found* the keys of an ordered hash table that start with *start*, less its
    first two bytes (the field's number)."""
    pos = table.closest_key_pos(start)
    if pos is None:
        return
    unpack, size = filetables._lengths.unpack_from, filetables._lengths.size
    end, get, add = table.endofdata, table.dbfile.get, found.add
    buf, base = b"", pos  # buf holds the table's bytes from position base on
    while pos < end:
        at = pos - base
        if at + size > len(buf):
            buf, base, at = get(pos, min(max(_TERMS_CHUNK, size), end - pos)), pos, 0
        keylen, datalen = unpack(buf, at)
        at += size
        if at + keylen > len(buf):
            buf, base = get(pos, max(_TERMS_CHUNK, size + keylen)), pos
            at = size
        key = buf[at : at + keylen]
        if not key.startswith(start):
            return
        add(key[2:])
        pos += size + keylen + datalen


def column_values(reader, fieldname: str) -> list:
    """Every letter's value in the column of a sortable field, as the field gives it
    (translated), in letter order. Whoosh reads a column of variable-length values one read
    of the file per letter (0.3 s for two columns at 10,000 letters, most of a first
    search); here each segment's column is read at once and cut."""
    field = reader.schema[fieldname]
    values: list = []
    for leaf, _offset in reader.leaf_readers():
        raw = leaf.column_reader(fieldname, translate=False)
        offsets, lengths = getattr(raw, "_offsets", ()), getattr(raw, "_lengths", ())
        if _State.fast and type(raw) is columns.VarBytesColumn.Reader and len(lengths):
            size = max(o + n for o, n in zip(offsets, lengths, strict=True))
            data = raw._dbfile.get(raw._basepos, size) if size else b""
            cut = (data[o : o + n] for o, n in zip(offsets, lengths, strict=True))
            values.extend(map(_translation(field), cut))
        else:
            values.extend(map(field.from_column_value, raw))
    return values


def _translation(field):
    """How *field* turns a column's bytes into its value: a text field's is UTF-8, decoded
    here without the two calls per letter Whoosh's own way takes (0.2 s at 100,000)."""
    own = type(field).from_column_value is fields.FieldType.from_column_value
    if own and type(field).from_bytes is fields.FieldType.from_bytes:
        return bytes.decode  # strict UTF-8, as utf8decode
    return field.from_column_value


def length_codes(reader, fieldname: str) -> Sequence[int]:
    """The one-byte length code of *fieldname* for each letter of a segment (fast path only;
    letters past the end of the column have none)."""
    return segment_length_codes(reader._perdoc, fieldname) or []


def segment_length_codes(perdoc, fieldname: str) -> Sequence[int] | None:
    """The length codes of *fieldname* from a segment's per-document reader (also one being
    written, segment_writer.py), or None when the field keeps no lengths."""
    column = perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    return _numbers(column) if column is not None else None


def _numbers(column) -> Sequence[int]:
    """A numeric column's values, read at once: Whoosh's load() reads the file once per
    letter (0.6 s for a first search's length columns at 100,000 letters)."""
    if _State.fast and type(column) is columns.NumericColumn.Reader:
        numbers, width, count = array(column._typecode), column._fixedlen, column._count
        if numbers.itemsize == width:
            if count:
                numbers.frombytes(column._dbfile.get(column._basepos, count * width))
                if width > 1 and sys.byteorder == "little":  # Whoosh writes them big-endian
                    numbers.byteswap()
            numbers.extend([column._default] * (column._doccount - count))
            return numbers
    return column.load()


def length_of_code(code: int) -> int:
    """A length code as Whoosh scores with it: a letter in the postings has length >= 1."""
    return byte_to_length(code) if code else 1


# -- the patches ------------------------------------------------------------------------------


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def _goto(self, position):
    head = self._postfile.get(position, _HEADER_READ)
    piece = io.BytesIO(head)
    piece.seek(system._INT_SIZE)
    try:
        info = pickle.load(piece)
    except (EOFError, pickle.UnpicklingError):
        return _WHOOSH_OWN["_goto"](self, position)
    self._data = self._ids = self._weights = self._values = None
    self._i = 0
    length = system.unpack_int(head[: system._INT_SIZE])[0]
    if length < 0:  # the last block
        self._lastblock = True
        length = -length
    self._nextoffset = position + system._INT_SIZE + length
    self._dataoffset = position + piece.tell()
    (self._blocklength, self._maxid, self._maxweight, self._compression, mnlen, mxlen) = info
    self._minlength = byte_to_length(mnlen)
    self._maxlength = byte_to_length(mxlen)


def _write_block(self, last=False):
    # Whoosh's W3PostingsWriter._write_block, but for which blocks are compressed.
    if not self._blockcount:
        self._postfile.write(whoosh3.WHOOSH3_HEADER_MAGIC)
    self._terminfo.add_block(self)
    data = (self._mini_ids(), self._mini_weights(), self._mini_values())
    databytes = pickle.dumps(data, pickle.HIGHEST_PROTOCOL)
    compression = self._compression if len(databytes) >= WRITE_COMPRESSED_FROM else 0
    if compression:
        databytes = zlib.compress(databytes, compression)
    ids = self._ids
    info = (len(ids), ids[-1], self._maxweight, compression,
            length_to_byte(self._minlength), length_to_byte(self._maxlength))  # fmt: skip
    infobytes = pickle.dumps(info, 2)
    blocklength = len(infobytes) + len(databytes)
    self._postfile.write_int(-blocklength if last else blocklength)  # negative: the last
    self._postfile.write(infobytes)
    self._postfile.write(databytes)
    self._blockcount += 1
    self._new_block()
