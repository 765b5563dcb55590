"""Text recognition for PDF pages without a text layer (scans), with Tesseract.

Tesseract (Apache-2.0) runs as its own process through pytesseract, one page at a time with a
time budget per page; the page is rendered by PDFium at OCR_DPI. Each recognised word becomes
one glyph with its box, every word of a Tesseract line sharing that line's baseline and
height, so that the layout code reads a scan as it reads any page: lines, notes in smaller
print at the bottom, furniture. Only pages without text are recognised: a text layer that is
there, even a poor one from an earlier OCR, is used as it is.
"""

from __future__ import annotations

import os
from collections import defaultdict

import pypdfium2 as pdfium

from desktop.core.ingest.readers.pdf_layout import Glyph
from desktop.core.model.draft import LetterError

OCR_DPI = 300  # Tesseract reads body text best at 300 dpi (250 and 200 change the words read)
# Tesseract's OpenMP threads fight over the cores when it reads one page: one thread is about
# three times faster (blg-1007826: 10 s a page with the default, 3 s with one), words alike.
OMP_THREADS = "1"
OCR_LANGUAGES = "nld+eng"  # Dutch letters that quote English
PAGE_SECONDS = 60.0  # the time budget for recognising one page
MIN_CONFIDENCE = 0  # Tesseract's -1 marks boxes that hold no word
INSTALL_HINT = (
    "text recognition needs Tesseract with its Dutch language data "
    "(Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-nld; "
    "elsewhere see https://tesseract-ocr.github.io/tessdoc/Installation.html)"
)


def recognise_page(page: pdfium.PdfPage, source: str, number: int) -> list[Glyph]:
    """The words Tesseract finds on *page*, as glyphs in PDF points."""
    pytesseract = _pytesseract(source)
    os.environ.setdefault("OMP_THREAD_LIMIT", OMP_THREADS)  # read by the tesseract process
    scale = OCR_DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    try:
        data = pytesseract.image_to_data(
            image,
            lang=OCR_LANGUAGES,
            output_type=pytesseract.Output.DICT,
            timeout=PAGE_SECONDS,
        )
    except pytesseract.TesseractNotFoundError:
        raise LetterError(f"{source}: a scan without text; {INSTALL_HINT}") from None
    except pytesseract.TesseractError as exc:
        raise LetterError(f"{source}: text recognition failed ({exc.message}); "
                          f"{INSTALL_HINT}") from None  # fmt: skip
    except RuntimeError:  # pytesseract's word for a timeout
        raise LetterError(
            f"{source}: text recognition of page {number} took over {PAGE_SECONDS:g} s"
        ) from None
    finally:
        image.close()
    return _glyphs(data, scale, page.get_height())


def _pytesseract(source: str):
    try:
        import pytesseract  # imported here: only scans need it
    except ImportError:
        raise LetterError(f"{source}: a scan without text; {INSTALL_HINT}") from None
    return pytesseract


def _glyphs(data: dict[str, list], scale: float, height: float) -> list[Glyph]:
    """Words -> glyphs; a line's words share its baseline (the bottom of its lowest word box)
    and its size (the height of its tallest), so that they form one row."""
    lines: dict[tuple[int, int, int, int], list[int]] = defaultdict(list)
    for i, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][i]) >= MIN_CONFIDENCE:
            key = (
                data["page_num"][i],
                data["block_num"][i],
                data["par_num"][i],
                data["line_num"][i],
            )
            lines[key].append(i)
    glyphs = []
    for words in lines.values():
        bottom = max(data["top"][i] + data["height"][i] for i in words)
        size = max(data["height"][i] for i in words) / scale
        y = height - bottom / scale
        for i in words:
            x0 = data["left"][i] / scale
            x1 = x0 + data["width"][i] / scale
            glyphs.append(Glyph(data["text"][i].strip(), x0, x1, y, size, spaced=True))
    return glyphs
