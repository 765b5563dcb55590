"""Cleaning beyond the bundled letters: web text, several notes, truncated letters."""

from __future__ import annotations

import pytest

from desktop.core.ingest.assemble import assemble
from desktop.core.ingest.clean import clean_text
from desktop.core.ingest.dutch import closes_sentence, written_date
from desktop.core.ingest.line_breaks import Words, join_lines, word_forms
from desktop.core.ingest.parse import parse_file
from desktop.core.model.letter import BlockKind
from tests.conftest import LETTER_2023


def _letter(text: str):
    return assemble(clean_text(text), "memory.txt", "memory")


def test_web_text_keeps_one_paragraph_per_line():
    pdf = parse_file(LETTER_2023)
    body = [pdf.text[b.start : b.end] for b in pdf.blocks if b.kind is BlockKind.PARAGRAPH]
    web = _letter("\n".join(body))
    paragraphs = [web.text[b.start : b.end] for b in web.blocks]
    assert paragraphs == body
    assert web.mention_counts()["CSE"] == pdf.mention_counts()["CSE"] - 1  # heading left out


def test_web_text_signatures_stay_together():
    text = (
        "Het kabinet heeft besloten om de werking van het CSE-verdrag op te schorten, omdat de "
        "Russische Federatie zich officieel heeft teruggetrokken uit het verdrag en het kabinet "
        "van mening is dat deze terugtrekking niet zonder consequenties kan blijven.\n"
        "De Minister van Defensie,\nK.H. Ollongren\n"
    )
    letter = _letter(text)
    assert [b.kind for b in letter.blocks] == [BlockKind.PARAGRAPH, BlockKind.SIGNATURE]
    assert [(s.name, s.role) for s in letter.meta.signatories] == [
        ("K.H. Ollongren", "Minister van Defensie")
    ]


def test_two_notes_on_one_page_and_marker_glued_to_word():
    text = (
        "Den Haag, 1 maart 2024\n\n"
        "Het Verdrag inzake het Open Luchtruim (OST) is door Rusland opgezegd.1 Ook het\n"
        "CTBT staat onder druk2, zoals de Kamer weet sinds 30 oktober.\n\n"
        "1 Zie de brief van 2021.\n"
        "2 Rusland trok de ratificatie in.\n\n"
        "De Minister van Buitenlandse Zaken,\nH.G.J. Bruins Slot\n"
    )
    letter = _letter(text)
    assert [(f.marker, f.text) for f in letter.footnotes] == [
        ("1", "Zie de brief van 2021."),
        ("2", "Rusland trok de ratificatie in."),
    ]
    assert letter.text[: letter.footnotes[0].ref_end].endswith("opgezegd.1")
    assert letter.text[: letter.footnotes[1].ref_end].endswith("onder druk\u202f2")  # part 5
    assert "30 oktober" in letter.text
    assert letter.meta.date == "2024-03-01"


def test_a_numbered_line_without_a_marker_is_not_a_note():
    text = "Den Haag, 1 maart 2024\n\nDe Kamer stelde vragen.\n\n1 Inleiding\n\nHier begint het.\n"
    letter = _letter(text)
    assert letter.footnotes == []
    assert "1 Inleiding" in letter.text


def test_a_truncated_letter_is_still_a_letter():
    letter = _letter("Het INF-verdrag is meer dan dertig jaar zeer belangrijk geweest voor de")
    assert letter.meta.date is None and letter.meta.kamerstuk is None
    assert letter.mention_counts() == {"INF": 1}
    assert letter.meta.title == "INF-verdrag"


def test_vocabulary_decides_a_line_end_hyphen():
    text = "Zij spraken over de kern-\nwapentaak en de kernwapentaak.\n"
    assert "kernwapentaak en de kernwapentaak" in _letter(text).text
    text = "Zij spraken over de zee-\negel en de zee-egel.\n"
    assert "zee-egel en de zee-egel" in _letter(text).text


def test_cr_lf_and_bom_and_form_feed():
    text = "\ufeffDen Haag, 2 april 2024\r\n\r\nHet Weens Document is\r\nbelangrijk.\f\r\n"
    letter = _letter(text)
    assert letter.meta.date == "2024-04-02"
    assert "Het Weens Document is belangrijk." in letter.text


