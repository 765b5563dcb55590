"""How a motion or an amendment is built, whatever format it came in.

A motion prints its heading (``MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS``), the day it was
moved (``Voorgesteld 6 juli 2021``; an amendment: ``Ontvangen …``), then its text in clauses
(``De Kamer,`` / ``gehoord de beraadslaging,`` / ``constaterende dat …;`` / ``verzoekt de
regering …,`` / ``en gaat over tot de orde van de dag.``), then the names of the members who
moved it. XML and HTML give each clause its own paragraph; PDF text runs them together, so the
clauses are split here, where all formats meet, and the draft comes out the same.
"""

from __future__ import annotations

import re

from desktop.core.ingest.dutch import DATE_RE, iso_date
from desktop.core.model.draft import Draft, DraftBlock
from desktop.core.model.letter import BlockKind, Signatory, Submitter

_HEADING_RE = re.compile(
    r"^(?P<what>(?:(?:nader\s+)?gewijzigde?\s+)?(?:motie|amendement))\s+van\s+"
    r"(?P<who>het\s+lid|de\s+leden)\s+(?P<names>.+?)(?P<cs>\s+c\.s\.)?"
    r"(?=\s+(?:ter\s+vervanging|over|ter)\b|\s*$)",
    re.I,
)
_DATELINE_RE = re.compile(r"^(?:Voorgesteld|Ontvangen)\s+(?:op\s+)?" + DATE_RE.pattern + r"\.?")
_CLAUSE = (
    r"De Kamer,|gehoord de beraadslaging|constaterende|overwegende|van mening|voorts|"
    r"verzoekt|spreekt uit|spreekt zich uit|roept|draagt|besluit|dringt|stelt vast|"
    r"en gaat over tot de orde van de dag"
)
_CLAUSE_RE = re.compile(rf"(?<=[,;:.])\s+(?={_CLAUSE})\b")
_CLOSING_RE = re.compile(r"\ben gaat over tot de orde van de dag\.")
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+en\s+", re.I)
_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le"}
_MAX_NAME = 60  # a line longer than this is text, not a member's name
# A name on a line of its own may look like a heading to the reader that set it apart.
_NAME_BLOCKS = (BlockKind.PARAGRAPH, BlockKind.SIGNATURE, BlockKind.HEADING)


def structure(draft: Draft) -> None:
    """Dateline, clauses and the members' names as blocks; date, submitters, signatories
    and title in the metadata."""
    meta = draft.meta
    heading = _HEADING_RE.match(re.sub(r"\s+", " ", meta.document_kind or ""))
    _dateline(draft)
    if (meta.kind or "") == "motie":
        draft.blocks = [piece for block in draft.blocks for piece in _clauses(block)]
    printed = _split_names(heading.group("names")) if heading else []
    names = _signature(draft, printed, trust_tail=True)
    if heading:
        meta.title = _title(heading, printed, names)


_INITIATIVE_RE = re.compile(
    r"\bvan\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)\s+"
    r"(?:tot|houdende|ter|over|inzake|betreffende|met|in verband)\b"
)


def initiative(draft: Draft) -> None:
    """A member's bill (``Voorstel van wet van de leden X, Y en Z tot …``): its memorie and
    notas end with the members' names; they sign it."""
    meta = draft.meta
    found = _INITIATIVE_RE.search(meta.dossier_title or "")
    if found and not meta.signatories:
        _signature(draft, _split_names(found.group("names")), trust_tail=False)


def _dateline(draft: Draft) -> None:
    for index, block in enumerate(draft.blocks[:4]):
        match = _DATELINE_RE.match(block.plain())
        if not match:
            continue
        draft.meta.date = iso_date(match.group()) or draft.meta.date
        head, rest = block.split(match.end())
        draft.blocks[index : index + 1] = [DraftBlock(BlockKind.DATELINE, head)] + (
            [DraftBlock(BlockKind.PARAGRAPH, rest)] if rest else []
        )
        return


