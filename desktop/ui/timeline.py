"""The treaty timeline: every letter of the library on a date axis, a bar per letter that
mentions a chosen treaty, as tall as its mentions (on a log scale: one 5 MB letter with
thousands of mentions would flatten every other bar).

Painted, not QtCharts: QtCharts is a second wheel (PySide6-Addons) under the same version
bound, and its scatter series makes one graphics item per point (10,000 letters), while a
bar per letter here is one ``drawRects`` call per treaty. Zoom with the wheel or +/-, pan by
dragging or with the arrow keys, Home shows everything; a click opens the letter.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.core.history.passages import Mark
from desktop.core.model.dates import dutch_date
from desktop.ui.formatting import kamerstuk_label
from desktop.ui.i18n import fill
from desktop.ui.theme import LIGHT, Theme

LANE_LABEL = 64.0  # px for the treaty's name left of its lane
AXIS = 22.0  # px for the year labels
RUG = 5.0  # px: the ticks of every letter under the lanes
PAD_DAYS = 45  # around the first and last letter
MIN_SPAN_DAYS = 20.0
ZOOM_STEP = 1.25
PAN_STEP = 0.15  # of the visible span, per arrow key
DRAG_SLOP = 4  # px a press may move and still be a click
HIT_SLOP = 4.0  # px either side of a bar that still hover or click it
HEAD = 3.5  # px: the radius of the dot on a bar's top
MIN_LANE = 16  # px: the least height a lane keeps
HEAD_ROOM = 2 * HEAD + 3  # px of lane per bar from which each bar gets its dot


@dataclass(frozen=True, slots=True)
class Lane:
    treaty: str
    label: str
    colour: QColor
    marks: list[Mark]
    days: list[int]  # each mark's date as a day number, sorted (the marks are in date order)
    shares: list[float]  # each mark's height as a share of the lane: log(1 + count), scaled


class TimelineWidget(QWidget):
    mark_clicked = Signal(str, str, bool)  # letter id, treaty, in the other pane (Ctrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("treatyTimeline")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(64)
        self._theme = LIGHT
        self._lanes: list[Lane] = []
        self._rug: list[int] = []  # day number of every dated letter of the library
        self._full = self._view = _around_today()
        self._press: QPointF | None = None
        self._dragged = False
        self._hover: Mark | None = None
        self.setToolTip("")

    # -- content ----------------------------------------------------------------------

    def set_marks(
        self, lanes: list[tuple[str, str, QColor, list[Mark]]], every_letter: list[int]
    ) -> None:
        """*lanes*: (treaty id, label, colour, marks) each; *every_letter*: the day numbers
        (date.toordinal) of all the library's dated letters, drawn as a rug under the lanes."""
        self._lanes = [_lane(*lane) for lane in lanes]
        self.setMinimumHeight(round(AXIS + RUG + 12 + MIN_LANE * max(1, len(self._lanes))))
        self.updateGeometry()
        self._rug = sorted(every_letter)
        days = self._rug or [d for lane in self._lanes for d in lane.days]
        self._full = (min(days) - PAD_DAYS, max(days) + PAD_DAYS) if days else _around_today()
        self._view = self._full
        self._hover = None
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def lanes(self) -> list[Lane]:
        return list(self._lanes)

    def visible_range(self) -> tuple[date, date]:
        return date.fromordinal(int(self._view[0])), date.fromordinal(int(self._view[1]))

    def show_years(self, first: int | None, last: int | None) -> None:
        """Zoom to a range of years (None: from the start / to the end of the library)."""
        start = date(first, 1, 1).toordinal() - 10 if first else self._full[0]
        end = date(last, 12, 31).toordinal() + 10 if last else self._full[1]
        if end - start >= MIN_SPAN_DAYS:
            self._view = (float(start), float(end))
            self.update()

    # -- geometry ---------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        return QRectF(LANE_LABEL, 6.0, max(10.0, self.width() - LANE_LABEL - 10), self._plot_h())

    def _plot_h(self) -> float:
        return max(10.0, self.height() - 6.0 - AXIS - RUG - 2)

    def _lane_rect(self, index: int) -> QRectF:
        plot = self.plot_rect()
        height = plot.height() / max(1, len(self._lanes))
        return QRectF(plot.left(), plot.top() + index * height, plot.width(), height)

    def x_of(self, day: float) -> float:
        plot = self.plot_rect()
        start, end = self._view
        return plot.left() + (day - start) / (end - start) * plot.width()

    def day_at(self, x: float) -> float:
        plot = self.plot_rect()
        start, end = self._view
        return start + (x - plot.left()) / plot.width() * (end - start)

    def mark_rect(self, lane_index: int, mark: Mark) -> QRectF:
        """Where a mark is drawn: at its date, as tall as its mentions."""
        lane = self._lanes[lane_index]
        i = lane.marks.index(mark)
        box, width = self._bar_box(lane_index), self._bar_width()
        return _bar(box, width, self.x_of(lane.days[i]), lane.shares[i])

    def _bar_box(self, lane_index: int) -> QRectF:
        """The part of a lane the bars stand in (room above for the dots)."""
        return self._lane_rect(lane_index).adjusted(0, 4 + HEAD, 0, -2)

    def _bar_width(self) -> float:
        per_day = self.plot_rect().width() / (self._view[1] - self._view[0])
        return max(2.0, min(9.0, per_day * 0.8))

    def mark_at(self, pos: QPointF) -> tuple[int, Mark] | None:
        """The mark under *pos*: in the lane there, the nearest bar within a few pixels
        (the tallest where bars overlap)."""
        for index, lane in enumerate(self._lanes):
            if not self._lane_rect(index).contains(pos):
                continue
            slop = HIT_SLOP + self._bar_width() / 2
            first = bisect_left(lane.days, self.day_at(pos.x() - slop))
            last = bisect_right(lane.days, self.day_at(pos.x() + slop))
            if first < last:
                best = max(
                    range(first, last),
                    key=lambda i: (lane.marks[i].count, -abs(self.x_of(lane.days[i]) - pos.x())),
                )
                return index, lane.marks[best]
        return None  # fmt: skip

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(600, 56 + 36 * max(1, len(self._lanes)))

    # -- zoom and pan -----------------------------------------------------------------

    def zoom(self, factor: float, around: float | None = None) -> None:
        """Narrow (factor > 1) or widen the visible span, keeping the day at *around* (x)."""
        start, end = self._view
        pivot = self.day_at(around) if around is not None else (start + end) / 2
        full = self._full[1] - self._full[0]
        span = min(max((end - start) / factor, MIN_SPAN_DAYS), full)
        share = (pivot - start) / (end - start)
        self._set_view(pivot - share * span, pivot - share * span + span)

    def pan_days(self, days: float) -> None:
        start, end = self._view
        self._set_view(start + days, end + days)

    def reset_zoom(self) -> None:
        self._view = self._full
        self.update()

    def _set_view(self, start: float, end: float) -> None:
        span = end - start
        start = min(max(start, self._full[0]), self._full[1] - span)
        self._view = (start, start + span)
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps, event.position().x())
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        span = self._view[1] - self._view[0]
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.pan_days(-span * PAN_STEP)
        elif key == Qt.Key.Key_Right:
            self.pan_days(span * PAN_STEP)
        elif key == Qt.Key.Key_Home:
            self.reset_zoom()
        else:
            super().keyPressEvent(event)

    # -- mouse ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position(), False
            self._press_view = self._view

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self._press is not None:
            dx = event.position().x() - self._press.x()
            if abs(dx) > DRAG_SLOP or self._dragged:
                self._dragged = True
                days = dx / self.plot_rect().width() * (self._press_view[1] - self._press_view[0])
                self._view = self._press_view
                self.pan_days(-days)
            return
        self._hover_at(event.position(), event.globalPosition().toPoint())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        press, self._press = self._press, None
        if press is None or self._dragged or event.button() != Qt.MouseButton.LeftButton:
            return
        found = self.mark_at(event.position())
        if found is not None:
            other = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.mark_clicked.emit(found[1].letter.id, found[1].treaty, other)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def _hover_at(self, pos: QPointF, global_pos) -> None:
        found = self.mark_at(pos)
        mark = found[1] if found else None
        if mark is not self._hover:
            self._hover = mark
            self.update()
        if mark is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(global_pos, self.mark_tooltip(mark), self)

    def mark_tooltip(self, mark: Mark) -> str:
        """Title, date, kamerstuk and the number of mentions (plain text: never markup)."""
        row = mark.letter
        facts = " · ".join(f for f in (dutch_date(row.date), kamerstuk_label(row.kamerstuk)) if f)
        count = fill(self.tr("%n mention(s) of %1", "", mark.count), mark.treaty)
        return "\n".join([row.title, facts, count])

    # -- painting ---------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        theme = self._theme
        painter.fillRect(self.rect(), theme.page)
        self._paint_axis(painter)
        for index, lane in enumerate(self._lanes):
            self._paint_lane(painter, index, lane)
        if not self._lanes:
            painter.setPen(theme.muted)
            painter.drawText(
                self.plot_rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No treaty chosen")
            )
        painter.end()

    def _paint_lane(self, painter: QPainter, index: int, lane: Lane) -> None:
        box = self._lane_rect(index)
        theme = self._theme
        painter.setPen(QPen(theme.rule, 1))
        painter.drawLine(
            QPointF(box.left(), box.bottom() - 1.5), QPointF(box.right(), box.bottom() - 1.5)
        )
        painter.setPen(theme.text)
        label = QRectF(4, box.top(), LANE_LABEL - 8, box.height())
        painter.drawText(
            label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, lane.label
        )
        rects = self._visible_bars(index, lane)
        painter.save()
        painter.setClipRect(box)
        colour = theme.underline(lane.colour)
        fill = QColor(colour)
        fill.setAlphaF(0.8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRects(rects)
        if len(rects) * HEAD_ROOM <= box.width():  # far enough apart: a dot on each bar
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(colour)
            for rect in rects:
                painter.drawEllipse(QPointF(rect.center().x(), rect.top()), HEAD, HEAD)
        if self._hover is not None and self._hover.treaty == lane.treaty:
            painter.setPen(QPen(theme.text, 1.5))
            painter.setBrush(colour)
            painter.drawRect(self.mark_rect(index, self._hover).adjusted(-1, -1, 1, 1))
        painter.restore()

    def _visible_bars(self, index: int, lane: Lane) -> list[QRectF]:
        """A bar per pixel column at most, the tallest of the letters there: 10,000 letters
        on 1,200 pixels are drawn as 1,200 bars, each computed in one loop."""
        first = bisect_left(lane.days, self._view[0] - 1)
        last = bisect_right(lane.days, self._view[1] + 1)
        plot = self.plot_rect()
        scale = plot.width() / (self._view[1] - self._view[0])
        origin = plot.left() - self._view[0] * scale
        width = self._bar_width()
        column = max(1.0, width)
        tallest: dict[int, tuple[float, float]] = {}
        for day, share in zip(lane.days[first:last], lane.shares[first:last], strict=True):
            x = origin + day * scale
            key = int(x // column)
            if share > tallest.get(key, (-1.0, 0.0))[0]:
                tallest[key] = (share, x)
        box = self._bar_box(index)
        return [_bar(box, width, x, share) for share, x in tallest.values()]

    def _paint_axis(self, painter: QPainter) -> None:
        theme = self._theme
        plot = self.plot_rect()
        rug_top = plot.bottom() + 1
        painter.setPen(QPen(theme.muted, 1))
        first = bisect_left(self._rug, self._view[0])
        last = bisect_right(self._rug, self._view[1])
        scale = plot.width() / (self._view[1] - self._view[0])
        origin = plot.left() - self._view[0] * scale
        xs = {round(origin + d * scale) + 0.5 for d in self._rug[first:last]}  # a line a pixel
        painter.drawLines([QLineF(x, rug_top, x, rug_top + RUG) for x in sorted(xs)])
        axis_top = rug_top + RUG + 1
        metrics = QFontMetricsF(painter.font())
        for day, text in self._ticks(metrics):
            x = self.x_of(day)
            width = metrics.horizontalAdvance(text)
            if x < plot.left() or x + width / 2 > self.width():
                continue  # outside the view, or its label would be cut off at the edge
            painter.setPen(QPen(theme.rule, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(theme.muted)
            painter.drawText(QPointF(x - width / 2, axis_top + metrics.ascent()), text)

    def _ticks(self, metrics: QFontMetricsF) -> list[tuple[int, str]]:
        """Year lines, or months when zoomed in far enough for their names to fit."""
        start, end = (date.fromordinal(int(d)) for d in self._view)
        per_year = self.plot_rect().width() / ((self._view[1] - self._view[0]) / 365.25)
        label_width = metrics.horizontalAdvance("2088") + 16
        if per_year >= 12 * (metrics.horizontalAdvance("sep. 2088") + 12):
            return self._month_ticks(start, end, 1)
        if per_year >= 4 * (metrics.horizontalAdvance("sep. 2088") + 12):
            return self._month_ticks(start, end, 3)
        step = next((s for s in (1, 2, 5, 10, 20, 50) if per_year * s >= label_width), 100)
        first = start.year + (-start.year % step)
        return [(date(y, 1, 1).toordinal(), str(y)) for y in range(first, end.year + 1, step)]

    def _month_ticks(self, start: date, end: date, step: int) -> list[tuple[int, str]]:
        locale = QLocale()
        ticks = []
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            if (month - 1) % step == 0:
                name = locale.monthName(month, QLocale.FormatType.ShortFormat)
                ticks.append((date(year, month, 1).toordinal(), f"{name} {year}"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return ticks


def _lane(treaty: str, label: str, colour: QColor, marks: list[Mark]) -> Lane:
    """Undated letters have no place on the axis."""
    dated = [(m.letter.day, m) for m in marks if m.letter.day is not None]
    top = math.log1p(max((m.count for _, m in dated), default=1))
    share = {n: math.log1p(n) / top for n in {m.count for _, m in dated}}
    days = [day for day, _ in dated]
    return Lane(
        treaty, label, colour, [m for _, m in dated], days, [share[m.count] for _, m in dated]
    )


def _bar(box: QRectF, width: float, x: float, share: float) -> QRectF:
    """A bar standing in *box* at *x*, *share* of its height tall."""
    height = max(3.0, box.height() * share)
    return QRectF(x - width / 2, box.bottom() - height, width, height)


def _around_today() -> tuple[float, float]:
    """The axis of an empty timeline: the last year."""
    today = date.today().toordinal()
    return today - 365.0, today + 30.0
