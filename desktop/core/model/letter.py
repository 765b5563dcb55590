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


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level piece of the text; blocks never overlap and are in text order."""

    kind: BlockKind
    start: int
    end: int


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


@dataclass(frozen=True, slots=True)
class Kamerstuk:
    dossier: str  # digits only: "33694"
    number: str | None  # "69"
    chapter: str | None = None  # budget chapter: "V", "X"

    def label(self) -> str:
        spaced = (
            f"{self.dossier[:-3]} {self.dossier[-3:]}" if len(self.dossier) > 3 else self.dossier
        )
        head = f"{spaced} {self.chapter}" if self.chapter else spaced
        return f"{head}, nr. {self.number}" if self.number else head

    def to_json(self) -> dict:
        """The JSON contract's object: the chapter only where there is one."""
        out = {"dossier": self.dossier, "number": self.number}
        return out | {"chapter": self.chapter} if self.chapter else out


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    role: str | None


@dataclass(slots=True)
class Metadata:
    title: str = ""
    date: str | None = None  # ISO "YYYY-MM-DD"
    kamerstuk: Kamerstuk | None = None
    dossier_title: str | None = None
    vergaderjaar: str | None = None  # "2023-2024", always with a plain hyphen
    addressee: str | None = None
    document_kind: str | None = None  # "BRIEF VAN DE MINISTERS VAN ..."
    signatories: list[Signatory] = field(default_factory=list)


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
        """The ``parse --json`` contract of DESIGN.md (plus a few additive keys)."""
        meta = self.meta
        kamerstuk = meta.kamerstuk.to_json() if meta.kamerstuk else None
        return {
            "id": self.id,
            "source": self.source,
            "title": meta.title,
            "date": meta.date,
            "kamerstuk": kamerstuk,
            "dossier_title": meta.dossier_title,
            "vergaderjaar": meta.vergaderjaar,
            "addressee": meta.addressee,
            "document_kind": meta.document_kind,
            "signatories": [{"name": s.name, "role": s.role} for s in meta.signatories],
            "text": self.text,
            "blocks": [{"kind": str(b.kind), "start": b.start, "end": b.end} for b in self.blocks],
            "footnotes": [_fields(f) for f in self.footnotes],
            "mentions": [_fields(m) for m in self.mentions],
            "references": [
                {k: v for k, v in _fields(r).items() if v is not None} for r in self.references
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> Letter:
        """Inverse of :meth:`to_json`; the index stores letters this way."""
        ks = data.get("kamerstuk")
        meta = Metadata(
            title=data.get("title") or "",
            date=data.get("date"),
            kamerstuk=Kamerstuk(ks["dossier"], ks.get("number"), ks.get("chapter")) if ks else None,
            dossier_title=data.get("dossier_title"),
            vergaderjaar=data.get("vergaderjaar"),
            addressee=data.get("addressee"),
            document_kind=data.get("document_kind"),
            signatories=[Signatory(s["name"], s.get("role")) for s in data.get("signatories", [])],
        )
        return cls(
            id=data["id"],
            source=data.get("source", ""),
            text=data["text"],
            meta=meta,
            blocks=[
                Block(BlockKind(b["kind"]), b["start"], b["end"]) for b in data.get("blocks", [])
            ],
            footnotes=[Footnote(**f) for f in data.get("footnotes", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            references=[Reference(**r) for r in data.get("references", [])],
        )


def _fields(obj) -> dict:
    """A flat dataclass as a dict (dataclasses.asdict deep-copies, a cost on every import)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}