def _clauses(block: DraftBlock) -> list[DraftBlock]:
    """A paragraph that runs several clauses together, one block per clause."""
    if block.kind is not BlockKind.PARAGRAPH:
        return [block]
    cuts = [m.start() for m in _CLAUSE_RE.finditer(block.plain())]
    pieces, rest = [], block
    for cut in reversed(cuts):
        head, tail = rest.split(cut)
        pieces.append(DraftBlock(BlockKind.PARAGRAPH, tail))
        rest = DraftBlock(BlockKind.PARAGRAPH, head)
    return [rest, *reversed(pieces)]


def _signature(draft: Draft, printed: list[str], trust_tail: bool) -> list[str]:
    """The members' names after the text become one signature block and the submitters and
    signatories; returns them as the document prints them. Without *trust_tail* the tail
    must hold exactly the printed names."""
    start = _tail_start(draft)
    tail = draft.blocks[start:]
    if not tail or any(b.kind not in _NAME_BLOCKS for b in tail):
        return []
    texts = [line.strip() for b in tail for line in b.plain().split("\n") if line.strip()]
    names = _find_names(" ".join(texts), printed) or _same_names(texts, printed)
    if names is None and trust_tail and all(len(t) <= _MAX_NAME for t in texts):
        names = texts
    if not names:
        return []
    draft.blocks[start:] = [DraftBlock(BlockKind.SIGNATURE, ["\n".join(names)])]
    draft.meta.signatories = [Signatory(name, None) for name in names]
    draft.meta.submitters = [Submitter(name) for name in names]
    return names


def _tail_start(draft: Draft) -> int:
    """Where the names begin: after the closing formula of a motion (split off where a PDF
    ran the names on), else after the last paragraph that reads as text."""
    for index in range(len(draft.blocks) - 1, -1, -1):
        block = draft.blocks[index]
        closing = _CLOSING_RE.search(block.plain())
        if closing:
            head, rest = block.split(closing.end())
            if rest:
                draft.blocks[index : index + 1] = [
                    DraftBlock(block.kind, head),
                    DraftBlock(BlockKind.PARAGRAPH, rest),
                ]
            return index + 1
    index = len(draft.blocks)
    while index > 0 and _looks_like_names(draft.blocks[index - 1]):
        index -= 1
    return index


def _looks_like_names(block: DraftBlock) -> bool:
    text = block.plain().strip()
    return block.kind is BlockKind.SIGNATURE or (
        block.kind in _NAME_BLOCKS and 0 < len(text) <= _MAX_NAME and text[-1:].isalpha()
    )


def _find_names(text: str, printed: list[str]) -> list[str] | None:
    """The heading's names found, in order, as the whole of *text* (in its own case)."""
    if not printed:
        return None
    words = [r"\s+".join(re.escape(w) for w in name.split()) for name in printed]
    match = re.fullmatch(r"\s*" + r"\s+".join(f"({w})" for w in words) + r"\s*", text, re.I)
    return list(match.groups()) if match else None


def _same_names(lines: list[str], printed: list[str]) -> list[str] | None:
    """Each line one of the printed names, in any order (signatures need not follow the
    heading's order)."""
    wanted = {" ".join(name.split()).casefold() for name in printed}
    found = {" ".join(line.split()).casefold() for line in lines}
    return lines if printed and found == wanted and len(lines) == len(wanted) else None


def _split_names(names: str) -> list[str]:
    return [n for n in _NAME_SEPARATOR.split(names.strip()) if n]


def _title(heading: re.Match[str], printed: list[str], found: list[str]) -> str:
    """'Motie van de leden Inge van Dijk en Grinwis' in the names' own case."""
    by_upper = {name.upper(): name for name in found}
    names = [by_upper.get(name.upper()) or name_case(name) for name in printed]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    what = re.sub(r"\s+", " ", heading.group("what")).lower().capitalize()
    who = re.sub(r"\s+", " ", heading.group("who")).lower()
    return f"{what} van {who} {listed}" + (" c.s." if heading.group("cs") else "")


def name_case(name: str) -> str:
    """'INGE VAN DIJK' -> 'Inge van Dijk'; 'VAN DER LEE' -> 'Van der Lee' (a name that starts
    with its particle capitalises it, as the Kamer writes it)."""
    words = name.lower().split()
    out = []
    for i, word in enumerate(words):
        keep = i > 0 and word in _PARTICLES and i < len(words) - 1
        out.append(word if keep else "-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)
