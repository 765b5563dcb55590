"""Light and dark colours: the application palette and the reader's highlight colours.

Treaty colours come from the gazetteer; what is computed here is how they are shown on the
current page colour, so that a highlight stays readable in light and in dark.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

SCHEMES = ("system", "light", "dark")
MIN_CONTRAST = 4.5  # WCAG AA for body text


@dataclass(frozen=True, slots=True)
class Theme:
    dark: bool
    page: QColor  # the reader's paper
    text: QColor
    muted: QColor
    link: QColor
    rule: QColor
    hit_background: QColor
    hit_text: QColor
    accent: QColor

    def tint(self, colour: str | QColor, strength: float = 0.22) -> QColor:
        """*colour* mixed into the page colour: a background that keeps text readable.
        A light colour on a dark page is mixed in less, so the text keeps its contrast."""
        while strength > 0.05:
            tinted = mix(QColor(colour), self.page, strength)
            if contrast(self.text, tinted) >= MIN_CONTRAST:
                return tinted
            strength -= 0.03
        return mix(QColor(colour), self.page, strength)

    def underline(self, colour: str | QColor) -> QColor:
        """The full colour, lightened on a dark page so the line stays visible."""
        c = QColor(colour)
        return mix(c, QColor("white"), 0.35) if self.dark else c


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def mix(fore: QColor, back: QColor, amount: float) -> QColor:
    """*amount* of *fore* over *back* (0: back, 1: fore)."""
    keep = 1.0 - amount
    return QColor(
        round(fore.red() * amount + back.red() * keep),
        round(fore.green() * amount + back.green() * keep),
        round(fore.blue() * amount + back.blue() * keep),
    )


LIGHT = Theme(
    dark=False,
    page=QColor("#fdfcf9"),
    text=QColor("#1f2328"),
    muted=QColor("#5f6670"),
    link=QColor("#1a5fb4"),
    rule=QColor("#c9c6bf"),
    hit_background=QColor("#ffd166"),
    hit_text=QColor("#111111"),
    accent=QColor("#1a5fb4"),
)

DARK = Theme(
    dark=True,
    page=QColor("#1d1f23"),
    text=QColor("#e4e2dd"),
    muted=QColor("#a3a8b0"),
    link=QColor("#8ab4f8"),
    rule=QColor("#4a4d55"),
    hit_background=QColor("#f2b84b"),
    hit_text=QColor("#111111"),
    accent=QColor("#8ab4f8"),
)


def resolve_scheme(preference: str) -> str:
    """ "light" or "dark": the user's choice, or the system's for "system"."""
    if preference in ("light", "dark"):
        return preference
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def theme_for(scheme: str) -> Theme:
    return DARK if scheme == "dark" else LIGHT


def palette_for(theme: Theme) -> QPalette:
    """A complete application palette: Fusion looks the same on every platform with it."""
    if theme.dark:
        window, base, alt, button = "#26282d", "#1d1f23", "#2b2e34", "#30333a"
        text, disabled, highlight = "#e4e2dd", "#7c8088", "#3d6fb6"
    else:
        window, base, alt, button = "#eeece8", "#ffffff", "#f6f5f2", "#f3f2ef"
        text, disabled, highlight = "#1f2328", "#9aa0a6", "#2f6fcf"
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.ToolTipBase: alt,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: theme.link.name(),
        QPalette.ColorRole.BrightText: "#ff5555",
        QPalette.ColorRole.Mid: theme.rule.name(),
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p
