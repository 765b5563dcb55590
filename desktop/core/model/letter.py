"""The letter model: one clean text and every annotation as a span into it.

All offsets are Python string indices (code points) into ``Letter.text``. The UI converts
them to Qt's UTF-16 positions in one place; nothing else may compute offsets on another
string.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ADDRESSEE = "addressee"
    DATELINE = "dateline"
    SIGNATURE = "signature"
    NOTE = "note"
    QUESTION = "question"  # Kamervragen: a question's text (its label "Vraag 1" is a heading)
    ANSWER = "answer"  # Kamervragen: an answer's text
    TABLE = "table"  # the whole table; its cells are in Letter.tables


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level piece of the text; blocks never overlap and are in text order.
    ``pair``: in Kamervragen, the question-and-answer pair the block belongs to (1, 2, ...),
    its label included, so that a reader can show or fold a question with its answer."""

    kind: BlockKind
    start: int
    end: int
    pair: int | None = None


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell: its text is ``Letter.text[start:end]`` (empty cells have start == end)."""

    start: int
    end: int
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[TableCell, ...]
    header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table as the markup gives it. Its text is in ``Letter.text`` like any other, cells
    separated by a tab and rows by a line break, inside the TABLE block ``start``..``end``."""

    start: int
    end: int
    rows: tuple[TableRow, ...]

    def placed(self) -> list[tuple[int, int, TableCell]]:
        """(row, column, cell) for every cell, columns counted past cells that span rows
        from above, as a grid lays them out."""
        taken: set[tuple[int, int]] = set()
        out = []
        for r, row in enumerate(self.rows):
            column = 0
            for cell in row.cells:
                while (r, column) in taken:
                    column += 1
                out.append((r, column, cell))
                taken.update(
                    (r + dr, column + dc)
                    for dr in range(cell.rowspan)
                    for dc in range(cell.colspan)
                )
                column += cell.colspan
        return out

    @property
    def columns(self) -> int:
        return max((c + cell.colspan for _, c, cell in self.placed()), default=0)

    def to_json(self) -> dict:
        rows = [
            {"header": row.header, "cells": [_fields(c) for c in row.cells]} for row in self.rows
        ]
        return {"start": self.start, "end": self.end, "rows": rows}

    @classmethod
    def from_json(cls, data: dict) -> Table:
        rows = tuple(
            TableRow(tuple(TableCell(**c) for c in row["cells"]), row.get("header", False))
            for row in data["rows"]
        )
        return cls(data["start"], data["end"], rows)


@dataclass(frozen=True, slots=True)
class Footnote:
    marker: str
    text: str
    ref_start: int  # the marker in the running text
    ref_end: int
    start: int  # the footnote body in the notes section
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    treaty: str
    kind: str  # "explicit" or "implicit"
    start: int
    end: int
    surface: str
    name: str | None = None  # treaty "other" (not in the gazetteer): its normalised name


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to another parliamentary document (kamerstuk, Handelingen, motie)."""

    kind: str
    start: int
    end: int
    dossier: str | None = None
    chapter: str | None = None
    number: str | None = None
    label: str | None = None  # free text: the motion's name, the Handelingen session
    year: str | None = None  # a Tractatenblad citation's year
    treaty: str | None = None  # the treaty a Tractatenblad citation is tied to


@dataclass(frozen=True, slots=True)
class Kamerstuk:
    dossier: str  # digits, and a sub-dossier where there is one: "33694", "21501-02"
    number: str | None  # "69"
    chapter: str | None = None  # budget chapter: "V", "VIII"

    def label(self) -> str:
        """As the documents print it: "33 694, nr. 69", "21 501-02", "36 410 VIII"."""
        main, dash, sub = self.dossier.partition("-")
        spaced = f"{main[:-3]} {main[-3:]}" if len(main) > 3 else main
        head = spaced + dash + sub
        head = f"{head} {self.chapter}" if self.chapter else head
        return f"{head}, nr. {self.number}" if self.number else head

    def publication(self) -> str | None:
        """The official identifier of a numbered Kamerstuk: "kst-21501-02-3121"."""
        if not self.number:
            return None
        chapter = f"-{self.chapter}" if self.chapter else ""
        return f"kst-{self.dossier}{chapter}-{self.number}"

    def to_json(self) -> dict:
        """The JSON contract's object: the chapter only where there is one."""
        out = {"dossier": self.dossier, "number": self.number}
        return out | {"chapter": self.chapter} if self.chapter else out

    @classmethod
    def from_json(cls, data: dict | None) -> Kamerstuk | None:
        return cls(data["dossier"], data.get("number"), data.get("chapter")) if data else None


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    role: str | None


@dataclass(frozen=True, slots=True)
class Submitter:
    """A member who asked (Kamervragen) or submitted (a motion), as printed, with the party
    where the document names it."""

    name: str
    party: str | None = None


# What a publication is, whatever its format: Metadata.kind takes one of these.
KINDS = (
    "brief", "motie", "amendement", "nota", "verslag", "memorie", "aanhangsel", "advies",
    "besluit", "fiche", "other",
)  # fmt: skip


