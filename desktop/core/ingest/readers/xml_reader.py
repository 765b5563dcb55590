"""Official XML of Kamerstukken (``officiele-publicatie``) -> :class:`Draft`.

The XML already separates what a PDF mixes up: footnotes sit inline where they are
referenced, headings and signatures are tagged. So this reader only walks the tree in reading
order. The small helpers at the top (whitespace, dates, dossier numbers, signatures) are shared
with :mod:`desktop.core.ingest.readers.html_reader`, which reads the HTML rendering of the same
publications and must produce the same draft.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from desktop.core.ingest.dutch import DATE_RE, calendar_date, iso_date
from desktop.core.ingest.kamervragen import PairCounter
from desktop.core.ingest.metadata import kind_of
from desktop.core.model.draft import (
    Draft,
    DraftBlock,
    DraftCell,
    DraftRow,
    Inline,
    LetterError,
    NoteRef,
)
from desktop.core.model.letter import BlockKind, Kamerstuk, Metadata, Signatory

# --- shared with html_reader -------------------------------------------------------------

Official = dict[str, list[str]]  # the embedded meta[@name] -> contents, in document order

_SPACE = re.compile(r"\s+")  # str patterns: covers CR/LF, tabs and no-break spaces
# Soft hyphens and zero-width characters are typesetting hints; the 'ĳ' ligature of some
# publications would otherwise hide 'bij' from a search for it.
_INVISIBLE = str.maketrans(
    {"\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None, "\u0133": "ij", "\u0132": "IJ"}
)
_DATELINE = re.compile(r"^[^\W\d][\w'’. -]{1,40},\s+" + DATE_RE.pattern + r"\.?$", re.IGNORECASE)
_ADDRESSEE = re.compile(r"^Aan (de|het|den) \S")
_YEARS = re.compile(r"(\d{4})\s*[-‐‑‒–—/]\s*(\d{4}|\d{2})\b")
_DOSSIER = re.compile(r"^(\d[\d .]*?)(?:\s*-\s*(\d+))?(?:[\s-]*([A-Z]{1,6}))?$")


def squash(text: str) -> str:
    """One space for every whitespace run, without the invisible typesetting characters."""
    return _SPACE.sub(" ", text.translate(_INVISIBLE))


def normalize_parts(raw: list[Inline]) -> list[Inline]:
    """Merge adjacent text runs, collapse whitespace, strip the block's two ends."""
    parts: list[Inline] = []
    for part in raw:
        if isinstance(part, str) and parts and isinstance(parts[-1], str):
            parts[-1] += part
        else:
            parts.append(part)
    parts = [squash(p) if isinstance(p, str) else p for p in parts]
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].lstrip()
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
    return [p for p in parts if p != ""]


