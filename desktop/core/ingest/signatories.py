"""Who signed or answered, as the official record writes them: offices and names.

Letters sign with the office over the name (``De Minister van Buitenlandse Zaken,`` /
``S.A. Blok``), sometimes in capitals, sometimes on someone's behalf (``namens deze,`` /
``de directeur Consulaire Zaken en Visumbeleid``) with the name below a note; Kamervragen
name the ministry by its abbreviation (``Minister Bruins Slot (BZ)``). Whatever the source,
a role comes out in one form: the office as the Kamer writes it (``Minister``,
``Staatssecretaris``), the ministry by its full name (``Minister van Buitenlandse Zaken``),
and a name with its initials closed up and its particle in lower case after them
(``Th.C. de Graaf``).
"""

from __future__ import annotations

import re

from desktop.core.model.letter import Signatory

# The ministries by their names, and the abbreviations the government uses for them.
MINISTRIES: dict[str, str] = {
    "AZ": "Algemene Zaken",
    "BZ": "Buitenlandse Zaken",
    "BHO": "Buitenlandse Handel en Ontwikkelingssamenwerking",
    "BHOS": "Buitenlandse Handel en Ontwikkelingssamenwerking",
    "BZK": "Binnenlandse Zaken en Koninkrijksrelaties",
    "DEF": "Defensie",
    "EZ": "Economische Zaken",
    "EZK": "Economische Zaken en Klimaat",
    "ELI": "Economische Zaken, Landbouw en Innovatie",
    "FIN": "Financiën",
    "IENW": "Infrastructuur en Waterstaat",
    "IENM": "Infrastructuur en Milieu",
    "JENV": "Justitie en Veiligheid",
    "VENJ": "Veiligheid en Justitie",
    "KGG": "Klimaat en Groene Groei",
    "LNV": "Landbouw, Natuur en Voedselkwaliteit",
    "LVVN": "Landbouw, Visserij, Voedselzekerheid en Natuur",
    "OCW": "Onderwijs, Cultuur en Wetenschap",
    "SZW": "Sociale Zaken en Werkgelegenheid",
    "VWS": "Volksgezondheid, Welzijn en Sport",
    "VRO": "Volkshuisvesting en Ruimtelijke Ordening",
    "VROM": "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    "VENW": "Verkeer en Waterstaat",
    "NENS": "Natuur en Stikstof",
    "KENE": "Klimaat en Energie",
    "LZJS": "Langdurige Zorg, Jeugd en Sport",
    "AENM": "Asiel en Migratie",
}
# Ministers without a ministry of their own are ministers "voor" their field.
_VOOR = {
    "Buitenlandse Handel en Ontwikkelingssamenwerking", "Volkshuisvesting en Ruimtelijke Ordening",
    "Natuur en Stikstof", "Klimaat en Energie", "Medische Zorg", "Rechtsbescherming",
    "Primair en Voortgezet Onderwijs", "Ontwikkelingssamenwerking",
}  # fmt: skip
_BY_NAME = {name.casefold(): name for name in [*MINISTRIES.values(), *_VOOR]}

# The first line of a signature: the signatory's office ("De Minister van Defensie,"), in
# any case ("DE STAATSSECRETARIS VAN ...,").
ROLE_START_RE = re.compile(
    r"^(?:De |de )?(?:Minister|Staatssecretaris|Minister-President|"
    r"Voorzitter|Griffier|Secretaris-Generaal|Directeur|Plaatsvervangend|namens|vice-?president)\b",
    re.I,
)
ROLE_RE = re.compile(ROLE_START_RE.pattern + r".{0,120},$", re.I)
# A signatory's name: initials or given names and a surname ("M.A.M. Adriaansens", "drs.
# V.L.W.A. Heijnen", "Jan Anthonie Bruijn", "Th. C. De Graaf"), no sentence.
NAME_RE = re.compile(r"^(?:(?:drs|mr|dr|ir|prof)\.\s+)*(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+$")

_ABBREVIATED = {"IENW": "IenW|I&W", "IENM": "IenM|I&M", "JENV": "JenV|J&V", "VENJ": "VenJ|V&J",
                "VENW": "VenW|V&W", "NENS": "NenS|N&S", "KENE": "KenE|K&E", "AENM": "AenM|A&M",
                "ELI": "ELI|EL&I"}  # fmt: skip
