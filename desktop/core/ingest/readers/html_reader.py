"""HTML of a Kamerstuk as saved from (zoek.)officielebekendmakingen.nl -> :class:`Draft`.

The page is the same publication as the official XML, rendered: paragraphs as ``<p>``,
headings as ``<h2>``/``<h3>``, footnote markers as ``<sup><a class="nootnum" href="#ID..">``
with the note bodies gathered at the end (``div.voet.noot`` items in ``div#noten``), the
official metadata as ``<meta name=...>`` in the head. Site chrome (scripts, navigation,
header, footer) is never text. The result must equal what the XML reader makes of the XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desktop.core.ingest.kamervragen import PairCounter
from desktop.core.ingest.readers.xml_reader import (
    Official,
    classify,
    finish_meta,
    normalize_parts,
    normalize_vergaderjaar,
    parse_dossier,
    signature,
    squash,
)
from desktop.core.model.draft import (
    Draft,
    DraftBlock,
    DraftCell,
    DraftRow,
    Inline,
    LetterError,
    NoteRef,
)
from desktop.core.model.letter import BlockKind, Metadata, Signatory

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param"}  # fmt: skip
# Never text: code, styling and the site around the publication.
_CHROME = {"script", "style", "template", "noscript", "head", "header", "footer", "nav",
           "aside", "form", "button", "select", "textarea", "svg", "iframe", "object"}  # fmt: skip
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
          "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote",
          "section", "article", "main", "body", "html", "pre", "figure", "figcaption", "hr",
          "address", "center"} | _CHROME  # fmt: skip
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# The publication header (dossier, Nr., kamerstukkop) is metadata, not running text; so
# is an <h1>, except the opening of Kamervragen (who asked, who answered), which the page
# sets as <h1> but the official record prints as text.
_HEADER_CLASSES = {"kamerstukkop", "dossiertitel", "dossier", "kamervraagkop",
                   "kamervraagnummer"}  # fmt: skip
_PAIR_CLASSES = {"vraag": True, "antwoord": False}  # a Kamervragen question or answer
_TEXT_H1_CLASSES = {"kamervraagomschrijving_kop", "kamervraagomschrijving"}
_NOTE_LISTS = {"noten", "voetnoten", "footnotes", "notes"}
_NOTE_ITEMS = {"voet", "noot", "voetnoot", "footnote"}
_MAX_DEPTH = 200  # deeper nesting is flattened, so the walk can never overflow the stack
# A start tag closes the open element a browser would close: (those tags, searched up to).
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr"}, {"table"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
}


@dataclass(eq=False)
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self) -> list[_Node]:
        return [c for c in self.children if isinstance(c, _Node)]


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unclosed <p>, <li>, <td> close the way browsers close them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if any(node.tag == tag for node in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.stack[-1].tag not in ("script", "style"):
            self.stack[-1].children.append(data)

    def _close_implied(self, tag: str) -> None:
        if tag in _BLOCK:  # a <p> never holds a block: '<p>a<div>' closes the p
            self._close_open({"p"}, stop={"td", "th", "table", "button"})
        if tag in _IMPLIED:
            self._close_open(*_IMPLIED[tag])

    def _close_open(self, tags: set[str], stop: set[str]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag in stop:
                return
            if self.stack[depth].tag in tags:
                del self.stack[depth:]
                return


def read_html(data: bytes, source: str) -> Draft:
    root = _parse(data, source)
    walker = _Walker()
    try:
        walker.walk(_content_root(root))
        notes = _collect_notes(root)
    except RecursionError:
        raise LetterError(f"{source}: HTML nested too deeply to read") from None
    if not any(block.plain().strip() for block in walker.blocks):
        raise LetterError(f"{source}: no text found in the HTML")
    meta = _page_meta(root, _official(root), walker)
    return Draft(blocks=walker.blocks, notes=notes, meta=meta)


def _parse(data: bytes, source: str) -> _Node:
    if not data.strip():
        raise LetterError(f"{source}: empty file")
    text = _decode(data)
    if "\x00" in text:
        raise LetterError(f"{source}: not an HTML file (binary content)")
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def _decode(data: bytes) -> str:
    """The BOM, then the page's own charset declaration, then UTF-8, then Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def _iter(node: _Node):
    """All elements below ``node`` except chrome, depth first, in document order."""
    todo = node.elements()[::-1]  # a stack, not recursion: no nested generators to unwind
    while todo:
        current = todo.pop()
        if current.tag not in _CHROME:
            yield current
            todo += current.elements()[::-1]


def _find(root: _Node, tag: str | None = None, cls: str | None = None) -> _Node | None:
    for node in _iter(root):
        if (tag is None or node.tag == tag) and (cls is None or cls in node.classes):
            return node
    return None


