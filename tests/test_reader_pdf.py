"""The PDF reader on PDFs made at test time from the bundled letters with reportlab.

The bundled text letters keep the line breaks of their PDFs, so a PDF drawn from them line by
line (body in 10 pt, footnote bodies in 7.5 pt at the page bottom, markers raised and smaller,
a page footer below the notes) must parse to the same letter as the text: same text (whitespace
aside), same footnotes, same mentions, same metadata.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdfium2 import PdfDocument
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.core.ingest.clean import PAGE_FOOTER_RE
from desktop.core.ingest.parse import parse_bytes, parse_file
from desktop.core.model.draft import LetterError
from desktop.core.model.letter import BlockKind, Letter
from tests.conftest import DATA, LETTER_2018, LETTER_2023

FOOTER_2023 = "Tweede Kamer, vergaderjaar 2023–2024, 33 694, nr. 69"
MARKERS_2018 = {"1": "Rusland was. 1"}  # the marker as the text letter holds it
MARKERS_2023 = {"1": "nr. 30)1"}

# -- making PDFs -----------------------------------------------------------------------------


@dataclass
class Style:
    font: str = "Helvetica"
    size: float = 10
    leading: float = 13
    note_size: float = 7.5
    note_leading: float = 9
    lines_per_page: int = 48  # body lines and blank lines; the rest is notes and footer
    footer: str | None = None  # "{page}" is replaced by the page number
    running_header: str | None = None  # on top of every page
    space_before_marker: bool = False  # "Rusland was. ¹": a space written before the marker


@dataclass
class _Source:
    """A text letter split for drawing: body lines (None: blank line) and note bodies."""

    body: list[list[tuple[str, bool]] | None] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    note_lines: dict[str, int] = field(default_factory=dict)  # marker -> body line index


def letter_pdf(path: Path, text: str, markers: dict[str, str], style: Style | None = None) -> Path:
    """Draw a text letter as a PDF at its own line breaks; return *path*."""
    style = style or Style()
    source = _split_source(text, markers, style)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    pages = _paginate(source, style)
    for number, (first, last) in enumerate(pages, start=1):
        _draw_page(canvas, source, style, first, last, number)
        canvas.showPage()
    canvas.save()
    return path


def _split_source(text: str, markers: dict[str, str], style: Style | None = None) -> _Source:
    style = style or Style()
    source = _Source()
    lines = text.replace("\r\n", "\n").split("\n")
    expected, i, dropped = 1, 0, False
    while i < len(lines):
        raw = lines[i]
        start = re.match(r"^(\d{1,2}) (.*)$", raw.strip())
        if PAGE_FOOTER_RE.match(raw.strip()):
            i, dropped = i + 1, _drop_trailing_blanks(source)
        elif start and start.group(1) == str(expected) and start.group(1) in markers:
            i = _take_note(lines, i, start.group(1), start.group(2), source)
            expected, dropped = expected + 1, _drop_trailing_blanks(source)
        elif not raw.strip():
            if not dropped:
                source.body.append(None)
            i += 1
        else:
            dropped = False
            source.body.append(_segments(raw.strip(), markers, source, style))
            i += 1
    _drop_trailing_blanks(source)
    return source


def _take_note(lines: list[str], i: int, marker: str, first: str, source: _Source) -> int:
    body = [first.strip()]
    i += 1
    while i < len(lines) and lines[i].strip() and not lines[i].startswith(" "):
        body.append(lines[i].strip())
        i += 1
    source.notes[marker] = body
    return i


def _drop_trailing_blanks(source: _Source) -> bool:
    """A note or footer stood inside a sentence that goes on: no paragraph break there."""
    while source.body and source.body[-1] is None:
        source.body.pop()
    return True


def _segments(
    line: str, markers: dict[str, str], source: _Source, style: Style
) -> list[tuple[str, bool]]:
    for marker, held in markers.items():
        if held in line and marker not in source.note_lines:
            before, after = line.split(held, 1)
            source.note_lines[marker] = len(source.body)
            head = before + held[: -len(marker)]
            head = head if style.space_before_marker else head.rstrip()
            return [(head, False), (marker, True), (after.rstrip(), False)]
    return [(line, False)]


def _paginate(source: _Source, style: Style) -> list[tuple[int, int]]:
    pages, first = [], 0
    while first < len(source.body):
        while first < len(source.body) and source.body[first] is None:
            first += 1
        last = min(first + style.lines_per_page, len(source.body))
        pages.append((first, last))
        first = last
    return pages


def _draw_page(canvas: Canvas, source: _Source, style: Style, first: int, last: int, page: int):
    top = A4[1] - 72
    if style.running_header:
        canvas.setFont(style.font, style.note_size)
        canvas.drawString(72, A4[1] - 40, style.running_header)
    y = top
    for line in source.body[first:last]:
        if line is not None:
            _draw_line(canvas, line, style, y)
        y -= style.leading
    notes = [m for m, at in source.note_lines.items() if first <= at < last and m in source.notes]
    top_of_notes = _draw_notes(canvas, [source.notes[m] for m in notes], notes, style)
    assert y > top_of_notes, "the body runs into the notes: fewer lines_per_page"
    if style.footer:
        canvas.setFont(style.font, style.note_size)
        canvas.drawString(72, 40, style.footer.replace("{page}", ""))
        canvas.drawRightString(A4[0] - 72, 40, str(page))


def _draw_line(canvas: Canvas, line: list[tuple[str, bool]], style: Style, y: float) -> None:
    text = canvas.beginText(72, y)
    for piece, raised in line:
        if raised:
            text.setFont(style.font, style.size * 0.65)
            text.setRise(style.size * 0.35)
            text.textOut(piece)
            text.setRise(0)
        else:
            text.setFont(style.font, style.size)
            text.textOut(piece)
    canvas.drawText(text)


def _draw_notes(canvas: Canvas, bodies: list[list[str]], markers: list[str], style: Style) -> float:
    """Draw the notes above the footer; return the top of the first note."""
    count = sum(len(b) for b in bodies)
    y = top = 56 + count * style.note_leading
    canvas.setFont(style.font, style.note_size)
    for marker, body in zip(markers, bodies, strict=True):
        canvas.drawString(72, y, marker)
        for line in body:
            canvas.drawString(72 + stringWidth("00 ", style.font, style.note_size), y, line)
            y -= style.note_leading
    return top + style.note_size


# -- comparing letters -----------------------------------------------------------------------


def words(text: str) -> str:
    return " ".join(text.split())


def blocks(letter: Letter) -> list[tuple[str, str]]:
    return [(b.kind, words(letter.text[b.start : b.end])) for b in letter.blocks]


def assert_same_letter(pdf: Letter, txt: Letter) -> None:
    assert words(pdf.text) == words(txt.text)
    assert blocks(pdf) == blocks(txt)  # the same paragraphs, headings and signatures
    assert [(f.marker, f.text) for f in pdf.footnotes] == [
        (f.marker, f.text) for f in txt.footnotes
    ]
    for a, b in zip(pdf.footnotes, txt.footnotes, strict=True):
        assert pdf.text[a.ref_start : a.ref_end] == a.marker
        assert words(pdf.text[: a.ref_end])[-40:] == words(txt.text[: b.ref_end])[-40:]
    assert pdf.mention_counts() == txt.mention_counts()
    for attr in ("date", "kamerstuk", "vergaderjaar", "addressee", "signatories", "title"):
        assert getattr(pdf.meta, attr) == getattr(txt.meta, attr), attr


def _parse_pdf(path: Path) -> Letter:
    return parse_bytes(path.read_bytes(), path)


# -- the bundled letters as PDFs -------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pdf")


def test_2023_letter_as_pdf_reads_like_the_text(pdf_dir):
    text = LETTER_2023.read_text(encoding="utf-8")
    path = letter_pdf(pdf_dir / "kst.pdf", text, MARKERS_2023, Style(footer=FOOTER_2023))
    assert_same_letter(_parse_pdf(path), parse_file(LETTER_2023))


@pytest.mark.parametrize("font", ["Helvetica", "Times-Roman"])
def test_2018_letter_as_pdf_reads_like_the_text(pdf_dir, font):
    text = LETTER_2018.read_text(encoding="utf-8")
    style = Style(font=font, size=11, leading=14, lines_per_page=44, footer="Pagina {page}",
                  running_header="Ministerie van Buitenlandse Zaken")  # fmt: skip
    path = letter_pdf(pdf_dir / f"inf-{font}.pdf", text, MARKERS_2018, style)
    letter = _parse_pdf(path)
    assert_same_letter(letter, parse_file(LETTER_2018))
    assert "Ministerie" not in letter.text and "Pagina" not in letter.text  # furniture


def test_a_letter_without_footnotes(pdf_dir):
    text = LETTER_2018.read_text(encoding="utf-8")
    text = re.sub(r"\n1 President.*?begaan heeft\.\n", "\n", text, flags=re.S)
    text = text.replace("Rusland was. 1", "Rusland was.")
    plain = pdf_dir / "no-notes.txt"
    plain.write_text(text, encoding="utf-8")
    path = letter_pdf(pdf_dir / "no-notes.pdf", text, {}, Style(footer="Pagina {page}"))
    letter = _parse_pdf(path)
    assert letter.footnotes == []
    assert_same_letter(letter, parse_file(plain))


def test_a_sentence_and_a_word_run_across_the_page_break(pdf_dir):
    # Page 1 ends in "... dat het Ameri-", page 2 goes on with "kaanse geduld opraakt."
    text = LETTER_2018.read_text(encoding="utf-8")
    path = letter_pdf(pdf_dir / "break.pdf", text, MARKERS_2018, Style(lines_per_page=51))
    assert len(PdfDocument(path)) == 2
    letter = _parse_pdf(path)
    assert_same_letter(letter, parse_file(LETTER_2018))
    block = next(b for b in letter.blocks if "Amerikaanse geduld" in letter.text[b.start : b.end])
    assert letter.text[block.start : block.end].startswith("Nu de Russische schending")
    assert letter.text[block.start : block.end].endswith("Daarvoor is Rusland aan zet.")


def test_a_heading_at_the_foot_of_a_page_stays_a_heading(pdf_dir):
    text = LETTER_2023.read_text(encoding="utf-8")
    heading = "Euro-Atlantische wapenbeheersingsarchitectuur"
    source = _split_source(text, MARKERS_2023, Style())
    at = next(i for i, line in enumerate(source.body) if line and line[0][0] == heading)
    style = Style(size=9, leading=10.5, footer=FOOTER_2023, lines_per_page=at + 1)  # it ends p. 1
    letter = _parse_pdf(letter_pdf(pdf_dir / "heading.pdf", text, MARKERS_2023, style))
    assert (BlockKind.HEADING, heading) in blocks(letter)
    assert_same_letter(letter, parse_file(LETTER_2023))


def test_raised_digits_without_a_note_stay_text(tmp_path):
    canvas = Canvas(str(tmp_path / "km2.pdf"), pagesize=A4)
    _draw_line(canvas, [("Een gebied van 500 km", False), ("2", True), (" is groot.", False)],
               Style(), 700)  # fmt: skip
    canvas.save()
    letter = _parse_pdf(tmp_path / "km2.pdf")
    assert "500 km2 is groot." in letter.text and letter.footnotes == []


def test_an_accent_drawn_over_a_letter_joins_it_and_one_set_apart_stays(tmp_path):
    canvas = Canvas(str(tmp_path / "accent.pdf"), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 700, "Het lid Kostic")
    over = 72 + stringWidth("Het lid Kosti", "Helvetica", 10) + 0.5  # over the c, as typeset
    canvas.drawString(over, 700, "´")
    canvas.drawString(72, 680, "Don´t panic.")
    canvas.save()
    text = _parse_pdf(tmp_path / "accent.pdf").text
    assert "Het lid Kostić" in text and "Don´t panic." in text


def test_two_signatures_side_by_side_are_read_one_after_the_other(tmp_path):
    canvas = Canvas(str(tmp_path / "signed.pdf"), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 752, "Geachte voorzitter,")
    for k in range(5):
        canvas.drawString(72, 726 - 13 * k, f"Met deze brief in vijf regels, dit is regel {k + 1},")
    canvas.drawString(72, 648, "Hoogachtend,")
    rows = [("de minister van Volksgezondheid,", "de staatssecretaris van Volksgezondheid,"),
            ("Welzijn en Sport,", "Welzijn en Sport,"), None, None, None,
            ("A. Eerste", "B.C. van Tweede")]  # fmt: skip
    for k, row in enumerate(rows):
        if row:
            canvas.drawString(72, 622 - 13 * k, row[0])
            canvas.drawString(320, 622 - 13 * k, row[1])
    canvas.save()
    letter = _parse_pdf(tmp_path / "signed.pdf")
    assert [(s.name, s.role) for s in letter.meta.signatories] == [
        ("A. Eerste", "Minister van Volksgezondheid, Welzijn en Sport"),
        ("B.C. van Tweede", "Staatssecretaris van Volksgezondheid, Welzijn en Sport"),
    ]


def test_a_note_that_runs_on_to_the_next_page(tmp_path):
    style = Style()
    canvas = Canvas(str(tmp_path / "long-note.pdf"), pagesize=A4)
    _draw_line(canvas, [("Den Haag, 1 maart 2024", False)], style, 770)
    _draw_line(canvas, [("Het INF-verdrag is van belang.", False), ("1", True)], style, 744)
    _draw_notes(canvas, [["President Poetin noemde het verdrag"]], ["1"], style)
    canvas.showPage()
    _draw_line(canvas, [("Nederland blijft zich inzetten.", False)], style, 770)
    _draw_notes(canvas, [["«achterhaald» in 2007."]], [""], style)
    canvas.save()
    letter = _parse_pdf(tmp_path / "long-note.pdf")
    assert [(f.marker, f.text) for f in letter.footnotes] == [
        ("1", "President Poetin noemde het verdrag «achterhaald» in 2007.")
    ]
    assert words(letter.text).startswith(
        "Den Haag, 1 maart 2024 Het INF-verdrag is van belang.1 Nederland blijft zich inzetten."
    )


def test_a_pdf_saved_with_a_text_name_is_read_as_pdf(pdf_dir, tmp_path):
    text = LETTER_2023.read_text(encoding="utf-8")
    pdf = letter_pdf(pdf_dir / "kst-as-txt.pdf", text, MARKERS_2023, Style(footer=FOOTER_2023))
    disguised = tmp_path / "kst.txt"
    disguised.write_bytes(pdf.read_bytes())
    assert_same_letter(parse_file(disguised), parse_file(LETTER_2023))


def test_a_pdf_without_text_is_refused(tmp_path):
    canvas = Canvas(str(tmp_path / "scan.pdf"), pagesize=A4)
    canvas.rect(72, 72, 300, 500, fill=1)
    canvas.save()
    with pytest.raises(LetterError, match="scan.pdf: no text in the PDF"):
        _parse_pdf(tmp_path / "scan.pdf")


# -- one letter in every format --------------------------------------------------------------


def test_xml_html_pdf_and_text_of_one_letter_read_the_same(pdf_dir):
    text = LETTER_2023.read_text(encoding="utf-8")
    pdf = letter_pdf(pdf_dir / "kst-69.pdf", text, MARKERS_2023, Style(footer=FOOTER_2023))
    letters = [parse_file(p) for p in (LETTER_2023, DATA / "kst-33694-69.xml",
                                        DATA / "kst-33694-69.html", pdf)]  # fmt: skip
    reference = letters[0]
    for letter in letters[1:]:
        assert words(letter.text) == words(reference.text), letter.source
        assert [(f.marker, f.text) for f in letter.footnotes] == [
            ("1", "Kamerstuk 36 200-V, nr. 73.")
        ]
        assert letter.mention_counts() == reference.mention_counts(), letter.source
        assert (letter.meta.date, letter.meta.kamerstuk) == (
            reference.meta.date,
            reference.meta.kamerstuk,
        )
        assert [s.name for s in letter.meta.signatories] == ["H.G.J. Bruins Slot", "K.H. Ollongren"]


# -- the ministry letter template ------------------------------------------------------------

COLUMN = ["Ministerie van Buitenlandse Zaken", "", "Rijnstraat 8", "2515 XP Den Haag",
          "Postbus 20061", "Nederland", "www.rijksoverheid.nl", "", "Ons kenmerk",
          "DVB/NW-218/18", "", "Datum", "27 november 2018", "", "Bijlage(n)", "1"]  # fmt: skip
LATER_COLUMN = ["Ministerie van Buitenlandse Zaken", "", "Ons kenmerk", "DVB/NW-218/18"]
SUBJECT = "Het INF-verdrag en de Russische schending ervan"


def ministry_letter_pdf(path: Path, text: str, column: list[str] = COLUMN) -> Path:
    """The 2018 letter as a ministry sends it: the colophon column on the right of every
    page, a return address and a Betreft line above the letter, room for the handwritten
    signature between each role and name, and "Pagina x van y" at the foot of the column."""
    style = Style(size=10, leading=13, lines_per_page=44, space_before_marker=True)
    source = _split_source(text, MARKERS_2018, style)
    source.body = _signature_room(source.body)
    pages = _paginate(source, style)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for number, (first, last) in enumerate(pages, start=1):
        _draw_column(canvas, column if number == 1 else LATER_COLUMN, number, len(pages))
        if number == 1:
            _draw_letterhead(canvas, style)
        _draw_page(canvas, source, style, first, last, number)
        canvas.showPage()
    canvas.save()
    return path


def _signature_room(body: list) -> list:
    out = []
    for line in body:
        out.append(line)
        if line and line[0][0].startswith("De Minister van") and line[0][0].endswith(","):
            out.extend([None, None, None])  # the handwritten signature goes here
    return out


def _draw_column(canvas: Canvas, lines: list[str], page: int, pages: int) -> None:
    y = A4[1] - 100
    for line in lines:
        canvas.setFont("Helvetica-Bold" if line.startswith("Minist") else "Helvetica", 7)
        canvas.drawString(460, y, line)
        y -= 9
    canvas.setFont("Helvetica", 7)
    canvas.drawString(460, 40, f"Pagina {page} van {pages}")


def _draw_letterhead(canvas: Canvas, style: Style) -> None:
    """Above the letter's first line: the return address in small print, and the subject
    after its label and a tab."""
    canvas.setFont(style.font, 7)
    canvas.drawString(72, A4[1] - 40, "> Retouradres Postbus 20061 2500 EB Den Haag")
    canvas.setFont(style.font, style.size)
    canvas.drawString(72, A4[1] - 58, "Betreft")
    canvas.drawString(140, A4[1] - 58, SUBJECT)


def test_the_2018_letter_in_the_ministry_template_reads_like_the_text(pdf_dir):
    path = ministry_letter_pdf(pdf_dir / "ministry.pdf", LETTER_2018.read_text(encoding="utf-8"))
    letter, text_letter = _parse_pdf(path), parse_file(LETTER_2018)
    assert words(letter.text) == words(text_letter.text)
    assert blocks(letter) == blocks(text_letter)
    assert [(m.treaty, m.surface) for m in letter.mentions] == [
        (m.treaty, m.surface) for m in text_letter.mentions
    ]
    for attr in ("date", "kamerstuk", "vergaderjaar", "addressee", "signatories"):
        assert getattr(letter.meta, attr) == getattr(text_letter.meta, attr), attr
    assert letter.meta.title == SUBJECT
    assert letter.meta.colophon == {
        "sender": "Ministerie van Buitenlandse Zaken",
        "sender_address": "Rijnstraat 8, 2515 XP Den Haag, Postbus 20061, Nederland, "
        "www.rijksoverheid.nl",
        "reference": "DVB/NW-218/18",
        "date": "27 november 2018",
        "enclosures": "1",
        "subject": SUBJECT,
    }
    note = letter.footnotes[0]  # drawn after "was. " with the space: still a marker
    assert letter.text[note.ref_start - 12 : note.ref_end] == "Rusland was.1"


# -- a scan ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_scanned_page_comes_back_through_text_recognition(pdf_dir, tmp_path):
    """Page 1 of the 2018 letter as a PDF, rendered to an image and put back into a PDF
    without text: Tesseract reads it, and the treaty mentions are found."""
    pdf = letter_pdf(pdf_dir / "to-scan.pdf", LETTER_2018.read_text(encoding="utf-8"),
                     MARKERS_2018, Style(size=11, leading=14, lines_per_page=44))  # fmt: skip
    page = PdfDocument(pdf)[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil()
    scan = tmp_path / "scan.pdf"
    image.save(scan, "PDF", resolution=200)
    assert PdfDocument(scan)[0].get_textpage().count_chars() == 0  # no text layer
    letter = _parse_pdf(scan)
    assert letter.meta.ocr_pages == [1]
    assert letter.mention_counts()["INF"] >= 6
    assert "Het INF-verdrag (Intermediate-Range Nuclear Forces) is meer dan dertig" in words(
        letter.text
    )


def test_tesseract_reads_a_page_with_one_thread_unless_told_otherwise(tmp_path, monkeypatch):
    """Its OpenMP threads fight over the cores: one is about three times faster (measured in
    README), with the same words. A limit the user set stands."""
    import pytesseract

    from desktop.core.ingest.readers import pdf_ocr

    seen = []

    def image_to_data(image, **kwargs):
        seen.append(os.environ.get("OMP_THREAD_LIMIT"))
        return {key: [] for key in ("text", "conf", "page_num", "block_num", "par_num",
                                    "line_num", "left", "top", "width", "height")}  # fmt: skip

    monkeypatch.setattr(pytesseract, "image_to_data", image_to_data)
    canvas = Canvas(str(tmp_path / "blank.pdf"), pagesize=A4)
    canvas.showPage()
    canvas.save()
    page = PdfDocument(tmp_path / "blank.pdf")[0]
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    assert pdf_ocr.recognise_page(page, "blank.pdf", 1) == []
    monkeypatch.setenv("OMP_THREAD_LIMIT", "2")
    pdf_ocr.recognise_page(page, "blank.pdf", 1)
    assert seen == ["1", "2"]
