"""Kamervragen with their answers (Aanhangsel van de Handelingen), whatever format they came in.

The publication opens with who asked whom about what (``Vragen van de leden Van Weyenberg,
Romke de Jong en Kat (allen D66) aan de Minister van Sociale Zaken en Werkgelegenheid over de
TOZO (ingezonden 3 juni 2021).``) and who answered (``Antwoord van Minister Koolmees (Sociale
Zaken en Werkgelegenheid) (ontvangen 21 juni 2021).``), then each question and its answer
under a label (``Vraag 1`` / ``Antwoord 1``, also ``Vraag 3, 4 en 5``). XML and HTML give the
labels blocks of their own; PDF text may run a label into its text; a web page may break the
opening over several lines. Here they all come out the same: the opening as two paragraphs,
every label a heading, the text under it a QUESTION or ANSWER block, and each question with
its answer one numbered pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.ingest.dutch import iso_date
from desktop.core.ingest.signatories import link_to, ministry
from desktop.core.model.draft import Draft, DraftBlock, Inline
from desktop.core.model.letter import BlockKind, Signatory, Submitter

_ASKED_RE = re.compile(
    r"^Vragen van (?P<who>het (?:Kamer)?lid|de (?:Kamer)?leden) (?P<names>.+?) aan (?P<to>.+?)"
    r"(?: over (?P<about>.+?))?(?:\s*\(ingezonden (?P<date>[^)]*)\))?\.?$"
)
_ANSWERED_RE = re.compile(r"^(?:Antwoord|Mededeling)(?:en)? van\s+(?P<who>.+?)\s*(?=\(ontvangen|$)")
_RECEIVED_RE = re.compile(r"\(ontvangen\s+(?:\(ontvangen\s+)?(?P<date>[^)]*)\)")
_ANSWERER_RE = re.compile(
    r"\b(?P<title>Minister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)\s+(?!van\b|voor\b)"
    r"(?P<name>[^\W\d_][^(),]*?)\s*(?:\((?P<dept>[^()]+)\)|(?=,|\s+mede\b|\s+en\s|$))"
)
_ALL_OF_RE = re.compile(r"\s*\((?:allen|beiden)\s+(?P<party>[^()]+)\)\s*$")
# A name's particle set against its surname ("Inge vanDijk"): a space the typesetter lost.
_GLUED_PARTICLE_RE = re.compile(r"\b(van|de|der|den|ter|ten)(?=[A-Z][a-z])")
_PARTY_RE = re.compile(r"^(?P<name>.+?)\s*\((?P<party>[^()]+)\)$")
_SEPARATOR_RE = re.compile(r",\s*|\s+en\s+")
_NUMBERS = r"\d+(?:\s*(?:,|en|t/m|tot en met|[-–])\s*\d+)*"
_LABEL_RE = re.compile(
    rf"^(?P<what>Vra(?:ag|gen)|Antwoord(?:en)?)\s+(?:op\s+vra(?:ag|gen)\s+)?(?P<nums>{_NUMBERS})"
    r"\s*[:.]?(?=\s|$)"
)
# A label alone in its block may list its numbers without separators ("Vraag 7, 8, 9 10 en 11").
_WHOLE_LABEL_RE = re.compile(
    r"^(?P<what>Vra(?:ag|gen)|Antwoord(?:en)?)\s+(?:op\s+vra(?:ag|gen)\s+)?"
    r"(?P<nums>\d+(?:\s*(?:,|en|t/m|tot en met|[-–])?\s*\d+)*)\s*[:.]?$"
)
_NOTICE = "Mededeling"  # "the questions cannot be answered in time": no answers follow
_OPENING_BLOCKS = 10  # the opening sits within this many blocks of the start
_OPENING_PIECES = 5  # a web page may break one opening line into this many blocks


def opening(draft: Draft) -> int | None:
    """The index of the block where the questions are introduced, if the draft is
    Kamervragen."""
    for index, block in enumerate(draft.blocks[:_OPENING_BLOCKS]):
        if re.match(r"Vragen van (het (Kamer)?lid|de (Kamer)?leden) ", block.plain().strip()):
            return index
    return None


def structure(draft: Draft) -> None:
    start = opening(draft)
    if start is None:
        return
    asked = _join_until(draft, start, re.compile(r"\(ingezonden [^)]*\)|\.$"))
    answer = start + 1
    answered = None
    if answer < len(draft.blocks) and _ANSWERED_RE.match(draft.blocks[answer].plain().strip()):
        answered = _join_until(draft, answer, _RECEIVED_RE)
        answer += 1
    _read_asked(draft, asked)
    if answered:
        _read_answered(draft, answered)
    _pairs(draft, answer)


def _join_until(draft: Draft, index: int, end: re.Pattern[str]) -> str:
    """Join the opening line's pieces into one paragraph; returns its text."""
    stop = index
    while stop < min(len(draft.blocks) - 1, index + _OPENING_PIECES - 1):
        if end.search(draft.blocks[stop].plain()):
            break
        stop += 1
    parts: list[Inline] = []
    for block in draft.blocks[index : stop + 1]:
        parts += [" ", *block.parts] if parts else block.parts
    draft.blocks[index : stop + 1] = [DraftBlock(BlockKind.PARAGRAPH, parts)]
    return re.sub(r"\s+", " ", draft.blocks[index].plain()).strip()


