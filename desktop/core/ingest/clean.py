"""From text extracted out of a PDF (or saved from a web page) to a :class:`Draft`.

The extracted text carries the PDF's layout: lines broken at the measure with hyphens,
page footers, a first-page header, footnote bodies at page bottoms (sometimes in the middle
of a sentence that goes on on the next page), and footnote markers as plain digits. This
module undoes all of that; see docs/DESIGN.md, "One text, one set of offsets".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from desktop.core.ingest import metadata
from desktop.core.ingest.dutch import DATE_RE, ends_sentence
from desktop.core.ingest.line_breaks import Words, join_lines, kept_breaks
from desktop.core.ingest.publication_id import is_issn_line, parse_publication_id
from desktop.core.ingest.signatories import NAME_RE, ROLE_RE, ROLE_START_RE
from desktop.core.model.draft import Draft, DraftBlock, NoteRef
from desktop.core.model.letter import BlockKind

PAGE_FOOTER_RE = re.compile(
    r"^(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–‒-]\s*\d{4}, .*\bnr\. ?\d+\s+\d+$"
)
LONE_PAGE_NUMBER_RE = re.compile(r"^(?:pagina |blz\. )?\d{1,3}(?: van \d{1,3})?$", re.I)
# A note's first line: its number, then the note; text extracted by other tools may glue the
# number to the note ("5https://www.tweedekamer.nl/...", "1Brabants Dagblad", "4(Aanhangsel").
NOTE_START_RE = re.compile(r"^(\d{1,3})(?:\s+|(?=[^\W\d_]|[(«“‘\"]))(\S.*)$")
# Where a tool set a raised marker on a line of its own below the line it belongs to: the
# number alone, or with the rest of the sentence in lower case ("2" / "4 is de problematiek").
_MARKER_LINE_RE = re.compile(r"^(\d{1,3})(?:\s+(\S.*))?$")
# A footnote marker placed by the cleaner itself, before its number: no rule of where a
# marker may stand applies to it. Private use: no letter holds it.
EXPLICIT_MARKER = "\ue000"
# The page-1 block and the running foot of a typeset publication, as another tool's text
# glues them to each other and to the next page's first line ("ISSN 0921 - 7398’s-Gravenhage
# 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3").
_FURNITURE_RES = (
    re.compile(r"^ISSN \d{4}\s?[-–]\s?\d{3}[\dX]"),
    re.compile(r"^’s-Gravenhage \d{4}"),
    re.compile(
        r"^(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–‒-]\s*\d{4}, "
        r"(?:Aanhangsel|\d{1,3} ?\d{3}(?:[ -](?:[A-Z]{1,5}|\d{1,3}))?, nr\. ?\d{1,5}) ?"
        r"(?=\d)"
    ),
)
ADDRESSEE_RE = re.compile(r"^Aan (?:de|het|den)\b")
DATELINE_RE = re.compile(r"^[A-Z'][\w' .-]{1,40}, " + DATE_RE.pattern + r"\s*$", re.I)

# Web text puts one paragraph on a line; PDF text wraps at about 70 characters.
_WEB_LINE_LENGTH = 140
_SIGNATURE_LINES = 8  # four signatories, a role and a name each
_NAME_LENGTH = 60  # a line of a signature (a role goes on after a comma) is no longer


@dataclass(slots=True)
class _Line:
    text: str
    indented: bool  # a leading space: in extracted PDF text, the first line of a new page
    furniture: bool = False  # a page's id, ISSN or running foot: the page ends here


@dataclass(slots=True)
class _Chunk:
    """Lines between blank lines. ``gap_before``: a page footer or note block was removed."""

    lines: list[_Line]
    gap_before: bool = False


@dataclass(slots=True)
class _Page:
    chunks: list[_Chunk] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)


def clean_text(text: str, library_words: Collection[str] = ()) -> Draft:
    """Parse extracted letter text into a draft. *library_words*: the word forms of the
    library's letters (:func:`desktop.core.ingest.line_breaks.word_forms`), which with the
    letter's own words decide whether a hyphen at a line end is real."""
    lines = _without_glued_furniture(_split_lines(text))
    draft = Draft()
    start = metadata.read_header([ln.text for ln in lines], draft.meta)
    web = _looks_like_web_text(lines[start:])
    body = _markers_on_their_own_lines(lines[start:])
    chunks = _chunks(body, one_per_line=web)
    page = _take_notes(chunks)
    vocab = _words(lines, library_words)
    # Text with a paragraph on a line may come from a tool that kept the hyphens of words
    # broken at the PDF's line ends; text with its line ends judges them there.
    kept = kept_breaks(text, library_words) if web else str
    texts, kinds = _reflow(page.chunks, vocab)
    draft.blocks = _with_markers([kept(t) for t in texts], kinds, page)
    draft.notes = {m: kept(_join_lines([_Line(t, False) for t in b.split("\n")], vocab))
                   for m, b in page.notes.items()}  # fmt: skip
    metadata.read_opening_and_closing(draft)
    return draft


