"""Document ids and running feet of officielebekendmakingen publications, as printed on the
real ones in ../shared/real/ (page-1 footer blocks and running feet)."""

from __future__ import annotations

import pytest

from desktop.core.ingest.publication_id import (
    PublicationId,
    is_issn_line,
    parse_publication_id,
    parse_running_footer,
)
from desktop.core.model.letter import Kamerstuk


@pytest.mark.parametrize(
    ("text", "expected", "kamerstuk"),
    [
        ("kst-35538-4", PublicationId("kst", dossier="35538", number="4"), Kamerstuk("35538", "4")),
        ("kst-32545-143", PublicationId("kst", dossier="32545", number="143"),
         Kamerstuk("32545", "143")),
        ("kst-21501-02-2498", PublicationId("kst", dossier="21501", suffix="02", number="2498"),
         Kamerstuk("21501-02", "2498")),
        ("kst-36410-VIII-106", PublicationId("kst", dossier="36410", suffix="VIII", number="106"),
         Kamerstuk("36410", "106", "VIII")),
        ("ah-tk-20232024-2129",
         PublicationId("ah", kind="aanhangsel", chamber="tk", number="2129",
                       vergaderjaar="2023-2024"), None),
        ("ah-ek-20202021-12",
         PublicationId("ah", kind="aanhangsel", chamber="ek", number="12",
                       vergaderjaar="2020-2021"), None),
        ("blg-1007826", PublicationId("blg", kind="other", number="1007826"), None),
    ],
)  # fmt: skip
def test_a_document_id_says_what_the_publication_is(text, expected, kamerstuk):
    pid = parse_publication_id(text)
    assert pid == expected
    assert pid.kamerstuk() == kamerstuk


@pytest.mark.parametrize("text", ["Kamerstuk 35 538", "kst", "ISSN 0921 - 7398", "2129", ""])
def test_other_lines_are_no_ids(text):
    assert parse_publication_id(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("’s-Gravenhage 2020 Tweede Kamer, vergaderjaar 2019–2020, 35 538, nr. 4 1",
         PublicationId("kst", chamber="tk", dossier="35538", number="4", vergaderjaar="2019-2020")),
        ("Tweede Kamer, vergaderjaar 2019–2020, 35 538, nr. 4 12",
         PublicationId("kst", chamber="tk", dossier="35538", number="4", vergaderjaar="2019-2020")),
        ("Tweede Kamer, vergaderjaar 2023–2024, 21 501-02, nr. 2498 3",
         PublicationId("kst", chamber="tk", dossier="21501", suffix="02", number="2498",
                       vergaderjaar="2023-2024")),
        ("Tweede Kamer, vergaderjaar 2023–2024, 36 410 VIII, nr. 106 2",
         PublicationId("kst", chamber="tk", dossier="36410", suffix="VIII", number="106",
                       vergaderjaar="2023-2024")),
        ("’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1",
         PublicationId("ah", kind="aanhangsel", chamber="tk", vergaderjaar="2023-2024")),
        ("Eerste Kamer, vergaderjaar 2020-2021, Aanhangsel 3",
         PublicationId("ah", kind="aanhangsel", chamber="ek", vergaderjaar="2020-2021")),
    ],
)  # fmt: skip
def test_a_running_foot_names_the_publication(text, expected):
    assert parse_running_footer(text) == expected


def test_a_sentence_about_a_year_is_no_running_foot():
    assert parse_running_footer("Tweede Kamer, vergaderjaar 2019–2020, werd besproken") is None


def test_issn_lines():
    assert is_issn_line("ISSN 0921 - 7398") and is_issn_line("ISSN 0921-7371")
    assert not is_issn_line("ISSN is een nummer")
