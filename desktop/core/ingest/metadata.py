"""Letter metadata, and the rules that hold whatever format a publication came in.

Text and PDF drafts get their first-page Kamerstuk header read here (:func:`read_header`) and
their opening and signatures (:func:`read_opening_and_closing`); XML and HTML readers take
the same facts from the markup. Then every draft goes through :func:`complete`, the same for
all formats: what kind of publication it is, how a motion and Kamervragen are built (blocks
and who submitted, asked, answered), which publication an annex belongs to, and a title a
person recognises.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from desktop.core.ingest import kamervragen, motions
from desktop.core.ingest.dutch import iso_date
from desktop.core.ingest.signatories import NAME_RE, normal, parse_signature
from desktop.core.model.dates import MONTHS
from desktop.core.model.draft import Draft
from desktop.core.model.letter import BlockKind, Kamerstuk, Metadata, Signatory

# A dossier as printed: "33 694", "21 501-02" (a sub-dossier), "36 410 VIII" (a budget
# chapter: roman numerals, perhaps with A or B, or a single letter).
DOSSIER = r"(?P<a>\d{2}) ?(?P<b>\d{3})(?:-(?P<sub>\d{1,3}))?(?:[ -](?P<ch>[IVXL]+[AB]?|[A-Q])\b)?"

_CHAMBER_RE = re.compile(r"^(Tweede|Eerste) Kamer der Staten-Generaal\s*(?:[12](?!\d))?\s*")
_YEAR_RE = re.compile(r"^Vergaderjaar (\d{4})\s*[–‒-]\s*(\d{4})\s*", re.I)
_AANHANGSEL = "Aanhangsel van de Handelingen"
_BANNER_RE = re.compile(r"^Vragen gesteld door de leden der Kamer\b")
_DOSSIER_RE = re.compile(rf"^{DOSSIER}\s+(?P<title>\S.*)$")
_NUMBER_RE = re.compile(r"^Nr\.\s*(\d+)\s+(\S.*)$")
_LONE_NUMBER_RE = re.compile(r"^\d{1,5}$")
_HEADER_LINES = 24  # the first-page header never runs longer; stop looking after it
_TITLE_LINES = 8  # a dossier title wraps over at most this many lines (a bill's: 5 and more)


@dataclass(slots=True)
class _Header:
    meta: Metadata
    started: bool = False  # a chamber or year line was read: a dossier line may follow
    aanhangsel: bool = False  # a lone number after the banner is the Aanhangsel's number
    chamber: str | None = None  # "tk" or "ek"

    def publication(self) -> str | None:
        """An Aanhangsel's official id, where the header gave its chamber, year and number:
        "ah-tk-20202021-3235"."""
        meta = self.meta
        if not (self.aanhangsel and self.chamber and meta.vergaderjaar and meta.number):
            return None
        return f"ah-{self.chamber}-{meta.vergaderjaar.replace('-', '')}-{meta.number}"


def read_header(lines: list[str], meta: Metadata) -> int:
    """Read the first-page header of a Kamerstuk or an Aanhangsel into *meta*; return the
    index of the first line after it. The chamber line's trailing number ("...Staten-Generaal
    2") is the chamber, never a footnote; the document kind ends at the first line that is
    not in capitals (in a PDF the body follows without a blank line)."""
    state = _Header(meta)
    i = 0
    while i < min(len(lines), _HEADER_LINES):
        if not lines[i].strip():
            i += 1
            continue
        taken = _header_item(lines, i, state)
        if not taken:
            break
        i += taken
    meta.publication = meta.publication or state.publication()
    return i


def _header_item(lines: list[str], i: int, state: _Header) -> int:
    """How many lines from *i* one header item takes (0: not a header line)."""
    text = _squash(lines[i])
    meta = state.meta
    if meta.kamerstuk is not None and (m := _NUMBER_RE.match(text)):
        taken = 1 + _count(lines, i + 1, _in_capitals)
        ks = meta.kamerstuk
        meta.kamerstuk = Kamerstuk(ks.dossier, m.group(1), ks.chapter)
        heading = " ".join([m.group(2)] + [_squash(line) for line in lines[i + 1 : i + taken]])
        meta.document_kind = _without_markers(heading).strip()
        # A footnote on the heading: the heading stays text too, where the note's marker is.
        return 0 if heading != _without_markers(heading) else taken
    if state.started and meta.kamerstuk is None and (m := _DOSSIER_RE.match(text)):
        more = _count(lines, i + 1, lambda s: bool(s.strip()) and not _NUMBER_RE.match(s.strip()))
        taken = 1 + min(more, _TITLE_LINES - 1)
        meta.kamerstuk = kamerstuk_of(m)
        titles = [m.group("title")] + [_squash(line) for line in lines[i + 1 : i + taken]]
        meta.dossier_title = " ".join(titles).strip()
        return taken
    if _BANNER_RE.match(text):
        state.aanhangsel = True
        return _banner_lines(lines, i)
    if state.aanhangsel and meta.number is None and _LONE_NUMBER_RE.match(text):
        meta.number = text
        return 1
    return 1 if _header_line(text, state) else 0


def _without_markers(text: str) -> str:
    """A reader's stand-ins for footnote markers are private-use characters."""
    return "".join(c for c in text if unicodedata.category(c) != "Co")


