"""The treaty panel beyond the gazetteer: treaties it lacks listed by name in a neutral
colour, the chosen treaty's card with its Tractatenblad citations and the "het verdrag"
read as it, and the tooltip that says which treaty an implicit mention was tied to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from desktop.core.ingest.treaties import OTHER, gazetteer

LETTER = (
    "Den Haag, 1 maart 2024\n\nHet EVRM (Trb. 1951, 154) en het Verdrag van Aarhus gelden "
    "hier. Het Verdrag van Aarhus (Trb. 1998, 289) geeft burgers inspraak. Het verdrag is "
    "in 1998 gesloten.\n"
)


def open_aarhus(make_window, library, tmp_path):
    path = tmp_path / "aarhus.txt"
    path.write_text(LETTER, encoding="utf-8")
    library.add([path])
    window = make_window()
    assert window.open_letter("aarhus", 1)
    return window


def click(qtbot, panel, treaty_id, name=None):
    table = panel.table
    rect = table.visualItemRect(panel.item_for(treaty_id, name))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_treaties_outside_the_gazetteer_are_listed_by_name(make_window, library, tmp_path, qtbot):
    panel = open_aarhus(make_window, library, tmp_path).treaty_panel
    assert panel.treaty_ids() == ["INF", "ECHR", "NPT", OTHER]  # "other" last, apart
    assert panel.counts(OTHER) == (0, 2)
    assert panel.other_names() == ["Verdrag van Aarhus"]
    assert panel.counts(OTHER, "Verdrag van Aarhus") == (0, 2)
    click(qtbot, panel, OTHER, "Verdrag van Aarhus")
    assert panel.current_treaty() == OTHER
    card = panel.card.text()
    assert "Verdrag van Aarhus" in card and "Trb. 1998, 289 (right)" in card
    assert "0 left, 1 right" in card  # "Het verdrag" read as this treaty


def test_the_card_shows_the_gazetteer_facts_and_citations(make_window, library, tmp_path, qtbot):
    window = open_aarhus(make_window, library, tmp_path)
    panel = window.treaty_panel
    assert not panel.card_area.isVisible()
    click(qtbot, panel, "ECHR")
    assert panel.card_area.isVisible()
    card = panel.card.text()
    for words in ("Europees Verdrag voor de Rechten van de Mens", "Mensenrechten",
                  "4 november 1950", "Trb. 1951, 154 (right)"):  # fmt: skip
        assert words in card, words
    click(qtbot, panel, "ECHR")  # again: nothing chosen, no card
    assert panel.current_treaty() is None and not panel.card_area.isVisible()


def test_an_other_treaty_is_highlighted_neutral_and_named_on_hover(make_window, library, tmp_path):
    window = open_aarhus(make_window, library, tmp_path)
    document = window.panes[1].view.document()
    fmt = document.find("Verdrag van Aarhus").charFormat()
    assert fmt.underlineColor().name() == gazetteer().treaties[OTHER].colour.lower()
    assert fmt.background().style() != Qt.BrushStyle.NoBrush
    assert "Verdrag van Aarhus" in fmt.toolTip() and "not in the treaty gazetteer" in fmt.toolTip()
    implicit = document.find("Het verdrag", 0, QTextDocument.FindFlag.FindCaseSensitively)
    implicit = implicit.charFormat()
    assert implicit.underlineStyle() == implicit.UnderlineStyle.DotLine
    assert "read here as this treaty" in implicit.toolTip()
    assert "Verdrag van Aarhus" in implicit.toolTip()
