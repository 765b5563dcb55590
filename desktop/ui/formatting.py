"""Words the window shows about a letter or a treaty: dates, kamerstuk labels, citations, cards.

Everything that ends up in rich text (tooltips, labels) is escaped here, so no letter or
treaty text is ever read as markup.
"""

from __future__ import annotations

from html import escape

from desktop.core.ingest.dutch import MONTHS
from desktop.core.ingest.treaties import Treaty
from desktop.core.model.citation import cite as official_citation
from desktop.core.model.citation import quote
from desktop.core.model.letter import Footnote, Kamerstuk, Letter

_MONTH_NAMES = {number: name for name, number in MONTHS.items()}
_TOOLTIP_WIDTH = 380  # px: a card wraps instead of spanning the screen


def dutch_date(iso: str | None) -> str:
    """ "2023-11-16" -> "16 november 2023"; anything unreadable is shown as it is."""
    if not iso:
        return ""
    try:
        year, month, day = (int(p) for p in iso.split("-"))
        return f"{day} {_MONTH_NAMES[month]} {year}"
    except (ValueError, KeyError):
        return iso


def kamerstuk_label(kamerstuk: Kamerstuk | None) -> str:
    """ "Kamerstuk 33 694, nr. 69", or "" when the letter has none."""
    return f"Kamerstuk {kamerstuk.label()}" if kamerstuk else ""


def cite(selected: str, letter: Letter) -> str:
    """ "“…selected text…” — Kamerstukken II 2023/24, 33 694, nr. 69": the official form."""
    return quote(selected, official_citation(letter.meta))


def signatories_line(letter: Letter) -> str:
    parts = []
    for s in letter.meta.signatories:
        parts.append(f"{s.name} ({s.role})" if s.role else s.name)
    return " · ".join(parts)


def _tooltip(body: str) -> str:
    # A table with a width makes Qt wrap the tooltip; <qt> forces rich text even when the
    # escaped content looks plain.
    return f"<qt><table width='{_TOOLTIP_WIDTH}'><tr><td>{body}</td></tr></table></qt>"


def treaty_card_html(treaty: Treaty, implicit: bool = False, name: str | None = None) -> str:
    """The card a reader wants on hover: names, dates, status, the Dutch position, a source.
    *name*: a treaty outside the gazetteer (treaty "other"), shown by its name."""
    swatch = f"<span style='color:{escape(treaty.colour)}'>\u25a0</span>"
    head = f"{swatch} <b>{escape(treaty.name_nl)}</b> · {escape(treaty.name_en)}"
    if name:
        head = f"{swatch} <b>{escape(name)}</b><br><i>not in the treaty gazetteer</i>"
    if implicit:
        head += "<br><i>“het verdrag” is read here as this treaty (inferred)</i>"
    names = f"{escape(treaty.full_name_nl)}<br><i>{escape(treaty.full_name_en)}</i>"
    facts = [
        ("Signed", dutch_date(treaty.signed)),
        ("In force", dutch_date(treaty.in_force)),
        ("Status", _as_of(treaty.status_en, treaty.status_date)),
        ("Status (nl)", treaty.status_nl),
        ("Netherlands", treaty.netherlands),
        ("Source", treaty.source),
    ]
    rows = "".join(
        f"<tr><td valign='top' width='26%'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
        for k, v in facts
        if v
    )
    table = f"<table width='100%' cellspacing='0' cellpadding='1'>{rows}</table>"
    return _tooltip(
        f"<p style='margin-bottom:4px'>{head}</p><p style='margin-bottom:6px'>{names}</p>{table}"
    )


def _as_of(status: str, date: str) -> str:
    return f"{status} (as of {dutch_date(date)})" if status and date else status


def footnote_html(footnote: Footnote) -> str:
    return _tooltip(f"<b>{escape(footnote.marker)}</b>&nbsp; {escape(footnote.text)}")


def plain_tooltip(text: str) -> str:
    return _tooltip(escape(text))
