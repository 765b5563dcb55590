"""The PDF reader on the real publications and ministry letters in ../shared/real/.

The files are read from the shared folder, never copied; the facts checked (printed footnote
counts, titles, dates, signers) are those of ../shared/real/SOURCES.md, which counts each
document's footnotes by hand. A missing file fails the test.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from desktop.core.ingest.parse import parse_file
from desktop.core.model.letter import BlockKind, Kamerstuk, Letter
from tests.conftest import REAL, shared_file

TYPESET = [
    "00fe7edd-24c8-4857-98da-774ed3b06836.pdf",
    "01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf",
    "01bf9f06-42d0-48a6-a85f-12c9c8e14c57.pdf",
    "1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf",
    "1a529d02-ba4d-418b-8d6a-5400a4ac07bc.pdf",
    "1aa9bd01-68a1-4a4a-a808-5b0183bc217a.pdf",
    "1b0f0b98-7c34-418c-98dc-43de7930e685.pdf",
    "1b26915f-b542-4707-8495-b5c21f0edfe1.pdf",
    "1b2d2126-a21e-4c3e-9b18-42206b4cc791.pdf",
    "1b38043f-a835-4a63-a135-42c593d3ba77.pdf",
    "1b62ee8d-e406-4042-b7f5-7e235f7bd1c0.pdf",
    "ah-tk-20202021-3235.pdf",
    "kst-32545-143.pdf",
]
OTHER_TOP_LEVEL = [
    "fiche-5-herziening-verordening-en-richtlijn-markten-voor-financiele-instrumenten.pdf",
    "vn-1441.pdf",
]
SCAN = "blg-1007826.pdf"
MINISTRY = [
    "ministry/Kamerbrief_circulaire_economie.pdf",
    "ministry/Kamerbrief_innovatie_missie.pdf",
    "ministry/02-kamerbrief-over-aanbieding-aanvullend-zorg-en-welzijnsakkoord-azwa__PDIZA-1087289TK_A.pdf",
    "ministry/Wob-besluit_reisadvies-China_BZ_2020.pdf",
    "ministry/nat_vws_brief_azwa_d5_d6_financieringsinstrument_2026.pdf",
]
TYPESET_KAMERSTUK = "ministry/BijlageD-Advies-Raad-van-State_kst-35538-4.pdf"
# A scan whose old OCR layer prints note 1 as "I." and sets its two signers side by side.
POOR_OCR_LAYER = "ministry/nat_vws_brief_azwa_d5_d6_financieringsinstrument_2026.pdf"

FURNITURE_RE = re.compile(
    r"ISSN \d{4}|’s-Gravenhage 20\d\d|Pagina \d+ van \d+|Retouradres|\bah-tk-\d{8}-\d+\b"
)
# A running foot; notes may cite a Kamerstuk this way, the running text never.
RUNNING_FOOT_RE = re.compile(r"Tweede Kamer, vergaderjaar \d{4}")


# -- SOURCES.md ------------------------------------------------------------------------------


@cache
def sources() -> dict[str, dict[str, str]]:
    """file -> its row in SOURCES.md, keyed by column name; '…' in a name is a wildcard."""
    rows: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for line in shared_file("real/SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or set(line) <= set("|- "):
            continue
        if cells[0] == "file":
            header = cells
            continue
        name = cells[0].split(" / ")[0]
        rows[name] = dict(zip(header, cells, strict=False))
    return rows


def row(name: str) -> dict[str, str]:
    for key, value in sources().items():
        pattern = re.escape(key).replace("…", ".*")
        if re.fullmatch(pattern, name):
            return value
    raise AssertionError(f"{name} is not in SOURCES.md")


@cache
def parsed(name: str) -> Letter:
    return parse_file(shared_file(f"real/{name}"))


def running_text_end(letter: Letter) -> int:
    notes = [b.start for b in letter.blocks if b.kind is BlockKind.NOTE]
    return min(notes, default=len(letter.text))


# -- every real PDF ----------------------------------------------------------------------------


def test_every_pdf_at_the_top_level_is_covered():
    on_disk = {p.name for p in shared_file("real").glob("*.pdf")}
    assert on_disk == set(TYPESET + OTHER_TOP_LEVEL + [SCAN])
    assert REAL.joinpath("ministry").is_dir()


@pytest.mark.parametrize(
    "name",
    TYPESET + OTHER_TOP_LEVEL + [TYPESET_KAMERSTUK] + [m for m in MINISTRY if m != POOR_OCR_LAYER],
)
def test_footnotes_as_printed_each_linked_in_the_running_text(name):
    letter = parsed(name)
    assert len(letter.footnotes) == int(row(name)["fn"])
    end = running_text_end(letter)
    for note in letter.footnotes:
        assert letter.text[note.ref_start : note.ref_end] == note.marker
        assert note.ref_end <= end, f"note {note.marker}'s marker is not in the running text"
        assert note.text and not note.text[0].isspace()


@pytest.mark.parametrize("name", TYPESET + OTHER_TOP_LEVEL + [TYPESET_KAMERSTUK] + MINISTRY)
def test_no_page_furniture_and_no_pdfium_hyphen_left(name):
    letter = parsed(name)
    assert not FURNITURE_RE.findall(letter.text)
    assert not RUNNING_FOOT_RE.findall(letter.text[: running_text_end(letter)])
    assert "\ufffe" not in letter.text and "\x02" not in letter.text


def test_the_poor_ocr_layer_letter_finds_its_notes():
    """Its OCR layer reads note 1's number as "I.", sets notes 2 and 3 as large as the text
    and glues their markers to their words ("verankering2."). SOURCES.md counts 2 notes; the
    letter prints 3 (the third at the foot of page 4: "³ Exclusief middelen (mentaal) Gezonde
    school in 2027")."""
    letter = parsed(POOR_OCR_LAYER)
    assert [(f.marker, f.text[:30]) for f in letter.footnotes] == [
        ("1", "In de Brede SPUK GALA en Sport"),
        ("2", 'In het AZWA is afgesproken: "W'),
        ("3", "Exclusief middelen (mentaal) G"),
    ]
    end = running_text_end(letter)
    second, third = letter.footnotes[1:]
    assert letter.text[second.ref_start - 24 : second.ref_end] == "structurele verankering\u202f2"
    assert letter.text[third.ref_start - 14 : third.ref_end] == "samengebracht\u202f3"
    assert second.ref_end < end and third.ref_end < end
    # The sentence that note 3 interrupts at the foot of page 4 goes on on page 5.
    assert "tussen lokale (gemeenten) en regionale middelen (mandaatgemeenten). In het AZWA" in (
        letter.text
    )
    # Note 1's marker is read as a letter ("ontschottel"): no digit to link.


def test_the_poor_ocr_layer_letter_reads_its_letterhead_and_its_two_signers():
    letter = parsed(POOR_OCR_LAYER)
    meta = letter.meta
    assert meta.date == row(POOR_OCR_LAYER)["date"]  # stamped beside "Datum": "2 2 APR. 2026"
    assert meta.title == row(POOR_OCR_LAYER)["title (Betreft)"]
    assert meta.addressee == "VNG T.a.v. voorzitter VNG bestuur"
    assert meta.colophon["ministry"] == "Ministerie van Volksgezondheid, Welzijn en Sport"
    assert meta.colophon["sender"] == "Directie Maatschappelijke Ondersteuning"
    assert meta.colophon["address"].endswith("www.rijksoverheid.nl")  # read as ".n1"
    assert "Correspondentie" not in str(meta.colophon)  # the template's standing note
    assert letter.text.startswith("Geachte mevrouw Dijksma,\n\nMet het Aanvullend")
    # The two ministers sign side by side.
    assert [(s.name, s.role) for s in meta.signatories] == [
        ("Sophie Hermans", "Minister van Volksgezondheid, Welzijn en Sport"),
        ("Mirjam Sterk", "Minister van Langdurige Zorg, Jeugd en Sport"),
    ]
    # What the recognition made of the emblem at the top of each page is no text.
    assert "kr1W" not in letter.text and "ssik" not in letter.text


# -- typeset publications: the page-1 footer block ---------------------------------------------


@pytest.mark.parametrize("name", [n for n in TYPESET if not n.startswith("kst-")])
def test_an_aanhangsel_knows_its_kind_and_year_from_its_footer(name):
    year = re.search(r"(\d{4})[–-](\d{4})", row(name)["what it is"])
    assert year, name
    meta = parsed(name).meta
    assert meta.kind == "aanhangsel"
    assert meta.vergaderjaar == f"{year.group(1)}-{year.group(2)}"


def test_a_typeset_kamerstuk_knows_its_number_and_year():
    meta = parsed(TYPESET_KAMERSTUK).meta
    assert meta.kamerstuk == Kamerstuk("35538", "4")
    assert meta.vergaderjaar == "2019-2020"
    motion = parsed("kst-32545-143.pdf").meta
    assert (motion.kamerstuk, motion.vergaderjaar) == (Kamerstuk("32545", "143"), "2020-2021")


def test_a_sentence_cut_by_notes_and_the_footer_block_is_joined():
    letter = parsed("01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf")
    assert "voor Jemen overwogen. De bijdrage van ECHO, het humanitaire" in letter.text
    first = letter.footnotes[0]
    assert first.text.startswith("Relief Web, 6 mei 2024, «Joint Statement by 190")
    assert letter.text[: first.ref_end].endswith("om de grote noden in het land tegen te gaan?1")


def test_the_motion_body_is_text():
    text = parsed("kst-32545-143.pdf").text
    assert "constaterende dat diverse financiële instellingen klanten laten betalen" in text
    assert "en gaat over tot de orde van de dag." in text


def test_an_advice_with_its_report_is_dated_and_titled_as_the_record_has_it():
    """Advice of 19 August, report of 21 August 2020: the report publishes both."""
    letter = parsed(TYPESET_KAMERSTUK)
    meta = letter.meta
    assert meta.title == row(TYPESET_KAMERSTUK)["title (Betreft)"]
    assert (meta.date, meta.dates) == ("2020-08-21", {"advies": "2020-08-19"})
    assert row(TYPESET_KAMERSTUK)["date"] == "advies 2020-08-19, nader rapport 2020-08-21"
    assert meta.kind == "advies"
    first = letter.blocks[0]
    assert first.kind is BlockKind.HEADING  # the printed heading, kept for its note
    assert letter.text[first.start : first.end].startswith("Nr. 4 ADVIES AFDELING ADVISERING")
    assert letter.to_json()["dates"] == {"advies": "2020-08-19"}


def test_a_fiche_has_no_date_of_its_own_and_keeps_the_proposals():
    """A BNC-fiche prints one date: "b) Datum ontvangst Commissiedocument 25 november 2021",
    the day the Commission's proposal was received (SOURCES.md gives it in parentheses).
    That is no date of the fiche: it is kept as what it is."""
    fiche = OTHER_TOP_LEVEL[0]
    assert row(fiche)["date"] == "(Commission proposal 2021-11-25)"
    letter = parsed(fiche)
    assert (letter.meta.kind, letter.meta.date) == ("fiche", None)
    assert letter.meta.dates == {"commissiedocument": "2021-11-25"}
    kinds = {letter.text[b.start : b.end]: b.kind for b in letter.blocks}
    # Its form: numbered sections, lettered labels, each label's value under it.
    assert kinds["1. Algemene gegevens"] is BlockKind.HEADING
    assert kinds["b) Datum ontvangst Commissiedocument"] is BlockKind.HEADING
    assert kinds["25 november 2021"] is BlockKind.PARAGRAPH
    assert kinds["g) Eerstverantwoordelijk ministerie"] is BlockKind.HEADING
    assert kinds["Ministerie van Financiën"] is BlockKind.PARAGRAPH
    assert kinds["j) Rol Europees Parlement"] is BlockKind.HEADING  # its value ends page 1
    assert kinds["Medebeslissing"] is BlockKind.PARAGRAPH
    assert kinds["Handelsverplichting voor aandelen en afgeleide instrumenten (STO en DTO)"] is (
        BlockKind.HEADING
    )


def test_a_job_number_and_bar_code_in_the_margin_are_furniture():
    """The UN's page 1 prints its job number and its bar code in the margin at the foot,
    in the middle of a sentence that goes on on page 2."""
    text = parsed("vn-1441.pdf").text
    assert "02-68226" not in text and "*0268226*" not in text
    assert "failed to cooperate fully and unconditionally with UNSCOM and IAEA weapons " \
           "inspectors, as required by resolution 687 (1991)" in text  # fmt: skip


def test_a_note_on_the_title_is_linked():
    letter = parsed(TYPESET_KAMERSTUK)
    first = letter.footnotes[0]
    assert first.text.startswith("De oorspronkelijke tekst van het voorstel van wet")
    assert letter.text[first.ref_start - 8 : first.ref_end] == "RAPPORT\u202f1"


# -- paragraphs as printed -------------------------------------------------------------------


def block_texts(letter: Letter) -> list[str]:
    return [letter.text[b.start : b.end] for b in letter.blocks]


@pytest.mark.parametrize("name", [n for n in TYPESET if not n.startswith("kst-")])
def test_every_question_of_an_aanhangsel_has_its_label_and_its_answer(name):
    """Labels after a page break, after a marker, after a short last line: each a heading."""
    letter = parsed(name)
    labels = [t for b, t in zip(letter.blocks, block_texts(letter), strict=True)
              if b.kind is BlockKind.HEADING]  # fmt: skip
    questions = [t for t in labels if t.startswith("Vraag")]
    answers = [t for t in labels if t.startswith("Antwoord")]
    assert (
        questions
        and [q.split(None, 1)[1] for q in questions] == [a.split(None, 1)[1] for a in answers]
        or (name.startswith("01bf9f06") and not answers)
    )  # questions answered by a letter


def test_a_sentence_ending_where_the_next_word_would_fit_ends_its_paragraph():
    texts = block_texts(parsed("1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf"))
    assert (
        "Voor de gevolgen van de vertraging van de DRC voor (maatwerk)-bedrijven verwijs ik u "
        "naar de antwoorden op vraag 3 en 4." in texts
    )
    # ... a question ending in a marker at the foot of a page ends there; the answer's label
    # heads the next page.
    texts = block_texts(parsed("1b0f0b98-7c34-418c-98dc-43de7930e685.pdf"))
    assert texts[texts.index("Vraag 4") + 2] == "Antwoord 4"
    # ... but an abbreviation's full stop ends no sentence ("d.d." / "21 augustus 2020").
    assert any(
        "het nader rapport d.d. 21 augustus 2020, aangeboden aan de Koning" in t
        for t in block_texts(parsed(TYPESET_KAMERSTUK))
    )


def test_list_items_are_paragraphs_of_their_own():
    texts = block_texts(parsed("ministry/Kamerbrief_circulaire_economie.pdf"))
    assert "• Opschalingsregeling Circulaire Economie (volgens systematiek SDE++);" in texts
    assert "1: Vermindering gebruik grondstoffen:" in texts
    assert (
        "2. Ontwikkel een coherent pakket van beleidsmaatregelen met voldoende inzet van "
        "verplichtende maatregelen zoals normering en beprijzing." in texts
    )
    texts = block_texts(parsed("ministry/Kamerbrief_innovatie_missie.pdf"))
    assert "- Duurzaam en veilig gebruik van de Noordzee en andere grote wateren;" in texts


# -- hyphens and URLs at line ends, as the real PDFs break them ------------------------------


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf", "de aanloop- en volloopverliezen"),
        (OTHER_TOP_LEVEL[0], "betreffende otc-derivaten,"),
        (OTHER_TOP_LEVEL[0], "vaststelling van niet-essentiële elementen"),
        (OTHER_TOP_LEVEL[0], "orders van niet-professionele beleggers"),
        (OTHER_TOP_LEVEL[0], "één CT-verstrekker (CTP)"),
        (OTHER_TOP_LEVEL[0], "beleggingsdiensten en -producten"),
        (TYPESET_KAMERSTUK, "bestrijding van de COVID-19-pandemie"),
        (TYPESET_KAMERSTUK, "kenmerk 1722926-208233-DICIO, p. 2."),
        ("1b0f0b98-7c34-418c-98dc-43de7930e685.pdf", "internationale mvo-standaarden"),
    ],
)
def test_a_real_hyphen_at_a_line_end_is_kept(name, kept):
    assert kept in parsed(name).text