# -- line-end hyphens and URLs, as the real PDFs in ../shared/real break them ----------------


@pytest.mark.parametrize(
    ("lines", "joined"),
    [  # a word break
        (["dat de vredesonderhande-", "lingen in Jemen"], "dat de vredesonderhandelingen in Jemen"),
        # a suspended compound before a conjunction (1a2d8959-….pdf)
        (["van € 750 miljoen de aanloop-", "en volloopverliezen worden"],
         "van € 750 miljoen de aanloop- en volloopverliezen worden"),
        (["passende wet-", "of regelgeving"], "passende wet- of regelgeving"),
        # acronyms, capitals and digits mark a compound (the fiche, kst-35538-4)
        (["met één CT-", "verstrekker (CTP)"], "met één CT-verstrekker (CTP)"),
        (["de hiervoor bedoelde MiFID II-", "bepalingen"], "de hiervoor bedoelde MiFID II-bepalingen"),
        (["van de COVID-19-", "pandemie"], "van de COVID-19-pandemie"),
        (["in het ENTSO-E-", "verband"], "in het ENTSO-E-verband"),
        # prefixes that keep their hyphen, and a vowel clash (the fiche)
        (["van niet-", "essentiële elementen"], "van niet-essentiële elementen"),
        (["de ex-", "minister"], "de ex-minister"),
        (["de anti-", "inflatiewet"], "de anti-inflatiewet"),
        # a hyphen that belongs to the next word ("beleggingsdiensten en -producten")
        (["beleggingsdiensten en -", "producten en"], "beleggingsdiensten en -producten en"),
    ],
)  # fmt: skip
def test_a_line_end_hyphen_is_decided_case_by_case(lines, joined):
    assert join_lines(lines, Words()) == joined


def test_an_acronym_the_letter_writes_keeps_its_lowercase_compound():
    words = Words.of("handel (over-the-counter, OTC) in derivaten")
    assert join_lines(["betreffende otc-", "derivaten,"], words) == "betreffende otc-derivaten,"
    assert join_lines(["betreffende otc-", "derivaten,"], Words()) == "betreffende otcderivaten,"


def test_the_library_words_decide_a_hyphen_the_letter_cannot():
    lines = ["een nieuwe kern-", "wapentaak"]
    assert join_lines(lines, Words()) == "een nieuwe kernwapentaak"
    library = word_forms("De kern-wapentaak van de NAVO.")
    assert join_lines(lines, Words.of("", library)) == "een nieuwe kern-wapentaak"
    assert "kern-wapentaak" in library
    text = "Zij spraken over de kern-\nwapentaak.\n"
    assert "over de kern-wapentaak." in clean_text(text, library_words=library).blocks[0].plain()


@pytest.mark.parametrize(
    ("lines", "joined"),
    [  # broken after "-" (01b2bcad-….pdf), after "/" and "(https://" (ibid.), inside a
        # percent-escape (00fe7edd-….pdf), after "." (a host name)
        (["(https://reliefweb.int/report/yemen/joint-statement-190-humanitarian-organisations-",
          "yemen-humanitarian-partners-urge-donors)"],
         "(https://reliefweb.int/report/yemen/joint-statement-190-humanitarian-organisations-"
         "yemen-humanitarian-partners-urge-donors)"),
        (["Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/",
          "detail?id=2022D25169&did=2022D25169)"],
         "Kamerstuk 21 501-02, nr. 2498 (https://www.tweedekamer.nl/kamerstukken/moties/"
         "detail?id=2022D25169&did=2022D25169)"),
        (["«Aanpassingen wapenexportcontrolebeleid» (https://",
          "www.rijksoverheid.nl/actueel/nieuws/2023/10/04/aanpassingen-"
          "wapenexportcontrolebeleid)"],
         "«Aanpassingen wapenexportcontrolebeleid» (https://www.rijksoverheid.nl/actueel/"
         "nieuws/2023/10/04/aanpassingen-wapenexportcontrolebeleid)"),
        (["www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies",
          "%202022.pdf"],
         "www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies"
         "%202022.pdf"),
        (["zie https://www.rijksoverheid.", "nl/onderwerpen/wapenbeheersing)"],
         "zie https://www.rijksoverheid.nl/onderwerpen/wapenbeheersing)"),
        # a URL that ends its line, and a sentence that goes on
        (["op https://www.rijksoverheid.nl.", "De brief volgt."],
         "op https://www.rijksoverheid.nl. De brief volgt."),
        (["op https://stip-pp.oecd.org/moip/", "Deze aanpak"],
         "op https://stip-pp.oecd.org/moip/ Deze aanpak"),
    ],
)  # fmt: skip
def test_a_url_broken_over_lines_is_rebuilt_exactly(lines, joined):
    assert join_lines(lines, Words()) == joined


