"""Text letters in the encodings colleagues save them in: UTF-8 (with or without BOM),
Windows-1252, UTF-16; the letter reads the same in each."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desktop.core.ingest.parse import parse_bytes, parse_file
from desktop.core.ingest.readers.text_reader import decode
from desktop.core.model.draft import LetterError
from tests.conftest import LETTER_2018, LETTER_2023

SENTENCE = (
    "De financiële coördinatie met Oekraïne kost € 5 miljoen – “zo” zegt ‘men’ – "
    "en daarover gaat het Verdrag inzake Conventionele Strijdkrachten in Europa (CSE-verdrag)."
)
LETTER = f"Den Haag, 1 maart 2024\n\n{SENTENCE}\n\nDe Minister van Defensie,\nK.H. Ollongren\n"

ENCODINGS = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8-bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "cp1252": lambda s: s.encode("cp1252"),
    "utf-16": lambda s: s.encode("utf-16"),  # with the BOM, as Windows Notepad writes it
    "utf-16-be": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "utf-16-le-no-bom": lambda s: s.encode("utf-16-le"),
    "utf-32": lambda s: s.encode("utf-32"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_dutch_letters_euro_quotes_and_dashes_survive(encoding):
    letter = parse_bytes(ENCODINGS[encoding](LETTER), Path(f"{encoding}.txt"))
    assert SENTENCE in letter.text
    assert letter.meta.date == "2024-03-01"
    assert letter.mention_counts() == {"CSE": 1}


@pytest.mark.parametrize("encoding", ["utf-8-bom", "cp1252", "utf-16"])
@pytest.mark.parametrize("source", [LETTER_2018, LETTER_2023], ids=["2018", "2023"])
def test_bundled_letters_read_the_same_in_every_encoding(tmp_path, encoding, source):
    original = parse_file(source)
    saved = tmp_path / source.name
    saved.write_bytes(ENCODINGS[encoding](source.read_text(encoding="utf-8")))
    letter = parse_file(saved)
    assert letter.text == original.text
    assert letter.footnotes == original.footnotes
    assert letter.mentions == original.mentions
    assert letter.meta == original.meta


def test_cp1252_is_not_read_as_latin_1():
    # 0x93/0x94 are curly quotes in Windows-1252, C1 control characters in Latin-1.
    assert decode(b"\x93zo\x94 \x96 \x80 5", "x.txt") == "“zo” – € 5"


def test_charset_normalizer_is_the_last_resort():
    # 0x81 and 0x8D are undefined in Windows-1252, so this cannot be cp1252; it is cp1251.
    russian = "Договор о ракетах средней и меньшей дальности: Ѓорѓе и Ќирил подписали его."
    assert decode((russian * 3).encode("cp1251"), "ru.txt") == russian * 3


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\xff\xfeA\x00B", "damaged UTF-16 text"),  # odd length after the BOM
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 50, "binary file"),  # a zip, say a .docx
        (bytes(range(32)) * 100, "binary file"),
        (b"   \n\t\n", "empty file"),
        (codecs.BOM_UTF8 + b"\n \n", "empty file"),
    ],
)
def test_what_is_not_text_is_refused(data, problem):
    with pytest.raises(LetterError, match=problem) as info:
        parse_bytes(data, Path("brief.txt"))
    assert str(info.value).startswith("brief.txt: ")


def test_one_cp1252_line_in_a_utf8_letter_leaves_the_rest_as_written():
    """A line pasted from a Windows document into a UTF-8 letter: before, the whole file was
    read as cp1252 and every accent and dash elsewhere came out garbled ("Oekraïne" as
    "OekraÃ¯ne")."""
    lines = LETTER_2023.read_bytes().split(b"\n")
    at = next(i for i, line in enumerate(lines) if "categorieën".encode() in line)
    lines[at] = lines[at].decode("utf-8").encode("cp1252")
    mixed = b"\n".join(lines)
    with pytest.raises(UnicodeDecodeError):
        mixed.decode("utf-8")
    assert parse_bytes(mixed, Path("mixed.txt")).text == parse_file(LETTER_2023).text


def test_a_cp1252_letter_still_reads_as_cp1252_throughout():
    data = LETTER_2023.read_text(encoding="utf-8").encode("cp1252")
    assert decode(data, "cp1252.txt") == LETTER_2023.read_text(encoding="utf-8")