_FIELDS = sorted(_BY_NAME.values(), key=len, reverse=True)
_FIELD_RE = "|".join(
    [re.escape(name) for name in _FIELDS] + [_ABBREVIATED.get(a, re.escape(a)) for a in MINISTRIES]
)
_OFFICE_RE = re.compile(
    r"\b(?P<office>minister-president|minister|staatssecretaris)"
    rf"(?:\s+(?P<link>van|voor)\s+(?P<field>{_FIELD_RE})(?![\w&]))?",
    re.I,
)
_OFFICES = {"minister": "Minister", "staatssecretaris": "Staatssecretaris",
            "minister-president": "Minister-President"}  # fmt: skip
_ON_BEHALF_RE = re.compile(r"^namens (?:deze|dezen|hem|haar)$", re.I)
_INITIALS_RE = re.compile(r"\b(?!(?:Dr|Mr|Ir)\.)((?:[A-Z][a-z]?\.)+)\s+(?=[A-Z][a-z]?\.)")
_PARTICLE_RE = re.compile(
    r"(?<=\.\s)(De|Van|Der|Den|Ter|Ten|Het|Te|In|Op|Uit)\b(?=(?:\s+(?:de|der|den|het|van))*\s+\S)"
)


def ministry(text: str) -> str:
    """'BZ' -> 'Buitenlandse Zaken'; 'INFRASTRUCTUUR EN WATERSTAAT' -> 'Infrastructuur en
    Waterstaat'; anything else as it is."""
    key = re.sub(r"\W", "", text.replace("&", "en")).upper()
    if (found := MINISTRIES.get(key)) and len(text) <= 6:
        return found
    return _BY_NAME.get(" ".join(text.split()).casefold(), text)


def link_to(office: str, field: str) -> str:
    """'van' or 'voor': a minister without a ministry is minister 'voor' his field."""
    return "voor" if office.lower() == "minister" and field in _VOOR else "van"


def normal_role(role: str | None) -> str | None:
    """An office as the Kamer writes it: 'DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN
    WATERSTAAT' -> 'Staatssecretaris van Infrastructuur en Waterstaat'; 'Minister van BZ'
    -> 'Minister van Buitenlandse Zaken'."""
    if not role:
        return role
    role = " ".join(role.split()).strip(" ,")
    role = re.sub(r"^de\s+", "", role, flags=re.I)
    if role.isupper():
        role = role.lower()
    return _OFFICE_RE.sub(_office, role)


def _office(match: re.Match[str]) -> str:
    office = _OFFICES[match.group("office").lower()]
    if not match.group("field"):
        return office
    field = ministry(match.group("field").strip())
    return f"{office} {match.group('link').lower()} {field}"


def normal_name(name: str) -> str:
    """'Th. C. De Graaf' -> 'Th.C. de Graaf': initials closed up, and after them the
    particle of a Dutch surname in lower case."""
    name = " ".join(name.split())
    while (closed := _INITIALS_RE.sub(r"\1", name)) != name:
        name = closed
    return _PARTICLE_RE.sub(lambda m: m.group(1).lower(), name)


def normal(signatory: Signatory) -> Signatory:
    return Signatory(normal_name(signatory.name), normal_role(signatory.role))


def parse_signature(text: str) -> list[Signatory]:
    """'De Minister van Buitenlandse Zaken,\\nS.A. Blok' -> Signatory('S.A. Blok', role).
    A role may be signed on someone's behalf ('De minister van Buitenlandse Zaken,' /
    'namens deze,' / 'de directeur ...'); a signature that ends in a role without a name
    gives a Signatory with an empty name, for the caller to find the name below."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    out: list[Signatory] = []
    roles: list[str] = []
    for line in lines:
        bare = re.sub(r"^de\s+", "", line.rstrip(",").strip(), flags=re.I)
        if _ON_BEHALF_RE.match(bare):
            roles = [f"namens de {', '.join(roles)}"] if roles else [bare]
        elif line.endswith(",") or (roles and ROLE_START_RE.match(line)):
            roles.append(bare)
        elif out and out[-1].role is None and not roles and ROLE_START_RE.match(line):
            out[-1] = Signatory(out[-1].name, bare)  # name, then role
        else:
            out.append(Signatory(line, ", ".join(roles) or None))
            roles = []
    if roles:
        out.append(Signatory("", ", ".join(roles)))
    return out