def _split_lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.lstrip("\ufeff").replace("\u00a0", " ").replace("\u00ad", "")
    text = text.replace(EXPLICIT_MARKER, "")
    out = []
    for raw in text.split("\n"):
        stripped = raw.strip()
        out.append(
            _Line(re.sub(r"[ \t]+", " ", stripped), raw[:1] in (" ", "\t") and bool(stripped))
        )
    return out


def _without_glued_furniture(lines: list[_Line]) -> list[_Line]:
    """Page furniture at the start of a line split off as a line of its own, so that what
    another tool glued to it ("… Aanhangsel 2Antwoord 7") is text again. Running feet count
    the pages: the number after a foot is the page's, the rest the next page's first line."""
    out: list[_Line] = []
    page = 1
    for line in lines:
        text, furniture = line.text, False
        while cut := _furniture_length(text, page):
            page += 1 if _FURNITURE_RES[2].match(text) else 0  # a running foot ends a page
            furniture, text = True, text[cut:].lstrip()
        if furniture:
            out.append(_Line(line.text[: len(line.text) - len(text)].strip(), False, True))
            if text:
                out.append(_Line(text, True))
        else:
            out.append(line)
    return out


def _furniture_length(text: str, page: int) -> int:
    """How long the page furniture at the start of *text* is (0: none)."""
    if PAGE_FOOTER_RE.match(text) or parse_publication_id(text) or is_issn_line(text):
        return len(text)
    for pattern in _FURNITURE_RES:
        if m := pattern.match(text):
            end = m.end()
            digits = re.match(r"\d{1,3}", text[end:])
            if digits:  # the page's number, glued to what follows
                number = digits.group()
                end += len(str(page)) if number.startswith(str(page)) else len(number)
            return end
    return 0


def _markers_on_their_own_lines(lines: list[_Line]) -> list[_Line]:
    """Markers set on a line of their own below the line they belong to ("…30 juni 2023" /
    "2" / "is aangegeven …"), as other tools extract raised digits, put back at the end of
    that line with an explicit marker. Only the markers of notes that follow below, in
    order."""
    out = list(lines)
    expected, k = 1, 0
    while k < len(out):
        m = _MARKER_LINE_RE.match(out[k].text)
        previous = k - 1
        while previous >= 0 and not out[previous].text:
            previous -= 1
        if m and int(m.group(1)) == expected and previous >= 0 and not out[previous].furniture:
            rest = m.group(2) or ""
            if (not rest or rest[:1].islower()) and _note_follows(out, k + 1, m.group(1)):
                joined = out[previous].text + EXPLICIT_MARKER + m.group(1)
                out[previous] = _Line(joined + (" " + rest if rest else ""), out[previous].indented)
                del out[k]
                expected += 1
                continue
        k += 1
    return out


def _note_follows(lines: list[_Line], start: int, marker: str) -> bool:
    """A note's first line with number *marker* below *start*, opening in upper case or
    with a bracket (the note to a marker, never the next line of the text)."""
    for line in lines[start:]:
        m = NOTE_START_RE.match(line.text)
        if m and m.group(1) == marker and not m.group(2)[:1].islower():
            return True
    return False