def test_a_note_number_glued_to_its_url_is_a_note():
    text = (
        "Den Haag, 1 maart 2024\n\n"
        "Het INF-verdrag werd besproken in een motie.1\n\n"
        "1https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845\n"
    )
    letter = _letter(text)
    assert [(f.marker, f.text) for f in letter.footnotes] == [
        ("1", "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2022Z10845")
    ]


@pytest.mark.parametrize(
    ("line", "closes"),
    [
        ("bedraagt in alle gevallen 8%.", True),
        ("van de DRC.", True),
        ("heeft geïnformeerd?", True),
        ("en het nader rapport d.d.", False),  # "21 augustus 2020" follows
        ("zie Kamerstuk 29 383, nr.", False),
        ("brief van 30 mei jl.", False),
        ("ondertekend door M.", False),
        ("verschillende aanpakken alleen voor die", False),
    ],
)
def test_a_sentence_is_closed_not_by_an_abbreviation(line, closes):
    assert closes_sentence(line) is closes


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3 februari 2023", "2023-02-03"),
        ("2 2 APR. 2026", "2026-04-22"),  # a stamp, its digits spaced by a text recognition
        ("17-12-2020", "2020-12-17"),
        ("12 mrt. 2021", "2021-03-12"),
        ("1097348-DMO", None),
        ("32-13-2020", None),
        ("31 februari 2023", None),  # no day of the calendar: no date (dutch.calendar_date)
        ("29-02-2023", None),
        ("29 februari 2024", "2024-02-29"),
    ],
)
def test_a_date_written_out_stamped_or_in_figures(text, iso):
    assert written_date(text) == iso


# Text another tool extracted from a typeset publication: a paragraph on a line, raised markers
# on a line of their own below theirs, notes glued to their numbers, furniture glued to text.
LONG = ("Dit is een lange zin die de regel vult zoals een ander programma hem uit een PDF haalt, "
        "met alles wat een alinea daar op een regel zet")  # fmt: skip


def test_markers_on_their_own_lines_and_notes_glued_to_their_numbers():
    text = (
        f"Vraag 1\n{LONG}, over de brief van 30 juni 2023\n1\nis aangegeven dat het zo is.\n"
        f"{LONG}, en ook in de brief van 1 mei 2022\n2 staat dat.\n"
        f"{LONG}, op 12 punten.\n"
        "1Kamerstuk 29 383, nr. 406.\n2(Aanhangsel Handelingen, nr. 844).\n"
        "Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 1\n"
        f"{LONG}, tot 1 juli.\n"
    )
    letter = _letter(text)
    assert [(f.marker, f.text) for f in letter.footnotes] == [
        ("1", "Kamerstuk 29 383, nr. 406."),
        ("2", "(Aanhangsel Handelingen, nr. 844)."),
    ]
    first, second = letter.footnotes
    assert letter.text[: first.ref_end].endswith("van 30 juni 2023\u202f1")
    assert letter.text[first.ref_end :].startswith(" is aangegeven dat het zo is.")
    assert letter.text[: second.ref_end].endswith("1 mei 2022\u202f2")
    paragraphs = [
        letter.text[b.start : b.end] for b in letter.blocks if b.kind is not BlockKind.NOTE
    ]
    assert paragraphs[-2:] == ["Antwoord 1", f"{LONG}, tot 1 juli."]  # the foot is gone
    assert "vergaderjaar" not in letter.text and "12 punten" in letter.text


def test_a_number_on_its_own_line_without_a_note_below_stays_text():
    letter = _letter(f"{LONG}, het aantal is\n12\n{LONG}.\n")
    assert letter.footnotes == [] and "\n\n12\n\n" in letter.text  # web text: its own line