def parse_iso_date(text: str | None) -> str | None:
    """'2023-07-07' or '2023-07-07T10:00' -> '2023-07-07'; anything else -> None."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text or "")
    return calendar_date(*map(int, match.groups())) if match else None


def normalize_vergaderjaar(text: str | None) -> str | None:
    """'Vergaderjaar 2026‒2027' or '2022/23' -> '2026-2027' (always a plain hyphen)."""
    match = _YEARS.search(text or "")
    if not match:
        return None
    first, second = match.groups()
    return f"{first}-{first[:2] + second if len(second) == 2 else second}"


def parse_dossier(
    text: str | None, number: str | None, chapter: str | None = None
) -> Kamerstuk | None:
    """'28 844' / '36 200-V' / '21 501-20' (+ ondernummer) -> Kamerstuk, or None."""
    match = _DOSSIER.match(squash(text or "").strip())
    if not match:
        return None
    digits, sub, letters = match.groups()
    dossier = re.sub(r"\D", "", digits) + (f"-{sub}" if sub else "")
    chapter = squash(chapter or "").strip() or letters
    return Kamerstuk(dossier, squash(number or "").strip() or None, chapter or None)


def classify(text: str, blocks: list[DraftBlock]) -> BlockKind:
    """Addressee and dateline are paragraphs in the markup; recognise them by their form."""
    if _DATELINE.match(text):
        return BlockKind.DATELINE
    short = len(text) < 160 and not text.endswith((".", ":", ";", "?"))
    if not (short and _ADDRESSEE.match(text)):  # cheap tests first: long documents
        return BlockKind.PARAGRAPH
    body = (BlockKind.PARAGRAPH, BlockKind.ADDRESSEE)
    before_body = all(b.kind not in body for b in blocks)
    return BlockKind.ADDRESSEE if before_body else BlockKind.PARAGRAPH


def signature(role: str, names: list[str]) -> tuple[DraftBlock, list[Signatory]]:
    """Role line with its comma, then one name per line, as in the bundled text letters."""
    role = squash(role).strip()
    lines = [role if role.endswith(",") else f"{role},"] if role else []
    block = DraftBlock(BlockKind.SIGNATURE, ["\n".join(lines + names)])
    # As the text reader does: "De Minister van Defensie," -> "Minister van Defensie".
    plain_role = re.sub(r"^[Dd]e\s+", "", role.rstrip(", ").strip()) or None
    return block, [Signatory(name, plain_role) for name in names]


def finish_meta(meta: Metadata, blocks: list[DraftBlock], official: Official) -> Metadata:
    """Fill what the markup left open from the visible text, then from the embedded metadata.
    The official document title goes to ``meta.title``; the rules for every format
    (desktop.core.ingest.metadata.complete) decide whether it stays."""
    first: dict[BlockKind, str] = {}
    for block in blocks:
        first.setdefault(block.kind, block.plain())
    meta.addressee = meta.addressee or first.get(BlockKind.ADDRESSEE)
    meta.date = meta.date or iso_date(first.get(BlockKind.DATELINE, ""))
    meta.date = meta.date or parse_iso_date(_one(official, "OVERHEIDop.datumOntvangst"))
    meta.date = meta.date or parse_iso_date(_one(official, "DCTERMS.issued"))
    _official_identity(meta, official)
    meta.vergaderjaar = meta.vergaderjaar or normalize_vergaderjaar(
        _one(official, "OVERHEIDop.vergaderjaar")
    )
    meta.dossier_title = meta.dossier_title or _one(official, "OVERHEIDop.dossiertitel")
    if not meta.kamerstuk:
        dossier = (_one(official, "OVERHEIDop.dossiernummer") or "").split(";")[0]
        meta.kamerstuk = parse_dossier(dossier, _one(official, "OVERHEIDop.ondernummer"))
    meta.signatories = _with_initials(meta.signatories, official.get("OVERHEIDop.indiener", []))
    return meta


def _official_identity(meta: Metadata, official: Official) -> None:
    """What the publication is, where the embedded metadata says so."""
    meta.title = meta.title or _one(official, "OVERHEIDop.documenttitel") or ""
    types = [v for v in official.get("DC.type", []) if kind_of(v)]
    meta.kind = meta.kind or (kind_of(types[0]) if types else None)
    if meta.kind == "aanhangsel" and not meta.document_kind:
        meta.document_kind = squash(types[0]).strip()
    meta.number = meta.number or _one(official, "OVERHEIDop.aanhangselNummer")
    meta.publication = meta.publication or publication_id(official)
    meta.annex_of = meta.annex_of or _one(official, "OVERHEIDop.hoofddocument")


def publication_id(official: Official) -> str | None:
    """DC.identifier, or the name in the address of the external metadata record
    (".../kst-32545-143/metadata.xml")."""
    found = _one(official, "DC.identifier")
    record = re.search(
        r"/([a-z]+(?:-[\w]+)+)/metadata\.xml$",
        _one(official, "OVERHEIDop.externMetadataRecord") or "",
    )
    return found or (record.group(1) if record else None)


def _one(official: Official, name: str) -> str | None:
    values = [v for v in official.get(name, []) if v.strip()]
    return squash(values[0]).strip() if values else None


def _with_initials(signatories: list[Signatory], submitters: list[str]) -> list[Signatory]:
    """Members sign with a bare surname ('Vedder'); the metadata knows 'E.C. Vedder'."""
    result = []
    for person in signatories:
        full = [s for s in submitters if s.endswith(" " + person.name)]
        bare = " " not in person.name and "." not in person.name
        result.append(Signatory(full[0], person.role) if bare and len(full) == 1 else person)
    return result


# --- the XML reader ----------------------------------------------------------------------


def read_xml(data: bytes, source: str) -> Draft:
    root = _parse(data, source)
    walker = _Walker()
    try:
        # The older <kamerwrk> puts its header in <kop> and <frontm>, the text in <body>.
        for part in root.findall("body") if root.tag == "kamerwrk" else [root]:
            walker.walk(part)
    except RecursionError:
        raise LetterError(f"{source}: XML nested too deeply to read") from None
    if not any(block.plain().strip() for block in walker.blocks):
        raise LetterError(f"{source}: no text found in the XML")
    meta = _markup_meta(root, walker.signatories)
    if root.tag == "kamerwrk":
        _older_meta(root, meta)
    meta = finish_meta(meta, walker.blocks, _official(root))
    return Draft(blocks=walker.blocks, notes=walker.notes, meta=meta)


def _parse(data: bytes, source: str) -> Element:
    """defusedxml refuses DTDs, entity declarations and external references outright."""
    if not data.strip():
        raise LetterError(f"{source}: empty file")
    try:
        root = safe_et.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise LetterError(f"{source}: refused unsafe XML ({type(exc).__name__})") from None
    except (ParseError, ValueError) as exc:
        raise LetterError(f"{source}: not well-formed XML ({exc})") from None
    for element in root.iter():  # namespaced variants of the format read the same
        element.tag = element.tag.rsplit("}", 1)[-1]
    if root.tag not in ("officiele-publicatie", "kamerstuk", "kamerwrk"):
        raise LetterError(f"{source}: not an official publication (root <{root.tag}>)")
    return root


def _text(element: Element | None) -> str:
    """The element's text without its footnotes (a note on a heading is no part of it)."""
    if element is None:
        return ""
    return squash("".join(_text_runs(element))).strip()