@dataclass(slots=True)
class Metadata:
    title: str = ""
    date: str | None = None  # ISO "YYYY-MM-DD"; Kamervragen: the answer's "ontvangen" date
    kamerstuk: Kamerstuk | None = None
    dossier_title: str | None = None
    vergaderjaar: str | None = None  # "2023-2024", always with a plain hyphen
    addressee: str | None = None
    document_kind: str | None = None  # "BRIEF VAN DE MINISTERS VAN ..."
    kind: str | None = (
        None  # brief, motie, amendement, nota, verslag, memorie, aanhangsel, advies, besluit, fiche, other
    )
    signatories: list[Signatory] = field(default_factory=list)
    # The ministry template's column: sender, reference, your_reference, enclosures, contact...
    colophon: dict[str, str] = field(default_factory=dict)
    ocr_pages: list[int] = field(default_factory=list)  # pages (from 1) read by text recognition
    # The publication's number where it is no Kamerstuk (Aanhangsel nr. 3235); a Kamerstuk's
    # number is kamerstuk.number.
    number: str | None = None
    # The official identifier: "kst-32545-143", "ah-tk-20202021-3235", "blg-1007826".
    publication: str | None = None
    annex_of: str | None = None  # an annex (bijlage): the publication it belongs to
    date_submitted: str | None = None  # Kamervragen: the "ingezonden" date of the questions
    # Other dates the document gives, by what they are: an advice printed with the report
    # that answers it has {"advies": "2020-08-19"} (its date is the report's); a BNC-fiche,
    # which prints no date of its own, {"commissiedocument": ...} (the proposal received).
    dates: dict[str, str] = field(default_factory=dict)
    submitters: list[Submitter] = field(default_factory=list)  # who asked or submitted


@dataclass(slots=True)
class Letter:
    id: str
    source: str
    text: str
    meta: Metadata
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def explicit_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "explicit"]

    def mention_counts(self) -> dict[str, int]:
        """Explicit mentions per treaty id; implicit ones never count."""
        counts: dict[str, int] = {}
        for m in self.explicit_mentions:
            counts[m.treaty] = counts.get(m.treaty, 0) + 1
        return counts

    def to_json(self) -> dict:
        """The ``parse --json`` contract of DESIGN.md (plus additive keys)."""
        meta = self.meta
        ks = meta.kamerstuk
        return {
            "id": self.id,
            "source": self.source,
            "title": meta.title,
            "date": meta.date,
            "kind": meta.kind,
            "kamerstuk": ks.to_json() if ks else None,
            "number": meta.number or (ks.number if ks else None),
            "publication": meta.publication,
            "annex_of": meta.annex_of,
            "dossier_title": meta.dossier_title,
            "vergaderjaar": meta.vergaderjaar,
            "addressee": meta.addressee,
            "document_kind": meta.document_kind,
            "date_submitted": meta.date_submitted,
            "dates": meta.dates,
            "submitters": [_fields(s) for s in meta.submitters],
            "signatories": [{"name": s.name, "role": s.role} for s in meta.signatories],
            "colophon": meta.colophon,
            "ocr_pages": meta.ocr_pages,
            "text": self.text,
            "blocks": [_block_json(b) for b in self.blocks],
            "footnotes": [_fields(f) for f in self.footnotes],
            "mentions": [
                {k: v for k, v in _fields(m).items() if v is not None} for m in self.mentions
            ],
            "references": [
                {k: v for k, v in _fields(r).items() if v is not None} for r in self.references
            ],
            "tables": [t.to_json() for t in self.tables],
        }

    @classmethod
    def from_json(cls, data: dict) -> Letter:
        """Inverse of :meth:`to_json`; the index stores letters this way."""
        ks = Kamerstuk.from_json(data.get("kamerstuk"))
        number = data.get("number")
        meta = Metadata(
            title=data.get("title") or "",
            date=data.get("date"),
            kamerstuk=ks,
            dossier_title=data.get("dossier_title"),
            vergaderjaar=data.get("vergaderjaar"),
            addressee=data.get("addressee"),
            document_kind=data.get("document_kind"),
            kind=data.get("kind"),
            signatories=[Signatory(s["name"], s.get("role")) for s in data.get("signatories", [])],
            colophon=data.get("colophon") or {},
            ocr_pages=data.get("ocr_pages") or [],
            number=number if not ks or number != ks.number else None,
            publication=data.get("publication"),
            annex_of=data.get("annex_of"),
            date_submitted=data.get("date_submitted"),
            dates=data.get("dates") or {},
            submitters=[Submitter(**s) for s in data.get("submitters", [])],
        )
        return cls(
            id=data["id"],
            source=data.get("source", ""),
            text=data["text"],
            meta=meta,
            blocks=[
                Block(BlockKind(b["kind"]), b["start"], b["end"], b.get("pair"))
                for b in data.get("blocks", [])
            ],
            footnotes=[Footnote(**f) for f in data.get("footnotes", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            references=[Reference(**r) for r in data.get("references", [])],
            tables=[Table.from_json(t) for t in data.get("tables", [])],
        )


def _block_json(block: Block) -> dict:
    out: dict = {"kind": str(block.kind), "start": block.start, "end": block.end}
    if block.pair is not None:
        out["pair"] = block.pair
    return out


def _fields(obj) -> dict:
    """A flat dataclass as a dict (dataclasses.asdict deep-copies, a cost on every import)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}
