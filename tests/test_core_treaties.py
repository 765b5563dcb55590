"""The gazetteer and the mention finder beyond the bundled letters."""

from __future__ import annotations

import pytest

from desktop.core.ingest.treaties import Gazetteer, Treaty, gazetteer, load_treaties
from desktop.resources import resource

REQUIRED = ["INF", "CSE", "NEW-START", "CTBT", "OST", "VIENNA-DOC", "NPT", "TPNW", "ABM", "START",
            "SALT", "CWC", "BWC", "ATT", "OTTAWA", "CCM", "OUTER-SPACE"]  # fmt: skip


def found(text: str) -> list[tuple[str, str]]:
    return [(m.treaty, m.surface) for m in gazetteer().find(text, implicit=False)]


def test_gazetteer_holds_every_required_treaty_with_facts():
    treaties = gazetteer().treaties
    assert list(treaties)[: len(REQUIRED)] == REQUIRED
    colours = [t.colour for t in treaties.values()]
    assert len(set(colours)) == len(colours)
    for t in treaties.values():
        assert t.name_nl and t.name_en and t.full_name_nl and t.full_name_en
        assert t.status_nl and t.status_date and t.source.startswith("https://")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("het CFE-verdrag", [("CSE", "CFE-verdrag")]),
        ("Het Verdrag inzake het Open Luchtruim", [("OST", "Verdrag inzake het Open Luchtruim")]),
        ("de Treaty on Open Skies", [("OST", "Treaty on Open Skies")]),
        ("het NPV en het NPT", [("NPT", "NPV"), ("NPT", "NPT")]),
        ("New START en START", [("NEW-START", "New START"), ("START", "START")]),
        ("een start maken", []),
        ("de OVSE", []),
        ("INF-raketten", []),
        ("het Chemisch Wapenverdrag", [("CWC", "Chemisch Wapenverdrag")]),
        ("Alomvattend\nKernstopverdrag (CTBT)", [("CTBT", "Alomvattend\nKernstopverdrag (CTBT)")]),
        ("INF-verdrag (Intermediate-Range Nuclear Forces)",
         [("INF", "INF-verdrag (Intermediate-Range Nuclear Forces)")]),
        ("het Intermediate-Range Nuclear Forces (INF-) verdrag",
         [("INF", "Intermediate-Range Nuclear Forces (INF-) verdrag")]),
        ("het Intermediate-Range Nuclear Forces (INF-)verdrag",
         [("INF", "Intermediate-Range Nuclear Forces (INF-)verdrag")]),
        ("wapenbeheersingsverdragen en verdragspartijen", []),
        ("het Non-Proliferation and Disarmament Initiative (NPDI)", []),
    ],
)  # fmt: skip
def test_mentions(text, expected):
    assert found(text) == expected


def test_adding_a_treaty_is_a_data_change(tmp_path):
    toml = resource("treaties.toml").read_text(encoding="utf-8")
    toml += (
        '\n["PTBT"]\nlabel = "PTBT"\ncolour = "#000000"\nname_nl = "Gedeeltelijk Kernstopverdrag"\n'
        'name_en = "Partial Test Ban Treaty"\nacronyms = ["PTBT"]\nnames = ["Partial Test Ban Treaty"]\n'
    )
    path = tmp_path / "treaties.toml"
    path.write_text(toml, encoding="utf-8")
    g = Gazetteer(load_treaties(path))
    assert [(m.treaty, m.surface) for m in g.find("het PTBT-verdrag")] == [("PTBT", "PTBT-verdrag")]
    assert isinstance(g.treaties["PTBT"], Treaty)
