"""Golden files: the rendered bundled letters, block by block with every decorated span, so a
change in rendering shows as a reviewable diff. Regenerate with KAMERBRIEF_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat, QTextDocument

from desktop.core.ingest.treaties import gazetteer
from desktop.ui.letter_document import (
    BLOCK_KIND_PROPERTY,
    FOOTNOTE_PROPERTY,
    HIT_PROPERTY,
    MENTION_KIND_PROPERTY,
    TREATY_PROPERTY,
    LetterDocument,
    reading_font,
)
from desktop.ui.theme import LIGHT

from .conftest import ID_2018, ID_2023

GOLDEN = Path(__file__).parent / "golden"


def describe(fmt: QTextCharFormat) -> str:
    parts = []
    if fmt.property(TREATY_PROPERTY):
        parts.append(f"{fmt.property(TREATY_PROPERTY)}/{fmt.property(MENTION_KIND_PROPERTY)}")
    if fmt.property(FOOTNOTE_PROPERTY):
        parts.append(f"footnote {fmt.property(FOOTNOTE_PROPERTY)}")
    if fmt.property(HIT_PROPERTY):
        parts.append("hit")
    if fmt.isAnchor():
        parts.append(f"link {fmt.anchorHref()}")
    if fmt.background().style().value:
        parts.append(f"bg {fmt.background().color().name()}")
    if fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline:
        parts.append(f"underline {fmt.underlineStyle().name} {fmt.underlineColor().name()}")
    if fmt.fontWeight() >= 600:
        parts.append("bold")
    if fmt.verticalAlignment() == fmt.VerticalAlignment.AlignSuperScript:
        parts.append("superscript")
    return ", ".join(parts)


def dump(document: QTextDocument) -> str:
    lines = []
    block = document.begin()
    while block.isValid():
        kind = block.blockFormat().property(BLOCK_KIND_PROPERTY) or "-"
        lines.append(f"[{kind}] {block.text()[:60]!r}")
        for item in block:
            fragment = item.fragment()
            described = describe(fragment.charFormat())
            if described:
                lines.append(
                    f"    {fragment.position()}+{fragment.length()} "
                    f"{fragment.text()!r}: {described}"
                )
        block = block.next()
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("letter_id", [ID_2018, ID_2023])
def test_rendering_matches_the_reviewed_golden_file(qtbot, library, letter_id):
    letter = library.get(letter_id)
    rendered = LetterDocument(letter, gazetteer().treaties, LIGHT, reading_font(12))
    rendered.set_hits([(m.start, m.start + 7) for m in letter.mentions[:2]])
    actual = dump(rendered.document)
    golden = GOLDEN / f"{letter_id}.txt"
    if os.environ.get("KAMERBRIEF_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
