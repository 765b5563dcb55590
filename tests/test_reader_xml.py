"""The official-XML reader on three real Kamerstukken, the project's own fixture, and attacks."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from desktop.core.ingest.assemble import assemble
from desktop.core.ingest.dutch import iso_date
from desktop.core.ingest.parse import parse_file
from desktop.core.ingest.readers.xml_reader import (
    normalize_vergaderjaar,
    parse_dossier,
    read_xml,
)
from desktop.core.model.draft import Draft, LetterError, NoteRef
from desktop.core.model.letter import BlockKind, Kamerstuk, Letter, Signatory
from tests.conftest import shared_file

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "data" / "kst-33694-69.xml"
LETTER = HERE.parent / "resources" / "letters" / "2023-11-16-kst-33694-69-cse-verdrag.txt"


def sample(name: str) -> Draft:
    return read_xml(shared_file(f"samples/{name}").read_bytes(), name)


def running_text(draft: Draft) -> str:
    return "\n".join(block.plain() for block in draft.blocks)


def markers(draft: Draft) -> list[str]:
    return [p.marker for b in draft.blocks for p in b.parts if isinstance(p, NoteRef)]


def texts(draft: Draft, kind: BlockKind) -> list[str]:
    return [b.plain() for b in draft.blocks if b.kind == kind]


BZK = "Minister van Binnenlandse Zaken en Koninkrijksrelaties"
CLIMATE_TITLE = (
    "Voorstel van wet van de leden Vedder, Grinwis en Bromet tot wijziging van de Tijdelijke "
    "wet Klimaatfonds in verband met het beschikbaar stellen van financiële middelen uit het "
    "Klimaatfonds voor de landbouwsector"
)
EXPECTED = {
    "kst_28844_269.xml": {
        "kamerstuk": Kamerstuk("28844", "269", None),
        "vergaderjaar": "2022-2023",
        "date": "2023-07-07",  # only in the running text: "Den Haag, 7 juli 2023"
        "dossier_title": "Integriteitsbeleid openbaar bestuur en politie",
        "document_kind": "BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES",
        "addressee": "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "signatories": [Signatory("H.G.J. Bruins Slot", BZK)],
        "notes": 15,
        "note_1": "Kamerstuk 28 844, nr. 266.",
        "official_title": "",
        "kind": "brief",
    },
    "kst_36750_3.xml": {
        "kamerstuk": Kamerstuk("36750", "3", None),
        "vergaderjaar": "2024-2025",
        "date": "2025-05-21",  # only in the embedded DCTERMS.issued
        "dossier_title": CLIMATE_TITLE,
        "document_kind": "MEMORIE VAN TOELICHTING",
        "addressee": None,
        # The members sign with bare surnames; OVERHEIDop.indiener supplies the initials.
        "signatories": [
            Signatory("E.C. Vedder", None),
            Signatory("P.A. Grinwis", None),
            Signatory("L. Bromet", None),
        ],
        "notes": 19,
        "note_1": "Global Methane Pledge (https://www.globalmethanepledge.org/)",
        "official_title": "Memorie van toelichting",  # OVERHEIDop.documenttitel
        "kind": "memorie",
    },
    "kst_37020_x_1.xml": {
        "kamerstuk": Kamerstuk("37020", "1", "X"),
        "vergaderjaar": "2026-2027",  # a figure dash (U+2012) in the file
        "date": "2026-09-15",  # datumtekst/datum[@isodatum]
        "dossier_title": (
            "Vaststelling van de begrotingsstaten van het ministerie van Defensie (X) "
            "voor het jaar 2027"
        ),
        "document_kind": "VOORSTEL VAN WET",
        "addressee": None,
        "signatories": [Signatory("D. Yeşilgöz-Zegerius", "Minister van Defensie")],
        "notes": 0,
        "note_1": None,
        "official_title": "",
        "kind": "other",  # a bill
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_metadata_is_exact(name: str) -> None:
    meta, want = sample(name).meta, EXPECTED[name]
    assert meta.kamerstuk == want["kamerstuk"]
    assert meta.vergaderjaar == want["vergaderjaar"]
    assert meta.date == want["date"]
    assert meta.dossier_title == want["dossier_title"]
    assert meta.document_kind == want["document_kind"]
    assert meta.addressee == want["addressee"]
    assert meta.signatories == want["signatories"]
    # The official title, where the file has one; the rules for every format decide on it.
    assert meta.title == want["official_title"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_kind_and_identity(name: str) -> None:
    letter = parse_file(shared_file(f"samples/{name}"))
    want = EXPECTED[name]
    assert letter.meta.kind == want["kind"]
    assert letter.meta.title == want["dossier_title"]  # a Kamerstuk's title is its dossier's
    ks = want["kamerstuk"]
    chapter = f"-{ks.chapter}" if ks.chapter else ""
    assert letter.meta.publication == f"kst-{ks.dossier}{chapter}-{ks.number}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_notes_are_counted_and_referenced_in_order(name: str) -> None:
    draft, want = sample(name), EXPECTED[name]
    assert len(draft.notes) == want["notes"]
    assert markers(draft) == [str(i) for i in range(1, want["notes"] + 1)]
    assert list(draft.notes) == markers(draft)
    if want["note_1"]:
        assert draft.notes["1"] == want["note_1"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_note_bodies_stay_out_of_the_running_text(name: str) -> None:
    draft = sample(name)
    text = running_text(draft)
    for marker, body in draft.notes.items():
        assert body, f"note {marker} is empty"
        assert body not in text, f"note {marker} leaked into the text"


def test_sample_known_note_phrases_never_leak() -> None:
    assert "Shadow lobbying" not in running_text(sample("kst_28844_269.xml"))
    assert "Shadow lobbying" in sample("kst_28844_269.xml").notes["4"]
    climate = running_text(sample("kst_36750_3.xml"))
    assert "globalmethanepledge" not in climate
    assert "W19.24.00242" not in climate


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_whitespace_is_collapsed(name: str) -> None:
    for block in sample(name).blocks:
        for part in (p for p in block.parts if isinstance(p, str)):
            assert "  " not in part and "\r" not in part and "\u00a0" not in part
            if block.kind != BlockKind.SIGNATURE:
                assert "\n" not in part
        assert block.plain() == block.plain().strip()


def test_sample_processing_instructions_inside_words_are_joined() -> None:
    text = running_text(sample("kst_36750_3.xml"))  # methaan<?xpp afbm?>doel, and two more
    assert "inclusief het methaandoel." in text
    assert "in aanmerking komen, worden" in text
    assert "formeel ingetrokken door" in text
    assert "methaan doel" not in text and "aanmer king" not in text
    # Here the PI sits between a space and a parenthesis: the space survives, no new one.
    archive = "via het online archief (https://www.rijksoverheid.nl/archief)."
    assert archive in running_text(sample("kst_28844_269.xml"))


def test_sample_note_marker_sits_where_the_note_stood() -> None:
    block = next(b for b in sample("kst_36750_3.xml").blocks if NoteRef("17") in b.parts)
    at = block.parts.index(NoteRef("17"))
    assert block.parts[at - 1].endswith("Met de brief")
    assert block.parts[at + 1].startswith(" van 29 november 2024")


def test_sample_inline_markup_contributes_its_text() -> None:
    assert "6 megaton CO2-equivalenten." in running_text(sample("kst_36750_3.xml"))
    letter = running_text(sample("kst_28844_269.xml"))
    assert "(Handelingen II 2022/23, nr. 84, item 12)" in letter
    assert sample("kst_36750_3.xml").notes["10"] == "Kamerstukken II 2024/25, 36 600 M, nr. 2."


def test_sample_headings_are_heading_blocks() -> None:
    assert texts(sample("kst_36750_3.xml"), BlockKind.HEADING) == [
        "I. ALGEMEEN",
        "1. Inleiding",
        "2. Hoofdlijnen wetsvoorstel",
        "3. Financiële gevolgen",
        "II. ARTIKELSGEWIJS",
        "Artikel I",
        "Artikel II",
    ]
    headings = texts(sample("kst_28844_269.xml"), BlockKind.HEADING)
    assert headings[:2] == ["Inleiding", "Lobbyregister Ierland"] and len(headings) == 6
    bill = texts(sample("kst_37020_x_1.xml"), BlockKind.HEADING)
    assert bill[:5] == ["Artikel 1", "Artikel 2", "Artikel 3", "Artikel 4", "Begrotingsstaat"]


def test_sample_letter_opening_and_signature_blocks() -> None:
    draft = sample("kst_28844_269.xml")
    kinds = [b.kind for b in draft.blocks]
    assert kinds[:3] == [BlockKind.ADDRESSEE, BlockKind.DATELINE, BlockKind.HEADING]
    assert draft.blocks[1].plain() == "Den Haag, 7 juli 2023"
    assert texts(draft, BlockKind.SIGNATURE) == [f"De {BZK},\nH.G.J. Bruins Slot"]
    assert draft.blocks[-1].kind == BlockKind.SIGNATURE
    assert texts(sample("kst_36750_3.xml"), BlockKind.SIGNATURE) == ["Vedder\nGrinwis\nBromet"]
    bill = texts(sample("kst_37020_x_1.xml"), BlockKind.SIGNATURE)
    assert bill == ["De Minister van Defensie,\nD. Yeşilgöz-Zegerius"]


def cells(letter, table) -> list[list[tuple[str, int, int]]]:
    return [
        [(letter.text[c.start : c.end], c.colspan, c.rowspan) for c in r.cells] for r in table.rows
    ]


def test_sample_tables_are_tables() -> None:
    letter = parse_file(shared_file("samples/kst_37020_x_1.xml"))
    budget, agencies = letter.tables
    assert (budget.columns, len(budget.rows), agencies.columns, len(agencies.rows)) == (5, 18, 4, 3)
    rows = cells(letter, budget)
    # A two-row column header: "Vastgestelde begroting" spans the three columns below it.
    assert [r.header for r in budget.rows[:3]] == [True, True, False]
    assert rows[0] == [("Art.", 1, 1), ("Omschrijving", 1, 1), ("Vastgestelde begroting", 3, 1)]
    assert [t for t, _, _ in rows[1]] == ["", "", "Verplichtingen", "Uitgaven", "Ontvangsten"]
    assert [t for t, _, _ in rows[5]] == ["1", "Inzet", "2.727.644", "2.856.815", "97.087"]
    assert [t for t, _, _ in rows[-1]] == ["12", "Nog onverdeeld", "895.006", "895.006", "0"]
    assert [t for t, _, _ in cells(letter, agencies)[-1]] == ["Totaal", "111.126", "111.126", "0"]
    # One table block each, preceded by its caption as a heading; the text is searchable.
    table_blocks = [b for b in letter.blocks if b.kind == BlockKind.TABLE]
    assert [(b.start, b.end) for b in table_blocks] == [(t.start, t.end) for t in letter.tables]
    heading = letter.blocks[letter.blocks.index(table_blocks[0]) - 1]
    assert letter.text[heading.start : heading.end].startswith("Vastgestelde departementale")
    assert "Koninklijke Marechaussee\t867.421\t901.296\t4.459" in letter.text


def test_tables_round_trip_through_json() -> None:
    letter = parse_file(shared_file("samples/kst_37020_x_1.xml"))
    data = letter.to_json()
    assert data["tables"][0]["rows"][0]["cells"][2]["colspan"] == 3
    assert Letter.from_json(data).tables == letter.tables


def test_cals_row_spans_and_skipped_columns() -> None:
    table = """<table><tgroup cols="3">
      <colspec colname="c1"/><colspec colname="c2"/><colspec colname="c3"/>
      <thead><row><entry morerows="1"><al>Post</al></entry><entry namest="c2" nameend="c3">
        <al>Bedrag</al></entry></row>
      <row><entry colname="c2"><al>2026</al></entry><entry><al>2027</al></entry></row></thead>
      <tbody><row><entry><al>Inzet<noot id="n1"><noot.nr>1</noot.nr><noot.al>Zie
        art. 1.</noot.al></noot></al></entry><entry colname="c3"><al>5</al></entry></row></tbody>
    </tgroup></table>"""
    letter = parse_xml_letter(f"<al>Tekst.</al>{table}")
    (only,) = letter.tables
    assert cells(letter, only) == [
        [("Post", 1, 2), ("Bedrag", 2, 1)],
        [("2026", 1, 1), ("2027", 1, 1)],
        [("Inzet\u202f1", 1, 1), ("", 1, 1), ("5", 1, 1)],
    ]
    assert [(r, c) for r, c, _ in only.placed()] == [
        (0, 0),
        (0, 1),
        (1, 1),
        (1, 2),
        (2, 0),
        (2, 1),
        (2, 2),
    ]
    (note,) = letter.footnotes
    assert letter.text[note.ref_start : note.ref_end] == "1" and note.text == "Zie art. 1."


def parse_xml_letter(body: str) -> Letter:
    doc = f"<officiele-publicatie><kamerstuk><stuk>{body}</stuk></kamerstuk></officiele-publicatie>"
    return assemble(read_xml(doc.encode(), "tabel.xml"), "tabel.xml", "tabel")


def test_sample_ij_ligature_reads_as_two_letters() -> None:
    text = running_text(sample("kst_37020_x_1.xml"))
    assert "De bij deze wet behorende departementale begrotingsstaat" in text
    assert "\u0133" not in text


def test_sample_receipt_date_is_a_dateline() -> None:
    assert sample("kst_37020_x_1.xml").blocks[0].kind == BlockKind.DATELINE


# --- the project's own fixture ----------------------------------------------------------


def fixture() -> Draft:
    return read_xml(FIXTURE.read_bytes(), FIXTURE.name)


def test_fixture_is_in_the_official_shape() -> None:
    data = FIXTURE.read_bytes()
    assert data.count(b"\r\n") > 50 and b"<?xpp" in data
    assert b"<officiele-publicatie" in data and b"<noot " in data


def test_fixture_metadata() -> None:
    meta = fixture().meta
    assert meta.kamerstuk == Kamerstuk("33694", "69", None)
    assert meta.dossier_title == "Internationale Veiligheidsstrategie"
    assert meta.document_kind == "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE"
    assert meta.vergaderjaar == "2023-2024"
    assert meta.date == "2023-11-16"
    assert meta.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert meta.signatories == [
        Signatory("H.G.J. Bruins Slot", "Minister van Buitenlandse Zaken"),
        Signatory("K.H. Ollongren", "Minister van Defensie"),
    ]


def test_fixture_blocks() -> None:
    draft = fixture()
    kinds = [b.kind for b in draft.blocks]
    assert kinds[:2] == [BlockKind.ADDRESSEE, BlockKind.DATELINE]
    assert draft.blocks[1].plain() == "Den Haag, 16 november 2023"  # a no-break space
    assert texts(draft, BlockKind.HEADING) == [
        "Opschorting CSE-verdrag",
        "Euro-Atlantische wapenbeheersingsarchitectuur",
    ]
    assert len(texts(draft, BlockKind.PARAGRAPH)) == 10
    assert texts(draft, BlockKind.SIGNATURE) == [
        "De Minister van Buitenlandse Zaken,\nH.G.J. Bruins Slot",
        "De Minister van Defensie,\nK.H. Ollongren",
    ]


def test_fixture_note_follows_the_kamerstuk_it_qualifies() -> None:
    draft = fixture()
    assert draft.notes == {"1": "Kamerstuk 36 200-V, nr. 73."}
    block = next(b for b in draft.blocks if NoteRef("1") in b.parts)
    at = block.parts.index(NoteRef("1"))
    assert block.parts[at - 1].endswith("(Kamerstuk 36 200 V, nr. 30)")
    assert block.parts[at + 1].startswith(", ziet het kabinet")
    assert "36 200-V, nr. 73" not in running_text(draft)


def test_fixture_words_joined_across_typesetting_breaks() -> None:
    text = running_text(fixture())
    for word in ("Strijdkrachten", "teruggetrokken", "vertrouwenwekkende", "wapenbeheersing"):
        assert word in text
    for kept in ("CSE-verdrag", "NAVO-bondgenoten", "Noord-Atlantische", "Euro-Atlantische"):
        assert kept in text


@pytest.mark.skipif(not LETTER.is_file(), reason=f"bundled letter not present at {LETTER}")
def test_fixture_holds_exactly_the_words_of_the_bundled_letter() -> None:
    raw = LETTER.read_text(encoding="utf-8")
    body = raw[raw.index("Aan de Voorzitter") :]
    body = body.replace("1 Kamerstuk 36 200-V, nr. 73.\n", "")  # the page footer
    body = re.sub(r"Tweede Kamer, vergaderjaar 2023–2024, 33 694, nr. 69 \d\n", "", body)
    body = body.replace("Noord-\nAtlantische", "Noord-Atlantische")  # a real hyphen
    body = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", body)  # line-break hyphens
    body = body.replace("nr. 30)1,", "nr. 30),")  # the note marker
    assert running_text(fixture()).split() == body.split()


# --- what is not a readable Kamerstuk ---------------------------------------------------

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<officiele-publicatie><al>&lol9;</al></officiele-publicatie>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<officiele-publicatie><al>&e;</al></officiele-publicatie>"""


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (BOMB, "unsafe"),
        (EXTERNAL, "unsafe"),
        (b'<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><officiele-publicatie/>', "unsafe"),
        (b"<officiele-publicatie><al>open", "well-formed"),
        (b"<officiele-publicatie><al>a</b></officiele-publicatie>", "well-formed"),
        (b"%PDF-1.7 not xml at all", "well-formed"),
        (b"", "empty"),
        (b" \r\n\t", "empty"),
        (b"<svg><text>hello</text></svg>", "not an official publication"),
        (b"<officiele-publicatie><kamerstuk/></officiele-publicatie>", "no text"),
    ],
)
def test_unreadable_xml_is_refused_naming_the_file(data: bytes, problem: str) -> None:
    started = time.monotonic()
    with pytest.raises(LetterError) as caught:
        read_xml(data, "brieven/kapot.xml")
    assert str(caught.value).startswith("brieven/kapot.xml: ")
    assert problem in str(caught.value)
    assert time.monotonic() - started < 2  # refused, never expanded