@pytest.mark.parametrize(
    ("name", "joined"),
    [
        ("01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf", "dat de vredesonderhandelingen in Jemen"),
        ("ah-tk-20202021-3235.pdf", "een beperktere looptijd"),
        (TYPESET_KAMERSTUK, "in het kader van gegevensbescherming ook"),
        (TYPESET_KAMERSTUK, "het bovenvermelde voorstel"),
    ],
)
def test_a_word_broken_at_a_line_end_is_joined(name, joined):
    assert joined in parsed(name).text


@pytest.mark.parametrize(
    ("name", "url"),
    [  # broken after "-", after "/" (twice), inside a percent-escape, and after "(https://"
        (
            "01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf",
            "(https://reliefweb.int/report/yemen/joint-statement-190-humanitarian-organisations-"
            "yemen-humanitarian-partners-urge-donors-remain-committed-millions-need-yemen-enar)",
        ),
        (
            "01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf",
            "(https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022D25169&did=2022D25169)",
        ),
        (
            "01b2bcad-7296-43bb-bc44-e727fc69b23f.pdf",
            "(https://www.rijksoverheid.nl/actueel/nieuws/2023/10/04/aanpassingen-"
            "wapenexportcontrolebeleid)",
        ),
        (
            "00fe7edd-24c8-4857-98da-774ed3b06836.pdf",
            "https://www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid"
            "%20provincies%202022.pdf",
        ),
        (
            "1b0f0b98-7c34-418c-98dc-43de7930e685.pdf",
            "https://kalikasan.net/green-group-files-complaint-to-un-special-rapporteur-"
            "regarding-jhed-and-jonilas-abduction-case/articles/",
        ),
    ],
)
def test_a_url_broken_over_lines_is_rebuilt_exactly(name, url):
    assert url in parsed(name).text


