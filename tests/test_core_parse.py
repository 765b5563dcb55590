"""The parser on the two bundled letters: exact metadata, footnotes, mentions, references."""

from __future__ import annotations

import re

import pytest

from desktop.core.ingest.assemble import assemble
from desktop.core.ingest.clean import clean_text
from desktop.core.ingest.parse import parse_file
from desktop.core.model.draft import Draft, DraftBlock, NoteRef
from desktop.core.model.letter import BlockKind, Kamerstuk, Letter
from tests.conftest import LETTER_2018, LETTER_2023


@pytest.fixture(scope="module")
def inf() -> Letter:
    return parse_file(LETTER_2018)


@pytest.fixture(scope="module")
def cse() -> Letter:
    return parse_file(LETTER_2023)


def test_2018_metadata(inf):
    m = inf.meta
    assert m.date == "2018-11-27"
    assert m.kamerstuk is None
    assert m.vergaderjaar is None
    assert m.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert [(s.name, s.role) for s in m.signatories] == [
        ("S.A. Blok", "Minister van Buitenlandse Zaken"),
        ("A.Th.B. Bijleveld-Schouten", "Minister van Defensie"),
    ]
    assert m.title == "INF-verdrag: brief van 27 november 2018"


def test_2023_metadata_from_the_kamerstuk_header(cse):
    m = cse.meta
    assert m.date == "2023-11-16"
    assert (m.kamerstuk.dossier, m.kamerstuk.number, m.kamerstuk.chapter) == ("33694", "69", None)
    assert m.dossier_title == "Internationale Veiligheidsstrategie"
    assert m.title == "Internationale Veiligheidsstrategie"
    assert m.vergaderjaar == "2023-2024"
    assert m.document_kind == "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE"
    assert [(s.name, s.role) for s in m.signatories] == [
        ("H.G.J. Bruins Slot", "Minister van Buitenlandse Zaken"),
        ("K.H. Ollongren", "Minister van Defensie"),
    ]


def test_header_is_metadata_not_text(cse):
    # The chamber number "2" after Staten-Generaal is never a footnote marker.
    assert "Vergaderjaar" not in cse.text
    assert "Staten-Generaal 2" not in cse.text
    assert not cse.text.startswith("33 694")
    assert cse.text.startswith("Aan de Voorzitter")


@pytest.mark.parametrize(
    "letter_name, joined, kept",
    [
        ("inf", ["ontwapeningsmijlpalen", "Amerikaanse", "geloofwaardigheid", "vervolgstappen",
                 "Nederlandse inzet", "ontwapeningsarchitectuur", "verhoudingen"],
         ["NAVO-bondgenoten", "Euro-Atlantische", "non-proliferatie- en"]),
        ("cse", ["Strijdkrachten", "vertrouwenwekkende", "teruggetrokken", "terugtrekking",
                 "veiligheidsarchitectuur", "wapenbeheersing", "bondgenootschappelijke",
                 "bondgenoten hebben"],
         ["NAVO-bondgenoten", "Noord-Atlantische", "CSE-verdrag", "jachtvliegtuigen en -helikopters"]),
    ],
)  # fmt: skip
def test_line_break_hyphens(request, letter_name, joined, kept):
    text = request.getfixturevalue(letter_name).text
    for word in joined + kept:
        assert word in text, word
    # The only "word- word" left are Dutch suspended hyphens ("inspectie- en verificatie").
    assert re.findall(r"\w+- \w+", text) in (["proliferatie- en"], ["inspectie- en"])
    assert "Strijd-krachten" not in text and "Ameri-kaanse" not in text


def test_no_page_furniture_left(cse):
    assert "Tweede Kamer, vergaderjaar" not in cse.text
    assert "nr. 69 2" not in cse.text


def test_page_break_and_note_block_do_not_split_sentences(inf, cse):
    assert "nucleaire risico’s, mede door het promoten van strategische dialogen" in inf.text
    assert "Zo coördineert Nederland het Non-Proliferation and Disarmament Initiative" in cse.text