def test_absurd_nesting_is_refused_not_a_crash() -> None:
    deep = b"<officiele-publicatie>" + b"<x>" * 50_000 + b"t" + b"</x>" * 50_000
    deep += b"</officiele-publicatie>"
    with pytest.raises(LetterError, match="diep.xml: .*nested"):
        read_xml(deep, "diep.xml")


# --- markup the samples do not show -----------------------------------------------------


def inline_doc(body: str) -> Draft:
    xml = f"<officiele-publicatie><kamerstuk><stuk><algemeen>{body}</algemeen></stuk>"
    return read_xml((xml + "</kamerstuk></officiele-publicatie>").encode(), "inline.xml")


def test_list_items_carry_their_number() -> None:
    draft = inline_doc(
        "<lijst><li><li.nr>a.</li.nr><al>eerste punt;</al></li>"
        "<li><li.nr>–</li.nr><al>tweede\r\n  punt.</al><al>vervolg</al></li></lijst>"
    )
    assert texts(draft, BlockKind.PARAGRAPH) == ["a. eerste punt;", "– tweede punt.", "vervolg"]


def test_article_heading_joins_label_number_and_title() -> None:
    kop = "<kop><label>Artikel</label><nr>1</nr><titel>Doel</titel></kop>"
    draft = inline_doc(f"<artikel>{kop}<al>Deze wet regelt iets.</al></artikel>")
    assert texts(draft, BlockKind.HEADING) == ["Artikel 1 Doel"]