def _text_runs(element: Element):
    yield element.text or ""
    for child in element:
        if child.tag != "noot":
            yield from _text_runs(child)
        yield child.tail or ""


def _own_text(element: Element) -> bool:
    """Text directly inside (not only inside children) marks a paragraph-like element."""
    runs = [element.text] + [child.tail for child in element]
    return any(run and run.strip() for run in runs)


# Elements that read as separate words even where the XML puts nothing between them.
_SPACED = {"br", "al", "li", "noot.al", "entry"}

# Header elements become metadata, not running text; colspec carries no text; <witreg> is
# an empty line of the older format.
_SKIP = {"metadata", "kamerstukkop", "kamervraagkop", "kamervraagnummer", "dossier", "stuknr",
         "colspec", "witreg", "ltrlabel"}  # fmt: skip


class _Walker:
    """Collects blocks, notes and signatories in document order."""

    def __init__(self) -> None:
        self.blocks: list[DraftBlock] = []
        self.notes: dict[str, str] = {}
        self.signatories: list[Signatory] = []
        self._pairs = PairCounter()
        self._handlers = {
            "al": self._al,
            "tussenkop": self._heading,
            "tuskop": self._heading,
            "kop": self._kop,
            "kamervraagomschrijving": self._paragraph,
            "vraag": self._question,
            "antwoord": self._answer,
            "datumtekst": self._datumtekst,
            "stuk": self._stuk,
            "lijst": self._list,
            "table": self._table,
            "tabel": self._table,
            "ondertekening": self._signature,
            "noot": self._loose_note,
        }

    def walk(self, element: Element) -> None:
        handler = self._handlers.get(element.tag)
        if handler:
            handler(element)
        elif element.tag in _SKIP:
            return
        elif _own_text(element):
            self._add(BlockKind.PARAGRAPH, self._inline(element))
        else:
            for child in element:
                self.walk(child)

    def _add(self, kind: BlockKind, raw: list[Inline]) -> None:
        parts = normalize_parts(raw)
        if parts:
            self.blocks.append(DraftBlock(kind, parts))

    def _inline(self, element: Element, out: list[Inline] | None = None) -> list[Inline]:
        out = [] if out is None else out
        out.append(element.text or "")
        for child in element:
            if child.tag == "noot":
                out.append(self._note(child))
            elif child.tag in _SPACED:
                out += [" ", *self._inline(child), " "]
            else:
                self._inline(child, out)
            out.append(child.tail or "")
        return out

    def _note(self, noot: Element) -> NoteRef:
        """The body goes to the notes; the running text keeps only the marker."""
        marker = _text(noot.find("noot.nr")) or str(len(self.notes) + 1)
        bodies = [self._inline(al) for al in noot.findall("noot.al")]
        if not bodies:  # a note without noot.al: its own text, minus the number
            bodies = [[noot.text or "", *(c.tail or "" for c in noot)]]
        texts = [squash("".join(p for p in body if isinstance(p, str))).strip() for body in bodies]
        self.notes.setdefault(marker, " ".join(t for t in texts if t))
        return NoteRef(marker)

    def _loose_note(self, noot: Element) -> None:
        """A note outside any paragraph belongs to the text just before it."""
        ref = self._note(noot)
        if self.blocks:
            self.blocks[-1].parts.append(ref)

    def _al(self, al: Element) -> None:
        parts = normalize_parts(self._inline(al))
        if parts:
            text = "".join(p for p in parts if isinstance(p, str))
            self.blocks.append(DraftBlock(classify(text, self.blocks), parts))

    def _heading(self, element: Element) -> None:
        self._add(BlockKind.HEADING, self._inline(element))

    def _paragraph(self, element: Element) -> None:
        self._add(BlockKind.PARAGRAPH, self._inline(element))

    def _question(self, element: Element) -> None:
        start = len(self.blocks)
        self._children(element)
        self._pairs.mark(self.blocks, start, question=True)

    def _answer(self, element: Element) -> None:
        start = len(self.blocks)
        self._children(element)
        self._pairs.mark(self.blocks, start, question=False)

    def _children(self, element: Element) -> None:
        """A question's or answer's content; its <nr> ("Vraag 1") is its label."""
        if _own_text(element):
            self._add(BlockKind.PARAGRAPH, self._inline(element))
            return
        for child in element:
            if child.tag == "nr":
                self._heading(child)
            else:
                self.walk(child)

    def _kop(self, kop: Element) -> None:
        """label + nr + titel read as 'Artikel 1 Titel' or '1. Inleiding'."""
        raw: list[Inline] = [kop.text or ""]
        for child in kop:
            raw += [" ", *self._inline(child), " ", child.tail or ""]
        self._add(BlockKind.HEADING, raw)

    def _datumtekst(self, element: Element) -> None:
        self._add(BlockKind.DATELINE, self._inline(element))

    def _stuk(self, stuk: Element) -> None:
        for child in stuk:
            # The document kind and (older format) its number are kept in the metadata;
            # a heading with a footnote is also text, so that the note has its marker.
            if child.tag == "titel" and child.find(".//noot") is not None:
                number = stuk.find("stuknr")
                self._add(BlockKind.HEADING, [_text(number), " ", *self._inline(child)])
            elif child.tag not in ("titel", "nummer"):
                self.walk(child)

    def _list(self, lijst: Element) -> None:
        for child in lijst:
            if child.tag == "li":
                self._item(child)
            else:
                self.walk(child)

    def _item(self, li: Element) -> None:
        """The item's number ('a.', '–') prefixes its first paragraph."""
        prefix = _text(li.find("li.nr"))
        prefix = f"{prefix} " if prefix else ""
        for child in li:
            if child.tag == "li.nr":
                continue
            if prefix and child.tag == "al":
                self._add(BlockKind.PARAGRAPH, [prefix, *self._inline(child)])
                prefix = ""
            else:
                self.walk(child)
        if prefix and _own_text(li):
            self._add(BlockKind.PARAGRAPH, [prefix, li.text or ""])

    def _table(self, table: Element) -> None:
        """The caption as a heading, then each CALS table group as a table block."""
        title = table.find("title")
        if title is not None:
            self._add(BlockKind.HEADING, self._inline(title))
        for group in table.findall("tgroup") or [table]:
            rows = _CalsGrid(group).rows(self._inline)
            if any(cell.parts for row in rows for cell in row.cells):
                self.blocks.append(DraftBlock(BlockKind.TABLE, [], rows=rows))

    def _signature(self, element: Element) -> None:
        role = _text(element.find("functie"))
        names = [n for n in (_name(naam) for naam in element.iter("naam")) if n]
        if not role and not names:
            self._add(BlockKind.SIGNATURE, self._inline(element))
            return
        block, people = signature(role, names)
        self.blocks.append(block)
        self.signatories += people


