"""Plain text letters, in whatever encoding a colleague saved them."""

from __future__ import annotations

import re
from collections.abc import Collection

from desktop.core.clean import clean_text
from desktop.core.draft import Draft, LetterError


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) first, then cp1252, then charset-normalizer's guess.

    cp1252 rather than latin-1: Windows text holds curly quotes, en dashes and the euro sign
    in 0x80-0x9F, which latin-1 would turn into control characters."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LetterError(f"{source}: binary file, not a letter")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise LetterError(f"{source}: not text in any encoding we know")
    return str(best)


def read_text(data: bytes, source: str, vocabulary: Collection[str] = ()) -> Draft:
    text = decode(data, source)
    if not text.strip():
        raise LetterError(f"{source}: empty file")
    if _control_ratio(text) > 0.05:
        raise LetterError(f"{source}: binary file, not a letter")
    return clean_text(text, vocabulary)


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL_RE.findall(sample)) / max(1, len(sample))