def test_note_paragraphs_join_with_a_space_and_no_marker_text_leaks() -> None:
    draft = inline_doc(
        '<al>Tekst<noot id="n" type="voet"><noot.nr>3</noot.nr><noot.al>Eerste.</noot.al>'
        "<noot.al>Tweede.</noot.al></noot> verder.</al>"
    )
    assert draft.notes == {"3": "Eerste. Tweede."}
    assert draft.blocks[0].parts == ["Tekst", NoteRef("3"), " verder."]


def test_namespaced_publication_reads_the_same() -> None:
    xml = b'<officiele-publicatie xmlns="urn:x-op"><al>Een alinea.</al></officiele-publicatie>'
    assert texts(read_xml(xml, "ns.xml"), BlockKind.PARAGRAPH) == ["Een alinea."]


@pytest.mark.parametrize(
    ("text", "number", "chapter", "expected"),
    [
        ("28 844", "269", None, Kamerstuk("28844", "269", None)),
        ("37 020", "1", "X", Kamerstuk("37020", "1", "X")),
        ("36 200 V", "30", None, Kamerstuk("36200", "30", "V")),
        ("36200-V", "73", None, Kamerstuk("36200", "73", "V")),
        ("36 600 XIV", None, None, Kamerstuk("36600", None, "XIV")),
        ("21 501-20", "1800", None, Kamerstuk("21501-20", "1800", None)),
        ("geen nummer", "1", None, None),
        ("", "1", None, None),
    ],
)
def test_parse_dossier(text, number, chapter, expected) -> None:
    assert parse_dossier(text, number, chapter) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vergaderjaar 2026‒2027", "2026-2027"),
        ("Vergaderjaar 2023–2024", "2023-2024"),
        ("2024-2025", "2024-2025"),
        ("Handelingen II 2022/23", "2022-2023"),
        ("Tweede Kamer", None),
    ],
)
def test_normalize_vergaderjaar(text: str, expected: str | None) -> None:
    assert normalize_vergaderjaar(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Den Haag, 7 juli 2023", "2023-07-07"),
        ("Den Haag, 16 November 2023", "2023-11-16"),
        ("Den Haag, 31 februari 2023", None),
        ("Den Haag, juli 2023", None),
    ],
)
def test_parse_dutch_date(text: str, expected: str | None) -> None:
    assert iso_date(text) == expected