def test_paragraphs_and_headings(inf, cse):
    kinds = [b.kind for b in cse.blocks]
    headings = [cse.text[b.start : b.end] for b in cse.blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Opschorting CSE-verdrag", "Euro-Atlantische wapenbeheersingsarchitectuur"]
    assert kinds[:2] == [BlockKind.ADDRESSEE, BlockKind.DATELINE]
    assert kinds.count(BlockKind.SIGNATURE) == 2
    assert kinds.count(BlockKind.PARAGRAPH) == 10
    assert [b.kind for b in inf.blocks].count(BlockKind.PARAGRAPH) == 9
    assert not any(b.kind is BlockKind.HEADING for b in inf.blocks)


def test_blocks_tile_the_text(inf, cse):
    for letter in (inf, cse):
        assert letter.blocks[0].start == 0 and letter.blocks[-1].end == len(letter.text)
        for a, b in zip(letter.blocks, letter.blocks[1:], strict=False):
            assert letter.text[a.end : b.start] == "\n\n"


def test_2018_footnote(inf):
    (note,) = inf.footnotes
    assert note.marker == "1"
    assert note.text.startswith(
        "President Poetin noemde het INF-verdrag bijvoorbeeld «achterhaald»"
    )
    assert note.text.endswith("die Rusland op militair gebied begaan heeft.")
    assert inf.text[note.start : note.end] == note.text
    assert inf.text[note.ref_start : note.ref_end] == "1"
    assert inf.text[: note.ref_end].endswith("niet langer in het belang van Rusland was.1")
    # Notes live after the signatures, never in the running text.
    last_signature = max(b.end for b in inf.blocks if b.kind is BlockKind.SIGNATURE)
    assert note.start > last_signature
    assert inf.text.count("President Poetin") == 1


def test_2023_footnote(cse):
    (note,) = cse.footnotes
    assert (note.marker, note.text) == ("1", "Kamerstuk 36 200-V, nr. 73.")
    assert cse.text[: note.ref_end + 1].endswith("(Kamerstuk 36 200 V, nr. 30)1,")
    assert note.start > max(b.end for b in cse.blocks if b.kind is BlockKind.SIGNATURE)


def test_numbers_in_running_text_are_not_markers(inf, cse):
    assert "op 30 oktober jl." in inf.text
    assert "(Kamerstuk 33 694, nr. 30)." in inf.text
    assert len(inf.footnotes) == 1 and len(cse.footnotes) == 1


def test_mention_counts(inf, cse):
    assert inf.mention_counts() == {"INF": 13, "NPT": 1}
    assert cse.mention_counts() == {
        "CSE": 12, "INF": 1, "NEW-START": 1, "CTBT": 1, "OST": 1, "VIENNA-DOC": 1,
    }  # fmt: skip


def test_every_span_is_its_surface(inf, cse):
    for letter in (inf, cse):
        for m in letter.mentions:
            assert letter.text[m.start : m.end] == m.surface
        for f in letter.footnotes:
            assert letter.text[f.start : f.end] == f.text
            assert letter.text[f.ref_start : f.ref_end] == f.marker


def test_name_with_acronym_in_parentheses_is_one_mention(inf, cse):
    surfaces = [m.surface for m in cse.explicit_mentions]
    assert "Verdrag inzake Conventionele Strijdkrachten in Europa (CSE-verdrag)" in surfaces
    assert "Intermediate-Range Nuclear Forces (INF) verdrag" in surfaces
    assert "New Strategic Arms Reduction Treaty (New START)" in surfaces
    assert "Alomvattend Kernstopverdrag (CTBT)" in surfaces
    assert "Verdrag inzake het Open Luchtruim (OST)" in surfaces
    assert inf.explicit_mentions[0].surface == "INF-verdrag (Intermediate-Range Nuclear Forces)"


def test_mentions_in_footnotes_count(inf):
    note = inf.footnotes[0]
    inside = [m for m in inf.explicit_mentions if note.start <= m.start < note.end]
    assert [m.surface for m in inside] == ["INF-verdrag"]


def test_lookalikes_are_not_mentions(cse):
    assert "NPT" not in cse.mention_counts()
    npdi = cse.text.index("Non-Proliferation and Disarmament Initiative")
    assert not any(m.start <= npdi < m.end for m in cse.mentions)


def test_het_verdrag_is_implicit_never_explicit(inf, cse):
    implicit = [m for m in inf.mentions if m.kind == "implicit"]
    assert [m.surface for m in implicit] == [
        "Dit verdrag",
        "het verdrag",
        "dit belangrijke verdrag",
        "het verdrag",
    ]
    assert all(m.treaty == "INF" for m in implicit)
    assert {m.treaty for m in cse.mentions if m.kind == "implicit"} == {"CSE"}


def test_references(inf, cse):
    refs = [(r.kind, r.dossier, r.chapter, r.number, r.label) for r in cse.references]
    assert refs == [
        ("kamerstuk", "36120", "X", None, None),
        ("kamerstuk", "36120", "K", None, None),
        ("handelingen", None, None, "38", "Handelingen I 2021/22"),
        ("motie", None, None, None, "Jasper van Dijk"),
        ("kamerstuk", "36200", "V", "30", None),
        ("kamerstuk", "36200", "V", "73", None),
    ]
    assert [(r.kind, inf.text[r.start : r.end]) for r in inf.references] == [
        ("motie", "motie Voordewind"),
        ("kamerstuk", "Kamerstuk 33 694, nr. 30"),
    ]


def test_json_contract(cse):
    data = cse.to_json()
    for key in ("id", "source", "title", "date", "kamerstuk", "vergaderjaar", "addressee",
                "signatories", "text", "footnotes", "mentions", "references"):  # fmt: skip
        assert key in data
    assert data["kamerstuk"] == {"dossier": "33694", "number": "69"}
    assert data["signatories"][0] == {
        "name": "H.G.J. Bruins Slot",
        "role": "Minister van Buitenlandse Zaken",
    }
    assert set(data["footnotes"][0]) == {"marker", "text", "ref_start", "ref_end", "start", "end"}
    assert set(data["mentions"][0]) == {"treaty", "kind", "start", "end", "surface"}
    assert {"kind", "dossier", "number", "start", "end"} <= set(data["references"][-1])
    assert Letter.from_json(data).to_json() == data
    # Keys added for publications of every kind (issue 14).
    assert (data["kind"], data["number"], data["publication"]) == ("brief", "69", "kst-33694-69")
    assert (data["annex_of"], data["date_submitted"], data["submitters"]) == (None, None, [])
    assert data["tables"] == []


def header_letter(dossier_line: str) -> Letter:
    """The bundled 2023 letter with another dossier line in its printed header."""
    text = LETTER_2023.read_text(encoding="utf-8")
    text = text.replace("33 694 Internationale Veiligheidsstrategie", dossier_line)
    return assemble(clean_text(text), "brief.txt", "brief")


@pytest.mark.parametrize(
    "line, dossier, chapter, title, label",
    [
        ("21 501-02 Raad Algemene Zaken en Raad Buitenlandse Zaken", "21501-02", None,
         "Raad Algemene Zaken en Raad Buitenlandse Zaken", "21 501-02, nr. 69"),
        ("36 410 VIII Vaststelling van de begrotingsstaten van het Ministerie van Onderwijs",
         "36410", "VIII", "Vaststelling van de begrotingsstaten van het Ministerie van Onderwijs",
         "36 410 VIII, nr. 69"),
        ("36 200 V Vaststelling van de begrotingsstaten", "36200", "V",
         "Vaststelling van de begrotingsstaten", "36 200 V, nr. 69"),
    ],
)  # fmt: skip
def test_header_dossier_with_sub_dossier_or_chapter(line, dossier, chapter, title, label):
    meta = header_letter(line).meta
    assert meta.kamerstuk == Kamerstuk(dossier, "69", chapter)
    assert (meta.dossier_title, meta.kamerstuk.label()) == (title, label)
    assert meta.document_kind == "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE"


def test_header_kind_heading_stops_where_the_body_starts():
    # A typeset PDF runs the body on right under the heading, without a blank line.
    text = (
        "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2020–2021\n\n"
        "32 545 Wet- en regelgeving financiële markten\n\n"
        "Nr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN\nGRINWIS\nVoorgesteld 6 juli 2021\n"
        "De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering iets te doen,\n"
        "en gaat over tot de orde van de dag.\nInge van Dijk\nGrinwis\n"
    )
    letter = assemble(clean_text(text), "motie.txt", "motie")
    assert letter.meta.document_kind == "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"
    assert [(b.kind, letter.text[b.start : b.end]) for b in letter.blocks] == [
        (BlockKind.DATELINE, "Voorgesteld 6 juli 2021"),
        (BlockKind.PARAGRAPH, "De Kamer,"),
        (BlockKind.PARAGRAPH, "gehoord de beraadslaging,"),
        (BlockKind.PARAGRAPH, "verzoekt de regering iets te doen,"),
        (BlockKind.PARAGRAPH, "en gaat over tot de orde van de dag."),
        (BlockKind.SIGNATURE, "Inge van Dijk\nGrinwis"),
    ]
    assert letter.meta.title == "Motie van de leden Inge van Dijk en Grinwis"
    assert (letter.meta.kind, letter.meta.date) == ("motie", "2021-07-06")


@pytest.mark.parametrize(
    "parts, text",
    [
        (["op 9 mei 2023", NoteRef("1"), " heb ik"], "op 9 mei 2023\u202f1 heb ik"),
        (["aan te scherpen", NoteRef("2"), " en"], "aan te scherpen\u202f2 en"),
        (["duurzamer zijn.", NoteRef("3")], "duurzamer zijn.3"),  # punctuation parts them
        (["(nr. 30)", NoteRef("4"), ", zie"], "(nr. 30)4, zie"),
        (["een teken", NoteRef("*")], "een teken*"),
    ],
)
def test_a_marker_never_joins_the_word_before_it(parts, text):
    draft = Draft(blocks=[DraftBlock(BlockKind.PARAGRAPH, parts)], notes={parts[1].marker: "x"})
    letter = assemble(draft, "x.txt", "x")
    assert letter.text.startswith(text)
    (note,) = letter.footnotes
    assert letter.text[note.ref_start : note.ref_end] == parts[1].marker
