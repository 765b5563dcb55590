"""Official citations: the forms of the Kamer's own publications, per kind of document."""

from __future__ import annotations

import pytest

from desktop.core.ingest.parse import parse_file
from desktop.core.model.citation import Citation, cite, quote, vergaderjaar_of
from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Kamerstuk, Metadata, Signatory
from tests.conftest import LETTER_2018, LETTER_2023, shared_file

BLOK = Signatory("S.A. Blok", "Minister van Buitenlandse Zaken")


def test_the_bundled_letters_are_cited_as_the_issue_asks():
    old, new = parse_file(LETTER_2018), parse_file(LETTER_2023)
    assert cite(old.meta) == Citation(
        "Brief van de minister van Buitenlandse Zaken van 27 november 2018", None
    )
    assert cite(new.meta) == Citation(
        "Kamerstukken II 2023/24, 33 694, nr. 69",
        "https://zoek.officielebekendmakingen.nl/kst-33694-69.html",
    )


@pytest.mark.parametrize("kind", ["brief", "motie", "amendement", "nota", "verslag", "memorie"])
def test_every_numbered_kamerstuk_has_the_kamerstukken_form(kind):
    meta = Metadata(kamerstuk=Kamerstuk("32545", "143"), vergaderjaar="2020-2021", kind=kind)
    assert cite(meta) == Citation(
        "Kamerstukken II 2020/21, 32 545, nr. 143",
        "https://zoek.officielebekendmakingen.nl/kst-32545-143.html",
    )


def test_a_budget_chapter_goes_in_the_form_and_the_address():
    meta = Metadata(kamerstuk=Kamerstuk("36200", "30", "V"), vergaderjaar="2022-2023", kind="motie")
    assert cite(meta) == Citation(
        "Kamerstukken II 2022/23, 36 200 V, nr. 30",
        "https://zoek.officielebekendmakingen.nl/kst-36200-V-30.html",
    )


def test_an_aanhangsel_is_cited_by_its_own_number():
    meta = Metadata(kind="aanhangsel", number="1893", vergaderjaar="2023-2024")
    assert cite(meta) == Citation(
        "Aanhangsel Handelingen II 2023/24, nr. 1893",
        "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1893.html",
    )


def test_an_aanhangsel_number_and_year_come_from_its_official_identifier():
    meta = Metadata(kind="aanhangsel", date="2021-06-21", publication="ah-tk-20202021-3235")
    assert cite(meta) == Citation(
        "Aanhangsel Handelingen II 2020/21, nr. 3235",
        "https://zoek.officielebekendmakingen.nl/ah-tk-20202021-3235.html",
    )


def test_the_real_aanhangsel_xml_is_cited_as_one():
    letter = parse_file(shared_file("real/ah-tk-20202021-3235.xml"))
    assert cite(letter.meta).text == "Aanhangsel Handelingen II 2020/21, nr. 3235"


def test_the_real_motie_is_cited_as_a_kamerstuk():
    letter = parse_file(shared_file("real/kst-32545-143.xml"))
    assert cite(letter.meta).text == "Kamerstukken II 2020/21, 32 545, nr. 143"


def test_a_letter_without_a_number_names_its_sending_minister_and_date():
    meta = Metadata(
        date="2018-11-27", signatories=[BLOK, Signatory("A. Bijleveld", "Minister van Defensie")]
    )
    assert cite(meta).text == "Brief van de minister van Buitenlandse Zaken van 27 november 2018"


@pytest.mark.parametrize(
    ("role", "sender"),
    [
        ("De Staatssecretaris van Defensie,", "de staatssecretaris van Defensie"),
        ("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
        ("namens de Minister van Buitenlandse Zaken, directeur Consulaire Zaken", "de minister van Buitenlandse Zaken"),
        (None, "C. de Vries"),
    ],
)  # fmt: skip
def test_the_sender_is_read_from_the_role_as_signed(role, sender):
    meta = Metadata(date="2020-12-17", signatories=[Signatory("C. de Vries", role)], kind="brief")
    assert cite(meta).text == f"Brief van {sender} van 17 december 2020"


def test_a_besluit_without_number_is_a_besluit_of_its_minister():
    meta = Metadata(date="2020-12-17", kind="besluit", signatories=[BLOK])
    assert cite(meta).text == "Besluit van de minister van Buitenlandse Zaken van 17 december 2020"


def test_without_a_number_or_a_signatory_the_title_and_date_cite_it():
    meta = Metadata(title="Fiche 5: herziening MiFID II", date="2021-11-25", kind="fiche")
    assert cite(meta) == Citation("Fiche 5: herziening MiFID II, 25 november 2021", None)


def test_a_kamerstuk_without_vergaderjaar_takes_it_from_its_date():
    meta = Metadata(kamerstuk=Kamerstuk("33694", "30"), date="2018-09-20")
    assert cite(meta).text == "Kamerstukken II 2018/19, 33 694, nr. 30"


@pytest.mark.parametrize(
    ("day", "year"),
    [
        ("2023-09-18", "2022-2023"),  # the day before Prinsjesdag 2023
        ("2023-09-19", "2023-2024"),  # Prinsjesdag 2023
        ("2024-09-16", "2023-2024"),
        ("2024-09-17", "2024-2025"),  # Prinsjesdag 2024
        ("2024-01-05", "2023-2024"),
        ("not a date", None),
        (None, None),
    ],
)
def test_the_vergaderjaar_starts_on_prinsjesdag(day, year):
    assert vergaderjaar_of(day) == year


def test_dates_and_quotes_read_as_dutch():
    assert dutch_date("2023-11-16") == "16 november 2023"
    assert dutch_date("2023-13-01") == ""
    quoted = quote(" het verdrag ", Citation("Kamerstukken II 2023/24, 33 694, nr. 69"))
    assert quoted == "\u201chet verdrag\u201d \u2014 Kamerstukken II 2023/24, 33 694, nr. 69"
