"""Words the window shows about a letter or a treaty: dates, kamerstuk labels, citations, cards.

Everything that ends up in rich text (tooltips, labels) is escaped here, so no letter or
treaty text is ever read as markup.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desktop.core.ingest.treaties import Treaty
from desktop.core.model.citation import cite as official_citation
from desktop.core.model.citation import quote
from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Footnote, Kamerstuk, Letter, Metadata
from desktop.ui.i18n import fill, language

_TOOLTIP_WIDTH = 380  # px: a card wraps instead of spanning the screen


def date_and_citation(iso: str | None, citation: str) -> str:
    """ "16 november 2023 · Kamerstukken II 2023/24, 33 694, nr. 69"; the date once, when the
    citation names it already (a letter without a number is cited by its date)."""
    when = dutch_date(iso)
    return (
        citation if not when or when in citation else " · ".join(p for p in (when, citation) if p)
    )


def kamerstuk_label(kamerstuk: Kamerstuk | None) -> str:
    """ "Kamerstuk 33 694, nr. 69", or "" when the letter has none."""
    return f"Kamerstuk {kamerstuk.label()}" if kamerstuk else ""


def reference_label(meta: Metadata) -> str:
    """Where the document is published, for its header: "Kamerstuk 33 694, nr. 69", or for
    Kamervragen "Aanhangsel Handelingen II 2020/21, nr. 3235"; "" for a letter with neither."""
    if meta.kamerstuk is not None:
        return kamerstuk_label(meta.kamerstuk)
    citation = official_citation(meta)
    return citation.text if citation.url else ""


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


def treaty_name(treaty: Treaty) -> str:
    """The treaty's usual name in the interface language."""
    return treaty.name_nl if language() == "nl" else treaty.name_en


def treaty_label(treaty: Treaty) -> str:
    """The treaty's chip text in the interface language ("NPV" in Dutch, "NPT" in English)."""
    return treaty.label_en if treaty.label_en and language() != "nl" else treaty.label


def treaty_full_name(treaty: Treaty) -> str:
    return treaty.full_name_nl if language() == "nl" else treaty.full_name_en


def treaty_card_html(treaty: Treaty, implicit: bool = False, name: str | None = None) -> str:
    """The card a reader wants on hover: names, dates, status, the Dutch position, a source,
    in the interface language (the other language's name under it, as letters use both).
    *name*: a treaty outside the gazetteer (treaty "other"), shown by its name."""
    dutch = language() == "nl"
    swatch = f"<span style='color:{escape(treaty.colour)}'>\u25a0</span>"
    other = treaty.name_en if dutch else treaty.name_nl
    head = f"{swatch} <b>{escape(treaty_name(treaty))}</b> · {escape(other)}"
    if name:
        outside = QCoreApplication.translate("TreatyCard", "not in the treaty gazetteer")
        head = f"{swatch} <b>{escape(name)}</b><br><i>{escape(outside)}</i>"
    if implicit:
        note = QCoreApplication.translate(
            "TreatyCard", "\u201chet verdrag\u201d is read here as this treaty (inferred)"
        )
        head += f"<br><i>{escape(note)}</i>"
    names = escape(treaty_full_name(treaty))
    status = treaty.status_nl if dutch else treaty.status_en
    facts = [
        (QCoreApplication.translate("TreatyCard", "Signed"), dutch_date(treaty.signed)),
        (QCoreApplication.translate("TreatyCard", "In force"), dutch_date(treaty.in_force)),
        (QCoreApplication.translate("TreatyCard", "Status"), _as_of(status, treaty.status_date)),
        (QCoreApplication.translate("TreatyCard", "Netherlands"), treaty.netherlands),
        (QCoreApplication.translate("TreatyCard", "Source"), treaty.source),
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
    if not (status and date):
        return status
    return fill(QCoreApplication.translate("TreatyCard", "%1 (as of %2)"), status, dutch_date(date))


def footnote_html(footnote: Footnote) -> str:
    return _tooltip(f"<b>{escape(footnote.marker)}</b>&nbsp; {escape(footnote.text)}")


def plain_tooltip(text: str) -> str:
    return _tooltip(escape(text))
