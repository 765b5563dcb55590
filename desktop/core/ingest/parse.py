"""One entry point from a file on disk to a Letter, whatever its format.

Every reader runs in the worker process of :mod:`desktop.core.ingest.worker`, with a time and a
memory limit. PDF, XML and HTML readers parse structure an attacker controls (and PDFium is
C++). Plain text would be safe to parse here by its size alone if its cleaner were linear in
it, but it is not on every input (80 KB of hyphenated short lines took 10 s when measured),
and a hang in the window's import is as bad as a crash.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from pathlib import Path

from desktop.core.ingest.assemble import assemble, letter_id_for
from desktop.core.ingest.readers.html_reader import read_html
from desktop.core.ingest.readers.pdf_ocr import PAGE_SECONDS as OCR_PAGE_SECONDS
from desktop.core.ingest.readers.pdf_reader import read_pdf
from desktop.core.ingest.readers.text_reader import read_text
from desktop.core.ingest.readers.xml_reader import read_xml
from desktop.core.ingest.suffixes import SUPPORTED_SUFFIXES as SUPPORTED_SUFFIXES  # where it was
from desktop.core.ingest.worker import MAX_BYTES, Kept, Limits, ParserPool, Reader, default_pool
from desktop.core.model.draft import Draft, LetterError, shown
from desktop.core.model.letter import Letter

_MB = 1024 * 1024

# suffix -> reader. Each takes (data: bytes, source: str) and returns a Draft or raises
# LetterError. A reader is handed to the worker process by reference (pickle names its module
# and function); the worker imports it there and runs it on the untrusted bytes.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    "": read_text,
    ".pdf": read_pdf,
    ".xml": read_xml,
    ".html": read_html,
    ".htm": read_html,
}
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_NOCTTY = getattr(os, "O_NOCTTY", 0)  # a terminal device must not become ours


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or a LetterError naming the file and what is wrong with it. Only a
    regular file is read (a FIFO would wait forever, a device give bytes without end), its
    size is checked before reading, and no more than the limit is read even if it grows."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise LetterError(f"{shown(path)}: no such file") from None
    except PermissionError:
        raise LetterError(f"{shown(path)}: permission denied") from None
    except OSError as exc:
        raise LetterError(f"{shown(path)}: cannot be read ({exc.strerror or exc})") from None
    try:
        return _read_regular(fd, path)
    except OSError as exc:
        raise LetterError(f"{shown(path)}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _read_regular(fd: int, path: Path) -> bytes:
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        raise LetterError(f"{shown(path)}: is a directory, not a letter")
    if not stat.S_ISREG(mode):
        raise LetterError(f"{shown(path)}: {_kind(mode)}, not a file; only files are read")
    check_size(path, os.fstat(fd).st_size)
    chunks, size = [], 0
    while chunk := os.read(fd, min(1 << 20, MAX_BYTES + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:
            check_size(path, size)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_size(path: Path | str, size: int) -> None:
    """MAX_BYTES, the one size rule (worker.py); the message gives both sizes so that they
    differ: "20.1 MB; ... at most 20 MB", and in bytes where a size would round to the limit."""
    if size <= MAX_BYTES:
        return
    megabytes = round(size / _MB, 1)
    shown, limit = f"{megabytes:g} MB", f"{MAX_BYTES / _MB:g} MB"
    if megabytes * _MB <= MAX_BYTES:
        shown, limit = f"{size:,} bytes", f"{MAX_BYTES:,} bytes"
    raise LetterError(f"{path}: too large ({shown}; a letter is at most {limit})")


def parse_bytes(
    data: bytes,
    path: Path,
    library_words: Collection[str] = (),
    pool: ParserPool | None = None,
    limits: Limits | None = None,
) -> Letter:
    """Parse a letter's bytes; *path* names it and its suffix picks the reader.
    *library_words*: the word forms of the letters already in the library
    (:func:`desktop.core.ingest.line_breaks.word_forms` of each), which decide, with the
    letter's own words, whether a hyphen at a line end is part of a word."""
    path = Path(path)
    check_size(path, len(data))
    if not data.strip():
        raise LetterError(f"{path}: empty file")
    draft = _draft(data, path, library_words, pool, limits)
    return assemble(draft, str(path), letter_id_for(path.stem))


def _draft(
    data: bytes,
    path: Path,
    library_words: Collection[str],
    pool: ParserPool | None,
    limits: Limits | None,
) -> Draft:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise LetterError(f"{path}: unsupported file type '{path.suffix.lower()}'")
    if reader is read_text and data.startswith(b"%PDF-"):
        reader = READERS[".pdf"]  # a PDF saved under a text name is still a PDF
    pool = pool or default_pool(preload=tuple(sorted({r.__module__ for r in READERS.values()})))
    words = _kept(library_words)
    if reader is read_pdf:
        return _pdf_draft(data, str(path), words, pool, limits)
    extra = (words,) if reader is read_text else ()
    return pool.run(reader, data, str(path), limits, *extra)


_last_kept: tuple[frozenset[str], Kept] | None = None


def _kept(library_words: Collection[str]) -> Kept | frozenset[str]:
    """The library's words as the worker keeps them (worker.Kept): an import passes the same
    frozenset with every file, and each worker process is sent it once."""
    global _last_kept
    if not isinstance(library_words, frozenset):
        return frozenset(library_words)
    last = _last_kept
    if last is None or last[0] is not library_words:
        last = _last_kept = (library_words, Kept(library_words))
    return last[1]


def _pdf_draft(
    data: bytes, source: str, words: Kept | frozenset[str], pool: ParserPool, limits: Limits | None
) -> Draft:
    """A PDF is read without text recognition first; pages without text are then
    recognised with a time budget for each (OCR takes seconds a page, not milliseconds)."""
    draft = pool.run(read_pdf, data, source, limits, words, False)
    if not draft.meta.ocr_pages:
        return draft
    limits = limits or Limits.from_env()
    budget = limits.seconds + OCR_PAGE_SECONDS * len(draft.meta.ocr_pages)
    return pool.run(read_pdf, data, source, Limits(budget, limits.memory_mb), words, True)


def parse_file(path: Path | str, library_words: Collection[str] = ()) -> Letter:
    """Parse one letter. Raises LetterError (message names the file) for anything unreadable."""
    path = Path(path)
    return parse_bytes(read_file_bytes(path), path, library_words)