# -- ministry letters: the template read by position -----------------------------------------


# Offices as the Kamer writes them, whatever case the letter signs in ("DE STAATSSECRETARIS
# VAN INFRASTRUCTUUR EN WATERSTAAT,", "de minister van Volksgezondheid, ..."); a signature
# on someone's behalf names both, with the name that stands below a note.
SIGNED = {
    "ministry/Kamerbrief_circulaire_economie.pdf": [
        ("drs. V.L.W.A. Heijnen", "Staatssecretaris van Infrastructuur en Waterstaat")
    ],
    "ministry/Kamerbrief_innovatie_missie.pdf": [
        ("M.A.M. Adriaansens", "Minister van Economische Zaken en Klimaat")
    ],
    MINISTRY[2]: [("Jan Anthonie Bruijn", "Minister van Volksgezondheid, Welzijn en Sport")],
    "ministry/Wob-besluit_reisadvies-China_BZ_2020.pdf": [
        (
            "DJ. Nieuwenhuis",
            "namens de Minister van Buitenlandse Zaken, directeur Consulaire Zaken en Visumbeleid",
        )
    ],
    # The Raad van State's vice-president signs the advice ("Th. C. De Graaf" as printed).
    TYPESET_KAMERSTUK: [
        ("Th.C. de Graaf", "vicepresident van de Raad van State"),
        ("H.M. de Jonge", "Minister van Volksgezondheid, Welzijn en Sport"),
    ],
}
COLOPHON_WORDS_RE = re.compile(
    r"\b(?:Ons kenmerk|Uw kenmerk|Kenmerk|Bijlage\(n\)|Bezoekadres|Postadres|Onze referentie)\b"
    r"|\bT 070|Overheidsidentificatienr|Postbus 20\d\d\d"
)


