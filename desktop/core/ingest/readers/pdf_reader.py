"""PDF letters -> :class:`Draft`, using the layout the PDF knows.

pypdfium2 (PDFium; Apache-2.0 / BSD-3-Clause) gives every glyph with its box and baseline;
:mod:`desktop.core.ingest.readers.pdf_layout` turns those into lines, drops page furniture and takes
footnote bodies (small print at the page bottom) and markers (raised digits) from the layout.
The running text then goes through :func:`desktop.core.ingest.clean.clean_text` for what plain text
and PDF share: header metadata, reflow, line-break hyphens, headings and signatures. Markers
and note starts travel through the cleaner as private-use characters that no PDF text holds,
so the cleaner cannot mistake them for anything else and they come out where they went in.

This module runs in the parser worker process (desktop.core.ingest.worker), never in the window.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from desktop.core.ingest.clean import clean_text, enumeration, looks_like_heading
from desktop.core.ingest.dutch import closes_sentence, ends_sentence
from desktop.core.ingest.publication_id import parse_publication_id, parse_running_footer
from desktop.core.ingest.readers.pdf_layout import (
    PARAGRAPH_GAP,
    Glyph,
    Line,
    Mender,
    Page,
    build_lines,
    split_pages,
    usual_pitch,
)
from desktop.core.ingest.readers.pdf_ocr import recognise_page
from desktop.core.ingest.readers.pdf_recognised import mend as mend_recognised
from desktop.core.ingest.readers.pdf_recognised import mend_addresses
from desktop.core.ingest.readers.pdf_signatures import in_turn as signatures_in_turn
from desktop.core.ingest.readers.pdf_template import (
    Colophon,
    logo_words,
    read_column,
    split_column,
    take_letterhead,
)
from desktop.core.ingest.signatories import NAME_RE, ROLE_START_RE
from desktop.core.model.draft import Draft, DraftBlock, Inline, LetterError, NoteRef
from desktop.core.model.letter import Metadata

MAX_PAGES = 500  # a letter has a few pages; a 10 000-page PDF is something else
MAX_NOTES = 999
SPACE_EVERY = 25  # a page with fewer written spaces than one per this many glyphs writes none
BOLD_WEIGHT = 600  # a font weight from this on is bold (400 is regular)
HEADING_WIDTH = 0.6  # a side heading ends before this share of the column width
NAME_LENGTH = 60  # a signatory's name is shorter than this
FULL_LINE_SLACK = 0.25  # a line ending within this share of the column width is full
WORD_SPACE = 0.5  # * size: a word space, generously, for judging what would have fitted
NEAR_LINES = 3  # a line's measure is taken from this many lines above and below it
_MARKER_BASE = 0xF0000  # Supplementary Private Use Area-A: never in extracted letter text
_NOTE_BASE = 0xF8000


@dataclass(slots=True)
class PdfPage:
    """One page as the layout needs it: its glyphs and its size in points. ``recognised``:
    its text was made by a text recognition (an invisible layer over a scan, or Tesseract)."""

    glyphs: list[Glyph]
    width: float
    height: float
    recognised: bool = False


def read_pdf(
    data: bytes, source: str, library_words: Collection[str] = (), ocr: bool = True
) -> Draft:
    """*library_words*: word forms of the library's letters, to judge line-end hyphens.
    Pages without text are read by Tesseract; with *ocr* False they are not, and a PDF that
    has such pages gives an empty draft listing them in ``meta.ocr_pages``, so that the
    caller can give the recognition the time it needs."""
    _check_envelope(data, source)
    pages, scanned = _read_pages(data, source, ocr)
    if scanned and not ocr:
        return Draft(meta=Metadata(ocr_pages=scanned))
    if not any(page.glyphs for page in pages):
        found = " (a scan, and text recognition found none)" if scanned else ""
        raise LetterError(f"{source}: no text in the PDF{found}")
    draft = draft_from_pages(pages, library_words)
    draft.meta.ocr_pages = scanned
    return draft


def draft_from_pages(pages: list[PdfPage], library_words: Collection[str] = ()) -> Draft:
    """Pages of glyphs -> draft; independent of the PDF library. The template's column and
    letterhead go to the colophon, the rest is the letter."""
    body = _glyph_body_size(pages)
    colophon = Colophon()
    lines: list[list[Line]] = []
    for number, page in enumerate(pages):
        glyphs, column = split_column(page.glyphs, page.width, page.height, body)
        if column and not colophon.fields:
            column_lines = build_lines(column)
            if page.recognised:
                column_lines = [mend_addresses(ln) for ln in column_lines]
            read_column(column_lines, colophon)
        page_lines = build_lines(glyphs)
        if number and column and page.recognised:  # what a recognition made of the logo
            page_lines = page_lines[logo_words(page_lines, page.height) :]
        if number == 0:
            page_lines = take_letterhead(page_lines, page.height, colophon)
        lines.append(page_lines)
    menders = [mend_recognised if page.recognised else None for page in pages]
    draft = draft_from_lines(lines, library_words, menders)
    _apply_colophon(colophon, draft.meta)
    return draft


def draft_from_lines(
    pages: list[list[Line]],
    library_words: Collection[str] = (),
    menders: Sequence[Mender | None] = (),
) -> Draft:
    """Lines per page (top to bottom) -> draft. *menders*: see :func:`split_pages`."""
    laid_out = split_pages(pages, menders)
    for page in laid_out:
        page.body = signatures_in_turn(page.body)
    notes = _notes(laid_out)
    text = _running_text(laid_out, notes) + _notes_text(notes)
    draft = _restore(clean_text(text, library_words), list(notes))
    _apply_publication(laid_out, draft.meta)
    return draft


def _glyph_body_size(pages: list[PdfPage]) -> float:
    sizes = Counter(round(g.size * 2) / 2 for page in pages for g in page.glyphs)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _apply_colophon(colophon: Colophon, meta: Metadata) -> None:
    meta.colophon = dict(colophon.fields)
    meta.title = meta.title or colophon.subject or ""
    meta.date = colophon.date or meta.date
    meta.addressee = meta.addressee or colophon.addressee


def _apply_publication(pages: list[Page], meta: Metadata) -> None:
    """The document id and running feet of a typeset publication: its kind, Kamerstuk and
    year, where the header did not give them."""
    found = [
        pid
        for page in pages
        for line in page.furniture
        if (pid := parse_publication_id(line.text) or parse_running_footer(line.text))
    ]
    meta.kind = meta.kind or next((p.kind for p in found if p.kind), None)
    meta.kamerstuk = meta.kamerstuk or next((k for p in found if (k := p.kamerstuk())), None)
    meta.vergaderjaar = meta.vergaderjaar or next(
        (p.vergaderjaar for p in found if p.vergaderjaar), None
    )


# -- reading the PDF -----------------------------------------------------------------------


def _check_envelope(data: bytes, source: str) -> None:
    """Refuse what is not a whole PDF before PDFium sees it: PDFium repairs a truncated file
    silently and would give half a letter."""
    if b"%PDF-" not in data[:1024]:
        raise LetterError(f"{source}: not a PDF (no PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise LetterError(f"{source}: truncated or damaged PDF (no end-of-file marker)")


def _open(data: bytes, source: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None) or pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise LetterError(f"{source}: encrypted PDF (needs a password)") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise LetterError(f"{source}: encrypted PDF (unsupported protection)") from None
        raise LetterError(f"{source}: damaged PDF, cannot be read") from None


def _read_pages(data: bytes, source: str, ocr: bool) -> tuple[list[PdfPage], list[int]]:
    """The pages, and the numbers (from 1) of those without a text layer: recognised by
    Tesseract where *ocr* is set, left empty where not."""
    doc = _open(data, source)
    try:
        if len(doc) > MAX_PAGES:
            raise LetterError(f"{source}: {len(doc)} pages, more than a letter ({MAX_PAGES})")
        pages = [_page(doc, i) for i in range(len(doc))]
        scanned = [i + 1 for i, page in enumerate(pages) if not page.glyphs]
        if ocr:
            for number in scanned:
                pages[number - 1].glyphs = recognise_page(doc[number - 1], source, number)
                pages[number - 1].recognised = True
        return pages, scanned
    finally:
        doc.close()


def _page(doc: pdfium.PdfDocument, index: int) -> PdfPage:
    page = doc[index]
    textpage = page.get_textpage()
    try:
        width, height = page.get_size()
        raw = textpage.raw
        return PdfPage(_page_glyphs(raw), width, height, _invisible_text(raw))
    finally:
        textpage.close()
        page.close()


def _page_glyphs(raw) -> list[Glyph]:
    """Every visible glyph, each knowing whether the PDF writes a space before it and whether
    its font is bold. Spaces PDFium inferred from gaps are not the PDF's: the layout judges
    those gaps itself. The hot loop of PDF reading: three C calls per glyph."""
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    get_box, get_origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
    get_weight, generated = pdfium_c.FPDFText_GetFontWeight, pdfium_c.FPDFText_IsGenerated
    glyphs = []
    spaced = False
    for i, char in enumerate(_page_text(raw)):
        char = _CHARS.get(char, char)
        if not char or char.isspace():
            spaced = spaced or (char == " " and generated(raw, i) == 0)
            continue
        get_box(raw, i, box)
        get_origin(raw, i, x, y)
        size = box.top - box.bottom
        if size <= 0:  # no font metrics (a Type 3 font, say): the nominal size must do
            size = pdfium_c.FPDFText_GetFontSize(raw, i)
        if size > 0:
            bold = get_weight(raw, i) >= BOLD_WEIGHT
            glyphs.append(
                Glyph(char, box.left, max(box.right, box.left), y.value, size, spaced, bold)
            )
        spaced = False
    return glyphs if _writes_spaces(glyphs) else [g._replace(spaced=None) for g in glyphs]


INVISIBLE = 3  # FPDF_TEXTRENDERMODE_INVISIBLE: text laid over a scan by a text recognition
SAMPLES = 20  # characters looked at to tell a page's text layer


def _invisible_text(raw) -> bool:
    """Whether the page's text is invisible: the layer a text recognition laid over a scan."""
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return False
    step = max(1, count // SAMPLES)
    modes = [
        pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
        for i in range(0, count, step)
        if (obj := pdfium_c.FPDFText_GetTextObject(raw, i))
    ]
    return bool(modes) and 2 * sum(m == INVISIBLE for m in modes) > len(modes)


def _writes_spaces(glyphs: list[Glyph]) -> bool:
    """Most PDFs write the spaces between words; some place every word by itself and write
    none, and then only the gaps tell."""
    return sum(1 for g in glyphs if g.spaced) * SPACE_EVERY >= len(glyphs)


def _page_text(raw) -> str:
    """One character per PDFium character index, fetched in one call where PDFium's text
    has exactly one unit per character (it does for text without astral characters)."""
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    got = pdfium_c.FPDFText_GetText(
        raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    return "".join(_char(pdfium_c.FPDFText_GetUnicode(raw, i)) or "\ufffd" for i in range(count))


def _char(code: int) -> str:
    """Planes 15-16 are left out: the placeholders below live there."""
    if not 0 < code < _MARKER_BASE or 0xD800 <= code < 0xE000:
        return ""
    return chr(code)


# What PDFium reports -> what the text holds. "\x02"/"\ufffe": PDFium's hyphen at a line end;
# a soft hyphen at a break is one too. Ligatures must be searchable as letters ("ﬁ" -> "fi").
_CHARS: dict[str, str] = {
    "\x02": "-", "\ufffe": "-", "\u00ad": "-", "\ufffd": "", "\x00": "",
    # Word's bullets in the Symbol and Wingdings fonts, reported in the private use area.
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓",
    **{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)},
}  # fmt: skip


# -- composing the text the cleaner reads ------------------------------------------------


def _notes(pages: list[Page]) -> dict[str, list[Line]]:
    """marker -> body lines, in order; small print continuing a note joins it. Beyond
    MAX_NOTES (no letter has that many) notes are left out: the placeholders run out."""
    notes: dict[str, list[Line]] = {}
    for page in pages:
        if page.orphan_notes and notes:
            notes[next(reversed(notes))].extend(page.orphan_notes)
        for note in page.notes:
            if note.marker in notes or len(notes) < MAX_NOTES:
                notes.setdefault(note.marker, []).extend(note.lines)
    return notes


def _running_text(pages: list[Page], notes: dict[str, list[Line]]) -> str:
    layout = _Measure(pages)
    markers = {m: chr(_MARKER_BASE + i) for i, m in enumerate(notes)}
    out: list[str] = []
    lines = [(line, i == 0, reach) for page in pages for i, (line, reach) in
             enumerate(zip(page.body, _reaches(page.body), strict=True))]  # fmt: skip
    for k, (line, first_on_page, _) in enumerate(lines):
        if k:
            previous, _, reach = lines[k - 1]
            # The line after, on this page: a new page's first line stands higher.
            following = lines[k + 1][0] if k + 1 < len(lines) and not lines[k + 1][1] else None
            out.append(layout.separator(previous, line, first_on_page, following, reach))
        out.append(_line_text(line, markers))
    return "".join(out)


def _reaches(lines: list[Line]) -> list[float]:
    """How far right the text around each line reaches: the measure the line was set to.
    Taken near the line, so that a narrower column (beside a table or a picture) is measured
    as itself."""
    return [
        max(ln.x1 for ln in lines[max(0, k - NEAR_LINES) : k + NEAR_LINES + 1])
        for k in range(len(lines))
    ]


class _Measure:
    """Where paragraphs break: the usual line pitch and the width of the text column."""

    def __init__(self, pages: list[Page]) -> None:
        lines = [line for page in pages for line in page.body]
        self.pitch = usual_pitch(pages)
        lefts = Counter(round(ln.x0) for ln in lines)
        self.left = float(lefts.most_common(1)[0][0]) if lefts else 0.0
        self.right = max((ln.x1 for ln in lines), default=0.0)
        self.opens = True  # the previous line opened a paragraph
        self.role = False  # the previous lines are a signatory's role ("De Minister van ...,")
        self.item: str | None = None  # how the paragraph was numbered: "digits", "letter"

    def separator(
        self, previous: Line, line: Line, first_on_page: bool, following: Line | None,
        reach: float,
    ) -> str:  # fmt: skip
        self.role = _continues_role(previous, self.role)
        sep = self._separator(previous, line, first_on_page, following, reach)
        if self.role and line.text.rstrip().endswith(",") and not ROLE_START_RE.match(line.text):
            sep = " "  # a role set on two lines: "de minister van Volksgezondheid,/Welzijn..."
        self.opens = sep == "\n\n"
        if self.opens:
            self.item = enumeration(line.text)
        return sep

    def _separator(
        self, previous: Line, line: Line, first_on_page: bool, following: Line | None,
        reach: float,
    ) -> str:  # fmt: skip
        """A blank line where the layout leaves vertical space, after a side heading, and
        between text and small print; none between a role and the name signed under it.
        A page break leaves no space, so there the paragraph goes on unless its last line
        was short or ended the sentence, and the new page does not go on in lower case.
        A sentence that ends a line on which the next line's first word would have fitted
        ends its paragraph: the break was made on purpose."""
        if self.role and len(line.text) < NAME_LENGTH:
            return "\n"  # the signature's name, below the space for the signature
        if _role_under_name(previous, line):
            return "\n"
        if first_on_page:
            return "\n" if self._goes_on(previous, line) else "\n\n"
        if self._heading(previous, line, following, reach):
            return "\n\n"
        gap = previous.y - line.y
        if self.pitch and gap > PARAGRAPH_GAP * self.pitch:
            return "\n\n"
        if self.item and enumeration(line.text) == self.item:
            return "\n\n"  # the next item of a numbered list ("1. De afspraken" / "2. …")
        if not closes_sentence(_unraised(previous)):
            return "\n"
        if _BULLET_RE.match(line.text):
            return "\n\n"  # a list's next item
        return "\n\n" if _starts_anew(line.text) and _fits(previous, line, reach) else "\n"

    def _heading(self, previous: Line, line: Line, following: Line | None, reach: float) -> bool:
        """A side heading: a bold line above plain text, or a short line set apart above
        the paragraph it heads (its space below is only a line's)."""
        if previous.bold and not line.bold:
            return True
        text = _unraised(previous).strip()
        short = previous.x1 < self.left + HEADING_WIDTH * (self.right - self.left)
        return (
            self.opens
            and not previous.bold
            and (short or _fits(previous, line, reach))
            and looks_like_heading(text)
            and _heads(text, line.text)
            and (following is None or following.y < line.y)
        )

    def _goes_on(self, previous: Line, line: Line) -> bool:
        text = _unraised(previous).rstrip()
        full = previous.x1 >= self.right - FULL_LINE_SLACK * (self.right - self.left)
        return (
            line.text[:1].islower()
            or text.endswith(",")  # a signature's role, its name on the next page
            or (full and not ends_sentence(text))
        )


def _heads(heading: str, text: str) -> bool:
    """Whether *text* may open the paragraph under *heading*: in capitals or numbered
    ("Artikel 3" / "1. Een ieder …"); a lettered label's value in any form but lower case
    ("b) Datum ontvangst" / "25 november 2021", "d) EUR-Lex" / "https://…")."""
    if text[:1].isupper() or enumeration(text):
        return True
    return enumeration(heading) == "letter" and (_starts_anew(text) or text.startswith("http"))


def _fits(previous: Line, line: Line, reach: float) -> bool:
    """Would the first word of *line* have fitted at the end of *previous*?"""
    return previous.x1 + WORD_SPACE * previous.size + line.lead < reach


# A list item's bullet, as word processors draw them (Symbol and Wingdings bullets are mapped
# to their Unicode characters on reading).
_BULLET_RE = re.compile(r"^\s*[•◦▪‣∙·●○■□➢❖✓*–-]\s")


def _starts_anew(text: str) -> bool:
    """A paragraph opens with a capital, a number, a bullet or a quote, never in lower case."""
    first = text.lstrip()[:1]
    return bool(first) and not first.islower() and first not in ",.;:)]"


def _unraised(line: Line) -> str:
    """The line's text without its raised digits (footnote markers): "geïnformeerd?" ends a
    sentence, even with a marker after it."""
    return "".join(text for text, raised in line.pieces if not raised)


def _role_under_name(previous: Line, line: Line) -> bool:
    """A signature set name first: "M.A.M. Adriaansens" over "Minister van ...", no comma."""
    text = line.text.strip()
    return (
        bool(NAME_RE.match(previous.text.strip()))
        and bool(ROLE_START_RE.match(text))
        and not text.endswith((",", "."))
        and len(text) < 2 * NAME_LENGTH
    )


def _continues_role(line: Line, in_role: bool) -> bool:
    text = line.text.strip()
    return text.endswith(",") and (in_role or bool(ROLE_START_RE.match(text)))


def _line_text(line: Line, markers: dict[str, str]) -> str:
    out = ""
    for text, raised in line.pieces:
        if raised and text in markers:
            out = out.rstrip() + markers[text]  # the marker sits on the word before it
        else:
            out += text
    return out


def _notes_text(notes: dict[str, list[Line]]) -> str:
    return "".join(
        f"\n\n{chr(_NOTE_BASE + i)}" + "\n".join(ln.text for ln in lines)
        for i, lines in enumerate(notes.values())
    )


# -- back from the cleaner -----------------------------------------------------------------


def _restore(draft: Draft, markers: list[str]) -> Draft:
    """Private-use characters back to NoteRefs; note paragraphs back to draft.notes."""
    blocks: list[DraftBlock] = []
    for block in draft.blocks:
        plain = block.plain()
        if plain and _NOTE_BASE <= ord(plain[0]) < _NOTE_BASE + len(markers):
            draft.notes[markers[ord(plain[0]) - _NOTE_BASE]] = plain[1:].strip()
        else:
            block.parts = _with_refs(block.parts, markers)
            blocks.append(block)
    draft.blocks = blocks
    return draft


def _with_refs(parts: list[Inline], markers: list[str]) -> list[Inline]:
    out: list[Inline] = []
    for part in parts:
        if isinstance(part, NoteRef):
            out.append(part)
            continue
        for piece in re.split(f"([{chr(_MARKER_BASE)}-{chr(_MARKER_BASE + 0xFFF)}])", part):
            if len(piece) == 1 and _MARKER_BASE <= ord(piece) < _MARKER_BASE + len(markers):
                out.append(NoteRef(markers[ord(piece) - _MARKER_BASE]))
            elif piece:
                out.append(piece)
    return out