def _looks_like_web_text(lines: list[_Line]) -> bool:
    filled = [ln for ln in lines if ln.text]
    long = sum(1 for ln in filled if len(ln.text) > _WEB_LINE_LENGTH)
    return bool(filled) and long * 4 >= len(filled)


def _chunks(lines: list[_Line], one_per_line: bool) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    current: list[_Line] = []
    gap = False

    def flush() -> None:
        nonlocal current, gap
        if current:
            chunks.append(_Chunk(current, gap))
            gap = False
        current = []

    for line in lines:
        if (
            line.furniture
            or PAGE_FOOTER_RE.match(line.text)
            or (LONE_PAGE_NUMBER_RE.match(line.text) and not current and not one_per_line)
        ):
            flush()
            gap = True
        elif not line.text:
            flush()
        elif (
            one_per_line
            and not _continues_signature(current, line)
            and not _continues_sentence(current, line)
        ):
            flush()
            current.append(line)
        else:
            current.append(line)
    flush()
    return chunks


def _continues_sentence(current: list[_Line], line: _Line) -> bool:
    """In web text one line is one paragraph, except where a tool broke a sentence over
    lines: the line before it ends mid-sentence and it goes on in lower case or a bracket."""
    return (
        bool(current)
        and not ends_sentence(current[-1].text)
        and not current[-1].text.endswith(",")
        and (line.text[:1].islower() or line.text[:1] == "(")
    )


def _continues_signature(current: list[_Line], line: _Line) -> bool:
    """In web text a signature is still two lines: the role ending in a comma, then the name."""
    return bool(current) and bool(ROLE_RE.match(current[-1].text)) and len(line.text) < 60


# -- footnotes ---------------------------------------------------------------------------


def _take_notes(chunks: list[_Chunk]) -> _Page:
    """Move footnote bodies out of the flow; what followed them on the page stays."""
    page = _Page()
    expected = 1
    body_so_far: list[str] = []
    gap = False
    for chunk in chunks:
        first = NOTE_START_RE.match(chunk.lines[0].text)
        if (
            first
            and int(first.group(1)) == expected
            and _has_marker(" ".join(body_so_far), expected)
        ):
            rest, expected = _split_note_chunk(chunk, page, expected)
            gap = True
            if not rest:
                continue
            chunk = _Chunk(rest)
        chunk.gap_before = chunk.gap_before or gap
        gap = False
        page.chunks.append(chunk)
        body_so_far.extend(ln.text for ln in chunk.lines)
    return page


def _split_note_chunk(chunk: _Chunk, page: _Page, expected: int) -> tuple[list[_Line], int]:
    """Split a chunk that starts with note *expected* into notes and the text after them."""
    marker: str | None = None
    body: list[str] = []
    for i, line in enumerate(chunk.lines):
        start = NOTE_START_RE.match(line.text)
        if start and int(start.group(1)) == expected and (not body or ends_sentence(body[-1])):
            _store_note(page, marker, body)
            marker, body = start.group(1), [start.group(2)]
            expected += 1
        elif body and _resumes_body(body[-1], line):
            _store_note(page, marker, body)
            return chunk.lines[i:], expected
        else:
            body.append(line.text)
    _store_note(page, marker, body)
    return [], expected


def _resumes_body(previous_note_line: str, line: _Line) -> bool:
    """A note ended and the running text of the page goes on (2018 letter: `mede door` /
    note 1 / ` het promoten van ...`)."""
    return ends_sentence(previous_note_line) and (line.indented or line.text[:1].islower())


def _store_note(page: _Page, marker: str | None, body: list[str]) -> None:
    if marker is not None:
        page.notes[marker] = "\n".join(body)


