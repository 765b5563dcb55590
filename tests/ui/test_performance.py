"""Opening letters of every size works and highlights everything. How fast is measured in
the benchmark (`python -m desktop bench`, tests/perf/RESULTS.md), not asserted here: these
machines are shared and a wall-clock limit in a unit test only makes it flaky."""

from __future__ import annotations

from desktop.core.ingest.treaties import gazetteer
from desktop.core.model.letter import Block, BlockKind, Footnote, Letter, Mention
from desktop.ui.library_model import LibraryModel
from desktop.ui.reader_pane import ReaderPane

from .conftest import ID_2018, ID_2023, highlighted_spans


def open_and_paint(pane: ReaderPane, letter_id: str) -> None:
    assert pane.open_letter(letter_id)
    pane.view.viewport().repaint()  # the first screenful laid out and painted


def test_letters_open_again_and_again_alike(window):
    pane = window.panes[0]
    for letter_id in (ID_2023, ID_2018) * 3:
        open_and_paint(pane, letter_id)
        assert pane.current_id() == letter_id
        assert sum(highlighted_spans(pane.view.document()).values()) == sum(
            pane.letter.mention_counts().values()
        )


def big_letter(source: Letter, size: int = 5_000_000) -> Letter:
    """*source*'s body repeated to *size* characters, with every block, mention and a
    footnote per copy, so the document is as busy as a real long letter."""
    body_end = min(b.start for b in source.blocks if b.kind == BlockKind.NOTE)
    body = source.text[:body_end].rstrip() + "\n\n"
    copies = size // len(body)
    blocks, mentions, notes = [], [], []
    notes_text = ""
    for i in range(copies):
        shift = i * len(body)
        blocks += [
            Block(b.kind, b.start + shift, b.end + shift)
            for b in source.blocks
            if b.end <= body_end
        ]
        mentions += [
            Mention(m.treaty, m.kind, m.start + shift, m.end + shift, m.surface)
            for m in source.mentions
            if m.end <= body_end
        ]
    text = body * copies
    for i, note in enumerate(source.footnotes * 50):
        start = len(text) + len(notes_text)
        line = f"{i + 1} {note.text}"
        notes.append(
            Footnote(
                str(i + 1),
                note.text,
                note.ref_start,
                note.ref_end,
                start + len(str(i + 1)) + 1,
                start + len(line),
            )
        )
        blocks.append(Block(BlockKind.NOTE, start, start + len(line)))
        notes_text += line + "\n\n"
    return Letter("big", "", text + notes_text, source.meta, blocks, notes[:1], mentions, [])


def test_a_5_mb_letter_opens_with_every_highlight(qtbot, library):
    letter = big_letter(library.get(ID_2018))
    assert len(letter.text) >= 4_900_000
    pane = ReaderPane(lambda _id: letter, gazetteer().treaties, LibraryModel(), "pane")
    qtbot.addWidget(pane)
    pane.resize(700, 800)
    pane.show()
    qtbot.waitExposed(pane)
    open_and_paint(pane, "big")
    counts = highlighted_spans(pane.view.document())
    assert counts["INF"] == letter.mention_counts()["INF"]
