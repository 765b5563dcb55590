"""Offices and names of who signed or answered, in one form whatever the source wrote."""

from __future__ import annotations

import pytest

from desktop.core.ingest.signatories import (
    MINISTRIES,
    ministry,
    normal_name,
    normal_role,
    parse_signature,
)
from desktop.core.model.letter import Signatory


@pytest.mark.parametrize(
    ("abbreviation", "name"),
    [
        ("BZ", "Buitenlandse Zaken"),
        ("BHO", "Buitenlandse Handel en Ontwikkelingssamenwerking"),
        ("OCW", "Onderwijs, Cultuur en Wetenschap"),
        ("VWS", "Volksgezondheid, Welzijn en Sport"),
        ("SZW", "Sociale Zaken en Werkgelegenheid"),
        ("JenV", "Justitie en Veiligheid"),
        ("J&V", "Justitie en Veiligheid"),
        ("IenW", "Infrastructuur en Waterstaat"),
        ("EZK", "Economische Zaken en Klimaat"),
        ("KGG", "Klimaat en Groene Groei"),
        ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties"),
        ("Fin", "Financiën"),
        ("LNV", "Landbouw, Natuur en Voedselkwaliteit"),
        ("Def", "Defensie"),
        ("AZ", "Algemene Zaken"),
        ("LZJS", "Langdurige Zorg, Jeugd en Sport"),
    ],
)
def test_a_ministry_abbreviation_is_its_name(abbreviation, name):
    assert ministry(abbreviation) == name
    assert normal_role(f"Minister van {abbreviation}") == f"Minister van {name}"


def test_every_abbreviation_names_a_ministry_and_names_are_kept():
    assert all(ministry(name) == name for name in MINISTRIES.values())
    assert ministry("Medische Zorg") == "Medische Zorg"
    assert ministry("Koninklijk Huis") == "Koninklijk Huis"  # no ministry: as written


@pytest.mark.parametrize(
    ("role", "normal"),
    [
        ("DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT",
         "Staatssecretaris van Infrastructuur en Waterstaat"),
        ("de minister van Volksgezondheid, Welzijn en Sport",
         "Minister van Volksgezondheid, Welzijn en Sport"),
        ("MINISTER VAN VOLKSGEZONDHEID, WELZIJN EN SPORT",
         "Minister van Volksgezondheid, Welzijn en Sport"),
        ("Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst",
         "Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst"),
        ("namens de minister van Buitenlandse Zaken, directeur Consulaire Zaken",
         "namens de Minister van Buitenlandse Zaken, directeur Consulaire Zaken"),
        ("minister voor Natuur en Stikstof", "Minister voor Natuur en Stikstof"),
        ("De Minister-President, Minister van Algemene Zaken",
         "Minister-President, Minister van Algemene Zaken"),
        ("vicepresident van de Raad van State", "vicepresident van de Raad van State"),
        (None, None),
    ],
)  # fmt: skip
def test_a_role_in_the_form_the_kamer_writes(role, normal):
    assert normal_role(role) == normal


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("Th. C. De Graaf", "Th.C. de Graaf"),
        ("H.M. de Jonge", "H.M. de Jonge"),
        ("A.Th.B. Bijleveld-Schouten", "A.Th.B. Bijleveld-Schouten"),
        ("drs. V.L.W.A. Heijnen", "drs. V.L.W.A. Heijnen"),
        ("Van der Wal-Zeggelink", "Van der Wal-Zeggelink"),  # no initials: capital particle
        ("Dr. E. Jansen", "Dr. E. Jansen"),  # a title is no initial
    ],
)
def test_a_name_with_its_initials_closed_up(name, normal):
    assert normal_name(name) == normal


def test_a_signature_on_someones_behalf_waits_for_its_name():
    signed = parse_signature(
        "De minister van Buitenlandse Zaken,\nnamens deze,\n"
        "de directeur Consulaire Zaken en Visumbeleid"
    )
    role = "namens de minister van Buitenlandse Zaken, directeur Consulaire Zaken en Visumbeleid"
    assert signed == [Signatory("", role)]


def test_signatures_role_over_name_and_name_over_role():
    assert parse_signature("De Minister van Buitenlandse Zaken,\nS.A. Blok\n"
                           "De Minister van Defensie,\nA.Th.B. Bijleveld-Schouten") == [
        Signatory("S.A. Blok", "Minister van Buitenlandse Zaken"),
        Signatory("A.Th.B. Bijleveld-Schouten", "Minister van Defensie"),
    ]  # fmt: skip
    assert parse_signature("M.A.M. Adriaansens\nMinister van Economische Zaken en Klimaat") == [
        Signatory("M.A.M. Adriaansens", "Minister van Economische Zaken en Klimaat")
    ]