def _text(node: _Node | None, without: frozenset[str] = frozenset()) -> str:
    """Plain text of ``node``, leaving out descendants with one of the ``without`` classes."""
    if node is None:
        return ""
    pieces: list[str] = []

    def collect(current: _Node) -> None:
        for child in current.children:
            if isinstance(child, str):
                pieces.append(child)
            elif child.tag == "br":
                pieces.append(" ")
            elif child.tag not in _CHROME and not child.classes & without:
                collect(child)

    collect(node)
    return squash("".join(pieces)).strip()


def _content_root(root: _Node) -> _Node:
    """The publication itself when the page marks it; else the whole page minus chrome."""
    for node in _iter(root):
        if "stuk" in node.classes or node.attrs.get("id") == "broodtekst":
            return node
    return _find(root, "main") or _find(root, "body") or root


def _is_note_list(node: _Node) -> bool:
    return bool((node.classes | {node.attrs.get("id", "")}) & _NOTE_LISTS)


def _is_note_item(node: _Node) -> bool:
    return bool(node.classes & _NOTE_ITEMS)


class _Walker:
    """Blocks of the visible publication text, in reading order."""

    def __init__(self) -> None:
        self.blocks: list[DraftBlock] = []
        self.signatories: list[Signatory] = []
        self._pairs = PairCounter()

    def walk(self, node: _Node) -> None:
        if self._skipped(node):
            return
        pair = [_PAIR_CLASSES[c] for c in node.classes if c in _PAIR_CLASSES]
        if pair and node.tag == "div":
            start = len(self.blocks)
            self._walk(node)
            self._pairs.mark(self.blocks, start, question=pair[0])
        else:
            self._walk(node)

    def _walk(self, node: _Node) -> None:
        if node.tag == "table":
            self._table(node)
        elif "ondertekening" in node.classes or _looks_signed(node):
            self._signature(node)
        elif any(c.tag in _BLOCK for c in node.elements()):
            self._mixed(node)
        else:
            self._add(node, self.inline(node))

    def _skipped(self, node: _Node) -> bool:
        h1 = node.tag == "h1" and not node.classes & _TEXT_H1_CLASSES and not _has_note(node)
        header = h1 or bool(node.classes & _HEADER_CLASSES)
        notes = _is_note_list(node) or _is_note_item(node)  # read by _collect_notes
        return node.tag in _CHROME or header or notes

    def _mixed(self, node: _Node) -> None:
        """Loose text between block children reads as paragraphs of its own."""
        run: list[_Node | str] = []
        for child in node.children:
            if isinstance(child, _Node) and child.tag in _BLOCK:
                self._add(node, self.inline(_Node("span", {}, run)))
                run = []
                self.walk(child)
            else:
                run.append(child)
        self._add(node, self.inline(_Node("span", {}, run)))

    def _add(self, node: _Node, raw: list[Inline]) -> None:
        parts = normalize_parts(raw)
        if not parts:
            return
        if node.tag in _HEADINGS or node.tag == "caption" or node.classes & {"tussenkop", "kop"}:
            kind = BlockKind.HEADING
        elif "kamerstukdatum" in node.classes:
            kind = BlockKind.DATELINE
        else:
            kind = classify("".join(p for p in parts if isinstance(p, str)), self.blocks)
        self.blocks.append(DraftBlock(kind, parts))

    def inline(self, node: _Node, in_sup: bool = False) -> list[Inline]:
        out: list[Inline] = []
        for child in node.children:
            if isinstance(child, str):
                out.append(child)
            elif marker := _note_marker(child, in_sup):
                out.append(NoteRef(marker))
            elif child.tag in ("br", "td", "th", "li", "p"):
                out += [" ", *self.inline(child), " "]
            elif not self._skipped(child):
                out += self.inline(child, in_sup or child.tag == "sup")
        return out

    def _table(self, table: _Node) -> None:
        """The caption as a heading, then the table block: rows of cells with their spans;
        header rows are those in <thead> or made of <th> cells only."""
        for caption in (c for c in table.elements() if c.tag == "caption"):
            self._add(caption, self.inline(caption))
        rows = [self._row(tr, header) for tr, header in _table_rows(table)]
        if any(cell.parts for row in rows for cell in row.cells):
            self.blocks.append(DraftBlock(BlockKind.TABLE, [], rows=rows))

    def _row(self, tr: _Node, header: bool) -> DraftRow:
        cells = [c for c in tr.elements() if c.tag in ("td", "th")]
        return DraftRow(
            [DraftCell(normalize_parts(self.inline(c)), _span(c, "colspan"), _span(c, "rowspan"))
             for c in cells],
            header or (bool(cells) and all(c.tag == "th" for c in cells)),
        )  # fmt: skip

    def _signature(self, node: _Node) -> None:
        role = _text(_find(node, cls="functie"))
        names = [_name(n) for n in _iter(node) if "naam" in n.classes]
        if not names:  # unmarked names: the lines between <br>, after the role line
            lines = _lines(node)
            role = role or (lines[0] if len(lines) > 1 else "")
            names = [line for line in lines if line != role]
        if role or names:
            block, people = signature(role, names)
            self.blocks.append(block)
            self.signatories += people


