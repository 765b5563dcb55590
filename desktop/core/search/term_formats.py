"""The text field's posting format: each word's positions, small and quick to decode.

The text is analysed once per letter (analysis.index_terms) and handed to Whoosh as a list of
terms; this format counts the list with one loop instead of Whoosh's Token generator and a
dict per term. Strings (Whoosh asks with them at query time) take Whoosh's own way through
the same encoding.

Whoosh's own ``Positions`` pickles each posting's list of position gaps behind a 4-byte count:
a word once in a letter costs some 12 bytes, and decoding it a call of the unpickler. Here a
posting is one type byte and the gaps as an array of 2-byte (or, where a gap is larger, 4-byte)
unsigned integers, little-endian: 3 bytes for a word once in a letter, decoded by the array
module in C. The frequency is the array's length, the weight the frequency times the field's
boost, as in Whoosh's formats, so scores are Whoosh's own.
"""

from __future__ import annotations

import sys
from array import array
from itertools import accumulate

from whoosh.formats import Positions

_NARROW, _WIDE = "H", "I"
_WIDTHS = {ord(_NARROW): 2, ord(_WIDE): 4}
_NARROW_CODE = ord(_NARROW)
_SWAP = sys.byteorder == "big"  # the encoding is little-endian wherever the index is read
# Most words are once in a letter, early in it: their values, made once.
_ONCE = [_NARROW.encode("ascii") + p.to_bytes(2, "little") for p in range(4096)]


class TermPositions(Positions):
    def word_values(self, value, analyzer, **kwargs):
        if not isinstance(value, list):
            return super().word_values(value, analyzer, **kwargs)
        positions: dict[str, list[int]] = {}
        for position, term in enumerate(value):
            if (found := positions.get(term)) is None:
                positions[term] = [position]
            else:
                found.append(position)
        boost, encode = self.field_boost, self.encode
        return [(t, len(p), len(p) * boost, encode(p)) for t, p in positions.items()]

    def encode(self, poslist):
        if len(poslist) == 1 and poslist[0] < len(_ONCE):
            return _ONCE[poslist[0]]
        gaps = [poslist[0], *(b - a for a, b in zip(poslist, poslist[1:], strict=False))]
        code = _NARROW if max(gaps) < 0x10000 else _WIDE
        packed = array(code, gaps)
        if _SWAP:
            packed.byteswap()
        return code.encode("ascii") + packed.tobytes()

    def decode_positions(self, valuestring):
        if len(valuestring) == 3 and valuestring[0] == _NARROW_CODE:  # once in the letter
            return [valuestring[1] | valuestring[2] << 8]
        gaps = array(chr(valuestring[0]), valuestring[1:])
        if _SWAP:
            gaps.byteswap()
        return list(accumulate(gaps))

    def adjacent(self, first: bytes, second: bytes) -> bool:
        """Whether a position of *second* directly follows one of *first* (two encoded
        values): a two-word phrase. Two words once in the letter are compared as they are."""
        if len(first) == 3 == len(second) and first[0] == _NARROW_CODE == second[0]:
            return (second[1] | second[2] << 8) == (first[1] | first[2] << 8) + 1
        return not set(self.decode_positions(first)).isdisjoint(
            [p - 1 for p in self.decode_positions(second)]
        )

    def decode_frequency(self, valuestring):
        return (len(valuestring) - 1) // _WIDTHS[valuestring[0]]

    def decode_weight(self, valuestring):
        return self.decode_frequency(valuestring) * self.field_boost
