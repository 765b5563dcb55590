"""Deterministic corpora of Kamerbrief-like letters for the benchmark.

Every letter has a Kamerstuk header, footnotes, page footers and signatures, and is wrapped and
hyphenated the way PDF text is, so the parser does the same work as on real letters. What the
paragraphs say depends on the corpus:
- "realistic": sentences drawn from a Zipf-distributed Dutch vocabulary (word_model.py); one
  letter in ``ON_TOPIC`` is about arms control and mixes in the bundled letters' own sentences
  (treaty names, phrases), as a few letters in a real library do;
- "worst": only the bundled letters' ~100 sentences, so every query word is in nearly every
  letter: the longest posting lists a library of this size can have.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.bench import word_model
from desktop.core.ingest.parse import parse_file
from desktop.core.model.dates import MONTHS
from desktop.core.model.letter import BlockKind
from desktop.resources import bundled_letters

TYPICAL_CHARS = 5_000
LARGE_CHARS = 100_000
HUGE_CHARS = 5_000_000
_WIDTH = 72
ON_TOPIC = 0.15  # share of realistic letters about arms control
_QUOTED = 0.4  # in those, share of sentences taken from the bundled letters
CORPORA = ("realistic", "worst")
_HEADINGS = ["Opschorting CSE-verdrag", "Nucleaire wapenbeheersing", "Vervolg"]
Writer = Callable[[random.Random], str]


@dataclass(frozen=True)
class Style:
    """How one letter's paragraphs and headings are written."""

    paragraph: Writer
    heading: Writer


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


def make_letter(rng: random.Random, style: Style, size: int, number: int) -> str:
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
        para = style.paragraph(rng)
        if rng.random() < 0.15:
            notes += 1
            para = para.rstrip(".") + f" (Kamerstuk {dossier}, nr. {rng.randint(1, 300)}).{notes}"
            para = para.replace(f".{notes}", f". {notes}") if rng.random() < 0.5 else para
        if rng.random() < 0.1:
            body += [style.heading(rng), ""]
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


def generate(
    dest: Path, count: int, seed: int = 20181127, huge: bool = True, kind: str = "worst"
) -> list[Path]:
    """*count* letters in *dest*: ~5 KB each, one in a hundred ~100 KB, and (if *huge*) one
    5 MB letter. The same seed (and, for "realistic", the same word list) gives the same
    files; "worst" (the default, which other tests build on) gives the files the benchmark
    has always measured."""
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    style_of = _styles(kind, _sentences(), seed)
    paths = []
    for i, size in enumerate(_sizes(count, huge)):
        path = dest / f"brief-{i:06d}.txt"
        path.write_text(make_letter(rng, style_of(rng), size, i + 1), encoding="utf-8")
        paths.append(path)
    return paths


def vocabulary_source(kind: str) -> str:
    """Where a corpus's words come from, for the report."""
    if kind == "worst":
        return "the bundled letters' sentences"
    return f"Zipf over {word_model.load().source}"


def _styles(kind: str, sentences: list[str], seed: int) -> Callable[[random.Random], Style]:
    """For each letter, how it is written."""
    topical = _choice(_HEADINGS)
    if kind == "worst":
        style = Style(_quoted(sentences, 1.0, None), topical)
        return lambda rng: style
    if kind != "realistic":
        raise ValueError(f"unknown corpus {kind!r} (known: {', '.join(CORPORA)})")
    model = word_model.load(seed)
    on_topic = Style(_quoted(sentences, _QUOTED, model), topical)
    off_topic = Style(_quoted(sentences, 0.0, model), model.heading)
    return lambda rng: on_topic if rng.random() < ON_TOPIC else off_topic


def _choice(options: list[str]) -> Writer:
    return lambda rng: rng.choice(options)


def _quoted(sentences: list[str], share: float, model: word_model.WordModel | None) -> Writer:
    """Paragraphs of 2–5 sentences, *share* of them from the bundled letters."""

    def sentence(rng: random.Random) -> str:
        if model is None or (share and rng.random() < share):
            return rng.choice(sentences)
        return model.sentence(rng)

    return lambda rng: " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def _sizes(count: int, huge: bool) -> Iterator[int]:
    for i in range(count):
        if huge and i == count // 2:
            yield HUGE_CHARS
        elif i % 100 == 7:
            yield LARGE_CHARS
        else:
            yield TYPICAL_CHARS