def _header_line(text: str, state: _Header) -> bool:
    """Chamber, year and series lines, several of which may share one line."""
    while text:
        if m := _CHAMBER_RE.match(text):
            state.started = True
            state.chamber = "tk" if m.group(1) == "Tweede" else "ek"
        elif m := _YEAR_RE.match(text):
            state.started = True
            state.meta.vergaderjaar = f"{m.group(1)}-{m.group(2)}"
        elif m := re.match(rf"^{_AANHANGSEL}\s*", text, re.I):
            state.aanhangsel = True
            state.meta.kind = state.meta.kind or "aanhangsel"
            state.meta.document_kind = state.meta.document_kind or _AANHANGSEL
        elif state.started and text in ("1", "2"):  # the chamber's number on a line of its own
            return True
        else:
            return False
        text = text[m.end() :]
    return True


def _banner_lines(lines: list[str], i: int) -> int:
    """ "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven
    antwoorden", wrapped over up to three lines."""
    for taken in range(1, 4):
        if i + taken > len(lines) or lines[i + taken - 1].rstrip().endswith("antwoorden"):
            return taken
    return 1


def _count(lines: list[str], start: int, keep) -> int:
    n = 0
    while start + n < len(lines) and keep(lines[start + n]):
        n += 1
    return n


def _in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def kamerstuk_of(match: re.Match[str], number: str | None = None) -> Kamerstuk:
    """A :data:`DOSSIER` match as a Kamerstuk."""
    sub = match.group("sub")
    dossier = match.group("a") + match.group("b") + (f"-{sub}" if sub else "")
    return Kamerstuk(dossier, number, match.group("ch"))


# --- opening and closing (text and PDF) ---------------------------------------------------


def read_opening_and_closing(draft: Draft) -> None:
    """Addressee, date and signatories from the blocks the cleaner classified."""
    meta = draft.meta
    named_below: set[int] = set()  # blocks that hold the name of a signature above them
    for index, block in enumerate(draft.blocks):
        text = block.plain()
        if block.kind is BlockKind.ADDRESSEE and meta.addressee is None:
            meta.addressee = text.strip()
        elif block.kind is BlockKind.DATELINE and meta.date is None:
            meta.date = iso_date(text)
        elif block.kind is BlockKind.SIGNATURE and index not in named_below:
            signed = parse_signature(text)
            if signed and not signed[-1].name:
                signed, below = _with_name_below(draft, index, signed)
                named_below.add(below)
            meta.signatories.extend(signed)
    if meta.date is None:
        meta.date = _date_near_top(draft)


_NAME_AFTER = 2  # a signature without a name finds it within this many blocks below


def _with_name_below(
    draft: Draft, index: int, signed: list[Signatory]
) -> tuple[list[Signatory], int]:
    """A signature that ends in an office without a name ("namens deze, de directeur ...")
    has the name below the room for the signature, perhaps after a note ("[Deze brief is
    niet voorzien van een handtekening ...]"): that block becomes part of the signature.
    Returns the signatories and the index of the name's block (-1: none found)."""
    for below in range(index + 1, min(len(draft.blocks), index + 1 + _NAME_AFTER)):
        block = draft.blocks[below]
        name = block.plain().strip()
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and NAME_RE.match(name):
            block.kind = BlockKind.SIGNATURE
            return [*signed[:-1], Signatory(name, signed[-1].role)], below
    return signed[:-1], -1


def _date_near_top(draft: Draft) -> str | None:
    """A letter without a dateline ("Den Haag, ...") may still open with a date."""
    for block in draft.blocks[:4]:
        text = block.plain()
        if len(text) < 80 and (found := iso_date(text)):
            return found
    return None


