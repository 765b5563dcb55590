"""Real publications of every kind, read from ../shared/real: one model whatever the format.

The same motion (kst-32545-143) and the same Kamervragen (ah-tk-20202021-3235) in XML, HTML
and PDF must give the same text (modulo whitespace), the same metadata and the same notes;
the older <kamerwrk> XML imports with its metadata.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from desktop.core.ingest.parse import parse_bytes, parse_file
from desktop.core.library.library import Library
from desktop.core.model.letter import BlockKind, Kamerstuk, Letter, Signatory, Submitter
from tests.conftest import shared_file

MOTION = "kst-32545-143"
QUESTIONS = "ah-tk-20202021-3235"


@cache
def parsed(name: str) -> Letter:
    return parse_file(shared_file(f"real/{name}"))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def block_texts(letter: Letter, *kinds: BlockKind) -> list[str]:
    return [letter.text[b.start : b.end] for b in letter.blocks if b.kind in kinds]


MOTION_META = {
    "kind": "motie",
    "kamerstuk": Kamerstuk("32545", "143"),
    "vergaderjaar": "2020-2021",
    "date": "2021-07-06",  # "Voorgesteld 6 juli 2021"
    "document_kind": "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS",
    "dossier_title": "Wet- en regelgeving financiële markten",
    "number": None,  # a Kamerstuk's number is kamerstuk.number
    "date_submitted": None,
    "addressee": None,
    "annex_of": None,
}
MOTION_PEOPLE = {
    "submitters": [Submitter("Inge van Dijk"), Submitter("Grinwis")],
    "signatories": [Signatory("Inge van Dijk", None), Signatory("Grinwis", None)],
}
QUESTIONS_META = {
    "kind": "aanhangsel",
    "kamerstuk": None,
    "vergaderjaar": "2020-2021",
    "date": "2021-06-21",  # the answer's "ontvangen" date
    "date_submitted": "2021-06-03",  # the questions' "ingezonden" date
    "number": "3235",
    "document_kind": "Aanhangsel van de Handelingen",
    "dossier_title": None,
    "addressee": None,
    "annex_of": None,
    "title": "Kamervragen van de leden Van Weyenberg, Romke de Jong en Kat over de TOZO",
    "submitters": [
        Submitter("Van Weyenberg", "D66"),
        Submitter("Romke de Jong", "D66"),
        Submitter("Kat", "D66"),
    ],
    "signatories": [Signatory("Koolmees", "Minister van Sociale Zaken en Werkgelegenheid")],
}


def meta_of(letter: Letter, keys) -> dict:
    return {key: getattr(letter.meta, key) for key in keys}


# --- exact metadata of each real XML and HTML file ---------------------------------------


@pytest.mark.parametrize("suffix", ["xml", "html"])
def test_motion_metadata_is_exact(suffix: str) -> None:
    letter = parsed(f"{MOTION}.{suffix}")
    assert meta_of(letter, MOTION_META) == MOTION_META
    assert meta_of(letter, MOTION_PEOPLE) == MOTION_PEOPLE
    assert letter.meta.publication == MOTION
    assert letter.to_json()["number"] == "143"


def test_motion_title_names_its_members_and_what_the_record_says_it_is_about() -> None:
    # The XML (and the PDF) print only the heading; the HTML's official title adds the subject.
    assert parsed(f"{MOTION}.xml").meta.title == "Motie van de leden Inge van Dijk en Grinwis"
    assert parsed(f"{MOTION}.html").meta.title == (
        "Motie van de leden Inge van Dijk en Grinwis over het definiëren van een "
        "grensspaarsaldo voor negatieve spaarrente"
    )


@pytest.mark.parametrize("suffix", ["xml", "html"])
def test_questions_metadata_is_exact(suffix: str) -> None:
    letter = parsed(f"{QUESTIONS}.{suffix}")
    assert meta_of(letter, QUESTIONS_META) == QUESTIONS_META
    assert letter.meta.publication == QUESTIONS


def test_older_kamerwrk_xml_imports_with_its_metadata() -> None:
    letter = parsed("kst_24447_6.xml")
    meta = letter.meta
    assert (meta.kind, meta.kamerstuk, meta.vergaderjaar) == (
        "memorie", Kamerstuk("24447", "6"), "1995-1996"
    )  # fmt: skip
    assert meta.publication == "kst-24447-6"
    assert meta.document_kind == (
        "MEMORIE VAN TOELICHTING ZOALS GEWIJZIGD NAAR AANLEIDING VAN HET ADVIES VAN DE RAAD "
        "VAN STATE"
    )
    assert meta.dossier_title.startswith("Voorstel van wet van de leden Van Ardenne-van der")
    assert meta.dossier_title.endswith("bij seizoenarbeid in de agrarische sector")
    assert meta.title == meta.dossier_title
    assert meta.date is None  # the file gives only the vergaderjaar
    # The members who moved the bill sign its memorie.
    names = ["Van Ardenne-van der Hoeven", "Reitsma", "Biesheuvel"]
    assert [s.name for s in meta.signatories] == names
    assert [s.name for s in meta.submitters] == names
    assert block_texts(letter, BlockKind.SIGNATURE) == ["\n".join(names)]


def test_older_kamerwrk_xml_text() -> None:
    letter = parsed("kst_24447_6.xml")
    headings = block_texts(letter, BlockKind.HEADING)
    assert headings[:3] == ["1. Inleiding", "2. De probleemstelling", "3. Oplossing"]
    assert headings[-1] == "Artikel VIII"
    assert len(headings) == 14
    assert letter.text.startswith("1. Inleiding\n\nHet voorliggende wetsvoorstel tot wijziging")
    assert "Staten-Generaal" not in letter.text and "Vergaderjaar" not in letter.text
    assert "6K0721" not in letter.text  # the order number in <frontm> is no text
    assert "MEMORIE VAN TOELICHTING" not in letter.text  # the heading is metadata
    assert "de Wet op de arbeidsongeschiktheidsverzekering, de Werkloosheidswet" not in flat(
        letter.text[:200]
    )
    assert len(block_texts(letter, BlockKind.PARAGRAPH)) == 49 - 3  # <al>s; 3 names sign


# --- the body of a motion and the pairs of Kamervragen ------------------------------------

MOTION_CLAUSES = [
    "De Kamer,",
    "gehoord de beraadslaging,",
    "constaterende dat diverse financiële instellingen klanten laten betalen voor hun "
    "spaargeld en in sommige gevallen ook afscheid nemen van spaarders;",
    "constaterende dat veel financiële instellingen een negatieve spaarrente hanteren vanaf "
    "€ 100.000;",
    "overwegende dat voorkomen dient te worden dat de grens van negatieve spaarrente de kleine "
    "spaarder nog verder gaat raken;",
    "verzoekt de regering, om een grensspaarsaldo te definiëren waaronder een negatieve "
    "spaarrente onwenselijk is en met de banken in gesprek te gaan om afspraken te maken over "
    "het borgen van deze ondergrens;",
    "verzoekt de regering tevens, om, indien de Minister constateert dat banken niet bereid "
    "zijn zich te beperken tot dit grenssaldo, een wetsvoorstel voor te bereiden met een verbod "
    "op negatieve spaarrente vanaf de geformuleerde spaarsaldogrens,",
    "en gaat over tot de orde van de dag.",
]


@pytest.mark.parametrize("suffix", ["xml", "html", "pdf"])
def test_motion_body_is_its_text_clause_by_clause(suffix: str) -> None:
    letter = parsed(f"{MOTION}.{suffix}")
    assert block_texts(letter, BlockKind.DATELINE) == ["Voorgesteld 6 juli 2021"]
    assert [flat(t) for t in block_texts(letter, BlockKind.PARAGRAPH)][:8] == MOTION_CLAUSES
    assert "gehoord de beraadslaging" not in (letter.meta.document_kind or "")


@pytest.mark.parametrize("suffix", ["xml", "html"])
def test_motion_ends_with_its_members_as_a_signature(suffix: str) -> None:
    letter = parsed(f"{MOTION}.{suffix}")
    assert letter.blocks[-1].kind == BlockKind.SIGNATURE
    assert block_texts(letter, BlockKind.SIGNATURE) == ["Inge van Dijk\nGrinwis"]


@pytest.mark.parametrize("suffix", ["xml", "html", "pdf"])
def test_questions_are_paired_with_their_answers(suffix: str) -> None:
    letter = parsed(f"{QUESTIONS}.{suffix}")
    text = letter.text
    labels = [(text[b.start : b.end], b.pair) for b in letter.blocks if b.kind == BlockKind.HEADING]
    assert labels == [(f"{w} {n}", n) for n in range(1, 10) for w in ("Vraag", "Antwoord")]
    questions = [b for b in letter.blocks if b.kind == BlockKind.QUESTION]
    assert [b.pair for b in questions] == list(range(1, 10))
    assert text[questions[1].start : questions[1].end] == (
        "Kunt u toelichten waarom het rentepercentage voor de TOZO-lening op 2% is gesteld?"
    )
    answers = [b for b in letter.blocks if b.kind == BlockKind.ANSWER]
    first = answers[0]
    assert text[first.start : first.end].startswith("Ja. Volledigheidshalve merk ik op")
    # Answer 9 has two paragraphs; both belong to pair 9. The PDF prints them without space
    # between: its first ends a sentence on a line the next one's first word would fit on.
    assert [b.pair for b in answers][-2:] == [9, 9]
    assert text[answers[-1].start : answers[-1].end].startswith("Bovendien kent het Bbz")


@pytest.mark.parametrize("suffix", ["xml", "html", "pdf"])
def test_questions_open_with_who_asked_and_who_answered(suffix: str) -> None:
    letter = parsed(f"{QUESTIONS}.{suffix}")
    first, second = (flat(letter.text[b.start : b.end]) for b in letter.blocks[:2])
    assert first == (
        "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Minister van "
        "Sociale Zaken en Werkgelegenheid over de TOZO (ingezonden 3 juni 2021)."
    )
    assert second == (
        "Antwoord van Minister Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 21 juni "
        "2021)."
    )
    assert [b.kind for b in letter.blocks[:2]] == [BlockKind.PARAGRAPH] * 2
    # The series header is metadata, never text.
    assert "Vergaderjaar" not in letter.text[:300]
    assert "Vragen gesteld door de leden der Kamer" not in letter.text


# --- one document, three formats ----------------------------------------------------------


def comparable(letter: Letter) -> dict:
    """What must be equal between formats: text modulo whitespace, blocks by kind and pair,
    notes, and the metadata (the title apart: see the motion test above)."""
    data = letter.to_json()
    for key in ("id", "source", "title", "mentions", "references", "tables"):
        data.pop(key)
    data["text"] = flat(data["text"])
    data["blocks"] = [(b["kind"], b.get("pair")) for b in data["blocks"]]
    data["footnotes"] = [(f["marker"], f["text"]) for f in data["footnotes"]]
    return data


@pytest.mark.parametrize("name", [MOTION, QUESTIONS])
def test_xml_and_html_of_one_publication_are_equal(name: str) -> None:
    assert comparable(parsed(f"{name}.html")) == comparable(parsed(f"{name}.xml"))


def test_xml_and_html_give_the_same_questions_title() -> None:
    assert parsed(f"{QUESTIONS}.html").meta.title == parsed(f"{QUESTIONS}.xml").meta.title


# What the PDF already gives exactly like the XML, by the rules every format shares.
PDF_SHARED = ("kind", "kamerstuk", "vergaderjaar", "date", "document_kind", "dossier_title",
              "number", "date_submitted", "addressee")  # fmt: skip


@pytest.mark.parametrize("name", [MOTION, QUESTIONS])
def test_pdf_metadata_equals_the_xml(name: str) -> None:
    pdf, xml = parsed(f"{name}.pdf"), parsed(f"{name}.xml")
    assert meta_of(pdf, PDF_SHARED) == meta_of(xml, PDF_SHARED)
    assert pdf.meta.publication == xml.meta.publication == name
    assert pdf.meta.title == xml.meta.title
    assert pdf.footnotes == xml.footnotes == []


def test_pdf_questions_people_equal_the_xml() -> None:
    pdf, xml = parsed(f"{QUESTIONS}.pdf"), parsed(f"{QUESTIONS}.xml")
    assert meta_of(pdf, ("submitters", "signatories")) == meta_of(
        xml, ("submitters", "signatories")
    )


@pytest.mark.parametrize("name", [MOTION, QUESTIONS])
def test_pdf_equals_the_xml_in_everything(name: str) -> None:
    assert comparable(parsed(f"{name}.pdf")) == comparable(parsed(f"{name}.xml"))


def test_pdf_motion_signature() -> None:
    assert meta_of(parsed(f"{MOTION}.pdf"), MOTION_PEOPLE) == MOTION_PEOPLE


# --- the Aanhangsel PDFs: what the rules for every format read from their text ------------

# file -> (number, answer received, questions sent in, who asked, who answered), from
# SOURCES.md and the documents' opening lines.
AANHANGSEL_PDFS = {
    "00fe7edd-24c8-4857-98da-774ed3b06836.pdf": (
        "1314", "2024-03-25", "2024-03-06", ["Mutluer", "Kostić"], ["Dijkgraaf"]),
    "01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf": (
        "2129", "2024-06-28", "2024-06-05", ["Ceder", "Dobbe"], ["Bruins Slot", "Schreinemacher"]),
    "01bf9f06-42d0-48a6-a85f-12c9c8e14c57.pdf": (
        "1999", "2024-06-07", "2024-05-30", ["Sneller", "Chakor", "Van Nispen"], ["De Jonge"]),
    "1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf": (
        "2210", "2024-07-23", "2024-07-02", ["Erkens"], ["Hermans"]),
    "1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf": (
        "2271", "2024-08-12", "2024-06-21", ["Westerveld"], ["Karremans"]),
    "1aa9bd01-68a1-4a4a-a808-5b0183bc217a.pdf": (
        "1076", "2024-02-20", "2023-11-20", ["Van Haga"], ["De Jonge"]),
    "1b0f0b98-7c34-418c-98dc-43de7930e685.pdf": (
        "1786", "2024-05-21", "2024-04-04", ["Hirsch", "Teunissen"], ["Van Rij"]),
    "1b26915f-b542-4707-8495-b5c21f0edfe1.pdf": (
        "1771", "2024-05-17", "2024-03-29", ["Van Nispen"], ["Heijnen"]),
    "1b2d2126-a21e-4c3e-9b18-42206b4cc791.pdf": (
        "2367", "2024-08-29", "2024-06-28", ["Van der Lee"], ["Heinen"]),
    "1b38043f-a835-4a63-a135-42c593d3ba77.pdf": (
        "1292", "2024-03-21", "2024-03-11", ["Keijzer"], ["De Jonge"]),
    "1b62ee8d-e406-4042-b7f5-7e235f7bd1c0.pdf": (
        "1432", "2024-04-05", "2024-03-07", ["Van Zanten"], ["Gräper-van Koolwijk"]),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(AANHANGSEL_PDFS))
def test_aanhangsel_pdf_metadata(name: str) -> None:
    number, received, sent, asked, answered = AANHANGSEL_PDFS[name]
    meta = parsed(name).meta
    assert (meta.kind, meta.number, meta.vergaderjaar) == ("aanhangsel", number, "2023-2024")
    assert (meta.date, meta.date_submitted) == (received, sent)
    assert len(meta.submitters) == len(asked)
    assert all(m.name.startswith(a) for m, a in zip(meta.submitters, asked, strict=True))
    assert [s.name for s in meta.signatories] == answered
    assert meta.title.startswith("Kamervragen van ")


def test_an_accent_drawn_as_a_glyph_of_its_own_joins_its_letter() -> None:
    # The PDF draws "ć" as "c" with a spacing acute over it.
    meta = parsed("00fe7edd-24c8-4857-98da-774ed3b06836.pdf").meta
    assert meta.submitters == [Submitter("Mutluer", "GroenLinks-PvdA"), Submitter("Kostić", "PvdD")]
    assert meta.title.startswith("Kamervragen van de leden Mutluer en Kostić over het bericht")
    assert "´" not in parsed("00fe7edd-24c8-4857-98da-774ed3b06836.pdf").text


@pytest.mark.parametrize(
    "asked, members",
    [
        # Both of one party; a particle the typesetter set against the surname (both as
        # printed in Aanhangsel 2023–2024 nrs. 1950 and 874, which the project does not hold).
        ("de leden Van Eijk en Aartsen (beiden VVD)", [("Van Eijk", "VVD"), ("Aartsen", "VVD")]),
        ("het lid Inge vanDijk (CDA)", [("Inge van Dijk", "CDA")]),
    ],
)
def test_who_asked_as_the_opening_names_them(tmp_path, asked: str, members: list) -> None:
    opening = (
        f"Vragen van {asked} aan de Minister van Financiën over de lunch (ingezonden 3 mei "
        "2024).\n\nAntwoord van Minister Heinen (Fin) (ontvangen 24 mei 2024).\n\nVraag 1\n"
        "Kent u het bericht?\n\nAntwoord 1\nJa.\n"
    )
    meta = parse_bytes(opening.encode(), tmp_path / "vragen.txt").meta
    assert [(m.name, m.party) for m in meta.submitters] == members
    assert meta.signatories == [Signatory("Heinen", "Minister van Financiën")]


def test_answering_ministers_carry_their_office() -> None:
    both = parsed("01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf").meta.signatories
    # "aan de Ministers van Buitenlandse Zaken en voor Buitenlandse Handel en …": van / voor.
    assert [s.role for s in both] == [
        "Minister van Buitenlandse Zaken",
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
    ]
    (deputy,) = parsed("1b0f0b98-7c34-418c-98dc-43de7930e685.pdf").meta.signatories
    assert deputy.role == "Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst"


def test_a_notice_instead_of_answers_ends_the_pairs() -> None:
    letter = parsed("01bf9f06-42d0-48a6-a85f-12c9c8e14c57.pdf")
    assert [b.pair for b in letter.blocks if b.kind == BlockKind.QUESTION] == [1, 2, 3]
    assert not [b for b in letter.blocks if b.kind == BlockKind.ANSWER]
    notice = next(b for b in letter.blocks if letter.text[b.start : b.end] == "Mededeling")
    after = letter.blocks[letter.blocks.index(notice) + 1]
    assert after.kind == BlockKind.PARAGRAPH and after.pair is None


def test_one_label_for_several_questions_pairs_them_with_one_answer() -> None:
    letter = parsed("00fe7edd-24c8-4857-98da-774ed3b06836.pdf")
    labels = {letter.text[b.start : b.end]: b.pair for b in letter.blocks if b.pair}
    assert labels["Vraag 3, 4 en 5"] == labels["Antwoord 3, 4 en 5"] == 3


def test_text_saved_from_a_pdf_reads_the_same_header_and_opening() -> None:
    meta = parsed("ah-tk-20222023-3649.extracted.txt").meta
    assert (meta.kind, meta.number, meta.vergaderjaar) == ("aanhangsel", "3649", "2022-2023")
    assert (meta.date, meta.date_submitted) == ("2023-09-14", "2023-07-04")
    assert meta.submitters == [Submitter("Bromet", "GroenLinks")]
    assert meta.signatories == [
        Signatory("Van der Wal-Zeggelink", "Minister voor Natuur en Stikstof")
    ]


EXTRACTED = "ah-tk-20222023-3649.extracted.txt"


def test_text_saved_from_a_pdf_finds_its_notes_where_the_tool_put_them() -> None:
    """The tool set each raised marker on a line of its own below its line ("2", or "4 is
    de problematiek …") and glued each note's number to its text ("1Brabants Dagblad")."""
    letter = parsed(EXTRACTED)
    assert [f.marker for f in letter.footnotes] == ["1", "2", "3", "4", "5", "6"]
    assert letter.footnotes[0].text.startswith("Brabants Dagblad, 2 juli 2023, «Verguisde")
    assert letter.footnotes[0].text.endswith("&auth_rd=1).")  # over two lines, one URL
    assert letter.footnotes[3].text == "(Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844)."

    def before(note: int, chars: int) -> str:
        found = letter.footnotes[note - 1]
        return letter.text[found.ref_start - chars : found.ref_end]

    assert before(1, 18) == "in de weg zitten»?1"
    assert before(2, 28) == "Kamerbrief van 30 juni 2023\u202f2"
    assert before(4, 11) == "Bromet (GL)4"
    assert letter.text[letter.footnotes[3].ref_end :].startswith(" is de problematiek")
    notes = min(b.start for b in letter.blocks if b.kind == BlockKind.NOTE)
    assert all(f.ref_end <= notes for f in letter.footnotes)


def test_text_saved_from_a_pdf_drops_its_furniture_and_joins_its_pages() -> None:
    """The page-1 block and the running feet come glued to each other and to the next
    page's first line ("…, Aanhangsel 1Antwoord 3"): furniture, and the label is text."""
    letter = parsed(EXTRACTED)
    text = letter.text
    for furniture in ("ISSN", "’s-Gravenhage", "ah-tk-20222023-3649", "vergaderjaar 2022–2023, "
                      "Aanhangsel"):  # fmt: skip
        assert furniture not in text
    labels = block_texts(letter, BlockKind.HEADING)
    assert labels == [f"{w} {n}" for n in range(1, 15) for w in ("Vraag", "Antwoord")]
    # A sentence broken over a page (and the lines another tool broke) reads as one.
    assert "wordt uitgegaan van de emissiefactoren zoals ze golden" in text
    assert (
        "Verleende Wnb-vergunningen waar geen rechtsmiddel meer tegen open staat (dus waar" in text
    )
    # Hyphens of words broken at the PDF's line ends that the tool kept, where the letter
    # writes the word elsewhere: "emissiefacto-ren", "stalsyste-men".
    assert "emissiefacto-ren" not in text and "stalsyste-men" not in text
    assert "waaronder de emissiefactoren per huisvestings-systeem" in text  # no evidence


@pytest.mark.parametrize(
    "name, kind, title",
    [
        ("fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf",
         "fiche", "Fiche 5: Herziening verordening en richtlijn markten voor financiële instrumenten"),
        ("vn-1441.pdf", "other", "United Nations S/RES/1441 (2002)"),
        ("kst-32545-143.pdf", "motie", "Motie van de leden Inge van Dijk en Grinwis"),
    ],
)  # fmt: skip
def test_kind_and_title_of_other_publications(name: str, kind: str, title: str) -> None:
    assert (parsed(name).meta.kind, parsed(name).meta.title) == (kind, title)


# --- footnote markers never join the word before them (part 5) ---------------------------


def test_marker_after_a_word_keeps_a_boundary_in_real_xml() -> None:
    xml = parse_file(shared_file("samples/kst_28844_269.xml"))
    note = xml.footnotes[0]
    assert xml.text[note.ref_start - 11 : note.ref_end] == "9 mei 2023\u202f1"
    assert "20231" not in xml.text
    # After punctuation nothing is added: "duurzamer zijn.3".
    assert xml.text[xml.footnotes[2].ref_start - 5 : xml.footnotes[2].ref_end] == "zijn.3"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = Library.open(tmp_path_factory.mktemp("publications"))
    lib.add(
        [shared_file("samples/kst_28844_269.xml"), shared_file("samples/kst_37020_x_1.xml")]
        + [shared_file(f"real/{name}") for name in (f"{MOTION}.xml", f"{QUESTIONS}.html")]
    )
    yield lib
    lib.close()


def hit_ids(result) -> list[str]:
    return sorted(hit.id for hit in result.hits)


def test_index_sees_the_year_before_a_marker(library) -> None:
    found = library.search('"9 mei 2023"')
    assert hit_ids(found) == ["kst_28844_269"]
    assert library.search("20231").total == 0
    snippet = found.hits[0].snippets[0].html()
    assert "<b>9</b> <b>mei</b> <b>2023</b>\u202f1 heb ik" in snippet


@pytest.mark.parametrize(
    "query, found",
    [
        ("kamerstuk:28844", ["kst_28844_269"]),
        ("kamerstuk:28844/269", ["kst_28844_269"]),
        ("kamerstuk:28844-269", ["kst_28844_269"]),  # the older form, where there is no suffix
        ("kamerstuk:28844/268", []),
        ("kamerstuk:37020-X", ["kst_37020_x_1"]),  # a budget chapter
        ("kamerstuk:37020-x/1", ["kst_37020_x_1"]),
        ("kamerstuk:32545/143", [MOTION]),
        ("kamerstuk:37020", ["kst_37020_x_1"]),
    ],
)
def test_kamerstuk_search_syntax(library, query: str, found: list[str]) -> None:
    assert hit_ids(library.search(query)) == found


def test_a_stored_letter_keeps_pairs_tables_and_the_new_metadata(library) -> None:
    questions = library.get(QUESTIONS)
    assert questions.blocks == parsed(f"{QUESTIONS}.html").blocks
    assert questions.meta == parsed(f"{QUESTIONS}.html").meta
    budget = library.get("kst_37020_x_1")
    assert budget.tables == parse_file(shared_file("samples/kst_37020_x_1.xml")).tables


@pytest.mark.parametrize("suffix, label", [("xml", rb"<nr [^>]*>[^<]*</nr>"),
                                           ("html", rb"<h2 [^>]*>.*?</h2>")])  # fmt: skip
def test_markup_pairs_questions_even_without_their_labels(suffix: str, label: bytes) -> None:
    path = shared_file(f"real/{QUESTIONS}.{suffix}")
    data = re.sub(label, b"", path.read_bytes(), flags=re.S)
    letter = parse_bytes(data, path)
    assert not [b for b in letter.blocks if b.kind == BlockKind.HEADING]
    kinds = [(b.kind, b.pair) for b in letter.blocks if b.pair]
    expected = [(BlockKind.QUESTION, n) for n in range(1, 10)]
    assert [k for k in kinds if k[0] == BlockKind.QUESTION] == expected
    assert [k for k in kinds if k[0] == BlockKind.ANSWER][-2:] == [(BlockKind.ANSWER, 9)] * 2
