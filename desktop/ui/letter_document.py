"""A Letter laid out as a QTextDocument: its text inserted as text, every annotation a format.

Nothing here builds HTML from letter text: blocks are inserted with QTextCursor.insertText,
and mentions, footnote markers, references and search hits are character formats merged onto
exact spans (converted once, by :mod:`desktop.ui.offsets`). Formats carry user properties
(treaty id, mention kind, ...) so that what is highlighted can be read back from the document.

Decorations that change while reading (treaty emphasis, highlights on/off, search hits) are
re-applied block by block: a touched block gets its base format back, then every layer that
lies in it is merged again, in a fixed order (static, mentions, hits). That keeps a change
proportional to the blocks it touches, not to the letter.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
)

from desktop.core.ingest.treaties import Treaty
from desktop.core.model.letter import Block, BlockKind, Kamerstuk, Letter, Mention
from desktop.ui.formatting import (
    footnote_html,
    kamerstuk_label,
    plain_tooltip,
    treaty_card_html,
)
from desktop.ui.i18n import fill
from desktop.ui.letter_tables import TableFit, draw_table
from desktop.ui.offsets import PositionMap
from desktop.ui.theme import Theme

_USER = int(QTextFormat.Property.UserProperty)
TREATY_PROPERTY = _USER + 1  # treaty id of a mention
MENTION_KIND_PROPERTY = _USER + 2  # "explicit" or "implicit"
MENTION_PROPERTY = _USER + 3  # the mention's number in the letter: tells neighbours apart
HIT_PROPERTY = _USER + 4  # True on a search hit
FOOTNOTE_PROPERTY = _USER + 5  # marker of a footnote reference in the running text
NOTE_PROPERTY = _USER + 6  # marker of a footnote body in the notes section
BLOCK_KIND_PROPERTY = _USER + 7  # BlockKind of a block (on the block format)

# Newlines inside a block (signature lines) stay soft line breaks: one letter block is one
# document block, and each replacement keeps every offset.
_IN_BLOCK = (("\n", "\u2028"), ("\r", " "), ("\u2029", "\u2028"))
# What "passages" counts when folded.
_PASSAGES = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.QUESTION, BlockKind.ANSWER,
             BlockKind.TABLE)  # fmt: skip
QUESTION_TINT = 0.08  # a Kamervragen question's background: the accent, faintly
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
_URL = re.compile(r"https?://[^\s<>«»\"']+")
_URL_TAIL = ".,;:!?)]»"

# Words the view adds to a letter, in the interface language.
_REFERENCE_KINDS = {
    "kamerstuk": QT_TRANSLATE_NOOP("LetterDocument", "Kamerstuk"),
    "handelingen": QT_TRANSLATE_NOOP("LetterDocument", "Handelingen"),
    "motie": QT_TRANSLATE_NOOP("LetterDocument", "Motion"),
}


LINE_HEIGHT_EMS = 1.5  # body text; notes and signatures a little tighter
READING_FONTS = [
    "Source Serif 4",
    "Charter",
    "Georgia",
    "Iowan Old Style",
    "Palatino Linotype",
    "P052",
    "Noto Serif",
    "DejaVu Serif",
    "serif",
]


@dataclass(frozen=True, slots=True)
class DocSpan:
    """A span in document positions, with the document block it lies in."""

    start: int
    end: int
    block: int


@dataclass(slots=True)
class _Layer:
    """Spans with formats, grouped by document block."""

    by_block: dict[int, list[tuple[int, int, QTextCharFormat]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, span: DocSpan, fmt: QTextCharFormat) -> None:
        self.by_block[span.block].append((span.start, span.end, fmt))


def line_height_percent(font: QFont, ems: float = LINE_HEIGHT_EMS) -> float:
    """The proportional line height that gives *ems* times the font size: fonts differ
    widely in their own line spacing (P052 1.39 em, DejaVu Serif 1.16 em)."""
    metrics = QFontMetricsF(font)
    size = QFontInfo(font).pixelSize() or metrics.height()
    return max(100.0, min(170.0, 100.0 * ems * size / metrics.lineSpacing()))


def reading_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(READING_FONTS)
    font.setPointSizeF(point_size)
    return font


class LetterDocument:
    """One letter in a QTextDocument and where its mentions, notes and hits are."""

    def __init__(
        self,
        letter: Letter,
        treaties: dict[str, Treaty],
        theme: Theme,
        font: QFont,
        fold: str | None = None,
        highlights: bool = True,
        emphasis: str | None = None,
        hits: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.letter = letter
        self.treaties = treaties
        self.theme = theme
        self.fold = fold
        self.document = QTextDocument()
        self.document.setUndoRedoEnabled(False)
        self.document.setDefaultFont(font)
        self._line_height = line_height_percent(font)
        self.positions = PositionMap(letter.text)
        self.mentions: list[tuple[DocSpan, Mention]] = []
        self.markers: dict[str, DocSpan] = {}  # footnote references in the running text
        self.notes: dict[str, DocSpan] = {}  # footnote bodies
        self.hits: list[DocSpan] = []
        self.shown_passages = 0
        self.total_passages = 0
        self.highlights = highlights
        self.emphasis = emphasis
        self._static = _Layer()
        self._base: dict[int, QTextCharFormat] = {}
        self._mentions_by_block: dict[int, list[int]] = defaultdict(list)
        self._hits_by_block: dict[int, list[int]] = defaultdict(list)
        self._fresh_block = True  # the document's (or a table's trailing) empty block
        self._tables = {t.start: t for t in letter.tables}
        self.table_fits: list[TableFit] = []
        self._mention_formats: dict[tuple, QTextCharFormat] = {}
        self._block_formats: dict[BlockKind, QTextBlockFormat] = {}
        self._char_formats: dict[BlockKind, QTextCharFormat] = {}
        # Signals off while building: nothing listens yet, and no layout exists to update.
        self.document.blockSignals(True)
        try:
            self._build(hits)
        finally:
            self.document.blockSignals(False)

    def fit_tables(self, width: float) -> None:
        """Size the tables' columns to *width*, the text column's width in pixels."""
        for fit in self.table_fits:
            fit.fit(width)

    # -- building -----------------------------------------------------------------------

    def _build(self, hits: Iterable[tuple[int, int]]) -> None:
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        pieces = _pieces(self.letter)
        shown = fold_pieces(self.letter, pieces, self.fold) if self.fold else range(len(pieces))
        self.total_passages = sum(1 for p in pieces if p.kind in _PASSAGES)
        self.shown_passages = sum(1 for i in shown if pieces[i].kind in _PASSAGES)
        previous: int | None = None
        notes_started = False
        for index in shown:
            piece = pieces[index]
            if piece.kind == BlockKind.NOTE and not notes_started:
                self._insert_notes_heading(cursor)
                notes_started = True
            elif previous is not None and index != previous + 1:
                self._insert_gap(cursor)
            self._insert_piece(cursor, piece)
            previous = index
        if not shown:
            self._insert_extra_block(cursor, "", self._block_format(BlockKind.PARAGRAPH))
        self._collect_static()
        self._collect_mentions()
        self._map_hits(hits)
        cursor.endEditBlock()
        self._decorate(self._decorated_blocks(), reset=False)

    def _new_block(self, cursor: QTextCursor, block_fmt, char_fmt) -> int:
        if self._fresh_block:
            cursor.setBlockFormat(block_fmt)
            cursor.setBlockCharFormat(char_fmt)
            cursor.setCharFormat(char_fmt)
            self._fresh_block = False
        else:
            cursor.insertBlock(block_fmt, char_fmt)
        return cursor.blockNumber()

    def _insert_table(self, cursor: QTextCursor, piece: Block) -> bool:
        """A table block as a real table, each cell a block of its own."""
        table = self._tables.get(piece.start)
        if table is None or not table.rows:
            return False
        prop = BLOCK_KIND_PROPERTY
        placed_cells, fit = draw_table(cursor, self.letter.text, table, self.theme, prop)
        self.table_fits.append(fit)
        for placed in placed_cells:
            self._base[placed.block] = placed.char_format
            if placed.cell.end > placed.cell.start:
                cell = placed.cell
                self.positions.add_segment(cell.start, cell.end, placed.doc_start, placed.block)
        self._fresh_block = True
        return True

    def _insert_piece(self, cursor: QTextCursor, piece: Block) -> None:
        if piece.kind == BlockKind.TABLE and self._insert_table(cursor, piece):
            return
        char_fmt = self._char_formats.get(piece.kind)
        if char_fmt is None:
            char_fmt = self._char_formats[piece.kind] = self._char_format(piece.kind)
        number = self._new_block(cursor, self._block_format(piece.kind), char_fmt)
        self._base[number] = char_fmt
        self.positions.add_segment(piece.start, piece.end, cursor.position(), number)
        text = _block_text(self.letter.text[piece.start : piece.end])
        cursor.insertText(text, char_fmt)
        if piece.kind == BlockKind.NOTE:
            self._insert_backlinks(cursor, piece, number)

    def _insert_extra_block(self, cursor, text: str, block_fmt, char_fmt=None) -> int:
        char_fmt = char_fmt or QTextCharFormat()
        number = self._new_block(cursor, block_fmt, char_fmt)
        cursor.insertText(text, char_fmt)
        return number

    def _insert_notes_heading(self, cursor: QTextCursor) -> None:
        """A rule above the notes, then a small label: the notes are not running text."""
        rule = QTextBlockFormat()
        rule.setTopMargin(28)
        # Qt draws the ruler in the block's background colour; a 1 px line keeps the
        # background itself invisible.
        rule.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        rule.setBackground(self.theme.rule)
        rule.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        self._insert_extra_block(cursor, "", rule)
        label_block = self._block_format(BlockKind.NOTE)
        label_block.setProperty(BLOCK_KIND_PROPERTY, "notes-heading")
        label_block.setTopMargin(6)
        label = QTextCharFormat()
        label.setForeground(self.theme.muted)
        label.setFontWeight(QFont.Weight.Bold)
        label.setFontCapitalization(QFont.Capitalization.SmallCaps)
        label.setFontLetterSpacing(104)
        self._insert_extra_block(
            cursor, QCoreApplication.translate("LetterDocument", "Notes"), label_block, label
        )

    def _insert_gap(self, cursor: QTextCursor) -> None:
        """Where folding left passages out, a quiet mark says so."""
        fmt = self._block_format(BlockKind.PARAGRAPH)
        fmt.setProperty(BLOCK_KIND_PROPERTY, "gap")
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        char = QTextCharFormat()
        char.setForeground(self.theme.muted)
        self._insert_extra_block(cursor, "\u22ef", fmt, char)

    def _insert_backlinks(self, cursor: QTextCursor, piece: Block, number: int) -> None:
        for note in self.letter.footnotes:
            if piece.start <= note.start < piece.end:
                start = cursor.position()
                cursor.insertText(" \u21a9", self._base[number])
                fmt = self._link_format(
                    f"ref:{note.marker}",
                    QCoreApplication.translate("LetterDocument", "Back to the text"),
                )
                self._static.add(DocSpan(start + 1, cursor.position(), number), fmt)

    # -- block and character formats ----------------------------------------------------

    def _block_format(self, kind: BlockKind) -> QTextBlockFormat:
        if kind not in self._block_formats:
            self._block_formats[kind] = self._new_block_format(kind)
        return QTextBlockFormat(self._block_formats[kind])

    def _new_block_format(self, kind: BlockKind) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setProperty(BLOCK_KIND_PROPERTY, str(kind))
        fmt.setLineHeight(self._line_height, _PROPORTIONAL)
        fmt.setBottomMargin(10)
        if kind == BlockKind.HEADING:
            fmt.setTopMargin(14)
            fmt.setBottomMargin(4)
        elif kind == BlockKind.DATELINE:
            fmt.setBottomMargin(22)
        elif kind == BlockKind.SIGNATURE:
            fmt.setTopMargin(12)
            fmt.setLineHeight(self._line_height * 0.87, _PROPORTIONAL)
        elif kind == BlockKind.NOTE:
            fmt.setBottomMargin(6)
            fmt.setLineHeight(self._line_height * 0.9, _PROPORTIONAL)
        elif kind == BlockKind.QUESTION:
            fmt.setBackground(self.theme.tint(self.theme.accent, QUESTION_TINT))
        return fmt

    def _char_format(self, kind: BlockKind) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if kind == BlockKind.HEADING:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
        elif kind in (BlockKind.ADDRESSEE, BlockKind.DATELINE):
            fmt.setForeground(self.theme.muted)
        elif kind == BlockKind.NOTE:
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
        return fmt

    def _link_format(self, href: str, tooltip: str | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(self.theme.link)
        if tooltip:
            fmt.setToolTip(plain_tooltip(tooltip))
        return fmt

    # -- static annotations: footnotes, references, links ------------------------------

    def _collect_static(self) -> None:
        for note in self.letter.footnotes:
            self._add_marker(note)
            self._add_note_body(note)
        for ref in self.letter.references:
            span = self._span(ref.start, ref.end)
            if span is not None:
                self._static.add(span, self._reference_format(ref))
        for match in _URL.finditer(self.letter.text):
            url = match.group().rstrip(_URL_TAIL)
            span = self._span(match.start(), match.start() + len(url))
            if span is not None:
                tip = fill(
                    QCoreApplication.translate("LetterDocument", "Open in your browser: %1"), url
                )
                self._static.add(span, self._link_format(url, tip))

    def _add_marker(self, note) -> None:
        span = self._span(note.ref_start, note.ref_end)
        if span is None:
            return
        fmt = self._link_format(f"note:{note.marker}")
        fmt.setToolTip(footnote_html(note))
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setProperty(FOOTNOTE_PROPERTY, note.marker)
        self.markers[note.marker] = span
        self._static.add(span, fmt)

    def _add_note_body(self, note) -> None:
        body = self._span(note.start, note.end)
        if body is None:
            return
        self.notes[note.marker] = body
        body_fmt = QTextCharFormat()
        body_fmt.setProperty(NOTE_PROPERTY, note.marker)
        self._static.add(body, body_fmt)
        # The note's own number, before its body, leads back to where it is referenced.
        text = self.letter.text
        end = note.start  # back over the space between the number and the body, no copies
        while end > 0 and text[end - 1].isspace():
            end -= 1
        first = end - len(note.marker)
        if text[first:end] == note.marker and self._span(first, end):
            fmt = self._link_format(
                f"ref:{note.marker}",
                QCoreApplication.translate("LetterDocument", "Back to the text"),
            )
            fmt.setFontWeight(QFont.Weight.Bold)
            self._static.add(self._span(first, end), fmt)

    def _reference_format(self, ref) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(self.theme.muted)
        if ref.kind == "kamerstuk" and ref.dossier:
            label = kamerstuk_label(Kamerstuk(ref.dossier, ref.number, ref.chapter))
        else:
            label = " ".join(x for x in (ref.label, ref.number and f"nr. {ref.number}") if x)
        kind = _REFERENCE_KINDS.get(ref.kind)
        kind = QCoreApplication.translate("LetterDocument", kind) if kind else ref.kind.title()
        fmt.setToolTip(plain_tooltip(f"{kind}: {label}".rstrip(": ")))
        return fmt

    def _span(self, start: int, end: int) -> DocSpan | None:
        mapped = self.positions.span_to_doc(start, end)
        return DocSpan(*mapped) if mapped else None

    # -- mentions -------------------------------------------------------------------------

    def _collect_mentions(self) -> None:
        spans = self.positions.spans_to_doc((m.start, m.end) for m in self.letter.mentions)
        for mention, mapped in zip(self.letter.mentions, spans, strict=True):
            if mapped is None or mention.treaty not in self.treaties:
                continue
            self._mentions_by_block[mapped[2]].append(len(self.mentions))
            self.mentions.append((DocSpan(*mapped), mention))

    def _mention_format(self, mention: Mention, serial: int) -> QTextCharFormat:
        key = (mention.treaty, mention.name, mention.kind, self.highlights, self.emphasis)
        shared = self._mention_formats.get(key)
        if shared is None:
            shared = self._mention_formats[key] = self._new_mention_format(mention)
        fmt = QTextCharFormat(shared)
        fmt.setProperty(MENTION_PROPERTY, serial)
        return fmt

    def _new_mention_format(self, mention: Mention) -> QTextCharFormat:
        treaty = self.treaties[mention.treaty]
        fmt = QTextCharFormat()
        fmt.setProperty(TREATY_PROPERTY, mention.treaty)
        fmt.setProperty(MENTION_KIND_PROPERTY, mention.kind)
        fmt.setToolTip(
            treaty_card_html(treaty, implicit=mention.kind != "explicit", name=mention.name)
        )
        if not self.highlights:
            return fmt
        dimmed = self.emphasis is not None and self.emphasis != mention.treaty
        line = self.theme.rule if dimmed else self.theme.underline(treaty.colour)
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(line)
        if mention.kind != "explicit":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            return fmt
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        if dimmed:
            fmt.setForeground(self.theme.muted)
        elif self.emphasis == mention.treaty:
            fmt.setBackground(self.theme.tint(treaty.colour, 0.42))
            fmt.setFontWeight(QFont.Weight.Bold)
        else:
            fmt.setBackground(self.theme.tint(treaty.colour))
        return fmt

    def _hit_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setProperty(HIT_PROPERTY, True)
        fmt.setBackground(self.theme.hit_background)
        fmt.setForeground(self.theme.hit_text)
        fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    # -- changing decorations ------------------------------------------------------------

    def set_decorations(self, highlights: bool, emphasis: str | None) -> None:
        """Show or hide highlights and emphasise one treaty (others dimmed)."""
        if (highlights, emphasis) == (self.highlights, self.emphasis):
            return
        self.highlights, self.emphasis = highlights, emphasis
        self._decorate(set(self._mentions_by_block))

    def set_hits(self, offsets: Iterable[tuple[int, int]]) -> list[DocSpan]:
        """Mark search hits given as letter offsets; returns those that are shown."""
        touched = set(self._hits_by_block)
        self._map_hits(offsets)
        self._decorate(touched | set(self._hits_by_block))
        return self.hits

    def _map_hits(self, offsets: Iterable[tuple[int, int]]) -> None:
        self.hits = []
        self._hits_by_block = defaultdict(list)
        for mapped in self.positions.spans_to_doc(offsets):
            if mapped is not None:
                self._hits_by_block[mapped[2]].append(len(self.hits))
                self.hits.append(DocSpan(*mapped))

    def _decorated_blocks(self) -> set[int]:
        return set(self._static.by_block) | set(self._mentions_by_block) | set(self._hits_by_block)

    def _decorate(self, blocks: Iterable[int], reset: bool = True) -> None:
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        hit_fmt = self._hit_format()
        for number in sorted(blocks):
            if reset:
                self._reset_block(cursor, number)
            for start, end, fmt in self._static.by_block.get(number, ()):
                _merge(cursor, start, end, fmt)
            for i in self._mentions_by_block.get(number, ()):
                span, mention = self.mentions[i]
                _merge(cursor, span.start, span.end, self._mention_format(mention, i))
            for i in self._hits_by_block.get(number, ()):
                _merge(cursor, self.hits[i].start, self.hits[i].end, hit_fmt)
        cursor.endEditBlock()

    def _reset_block(self, cursor: QTextCursor, number: int) -> None:
        block = self.document.findBlockByNumber(number)
        cursor.setPosition(block.position())
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(self._base.get(number, QTextCharFormat()))


def _block_text(text: str) -> str:
    for old, new in _IN_BLOCK:
        if old in text:  # str.translate is ten times slower on long letters
            text = text.replace(old, new)
    return text


def _merge(cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


def _pieces(letter: Letter) -> list[Block]:
    """The letter's blocks, plus any text between them that no block covers: nothing the
    parser kept may go missing in the view."""
    blocks = letter.blocks or [Block(BlockKind.PARAGRAPH, 0, len(letter.text))]
    pieces: list[Block] = []
    position = 0
    for block in blocks:
        pieces += _loose_text(letter.text, position, block.start)
        pieces.append(block)
        position = max(position, block.end)
    pieces += _loose_text(letter.text, position, len(letter.text))
    return pieces


def _loose_text(text: str, start: int, end: int) -> list[Block]:
    gap = text[start:end]
    if not gap.strip():
        return []
    lead = len(gap) - len(gap.lstrip())
    trail = len(gap.rstrip())
    return [Block(BlockKind.PARAGRAPH, start + lead, start + trail)]


def fold_pieces(letter: Letter, pieces: list[Block], treaty: str) -> list[int]:
    """Indices of the passages that mention *treaty*, and of the notes those passages
    reference or that mention it themselves. A Kamervragen question is kept with its answer
    (and its label): one of them mentioning the treaty keeps the pair."""
    starts = [p.start for p in pieces]
    found = (_piece_at(starts, pieces, m.start) for m in letter.mentions if m.treaty == treaty)
    keep = {i for i in found if i is not None}
    pairs = {pieces[i].pair for i in keep} - {None}
    keep |= {i for i, piece in enumerate(pieces) if piece.pair in pairs}
    for note in letter.footnotes:
        body = _piece_at(starts, pieces, note.start)
        if _piece_at(starts, pieces, note.ref_start) in keep and body is not None:
            keep.add(body)
    return sorted(keep)


def _piece_at(starts: list[int], pieces: list[Block], offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < pieces[i].end else None
