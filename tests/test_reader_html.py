"""The HTML reader: the saved officielebekendmakingen.nl page must read like the official XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.ingest.assemble import assemble
from desktop.core.ingest.readers.html_reader import read_html
from desktop.core.ingest.readers.xml_reader import read_xml
from desktop.core.model.draft import Draft, LetterError, NoteRef
from desktop.core.model.letter import BlockKind, Kamerstuk, Signatory

DATA = Path(__file__).resolve().parent / "data"
PAGE = DATA / "kst-33694-69.html"


def page() -> Draft:
    return read_html(PAGE.read_bytes(), PAGE.name)


def official() -> Draft:
    return read_xml((DATA / "kst-33694-69.xml").read_bytes(), "kst-33694-69.xml")


def everything(draft: Draft) -> str:
    return "\n".join([b.plain() for b in draft.blocks] + list(draft.notes.values()))


def texts(draft: Draft, kind: BlockKind | None = None) -> list[str]:
    return [b.plain() for b in draft.blocks if kind is None or b.kind == kind]


def html(body: str, head: str = "") -> Draft:
    doc = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return read_html(doc.encode(), "pagina.html")


# --- the page and the XML of the same letter --------------------------------------------


def test_page_and_xml_give_the_same_paragraph_texts() -> None:
    assert texts(page(), BlockKind.PARAGRAPH) == texts(official(), BlockKind.PARAGRAPH)
    assert len(texts(page(), BlockKind.PARAGRAPH)) == 10


def test_page_and_xml_give_the_same_blocks_with_markers_in_place() -> None:
    ours, theirs = page(), official()
    assert [b.kind for b in ours.blocks] == [b.kind for b in theirs.blocks]
    assert [b.parts for b in ours.blocks] == [b.parts for b in theirs.blocks]


def test_page_and_xml_give_the_same_notes_and_metadata() -> None:
    ours = page()
    assert ours.notes == official().notes == {"1": "Kamerstuk 36 200-V, nr. 73."}
    assert ours.meta == official().meta


def test_page_metadata_comes_from_the_meta_tags() -> None:
    meta = page().meta
    assert meta.kamerstuk == Kamerstuk("33694", "69", None)
    assert meta.vergaderjaar == "2023-2024"
    assert meta.date == "2023-11-16"
    assert meta.dossier_title == "Internationale Veiligheidsstrategie"
    assert meta.document_kind == "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE"
    assert meta.signatories == [
        Signatory("H.G.J. Bruins Slot", "Minister van Buitenlandse Zaken"),
        Signatory("K.H. Ollongren", "Minister van Defensie"),
    ]


def test_page_note_marker_follows_its_reference() -> None:
    block = next(b for b in page().blocks if NoteRef("1") in b.parts)
    at = block.parts.index(NoteRef("1"))
    assert block.parts[at - 1].endswith("(Kamerstuk 36 200 V, nr. 30)")
    assert block.parts[at + 1].startswith(", ziet het kabinet")


def test_scripts_styles_and_site_chrome_never_become_text() -> None:
    raw = PAGE.read_text(encoding="utf-8")
    assert "SCRIPT-TEKST" in raw and "Direct naar content" in raw  # the page does hold them
    text = everything(page())
    for chrome in ("SCRIPT-TEKST", "dataLayer", "console.log", "margin", "1 januari 1999"):
        assert chrome not in text
    for chrome in ("Direct naar content", "Zoekresultaten", "Over deze site", "Contact"):
        assert chrome not in text
    assert "X Noot" not in text and "Noot" not in page().notes["1"]


def test_publication_header_is_metadata_not_text() -> None:
    text = everything(page())
    assert "Vergaderjaar" not in text and "Nr. 69" not in text
    assert "Internationale Veiligheidsstrategie" not in text


# --- renderings the fixture does not show -----------------------------------------------


def test_notes_as_a_numbered_list_with_plain_in_page_links() -> None:
    draft = html(
        '<div class="stuk"><p>Zie het rapport<sup><a href="#n1">1</a></sup> en de brief'
        '<sup><a href="#n2">2</a></sup>.</p></div>'
        '<div class="noten"><ol><li id="n1"><span class="nootnum">1</span> Rapport, blz. 4.</li>'
        '<li id="n2">2 Kamerstuk 33 694, nr. 12.</li></ol></div>'
    )
    assert draft.blocks[0].parts == [
        "Zie het rapport",
        NoteRef("1"),
        " en de brief",
        NoteRef("2"),
        ".",
    ]
    assert draft.notes == {"1": "Rapport, blz. 4.", "2": "Kamerstuk 33 694, nr. 12."}


def test_a_real_superscript_is_text_not_a_note() -> None:
    draft = html("<p>Een oppervlak van 20 m<sup>2</sup> en CO<sub>2</sub>.</p>")
    assert draft.blocks[0].parts == ["Een oppervlak van 20 m2 en CO2."]
    assert draft.notes == {}


def test_unclosed_paragraphs_and_cells_close_like_in_a_browser() -> None:
    draft = html(
        "<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal<p>Den Haag, 7 juli 2023"
        "<p>Eerste alinea.<div>Tweede alinea.</div>"
        "<table><caption>Staat</caption><tr><th>Art.<th>Bedrag<tr><td>1<td>2.727.644</table>"
    )
    assert [(b.kind, b.plain()) for b in draft.blocks] == [
        (BlockKind.ADDRESSEE, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
        (BlockKind.DATELINE, "Den Haag, 7 juli 2023"),
        (BlockKind.PARAGRAPH, "Eerste alinea."),
        (BlockKind.PARAGRAPH, "Tweede alinea."),
        (BlockKind.HEADING, "Staat"),
        (BlockKind.TABLE, "Art.\tBedrag\n1\t2.727.644"),
    ]
    table = draft.blocks[-1]
    assert [[c.plain() for c in row.cells] for row in table.rows] == [
        ["Art.", "Bedrag"],
        ["1", "2.727.644"],
    ]
    assert [row.header for row in table.rows] == [True, False]  # a row of <th> only
    assert draft.meta.date == "2023-07-07"


def test_table_with_header_section_and_spans() -> None:
    letter = assemble(
        html(
            "<p>Tekst.</p><table><thead><tr><th rowspan='2'>Post</th><th colspan='2'>Bedrag"
            "</th></tr><tr><th>2026</th><th>2027</th></tr></thead><tbody><tr><td>Inzet<sup>"
            "<a class='nootnum' href='#n1'>1</a></sup></td><td>5</td><td><table><tr><td>in"
            "</td></tr></table></td></tr></tbody></table>"
            "<div id='noten'><div class='voet noot'><span class='nootnum'>1</span><p>Zie art. 1."
            "</p></div></div>"
        ),
        "pagina.html",
        "pagina",
    )
    outer = letter.tables[0]
    spans = [
        [(letter.text[c.start : c.end], c.colspan, c.rowspan) for c in r.cells] for r in outer.rows
    ]
    assert spans == [
        [("Post", 1, 2), ("Bedrag", 2, 1)],
        [("2026", 1, 1), ("2027", 1, 1)],
        [("Inzet\u202f1", 1, 1), ("5", 1, 1), ("in", 1, 1)],  # a table in a cell: its text
    ]
    assert [r.header for r in outer.rows] == [True, True, False]
    assert outer.columns == 3
    (note,) = letter.footnotes
    assert letter.text[note.ref_start : note.ref_end] == "1" and note.text == "Zie art. 1."


def test_unmarked_signature_is_recognised() -> None:
    draft = html("<p>Tekst.</p><p>De Minister van Defensie,<br>K.H. Ollongren</p>")
    assert texts(draft, BlockKind.SIGNATURE) == ["De Minister van Defensie,\nK.H. Ollongren"]
    assert draft.meta.signatories == [Signatory("K.H. Ollongren", "Minister van Defensie")]


def test_signature_with_only_the_role_marked() -> None:
    draft = html(
        '<p class="ondertekening"><span class="functie">De Staatssecretaris van Defensie,</span>'
        "<br>C.A. van der Maat</p>"
    )
    assert texts(draft, BlockKind.SIGNATURE) == [
        "De Staatssecretaris van Defensie,\nC.A. van der Maat"
    ]
    assert draft.meta.signatories == [
        Signatory("C.A. van der Maat", "Staatssecretaris van Defensie")
    ]


def test_visible_header_fills_in_when_the_meta_tags_are_missing() -> None:
    draft = html(
        '<div class="kamerstukkop"><p class="vergaderjaar">Vergaderjaar 2023–2024</p></div>'
        '<h1 class="dossiertitel"><span class="dossiernummer">36 200 V</span> Begroting BZ</h1>'
        '<h1 class="stuktitel"><span class="stuknummer">Nr. 30</span> MOTIE</h1><p>Tekst.</p>'
    )
    assert draft.meta.kamerstuk == Kamerstuk("36200", "30", "V")
    assert draft.meta.vergaderjaar == "2023-2024"
    assert draft.meta.dossier_title == "Begroting BZ"
    assert draft.meta.document_kind == "MOTIE"
    assert texts(draft) == ["Tekst."]


def test_meta_tags_win_over_the_visible_header() -> None:
    head = (
        '<meta name="OVERHEIDop.dossiertitel" content="Internationale Veiligheidsstrategie">'
        '<meta name="OVERHEIDop.vergaderjaar" content="2023-2024">'
    )
    draft = html(
        '<div class="kamerstukkop"><p class="vergaderjaar">Vergaderjaar 1999–2000</p></div>'
        '<h1 class="dossiertitel"><span class="dossiernummer">33 694</span> Verkort</h1><p>Tekst.</p>',
        head,
    )
    assert draft.meta.dossier_title == "Internationale Veiligheidsstrategie"
    assert draft.meta.vergaderjaar == "2023-2024"


def test_declared_legacy_charset_is_honoured() -> None:
    doc = '<html><head><meta charset="windows-1252"></head><body><p>Oekraïne – 7 juli</p>'
    assert texts(read_html(doc.encode("cp1252"), "oud.html")) == ["Oekraïne – 7 juli"]


def test_deep_nesting_is_read_without_crashing() -> None:
    draft = html("<div>" * 5000 + "<p>Diep.</p>" + "</div>" * 5000)
    assert texts(draft) == ["Diep."]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \r\n", "empty"),
        (b"<html><head><script>var brief = 'Aan de Voorzitter';</script></head></html>", "no text"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_unreadable_html_is_refused_naming_the_file(data: bytes, problem: str) -> None:
    with pytest.raises(LetterError) as caught:
        read_html(data, "brieven/leeg.html")
    assert str(caught.value).startswith("brieven/leeg.html: ")
    assert problem in str(caught.value)


def test_an_annex_names_the_publication_it_belongs_to() -> None:
    # The metadata of an officielebekendmakingen annex (blg-1007826, a bijlage of
    # kst-33037-430): its type is Bijlage and hoofddocument names the main publication.
    head = (
        '<meta name="DC.identifier" scheme="OVERHEIDop.ParlID" content="blg-1007826">'
        '<meta name="DC.type" scheme="OVERHEIDop.Parlementair" content="Bijlage">'
        '<meta name="OVERHEIDop.hoofddocument" scheme="OVERHEIDop.ParlID" content="kst-33037-430">'
        '<meta name="OVERHEIDop.dossiernummer" content="33037">'
        '<meta name="OVERHEIDop.ondernummer" content="430">'
        '<meta name="DC.title" content="Beslisnota inzake aangenomen moties">'
    )
    letter = assemble(html("<p>Beslisnota.</p>", head), "blg.html", "blg")
    assert (letter.meta.annex_of, letter.meta.publication) == ("kst-33037-430", "blg-1007826")
    assert letter.meta.kind == "other"


def test_an_annex_that_says_so_on_its_first_page() -> None:
    letter = assemble(
        html("<p>Bijlage 2 bij Kamerstuk 21 501-02, nr. 3121</p><p>Overzicht.</p>"),
        "bijlage.html",
        "bijlage",
    )
    assert letter.meta.annex_of == "kst-21501-02-3121"
    assert letter.meta.publication is None
