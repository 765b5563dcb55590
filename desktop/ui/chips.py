"""Treaty chips: small rounded labels in a treaty's colour, painted (never one widget each)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap

from desktop.core.ingest.treaties import Treaty
from desktop.ui.formatting import treaty_label
from desktop.ui.theme import Theme

CHIP_PADDING = 6.0
CHIP_GAP = 5.0
UNKNOWN_COLOUR = "#888888"


def chip_label(treaties: dict[str, Treaty], treaty_id: str, count: int | None) -> str:
    treaty = treaties.get(treaty_id)
    label = treaty_label(treaty) if treaty else treaty_id
    return f"{label} {count}" if count is not None else label


def paint_chips(
    painter: QPainter,
    rect: QRectF,
    chips: list[tuple[str, int]],
    treaties: dict[str, Treaty],
    theme: Theme,
    more_colour: QColor | None = None,
) -> None:
    """Chips left to right inside *rect*; what does not fit becomes "+N", in *more_colour*
    (the row's text colour: on a selected row the muted grey is unreadable)."""
    metrics = QFontMetricsF(painter.font())
    x = rect.left()
    for i, (treaty_id, count) in enumerate(chips):
        text = chip_label(treaties, treaty_id, count)
        width = metrics.horizontalAdvance(text) + 2 * CHIP_PADDING
        rest = f"+{len(chips) - i}"
        reserve = metrics.horizontalAdvance(rest) + 2 * CHIP_PADDING if i < len(chips) - 1 else 0
        if x + width + reserve > rect.right() and i > 0 or x + width > rect.right():
            _paint_more(
                painter,
                QRectF(x, rect.top(), rect.right() - x, rect.height()),
                rest,
                more_colour or theme.muted,
            )
            return
        colour = treaties[treaty_id].colour if treaty_id in treaties else UNKNOWN_COLOUR
        _paint_chip(painter, QRectF(x, rect.top(), width, rect.height()), text, colour, theme)
        x += width + CHIP_GAP


def _paint_chip(painter: QPainter, box: QRectF, text: str, colour: str, theme: Theme) -> None:
    painter.setPen(QPen(theme.underline(colour), 1.0))
    painter.setBrush(theme.tint(colour, 0.28))
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
    painter.setPen(theme.text)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _paint_more(painter: QPainter, box: QRectF, text: str, colour: QColor) -> None:
    painter.setPen(colour)
    painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


def swatch(colour: str, size: int = 14) -> QPixmap:
    """A small rounded square in a treaty's colour, for lists and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 3, 3)
    painter.end()
    return pixmap