@pytest.mark.parametrize("name", MINISTRY)
def test_a_ministry_letter_has_its_subject_as_title_and_no_colophon_in_its_text(name):
    letter = parsed(name)
    title = row(name)["title (Betreft)"].rstrip(" …")
    assert letter.meta.title.startswith(title)
    assert letter.meta.colophon["subject"] == letter.meta.title
    body = letter.text[: running_text_end(letter)]
    assert not COLOPHON_WORDS_RE.findall(body)
    assert not letter.text.startswith(("Datum", "Betreft"))


@pytest.mark.parametrize("name", MINISTRY)
def test_a_ministry_letter_has_its_date_from_the_colophon(name):
    assert parsed(name).meta.date == row(name)["date"]


@pytest.mark.parametrize("name", sorted(SIGNED))
def test_a_ministry_letter_is_signed_with_roles(name):
    signed = [(s.name, s.role) for s in parsed(name).meta.signatories]
    assert signed == SIGNED[name]


def test_a_name_below_a_note_completes_a_signature_on_someones_behalf():
    letter = parsed("ministry/Wob-besluit_reisadvies-China_BZ_2020.pdf")
    signatures = [b for b in letter.blocks if b.kind is BlockKind.SIGNATURE]
    assert [letter.text[b.start : b.end] for b in signatures] == [
        "De minister van Buitenlandse Zaken,\nnamens deze,\n"
        "de directeur Consulaire Zaken en Visumbeleid",
        "DJ. Nieuwenhuis",
    ]
    between = letter.blocks[letter.blocks.index(signatures[0]) + 1]
    assert letter.text[between.start : between.end].startswith("[Deze brief is vanwege")