# --- the rules for every format -----------------------------------------------------------

# The printed heading (or the official type) -> kind; the first pattern that matches wins.
_KIND_PATTERNS = [
    (r"(gewijzigde |nader gewijzigde )?motie\b", "motie"),
    (r"(gewijzigd |nader gewijzigd )?amendement\b", "amendement"),
    (r"nota\b", "nota"),
    (r"(voorlopig |nader |eind|schriftelijk )?verslag\b|lijst van (feitelijke )?vragen", "verslag"),
    (r"memorie\b", "memorie"),
    (r"aanhangsel\b|kamervragen\b|antwoord op vragen\b", "aanhangsel"),
    (r"(het )?advies\b|.*\bnader rapport\b", "advies"),
    (r"(koninklijk )?besluit\b|wob-besluit|woo-besluit", "besluit"),
    (r"(bnc-)?fiche\b", "fiche"),
    (r"(geleidende )?brief\b", "brief"),
]
_KIND_RE = [(re.compile(p, re.I), kind) for p, kind in _KIND_PATTERNS]
_FICHE_RE = re.compile(r"^(?:BNC-)?[Ff]iche\s*\d*\s*:")
_WOB_RE = re.compile(r"\bW[oO][bBoO]-verzoek\b")


def kind_of(heading: str | None) -> str | None:
    """'MOTIE VAN HET LID ...' -> 'motie'; 'Memorie van toelichting' -> 'memorie'."""
    heading = (heading or "").strip()
    for pattern, kind in _KIND_RE:
        if pattern.match(heading):
            return kind
    return None


def complete(draft: Draft) -> None:
    """The rules that hold whatever the format. *draft.meta.title* may hold the official
    title from the markup: a motion keeps it where it extends the printed one; a document
    without a dossier title keeps it; other titles follow from the printed text."""
    meta = draft.meta
    official, meta.title = meta.title, ""
    meta.signatories = [normal(s) for s in meta.signatories]
    meta.kind = meta.kind or kind_of(meta.document_kind) or _kind_from_text(draft)
    if meta.kind in ("motie", "amendement"):
        motions.structure(draft)
        if official.casefold().startswith(meta.title.casefold()):
            meta.title = official
    elif meta.kind == "aanhangsel" or kamervragen.opening(draft) is not None:
        meta.kind = "aanhangsel"
        kamervragen.structure(draft)
        if not meta.title and meta.number:
            meta.title = f"{_AANHANGSEL}, nr. {meta.number}"
    else:
        motions.initiative(draft)
        meta.title = "" if meta.dossier_title else official or _named(draft)
    if meta.kind == "advies":
        _advice(draft)
    elif meta.kind == "fiche":
        _fiche(draft)
    _printed_heading(draft)
    meta.annex_of = meta.annex_of or _annex_of(draft)
    if meta.publication is None and meta.kamerstuk and not meta.annex_of:
        meta.publication = meta.kamerstuk.publication()


# "Hieronder zijn opgenomen het advies van de Afdeling advisering van de Raad van State d.d.
# 19 augustus 2020 en het nader rapport d.d. 21 augustus 2020": the opening of every advice
# published with the government's report on it.
_ADVICE_DATES_RE = re.compile(
    r"\bhet advies\b.{0,120}?\bd\.d\.\s*(?P<advies>\d{1,2}\s+\w+\s+\d{4})"
    r".{0,40}?\bnader rapport\s+d\.d\.\s*(?P<rapport>\d{1,2}\s+\w+\s+\d{4})",
    re.S,
)


def _advice(draft: Draft) -> None:
    """An advice of the Raad van State with the report on it: dated by the report, the
    advice's date kept; titled by its printed heading in the case its text writes the words
    ("Advies Afdeling advisering Raad van State en nader rapport")."""
    meta = draft.meta
    for block in draft.blocks[:4]:
        if m := _ADVICE_DATES_RE.search(" ".join(block.plain().split())):
            meta.date = meta.date or iso_date(m.group("rapport"))
            if advice := iso_date(m.group("advies")):
                meta.dates.setdefault("advies", advice)
            break
    if meta.document_kind and meta.document_kind.isupper():
        meta.title = meta.title or true_case(meta.document_kind, draft)


