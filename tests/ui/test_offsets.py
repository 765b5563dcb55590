"""Code points to UTF-16: the one conversion, tested on text outside the BMP."""

from __future__ import annotations

import pytest

from desktop.ui.offsets import PositionMap, Utf16Index, utf16_positions


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", ["plain ascii", "café ë", "a😀b", "😀😀x🇳🇱y", "𝔘𝔫𝔦"])
def test_every_offset_maps_like_utf16_encoding(text):
    positions = utf16_positions(text, range(len(text) + 1))
    assert positions == [utf16_len(text[:i]) for i in range(len(text) + 1)]


def test_inverse_returns_the_code_point_offset():
    text = "x😀 het INF-verdrag 🙂!"
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        assert index.from_utf16(index.to_utf16(offset)) == offset


def test_position_map_places_segments_and_skips_hidden_text():
    text = "😀 Eerste alinea.\n\nTweede 🙂 alinea met INF."
    positions = PositionMap(text)
    second = text.index("Tweede")
    positions.add_segment(0, 16, 0, 0)  # "😀 Eerste alinea." at document position 0
    positions.add_segment(second, len(text), 30, 1)  # placed further on, in block 1
    inf = text.index("INF")
    start, end, block = positions.span_to_doc(inf, inf + 3)
    assert block == 1
    # In the second segment one emoji precedes INF: +1 UTF-16 unit.
    assert start == 30 + (inf - second) + 1 and end == start + 3
    assert positions.span_to_doc(16, 18) is None  # the blank gap between blocks is not shown
    assert positions.to_doc(1) == 2  # after the first emoji
    assert positions.from_doc(start) == inf


def test_spans_to_doc_converts_a_whole_list_in_order():
    text = "😀ab😀cd"
    positions = PositionMap(text)
    positions.add_segment(0, len(text), 5, 0)
    spans = positions.spans_to_doc([(1, 3), (4, 6), (0, 1)])
    assert spans == [(7, 9, 0), (11, 13, 0), (5, 7, 0)]
