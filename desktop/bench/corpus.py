"""A deterministic corpus of Kamerbrief-like letters for the benchmark.

Letters are built from the bundled letters' own sentences, treaty names, footnotes, Kamerstuk
headers and page footers, wrapped and hyphenated the way PDF text is, so the parser does the
same work as on real letters.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from desktop.core.ingest.dutch import MONTHS
from desktop.core.ingest.parse import parse_file
from desktop.core.model.letter import BlockKind
from desktop.resources import bundled_letters

TYPICAL_CHARS = 5_000
LARGE_CHARS = 100_000
HUGE_CHARS = 5_000_000
_WIDTH = 72
_MINISTERS = [
    ("De Minister van Buitenlandse Zaken,", "S.A. Blok"),
    ("De Minister van Buitenlandse Zaken,", "H.G.J. Bruins Slot"),
    ("De Minister van Defensie,", "K.H. Ollongren"),
    ("De Minister van Defensie,", "A.Th.B. Bijleveld-Schouten"),
    ("De Staatssecretaris van Defensie,", "C.A. van der Maat"),
]
_DOSSIERS = [("33 694", "Internationale Veiligheidsstrategie"), ("36 200 V", "Vaststelling van de "
             "begrotingsstaten van het Ministerie van Buitenlandse Zaken"), ("21 501-02", "Raad Algemene Zaken en Raad Buitenlandse Zaken")]  # fmt: skip
_EXTRA = [
    "Het Verdrag inzake het Open Luchtruim (OST) bood jarenlang transparantie over militaire activiteiten.",
    "Nederland blijft zich inzetten voor het Alomvattend Kernstopverdrag (CTBT) en het Non-Proliferatieverdrag.",
    "De Russische opschorting van New START maakt verificatie van strategische kernwapens onmogelijk.",
    "Het Chemisch Wapenverdrag en de OPCW in Den Haag blijven van groot belang.",
    "Het Wapenhandelsverdrag (ATT) stelt eisen aan de export van conventionele wapens.",
    "De NAVO-bondgenoten bespraken de gevolgen voor de kruisvluchtwapens en raketten in Europa.",
]


def _sentences() -> list[str]:
    out: list[str] = []
    for path in bundled_letters():
        letter = parse_file(path)
        for b in letter.blocks:
            if b.kind is BlockKind.PARAGRAPH:
                para = re.sub(r"(?<=[.)])\d+(?=[\s,])", "", letter.text[b.start : b.end])
                out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para) if len(s) > 30)
    return out + _EXTRA


def _wrap(paragraph: str, rng: random.Random) -> list[str]:
    """Wrap at the PDF's measure, sometimes hyphenating a long word at the line end."""
    lines, line = [], ""
    for word in paragraph.split():
        if len(line) + 1 + len(word) <= _WIDTH:
            line = f"{line} {word}" if line else word
            continue
        if len(word) > 9 and word.isalpha() and word.islower() and rng.random() < 0.4:
            cut = len(word) // 2
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


def make_letter(rng: random.Random, sentences: list[str], size: int, number: int) -> str:
    """One letter of about *size* characters, as text extracted from a PDF."""
    year = rng.randint(2008, 2025)
    date = f"{rng.randint(1, 28)} {rng.choice(list(MONTHS))} {year}"
    dossier, title = rng.choice(_DOSSIERS)
    head = [
        "Tweede Kamer der Staten-Generaal 2", f"Vergaderjaar {year}–{year + 1}", "",
        f"{dossier} {title}", "", f"Nr. {number}  BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN", "",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "", f"Den Haag, {date}", "",
    ]  # fmt: skip
    body: list[str] = []
    notes = 0
    length = 0
    footer = f"Tweede Kamer, vergaderjaar {year}–{year + 1}, {dossier}, nr. {number} {{page}}"
    page_lines = 0
    while length < size:
        para = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.15:
            notes += 1
            para = para.rstrip(".") + f" (Kamerstuk {dossier}, nr. {rng.randint(1, 300)}).{notes}"
            para = para.replace(f".{notes}", f". {notes}") if rng.random() < 0.5 else para
        if rng.random() < 0.1:
            body += [
                rng.choice(["Opschorting CSE-verdrag", "Nucleaire wapenbeheersing", "Vervolg"]),
                "",
            ]
        wrapped = _wrap(para, rng)
        body += wrapped + [""]
        if notes and para.endswith(str(notes)):
            body += [f"{notes} Kamerstuk {dossier}, nr. {rng.randint(1, 300)}.", ""]
        page_lines += len(wrapped) + 1
        if page_lines > 45:
            body += [footer.format(page=len(body) // 45 + 1), ""]
            page_lines = 0
        length += len(para)
    role, name = rng.choice(_MINISTERS)
    return "\n".join(head + body + [role, name, ""])


def generate(dest: Path, count: int, seed: int = 20181127, huge: bool = True) -> list[Path]:
    """*count* letters in *dest*: ~5 KB each, one in a hundred ~100 KB, and (if *huge*) one
    5 MB letter. The same seed gives the same files."""
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sentences = _sentences()
    paths = []
    for i, size in enumerate(_sizes(count, huge)):
        path = dest / f"brief-{i:06d}.txt"
        path.write_text(make_letter(rng, sentences, size, i + 1), encoding="utf-8")
        paths.append(path)
    return paths


def _sizes(count: int, huge: bool) -> Iterator[int]:
    for i in range(count):
        if huge and i == count // 2:
            yield HUGE_CHARS
        elif i % 100 == 7:
            yield LARGE_CHARS
        else:
            yield TYPICAL_CHARS