def _has_note(node: _Node) -> bool:
    """A heading with a footnote on it stays in the text, where the note's marker is."""
    return any(_note_marker(n, True) for n in _iter(node))


def _table_rows(table: _Node) -> list[tuple[_Node, bool]]:
    """The table's own rows (not those of a table inside a cell), in order."""
    rows = []
    for child in table.elements():
        if child.tag == "tr":
            rows.append((child, False))
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows += [(tr, child.tag == "thead") for tr in child.elements() if tr.tag == "tr"]
    return rows


def _span(cell: _Node, name: str) -> int:
    value = cell.attrs.get(name, "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


_SIGNER = re.compile(r"^(De |de )?(Minister|Staatssecretaris|[Vv]oorzitter|[Gg]riffier)\b.*,$")


def _looks_signed(node: _Node) -> bool:
    """An unmarked signature: 'De Minister van Defensie,<br>K.H. Ollongren'."""
    if node.tag != "p" or not any(c.tag == "br" for c in node.elements()):
        return False
    lines = _lines(node)
    return 1 < len(lines) <= 4 and bool(_SIGNER.match(lines[0]))


def _name(naam: _Node) -> str:
    """voornaam + achternaam with a space even where the page puts none between the spans."""
    parts = [_text(child) for child in naam.elements()] if naam.elements() else [_text(naam)]
    return " ".join(p for p in parts if p)


def _lines(node: _Node) -> list[str]:
    text, lines = "", []
    for child in node.children:
        if isinstance(child, _Node) and child.tag == "br":
            lines.append(text)
            text = ""
        else:
            text += child if isinstance(child, str) else " " + _text(child) + " "
    lines.append(text)
    return [line for line in (squash(t).strip() for t in lines) if line]


def _note_marker(node: _Node, in_sup: bool) -> str:
    """A footnote reference: a.nootnum, or an in-page link inside <sup>; '' for other nodes."""
    if node.tag != "a":
        return ""
    classes = " ".join(node.classes)
    in_page = node.attrs.get("href", "").startswith("#")
    if "nootnum" in classes or "supernote-click" in classes or (in_sup and in_page):
        return _text(node)
    return ""


def _collect_notes(root: _Node) -> dict[str, str]:
    """Note bodies in page order: div.voet.noot items, or the <li>s of a notes list."""
    notes: dict[str, str] = {}

    def visit(node: _Node, in_list: bool) -> None:
        for child in node.elements():
            if child.tag in _CHROME:
                continue
            if _is_note_item(child) or (in_list and child.tag == "li"):
                marker, body = _note(child, len(notes) + 1)
                notes.setdefault(marker, body)
            else:
                visit(child, in_list or _is_note_list(child))

    visit(root, False)
    return notes


def _note(item: _Node, position: int) -> tuple[str, str]:
    marker = _text(_find(item, cls="nootnum"))
    paragraphs = [_text(p) for p in _iter(item) if p.tag == "p"]
    body = " ".join(p for p in paragraphs if p)
    if not body:
        body = _text(item, without=frozenset({"nootnum", "note-close"}))
    if not marker:  # '<li>3 Kamerstuk ...</li>': the number leads the text
        match = re.match(r"(\d+[a-z]?|[*†‡])[.)]?\s+", body)
        marker, body = (match.group(1), body[match.end() :]) if match else (str(position), body)
    return marker, body


def _official(root: _Node) -> Official:
    official: Official = {}
    for node in _all_meta(root):
        official.setdefault(node.attrs.get("name", ""), []).append(node.attrs.get("content", ""))
    return official


def _all_meta(root: _Node) -> list[_Node]:
    """<meta> tags live in <head>, which the text walk skips as chrome."""
    found, todo = [], [root]
    while todo:
        node = todo.pop()
        found += [c for c in node.elements() if c.tag == "meta" and "name" in c.attrs]
        todo += reversed([c for c in node.elements() if c.tag not in ("script", "style")])
    return found


def _page_meta(root: _Node, official: Official, walker: _Walker) -> Metadata:
    """The meta tags first (via finish_meta); the visible header only for what they lack."""
    title = next((n for n in _iter(root) if n.tag == "h1" and "stuktitel" in n.classes), None)
    meta = Metadata(
        document_kind=_text(title, without=frozenset({"stuknummer", "nootnum"})) or None,
        signatories=walker.signatories,
    )
    meta = finish_meta(meta, walker.blocks, official)
    dossier = _find(root, cls="dossiertitel")
    if not meta.kamerstuk and dossier:
        number = re.sub(r"\D", "", _text(_find(title, cls="stuknummer") if title else None))
        meta.kamerstuk = parse_dossier(_text(_find(dossier, cls="dossiernummer")), number)
    if not meta.dossier_title:
        meta.dossier_title = _text(dossier, without=frozenset({"dossiernummer"})) or None
    if not meta.vergaderjaar:
        meta.vergaderjaar = normalize_vergaderjaar(_text(_find(root, cls="vergaderjaar")))
    return meta
