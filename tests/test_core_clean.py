"""Cleaning beyond the bundled letters: web text, several notes, truncated letters."""

from __future__ import annotations

from desktop.core.ingest.assemble import assemble
from desktop.core.ingest.clean import clean_text
from desktop.core.ingest.parse import parse_file
from desktop.core.model.letter import BlockKind
from tests.conftest import LETTER_2023


def _letter(text: str):
    return assemble(clean_text(text), "memory.txt", "memory")


def test_web_text_keeps_one_paragraph_per_line():
    pdf = parse_file(LETTER_2023)
    body = [pdf.text[b.start : b.end] for b in pdf.blocks if b.kind is BlockKind.PARAGRAPH]
    web = _letter("\n".join(body))
    paragraphs = [web.text[b.start : b.end] for b in web.blocks]
    assert paragraphs == body
    assert web.mention_counts()["CSE"] == pdf.mention_counts()["CSE"] - 1  # heading left out


def test_web_text_signatures_stay_together():
    text = (
        "Het kabinet heeft besloten om de werking van het CSE-verdrag op te schorten, omdat de "
        "Russische Federatie zich officieel heeft teruggetrokken uit het verdrag en het kabinet "
        "van mening is dat deze terugtrekking niet zonder consequenties kan blijven.\n"
        "De Minister van Defensie,\nK.H. Ollongren\n"
    )
    letter = _letter(text)
    assert [b.kind for b in letter.blocks] == [BlockKind.PARAGRAPH, BlockKind.SIGNATURE]
    assert [(s.name, s.role) for s in letter.meta.signatories] == [
        ("K.H. Ollongren", "Minister van Defensie")
    ]


def test_two_notes_on_one_page_and_marker_glued_to_word():
    text = (
        "Den Haag, 1 maart 2024\n\n"
        "Het Verdrag inzake het Open Luchtruim (OST) is door Rusland opgezegd.1 Ook het\n"
        "CTBT staat onder druk2, zoals de Kamer weet sinds 30 oktober.\n\n"
        "1 Zie de brief van 2021.\n"
        "2 Rusland trok de ratificatie in.\n\n"
        "De Minister van Buitenlandse Zaken,\nH.G.J. Bruins Slot\n"
    )
    letter = _letter(text)
    assert [(f.marker, f.text) for f in letter.footnotes] == [
        ("1", "Zie de brief van 2021."),
        ("2", "Rusland trok de ratificatie in."),
    ]
    assert letter.text[: letter.footnotes[0].ref_end].endswith("opgezegd.1")
    assert letter.text[: letter.footnotes[1].ref_end].endswith("onder druk\u202f2")  # part 5
    assert "30 oktober" in letter.text
    assert letter.meta.date == "2024-03-01"


def test_a_numbered_line_without_a_marker_is_not_a_note():
    text = "Den Haag, 1 maart 2024\n\nDe Kamer stelde vragen.\n\n1 Inleiding\n\nHier begint het.\n"
    letter = _letter(text)
    assert letter.footnotes == []
    assert "1 Inleiding" in letter.text


def test_a_truncated_letter_is_still_a_letter():
    letter = _letter("Het INF-verdrag is meer dan dertig jaar zeer belangrijk geweest voor de")
    assert letter.meta.date is None and letter.meta.kamerstuk is None
    assert letter.mention_counts() == {"INF": 1}
    assert letter.meta.title == "INF-verdrag"


def test_vocabulary_decides_a_line_end_hyphen():
    text = "Zij spraken over de kern-\nwapentaak en de kernwapentaak.\n"
    assert "kernwapentaak en de kernwapentaak" in _letter(text).text
    text = "Zij spraken over de zee-\negel en de zee-egel.\n"
    assert "zee-egel en de zee-egel" in _letter(text).text


def test_cr_lf_and_bom_and_form_feed():
    text = "\ufeffDen Haag, 2 april 2024\r\n\r\nHet Weens Document is\r\nbelangrijk.\f\r\n"
    letter = _letter(text)
    assert letter.meta.date == "2024-04-02"
    assert "Het Weens Document is belangrijk." in letter.text