_RECEIVED_RE = re.compile(r"\bDatum ontvangst Commissiedocument\b\W*(?P<date>.{0,40})", re.I)
_FICHE_FORM_BLOCKS = 16  # the form of general facts (a to j) opens a fiche


def _fiche(draft: Draft) -> None:
    """A BNC-fiche prints no date of its own: the date it gives is the day the Commission's
    proposal was received, kept as such."""
    form = " ".join(" ".join(b.plain().split()) for b in draft.blocks[:_FICHE_FORM_BLOCKS])
    if (m := _RECEIVED_RE.search(form)) and (received := iso_date(m.group("date"))):
        draft.meta.dates.setdefault("commissiedocument", received)


def true_case(heading: str, draft: Draft) -> str:
    """A heading set in capitals in the case the document's text writes its words inside a
    sentence ("RAAD VAN STATE" -> "Raad van State"), its first word capitalised."""
    forms: dict[str, Counter[str]] = {}
    for block in draft.blocks:
        for m in re.finditer(r"(?<=[\w,;:)] )[^\W\d_]+", block.plain()):
            forms.setdefault(m.group().casefold(), Counter())[m.group()] += 1
    words = []
    for word in heading.split():
        seen = forms.get(word.casefold())
        words.append(seen.most_common(1)[0][0] if seen else word.lower())
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def _printed_heading(draft: Draft) -> None:
    """The document's printed heading kept in the text (it carries a footnote) is a
    heading."""
    kind = draft.meta.document_kind
    if kind and draft.blocks and draft.blocks[0].kind is BlockKind.PARAGRAPH:
        first = " ".join(_without_markers(draft.blocks[0].plain()).split())
        if first.endswith(kind) and len(first) <= len(kind) + 12:
            draft.blocks[0].kind = BlockKind.HEADING


_TITLE_LENGTH = 160  # a heading longer than this is a paragraph, not a name


def _named(draft: Draft) -> str:
    """A fiche or a document that is no letter is known by its first heading ("Fiche 5:
    Herziening …", "Resolution 1441 (2002)"); a letter by its date and treaty (assemble)."""
    if draft.meta.kind not in ("fiche", "other"):
        return ""
    for block in draft.blocks[:6]:
        text = " ".join(block.plain().split())
        fiche = draft.meta.kind == "fiche" and _FICHE_RE.match(text)
        if (block.kind is BlockKind.HEADING or fiche) and len(text) <= _TITLE_LENGTH:
            return text
    return ""


def _kind_from_text(draft: Draft) -> str:
    """Where no heading names the kind: a fiche, Kamervragen, a Wob decision, a letter."""
    first = [b.plain() for b in draft.blocks[:8]]
    if first and _FICHE_RE.match(first[0]):
        return "fiche"
    if kamervragen.opening(draft) is not None:
        return "aanhangsel"
    if any(_WOB_RE.search(text) for text in first):
        return "besluit"  # the answer to a Wob or Woo request is a decision by law
    if draft.meta.document_kind:
        return "other"  # a printed heading of no kind above: a bill, a royal message
    addressed = draft.meta.addressee or any(b.kind is BlockKind.ADDRESSEE for b in draft.blocks)
    return "brief" if addressed or any(t.startswith("Geachte ") for t in first) else "other"


_ANNEX_RE = re.compile(
    r"^Bijlage(?:\s+\S{1,4})?\s+(?:bij|behorende bij)\s+(?:het\s+|de\s+)?"
    rf"(?:Kamerstuk(?:ken)?\s+)?(?:(?:I|II)\s+\d{{4}}/\d{{2}},\s*)?{DOSSIER},?\s*nr\.\s*(?P<nr>\d+)",
    re.I,
)


def _annex_of(draft: Draft) -> str | None:
    """An annex that says on its first page which Kamerstuk it belongs to."""
    for block in draft.blocks[:6]:
        if m := _ANNEX_RE.match(block.plain().strip()):
            return kamerstuk_of(m, m.group("nr")).publication()
    return None


def derive_title(meta: Metadata, main_treaty_name: str | None) -> str:
    """A title a person recognises in a list of letters."""
    if meta.dossier_title:
        return meta.dossier_title
    when = _long_date(meta.date)
    if main_treaty_name and when:
        return f"{main_treaty_name}: brief van {when}"
    if when:
        return f"Brief van {when}"
    return main_treaty_name or "Brief zonder titel"


def _long_date(iso: str | None) -> str | None:
    if not iso:
        return None
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {list(MONTHS)[month - 1]} {year}"