def _read_asked(draft: Draft, text: str) -> None:
    meta = draft.meta
    match = _ASKED_RE.match(text)
    if not match:
        return
    meta.submitters = _members(match.group("names"))
    meta.date_submitted = iso_date(match.group("date") or "")
    names = [m.name for m in meta.submitters]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    topic = f"over {match.group('about')}" if match.group("about") else f"aan {match.group('to')}"
    meta.title = f"Kamervragen van {match.group('who')} {listed} {topic}"


def _members(text: str) -> list[Submitter]:
    """'Van Weyenberg, Romke de Jong en Kat (allen D66)' or 'Mutluer (GroenLinks-PvdA) en
    Kostić (PvdD)' -> members with their parties."""
    text = _GLUED_PARTICLE_RE.sub(r"\1 ", text)
    common = _ALL_OF_RE.search(text)
    if common:
        text = text[: common.start()]
    out = []
    for piece in _SEPARATOR_RE.split(text):
        piece = piece.strip()
        own = _PARTY_RE.match(piece)
        name = own.group("name") if own else piece
        party = own.group("party") if own else (common.group("party") if common else None)
        if name:
            out.append(Submitter(name.strip(), party))
    return out


def _read_answered(draft: Draft, text: str) -> None:
    meta = draft.meta
    received = _RECEIVED_RE.search(text)
    if received and (date := iso_date(received.group("date"))):
        meta.date = date
    who = _ANSWERED_RE.match(text)
    asked_to = _asked_to(draft)
    people = []
    for m in _ANSWERER_RE.finditer(who.group("who") if who else ""):
        title, dept = m.group("title"), m.group("dept")
        people.append(Signatory(m.group("name").strip(), _office(title, dept, asked_to)))
    if people:
        meta.signatories = people


def _office(title: str, dept: str | None, asked_to: str) -> str:
    """'Minister', 'BZ' -> 'Minister van Buitenlandse Zaken': the ministry by its name; 'voor'
    where the questions were put to the minister 'voor' it, or it is no ministry."""
    if not dept:
        return title
    field = ministry(dept)
    head = field.split(" – ")[0]
    linked = "voor" if f"voor {head}" in asked_to else link_to(title, head)
    return f"{title} {linked} {field}"


def _asked_to(draft: Draft) -> str:
    start = opening(draft)
    match = _ASKED_RE.match(draft.blocks[start].plain().strip()) if start is not None else None
    return match.group("to") if match else ""


@dataclass(slots=True)
class _Label:
    question: bool
    numbers: list[int]
    end: int  # where the label ends in the block's text


def _label(text: str) -> _Label | None:
    text = text.strip()
    match = _WHOLE_LABEL_RE.match(text) or _LABEL_RE.match(text)
    if not match:
        return None
    numbers: list[int] = []
    for first, last in re.findall(r"(\d+)(?:\s*(?:t/m|tot en met|[-–])\s*(\d+))?", match["nums"]):
        numbers += range(int(first), int(last or first) + 1)
    return _Label(match.group("what").startswith("Vra"), numbers, match.end())


class PairCounter:
    """For readers whose markup holds each question and answer in an element of its own
    (XML <vraag>/<antwoord>, HTML div.vraag/div.antwoord): they mark the blocks themselves,
    and the labels need not be read."""

    def __init__(self) -> None:
        self.pair = 0

    def mark(self, blocks: list[DraftBlock], start: int, question: bool) -> None:
        """Blocks from *start* on are one question (a new pair) or the answer to the last."""
        if question or not self.pair:
            self.pair += 1
        role = BlockKind.QUESTION if question else BlockKind.ANSWER
        for block in blocks[start:]:
            block.pair = self.pair
            if block.kind is BlockKind.PARAGRAPH:
                block.kind = role


def _pairs(draft: Draft, start: int) -> None:
    """Labels become headings; the text under them QUESTION and ANSWER blocks, each
    question numbered with its answer. Where the reader paired them from the markup, it
    stands."""
    if any(block.pair is not None for block in draft.blocks):
        return
    blocks = draft.blocks[:start]
    by_number: dict[int, int] = {}
    made = pair = 0
    role = None
    for block in draft.blocks[start:]:
        label = _label(block.plain())
        if label is None:
            if block.plain().strip() == _NOTICE:
                role = None
            kind = role if role and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) else None
            blocks.append(
                DraftBlock(kind or block.kind, block.parts, pair if role else None, block.rows)
            )
            continue
        if label.question:
            made += 1
            pair = made
            by_number.update(dict.fromkeys(label.numbers, pair))
            role = BlockKind.QUESTION
        else:
            known = [by_number[n] for n in label.numbers if n in by_number]
            pair = known[0] if known else pair or 1
            role = BlockKind.ANSWER
        head, rest = block.split(len(block.plain()) - len(block.plain().lstrip()) + label.end)
        blocks.append(DraftBlock(BlockKind.HEADING, head, pair))
        if rest:
            blocks.append(DraftBlock(role, rest, pair))
    draft.blocks = blocks
