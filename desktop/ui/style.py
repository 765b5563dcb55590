"""The window's style: Fusion everywhere, with focus and check boxes that stay visible.

Fusion marks keyboard focus with a faint line in the highlight colour and outlines a check box
in a shade of the window colour, which on the dark palette is nearly the window colour itself.
This style draws the focus as a 2 px line in the highlight colour and outlines check boxes and
radio buttons in the palette's placeholder colour, in light and dark alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption

FOCUS_WIDTH = 2.0


class ReaderStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(  # noqa: N802 (Qt override)
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget=None
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            _focus_frame(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        ):
            _indicator_outline(element, option, painter)


def _focus_frame(option: QStyleOption, painter: QPainter) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(option.palette.highlight().color(), FOCUS_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = FOCUS_WIDTH / 2
    painter.drawRoundedRect(QRectF(option.rect).adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


def _indicator_outline(element, option: QStyleOption, painter: QPainter) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(option.palette.placeholderText().color(), 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
    if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
        painter.drawEllipse(box)
    else:
        painter.drawRoundedRect(box, 2, 2)
    painter.restore()


_STYLE: list[ReaderStyle] = []  # the application's style, kept alive on the Python side too


def apply_style(app: QApplication) -> None:
    """One look everywhere; the palette follows light or dark (desktop.ui.theme)."""
    if not isinstance(app.style(), ReaderStyle):
        _STYLE[:] = [ReaderStyle()]
        app.setStyle(_STYLE[0])