class _CalsGrid:
    """Rows of a CALS table group: header rows from <thead>, a cell's column span from
    namest/nameend and its row span from morerows; columns an entry skips (by colname)
    become empty cells."""

    def __init__(self, group: Element) -> None:
        self.names = [c.get("colname", "") for c in group.iter("colspec")]
        self.sections = [(part.tag == "thead", part) for part in group
                         if part.tag in ("thead", "tbody", "tfoot")] or [(False, group)]  # fmt: skip
        self.taken: set[tuple[int, int]] = set()

    def rows(self, inline) -> list[DraftRow]:
        out: list[DraftRow] = []
        for header, section in self.sections:
            for row in section.findall("row"):
                out.append(DraftRow(self._cells(row, len(out), inline), header))
        return out

    def _cells(self, row: Element, r: int, inline) -> list[DraftCell]:
        cells: list[DraftCell] = []
        column = 0
        for entry in row.findall("entry"):
            first = self._column(entry.get("namest") or entry.get("colname"))
            while (r, column) in self.taken or (first is not None and column < first):
                if (r, column) not in self.taken:
                    cells.append(DraftCell([]))
                column += 1
            last = self._column(entry.get("nameend"))
            span = last - column + 1 if last is not None and last >= column else 1
            down = (
                int(entry.get("morerows", "0") or 0) + 1
                if entry.get("morerows", "").isdigit()
                else 1
            )
            cells.append(DraftCell(normalize_parts(inline(entry)), span, down))
            self.taken.update((r + i, column + j) for i in range(down) for j in range(span))
            column += span
        return cells

    def _column(self, name: str | None) -> int | None:
        return self.names.index(name) if name in self.names else None


