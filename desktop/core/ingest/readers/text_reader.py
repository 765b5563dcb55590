"""Plain text letters, in whatever encoding a colleague saved them."""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection

from desktop.core.ingest.clean import clean_text
from desktop.core.model.draft import Draft, LetterError

_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)  # before UTF-16: FF FE 00 00 ...
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAMPLE = 4096


def decode(data: bytes, source: str) -> str:
    """A byte order mark first; then UTF-16 recognised by its zero bytes; then UTF-8; then,
    line by line, UTF-8 or cp1252; then charset-normalizer's guess.

    Line by line: a line pasted from a Windows document into a UTF-8 letter is cp1252 while
    the rest is UTF-8, and decoding the whole file as cp1252 garbled every other line ("»"
    became "Â»"). A file that is cp1252 throughout reads as before: its ASCII lines read alike
    in both. cp1252 rather than latin-1: Windows text holds curly quotes, en dashes and the
    euro sign in 0x80-0x9F, which latin-1 would turn into control characters. Almost any byte
    string decodes as cp1252, so charset-normalizer only sees the few that do not."""
    if data.startswith(_UTF32_BOMS):
        return _strict(data, "utf-32", source)
    if data.startswith(_UTF16_BOMS):
        return _strict(data, "utf-16", source)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if (utf16 := _utf16_without_bom(data[:_SAMPLE])) is not None:
        return _strict(data, utf16, source)
    if b"\x00" in data[:_SAMPLE]:
        raise LetterError(f"{source}: binary file, not a letter")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return "".join(map(_decode_line, data.splitlines(keepends=True)))
    except UnicodeDecodeError:
        return _guess(data, source)


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252")


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise LetterError(f"{source}: damaged {encoding.upper()} text") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Latin-script UTF-16 has a zero in every other byte: the high byte of each letter."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _guess(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes  # imported late: rarely needed, slow to load

    best = from_bytes(data).best()
    if best is None:
        raise LetterError(f"{source}: not text in any encoding we know")
    return str(best)


def read_text(data: bytes, source: str, library_words: Collection[str] = ()) -> Draft:
    """*library_words*: the word forms of the library's letters, to judge line-end hyphens
    (desktop.core.ingest.line_breaks)."""
    text = decode(data, source)
    if not text.strip():
        raise LetterError(f"{source}: empty file")
    if _control_ratio(text) > 0.05:
        raise LetterError(f"{source}: binary file, not a letter")
    return clean_text(text, library_words)


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL_RE.findall(sample)) / max(1, len(sample))
