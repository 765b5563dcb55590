"""One entry point from a file on disk to a Letter, whatever its format."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from desktop.core.assemble import assemble, letter_id_for
from desktop.core.draft import Draft, LetterError
from desktop.core.letter import Letter
from desktop.core.readers.text_reader import read_text

MAX_BYTES = 64 * 1024 * 1024  # beyond this a "letter" is something else; refuse it early

Reader = Callable[[bytes, str], Draft]


def _readers() -> dict[str, Reader]:
    readers: dict[str, Reader] = {".txt": read_text, ".text": read_text, "": read_text}
    try:
        from desktop.core.readers.xml_reader import read_xml

        readers[".xml"] = read_xml
    except ImportError:
        pass
    try:
        from desktop.core.readers.html_reader import read_html

        readers[".html"] = readers[".htm"] = read_html
    except ImportError:
        pass
    return readers


SUPPORTED_SUFFIXES = (".txt", ".text", ".xml", ".html", ".htm", ".pdf")


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or a LetterError naming the file and what is wrong with it."""
    try:
        if path.is_dir():
            raise LetterError(f"{path}: is a directory, not a letter")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LetterError(f"{path}: too large ({size // (1024 * 1024)} MB), not a letter")
        return path.read_bytes()
    except FileNotFoundError:
        raise LetterError(f"{path}: no such file") from None
    except PermissionError:
        raise LetterError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise LetterError(f"{path}: is a directory, not a letter") from None
    except OSError as exc:
        raise LetterError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def parse_bytes(data: bytes, path: Path, vocabulary: Collection[str] = ()) -> Letter:
    suffix = path.suffix.lower()
    readers = _readers()
    if not data.strip():
        raise LetterError(f"{path}: empty file")
    reader = readers.get(suffix)
    if reader is None:
        if suffix == ".pdf" or data.startswith(b"%PDF"):
            raise LetterError(f"{path}: PDF support is not available")
        raise LetterError(f"{path}: unsupported file type '{suffix}'")
    draft = (
        read_text(data, str(path), vocabulary) if reader is read_text else reader(data, str(path))
    )
    return assemble(draft, str(path), letter_id_for(path.stem))


def parse_file(path: Path | str, vocabulary: Collection[str] = ()) -> Letter:
    """Parse one letter. Raises LetterError (message names the file) for anything unreadable."""
    path = Path(path)
    return parse_bytes(read_file_bytes(path), path, vocabulary)
