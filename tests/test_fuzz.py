"""Arbitrary text, bytes and PDF layouts through the parser: only LetterError ever escapes, and every span
of a letter that comes out lies inside its text and holds what it claims to hold."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.core.ingest.parse import parse_bytes
from desktop.core.model.draft import LetterError
from desktop.core.model.letter import Letter
from tests.conftest import LETTER_2018, LETTER_2023

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
LINES = [
    line
    for letter in (LETTER_2018, LETTER_2023)
    for line in letter.read_text(encoding="utf-8").splitlines()
]
# Letter-like text: real lines in any order, with stray digits, notes and blank lines, so
# the cleaner's header, note and marker rules all get exercised, not only its empty path.
NOTE_LINES = [
    "Het INF-verdrag is door Rusland geschonden.1 Ook het",
    "CTBT staat onder druk (Kamerstuk 36 200 V, nr. 30)2, zoals de Kamer weet.",
    "1 Zie de brief over het CSE-verdrag.",
    "2 Kamerstuk 36 200-V, nr. 73.",
    "Tweede Kamer, vergaderjaar 2023–2024, 33 694, nr. 69 2",
]
letter_like = st.lists(
    st.one_of(
        st.sampled_from(LINES),
        st.sampled_from(NOTE_LINES),
        st.from_regex(r"\A\d{1,3} [A-Z][a-z ]{0,30}\.?\Z"),
        st.just(""),
        st.text(max_size=40),
    ),
    max_size=60,
).map("\n".join)
# ... and with a marker and its note somewhere in between.
with_a_note = st.tuples(letter_like, letter_like, letter_like).map(
    lambda t: f"{t[0]}\nHet INF-verdrag was van belang. 1\n{t[1]}\n\n1 Zie de brief.\n{t[2]}"
)


def check(letter: Letter) -> None:
    text = letter.text
    for block in letter.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    for note in letter.footnotes:
        assert text[note.start : note.end] == note.text
        assert text[note.ref_start : note.ref_end] == note.marker
    for mention in letter.mentions:
        assert text[mention.start : mention.end] == mention.surface
    for ref in letter.references:
        assert 0 <= ref.start < ref.end <= len(text)


def parse_or_refuse(data: bytes, name: str) -> None:
    try:
        letter = parse_bytes(data, Path(name))
    except LetterError as exc:
        # The worker turns a reader's crash into a refusal; here that is still a bug.
        assert "the reader failed" not in str(exc), str(exc)
        assert str(exc).startswith(f"{name}: ")
        return
    check(letter)


@FUZZ
@given(text=st.one_of(st.text(), letter_like, with_a_note))
def test_any_text_as_a_text_letter(text):
    parse_or_refuse(text.encode("utf-8"), "fuzz.txt")


@pytest.mark.parametrize("name", ["fuzz.txt", "fuzz.xml", "fuzz.html"])
@FUZZ
@given(data=st.binary(max_size=2000))
def test_any_bytes_in_any_format(name, data):
    parse_or_refuse(data, name)


# Text that XML can hold: no control characters, no lone surrogates.
paragraphs = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=("Cc", "Cs"))), st.sampled_from(LINES)),
    max_size=12,
)


@FUZZ
@given(paragraphs=paragraphs)
def test_any_paragraphs_in_official_xml(paragraphs):
    body = "".join(f"<al>{escape(p)}</al>" for p in paragraphs)
    note = (
        "<al>Tekst<noot id='n1' type='voet'><noot.nr>1</noot.nr><noot.al>Zie.</noot.al></noot></al>"
    )
    xml = f"<officiele-publicatie><kamerstuk><stuk>{body}{note}</stuk></kamerstuk></officiele-publicatie>"
    parse_or_refuse(xml.encode("utf-8"), "fuzz.xml")


@FUZZ
@given(paragraphs=paragraphs)
def test_any_paragraphs_in_html(paragraphs):
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = f"<html><body><div class='stuk'>{body}</div></body></html>"
    parse_or_refuse(html.encode("utf-8"), "fuzz.html")


# A page of lines in arbitrary sizes, positions and rises: the PDF layout rules on odd pages.
drawn_line = st.tuples(
    st.sampled_from(LINES + NOTE_LINES + ["1", "2", "12"]),
    st.sampled_from([6.5, 7.5, 10, 11, 14]),
    st.floats(min_value=40, max_value=800),  # baseline
    st.sampled_from([0, 0, 0, 3.5, -2]),  # rise
)


@settings(FUZZ, max_examples=40)
@given(pages=st.lists(st.lists(drawn_line, max_size=25), min_size=1, max_size=3))
def test_any_layout_as_a_pdf(tmp_path_factory, pages):
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for lines in pages:
        for text, size, y, rise in lines:
            drawn = canvas.beginText(72, y)
            drawn.setFont("Helvetica", size)
            drawn.setRise(rise)
            drawn.textOut(text)
            canvas.drawText(drawn)
        canvas.showPage()
    canvas.save()
    parse_or_refuse(path.read_bytes(), "fuzz.pdf")