def _name(naam: Element) -> str:
    """voornaam + achternaam with a space even where the XML has none between them."""
    pieces = [_text(child) for child in naam] if len(naam) else [_text(naam)]
    return " ".join(p for p in pieces if p)


def _official(root: Element) -> Official:
    official: Official = {}
    for meta in root.iterfind("metadata/meta"):
        official.setdefault(meta.get("name", ""), []).append(meta.get("content", ""))
    return official


def _markup_meta(root: Element, signatories: list[Signatory]) -> Metadata:
    number = root.find(".//stuk/stuknr/ondernummer")
    chapter = root.find(".//dossiernummer/begrotingshoofdstuk")
    year_line = root.find(".//tekstregel[@inhoud='vergaderjaar']")
    # Kamervragen name their series in the header: "Aanhangsel van de Handelingen".
    series = _text(root.find(".//kamervraagkop/tekstregel[@inhoud='documenttype']")) or None
    questions = root.find(".//kamervragen") is not None
    return Metadata(
        kamerstuk=parse_dossier(
            _text(root.find(".//dossiernummer/dossiernr")), _text(number), _text(chapter)
        ),
        dossier_title=_text(root.find(".//dossier/titel")) or None,
        document_kind=series or _text(root.find(".//stuk/titel")) or None,
        kind=kind_of(series) or ("aanhangsel" if questions else None),
        number=_text(root.find(".//kamervraagnummer")) or None,
        vergaderjaar=normalize_vergaderjaar(_text(year_line)),
        date=_markup_date(root),
        signatories=signatories,
    )


# <kamerwrk publtype=...>: the older format's code for what the publication is.
_OLDER_KINDS = {"meto": "memorie", "memo": "memorie", "mot": "motie", "amen": "amendement",
                "brief": "brief", "nota": "nota", "vers": "verslag", "adv": "advies"}  # fmt: skip


def _older_meta(root: Element, meta: Metadata) -> None:
    """<kamerwrk>: vergjaar, onderw/nummer + naam (the dossier), stuk/nummer + titel."""
    number = _text(root.find("body/stuk/nummer"))
    meta.kamerstuk = parse_dossier(_text(root.find("frontm/onderw/nummer")), number)
    meta.dossier_title = _text(root.find("frontm/onderw/naam")) or None
    meta.document_kind = _text(root.find("body/stuk/titel")) or None
    meta.vergaderjaar = normalize_vergaderjaar(_text(root.find("frontm/vergjaar")))
    meta.kind = kind_of(meta.document_kind) or _OLDER_KINDS.get(root.get("publtype", ""))


def _markup_date(root: Element) -> str | None:
    datum = root.find(".//datumtekst/datum")
    if datum is None:
        return None
    return parse_iso_date(datum.get("isodatum")) or iso_date(_text(datum))