def test_the_colophon_column_is_read_as_metadata():
    meta = parsed("ministry/Kamerbrief_circulaire_economie.pdf").meta
    assert meta.colophon["sender"] == "Ministerie van Infrastructuur en Waterstaat"
    assert meta.colophon["reference"] == "IENW/BSK-2023/33017"
    assert meta.colophon["enclosures"] == "4"
    assert meta.addressee == "De voorzitter van de Tweede Kamer der Staten-Generaal"
    missions = parsed("ministry/Kamerbrief_innovatie_missie.pdf").meta.colophon
    assert missions["oin"] == "00000001003214369000"  # Overheidsidentificatienr
    assert missions["sender_address"].startswith("T 070 379 8911 (algemeen)")
    wob = parsed("ministry/Wob-besluit_reisadvies-China_BZ_2020.pdf").meta
    assert wob.colophon["reference"] == "2020.6149-18"
    assert wob.colophon["sender"].startswith("Directie Consulaire Zaken en Visumbeleid")


def test_words_spaced_apart_and_glyphs_drawn_twice_read_once():
    letter = parsed("ministry/Kamerbrief_circulaire_economie.pdf")
    assert "De manier waarop we op dit moment met grondstoffen omgaan" in letter.text
    assert "Infrastructuur" in letter.meta.colophon["sender"]
    azwa = parsed(MINISTRY[2])
    assert "PPaaggiinnaa" not in azwa.text and "Pagina" not in azwa.text


def test_side_headings_are_headings():
    letter = parsed("ministry/Kamerbrief_circulaire_economie.pdf")
    headings = [letter.text[b.start : b.end] for b in letter.blocks if b.kind is BlockKind.HEADING]
    assert "De circulaire transitie versnellen" in headings
    assert "ICER en SER-verkenning" in headings
    azwa = parsed(MINISTRY[2])
    headings = [azwa.text[b.start : b.end] for b in azwa.blocks if b.kind is BlockKind.HEADING]
    assert headings[:2] == ["Belang van het AZWA", "Moties in relatie tot AZWA"]


def test_a_note_glued_to_its_url_is_a_note():
    letter = parsed("ministry/Kamerbrief_circulaire_economie.pdf")
    fifth = next(f for f in letter.footnotes if f.marker == "5")
    assert fifth.text.startswith("https://www.tweedekamer.nl/kamerstukken/moties/detail?id=")


# -- a scan -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_scan_is_read_by_text_recognition():
    letter = parsed(SCAN)
    assert letter.meta.ocr_pages == [1, 2]
    assert "Actieprogramma Nitraatrichtlijn" in letter.text
