"""Official XML of Kamerstukken (``officiele-publicatie``) -> :class:`Draft`.

The XML already separates what a PDF mixes up: footnotes sit inline where they are
referenced, headings and signatures are tagged. So this reader only walks the tree in reading
order. The small helpers at the top (whitespace, dates, dossier numbers, signatures) are shared
with :mod:`desktop.core.ingest.readers.html_reader`, which reads the HTML rendering of the same
publications and must produce the same draft.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from desktop.core.ingest.dutch import DATE_RE, MONTHS
from desktop.core.model.draft import Draft, DraftBlock, Inline, LetterError, NoteRef
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


def parse_dutch_date(text: str) -> str | None:
    """'7 juli 2023' anywhere in ``text`` -> '2023-07-07'."""
    match = DATE_RE.search(text)
    if not match:
        return None
    day, month, year = match.groups()
    return _iso(int(year), MONTHS[month.lower()], int(day))


def parse_iso_date(text: str | None) -> str | None:
    """'2023-07-07' or '2023-07-07T10:00' -> '2023-07-07'; anything else -> None."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text or "")
    return _iso(*map(int, match.groups())) if match else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


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
    """Fill what the markup left open from the visible text, then from the embedded metadata."""
    first: dict[str, str] = {}
    for block in blocks:
        first.setdefault(block.kind, block.plain())
    meta.addressee = meta.addressee or first.get(BlockKind.ADDRESSEE)
    meta.date = meta.date or parse_dutch_date(first.get(BlockKind.DATELINE, ""))
    meta.date = meta.date or parse_iso_date(_one(official, "DCTERMS.issued"))
    meta.vergaderjaar = meta.vergaderjaar or normalize_vergaderjaar(
        _one(official, "OVERHEIDop.vergaderjaar")
    )
    meta.dossier_title = meta.dossier_title or _one(official, "OVERHEIDop.dossiertitel")
    if not meta.kamerstuk:
        dossier = (_one(official, "OVERHEIDop.dossiernummer") or "").split(";")[0]
        meta.kamerstuk = parse_dossier(dossier, _one(official, "OVERHEIDop.ondernummer"))
    meta.signatories = _with_initials(meta.signatories, official.get("OVERHEIDop.indiener", []))
    return meta


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
        walker.walk(root)
    except RecursionError:
        raise LetterError(f"{source}: XML nested too deeply to read") from None
    if not any(block.plain().strip() for block in walker.blocks):
        raise LetterError(f"{source}: no text found in the XML")
    meta = _markup_meta(root, walker.signatories)
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
    if root.tag not in ("officiele-publicatie", "kamerstuk"):
        raise LetterError(f"{source}: not an official publication (root <{root.tag}>)")
    return root


def _text(element: Element | None) -> str:
    return squash("".join(element.itertext())).strip() if element is not None else ""


def _own_text(element: Element) -> bool:
    """Text directly inside (not only inside children) marks a paragraph-like element."""
    runs = [element.text] + [child.tail for child in element]
    return any(run and run.strip() for run in runs)


# Elements that read as separate words even where the XML puts nothing between them.
_SPACED = {"br", "al", "li", "noot.al", "entry"}

# Header elements become metadata, not running text; colspec carries no text.
_SKIP = {"metadata", "kamerstukkop", "dossier", "stuknr", "colspec"}


class _Walker:
    """Collects blocks, notes and signatories in document order."""

    def __init__(self) -> None:
        self.blocks: list[DraftBlock] = []
        self.notes: dict[str, str] = {}
        self.signatories: list[Signatory] = []
        self._handlers = {
            "al": self._al,
            "tussenkop": self._heading,
            "kop": self._kop,
            "datumtekst": self._datumtekst,
            "stuk": self._stuk,
            "lijst": self._list,
            "table": self._table,
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
            if child.tag != "titel":  # the document kind, kept in the metadata
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
        """The caption as a heading, then one readable line per row: 'a | b | c'."""
        title = table.find("title")
        if title is not None:
            self._add(BlockKind.HEADING, self._inline(title))
        for row in table.iter("row"):
            cells = [normalize_parts(self._inline(entry)) for entry in row.iter("entry")]
            raw: list[Inline] = []
            for cell in (c for c in cells if c):
                raw += [" | ", *cell] if raw else cell
            self._add(BlockKind.PARAGRAPH, raw)

    def _signature(self, element: Element) -> None:
        role = _text(element.find("functie"))
        names = [n for n in (_name(naam) for naam in element.iter("naam")) if n]
        if not role and not names:
            self._add(BlockKind.SIGNATURE, self._inline(element))
            return
        block, people = signature(role, names)
        self.blocks.append(block)
        self.signatories += people


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
    year_line = root.find(".//kamerstukkop/tekstregel[@inhoud='vergaderjaar']")
    return Metadata(
        kamerstuk=parse_dossier(
            _text(root.find(".//dossiernummer/dossiernr")), _text(number), _text(chapter)
        ),
        dossier_title=_text(root.find(".//dossier/titel")) or None,
        document_kind=_text(root.find(".//stuk/titel")) or None,
        vergaderjaar=normalize_vergaderjaar(_text(year_line)),
        date=_markup_date(root),
        signatories=signatories,
    )


def _markup_date(root: Element) -> str | None:
    datum = root.find(".//datumtekst/datum")
    if datum is None:
        return None
    return parse_iso_date(datum.get("isodatum")) or parse_dutch_date(_text(datum))