# Where a footnote marker may stand. After punctuation and a space ("... Rusland was. 1": PDF
# text puts a space before a raised marker) the number must end the sentence: the next word,
# if any, starts a new one ("30 oktober", "nr. 30" are no markers). Glued to the word or
# bracket before it ("nr. 30)1,") it must be followed by a space or punctuation.
_BEFORE_SPACED = frozenset(".!?;:)»”’")
_BEFORE_GLUED = frozenset(")]»”’.,;:") | frozenset("abcdefghijklmnopqrstuvwxyzàáâäèéêëìíîïòóôöùúûü")
_AFTER_GLUED = frozenset(" \n\t,.;:)")
_NOT_BEFORE_SPACED = ("nr.", "Nr.", "no.", "No.", "art.", "blz.", " p.")
_NEXT_SENTENCE_RE = re.compile(r"\s+[A-Z(«“‘\"]|\s*$")


def _marker_spans(text: str, marker: str, pos: int = 0):
    """(start, end) of each place in *text* from *pos* where *marker* can be a footnote
    marker; start includes the space that PDF text puts before a raised marker. str.find
    keeps this fast: the number itself is rare, the context check runs only there."""
    while (i := text.find(marker, pos)) >= 0:
        pos = i + 1
        end = i + len(marker)
        if (i and text[i - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
            continue
        before = text[i - 1] if i else ""
        if before == EXPLICIT_MARKER:
            yield i - 1, end
        elif before == " " and i >= 2 and text[i - 2] in _BEFORE_SPACED:
            if not text[max(0, i - 6) : i - 1].endswith(
                _NOT_BEFORE_SPACED
            ) and _NEXT_SENTENCE_RE.match(text, end):
                yield i - 1, end
        elif before in _BEFORE_GLUED and (end == len(text) or text[end] in _AFTER_GLUED):
            yield i, end


def _has_marker(text: str, number: int) -> bool:
    return next(_marker_spans(text, str(number)), None) is not None


# -- reflow ------------------------------------------------------------------------------


def _reflow(chunks: list[_Chunk], vocab: Words) -> tuple[list[str], list[BlockKind]]:
    merged: list[list[_Line]] = []
    for chunk in chunks:
        if merged and chunk.gap_before and _continues(merged[-1], chunk.lines):
            merged[-1].extend(chunk.lines)
        else:
            merged.append(list(chunk.lines))
    texts: list[str] = []
    kinds: list[BlockKind] = []
    for i, lines in enumerate(merged):
        kind = _kind(lines, merged[i + 1] if i + 1 < len(merged) else None)
        if kind is BlockKind.HEADING and kinds and kinds[-1] is BlockKind.HEADING:
            # A form's lettered label and its value ("g) Eerstverantwoordelijk ministerie" /
            # "Ministerie van Financiën"): the value is no heading.
            label = enumeration(merged[i - 1][0].text) == "letter"
            kind = BlockKind.PARAGRAPH if label and not enumeration(lines[0].text) else kind
        if kind is BlockKind.SIGNATURE:
            texts.append("\n".join(ln.text for ln in lines))
        else:
            texts.append(_join_lines(lines, vocab))
        kinds.append(kind)
    return texts, kinds


def _continues(before: list[_Line], after: list[_Line]) -> bool:
    """A page break or a note block split one paragraph: the sentence before it is open."""
    last = before[-1].text
    if ends_sentence(last) or ROLE_RE.match(last):
        return False
    return after[0].text[:1].islower() or len(before) > 1 or len(last) > 50


def _kind(lines: list[_Line], following: list[_Line] | None) -> BlockKind:
    first = lines[0].text
    if _is_signature(lines):
        return BlockKind.SIGNATURE
    if len(lines) == 1 and ADDRESSEE_RE.match(first):
        return BlockKind.ADDRESSEE
    if len(lines) == 1 and DATELINE_RE.match(first):
        return BlockKind.DATELINE
    if len(lines) == 1 and looks_like_heading(first) and following is not None:
        numbered = enumeration(first)
        # "1. De afspraken" above "2. Beweging": items of a list, not headings.
        if numbered is None or numbered != enumeration(following[0].text):
            return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _is_signature(lines: list[_Line]) -> bool:
    """Roles and names, each signatory's role ending in a comma, each name a short line; or
    a name over its role without a comma ("M.A.M. Adriaansens" / "Minister van ...")."""
    if len(lines) == 2 and NAME_RE.match(lines[0].text) and ROLE_START_RE.match(lines[1].text):
        return True
    return (
        bool(ROLE_RE.match(lines[0].text))
        and 2 <= len(lines) <= _SIGNATURE_LINES
        and all(len(ln.text) <= _NAME_LENGTH or ln.text.endswith(",") for ln in lines)
        and not lines[-1].text.endswith(",")
    )


# A heading's number or letter: "1.", "2.3", "a)", "IV.".
_ENUMERATION_RE = re.compile(r"^(?:(?P<digits>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)])|"
                             r"(?P<letter>[a-z][.)])|(?P<roman>[IVX]{1,4}\.))\s+(?=\S)")  # fmt: skip


def looks_like_heading(text: str) -> bool:
    words = _ENUMERATION_RE.sub("", text)
    return (
        len(text) <= 80
        and words[:1].isupper()
        and not ends_sentence(text)
        and not text.endswith(",")
        and len(text.split()) <= 10
    )


def enumeration(text: str) -> str | None:
    """The kind of number a line opens with (a list item's or a heading's), if any."""
    m = _ENUMERATION_RE.match(text)
    return next((kind for kind, value in m.groupdict().items() if value), None) if m else None


def _join_lines(lines: list[_Line], words: Words) -> str:
    return join_lines((ln.text for ln in lines), words)


def _words(lines: list[_Line], library_words: Collection[str]) -> Words:
    """Words as this text writes them away from line ends, to judge line-end hyphens."""
    if not any(ln.text.endswith("-") for ln in lines):
        return Words()  # nothing to judge: web text, or a PDF without hyphenation
    body = "\n".join(ln.text[:-1] if ln.text.endswith("-") else ln.text for ln in lines)
    return Words.of(body, library_words)


# -- markers -----------------------------------------------------------------------------


def _with_markers(texts: list[str], kinds: list[BlockKind], page: _Page) -> list[DraftBlock]:
    """Find each footnote's marker in the running text and turn it into a NoteRef."""
    found: dict[int, list[tuple[int, int, str]]] = {}
    floor = (0, 0)  # markers come in order: never look before the previous one
    for marker in page.notes:
        hit = _find_marker(texts, kinds, marker, floor)
        if hit is not None:
            index, start, end = hit
            found.setdefault(index, []).append((start, end, marker))
            floor = (index, end)
    return [
        DraftBlock(kind, _split_at_markers(text, found.get(i, [])))
        for i, (kind, text) in enumerate(zip(kinds, texts, strict=True))
    ]


def _find_marker(
    texts: list[str], kinds: list[BlockKind], marker: str, floor: tuple[int, int]
) -> tuple[int, int, int] | None:
    """Where note *marker* is referenced: the place the cleaner marked for it if it did
    (a marker found on a line of its own), else the first place a marker may stand."""
    placed = EXPLICIT_MARKER + marker
    for index in range(floor[0], len(texts)):
        at = texts[index].find(placed, floor[1] if index == floor[0] else 0)
        while at >= 0 and texts[index][at + len(placed) : at + len(placed) + 1].isdigit():
            at = texts[index].find(placed, at + 1)
        if at >= 0:
            return index, at, at + len(placed)
    for index in range(floor[0], len(texts)):
        if kinds[index] in (BlockKind.SIGNATURE, BlockKind.DATELINE, BlockKind.ADDRESSEE):
            continue
        span = next(_marker_spans(texts[index], marker, floor[1] if index == floor[0] else 0), None)
        if span:
            return index, span[0], span[1]
    return None


def _split_at_markers(text: str, markers: list[tuple[int, int, str]]) -> list[str | NoteRef]:
    parts: list[str | NoteRef] = []
    pos = 0
    for start, end, marker in markers:
        if start > pos:
            parts.append(text[pos:start])
        parts.append(NoteRef(marker))
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
    return [p.replace(EXPLICIT_MARKER, "") if isinstance(p, str) else p for p in parts]
