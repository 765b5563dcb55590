"""Letter text is text: markup shows literally, nothing is ever loaded, links only on a click.
And offsets stay exact when the text holds characters outside the BMP."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor

from desktop.ui.reader_pane import ReaderPane

from .conftest import click_position, highlighted_spans

MARKUP = [
    '<a href="x">',
    "<style>body{color:red}</style>",
    '<img src="file:///etc/passwd">',
    '<img src="http://example.com/x.png">',
    "<script>alert(1)</script>",
]
LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 1 januari 2020

Dit is een brief met {markup} over het INF-verdrag. Zie https://www.rijksoverheid.nl/brief.

De Minister van Buitenlandse Zaken,
S.A. Blok
"""


def import_letter(library, path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    report = library.add([path])
    assert report.new == 1, report.failures
    return path.stem


@pytest.fixture
def markup_id(library, tmp_path) -> str:
    text = LETTER.format(markup=" en ".join(MARKUP))
    return import_letter(library, tmp_path / "opmaak.txt", text)


def test_markup_in_a_letter_is_shown_as_text_and_nothing_is_loaded(make_window, library, markup_id):
    window = make_window()
    pane = window.panes[0]
    assert pane.open_letter(markup_id)
    shown = pane.view.document().toPlainText()
    for piece in MARKUP:
        assert piece in shown
    assert pane.view.load_resource_calls == 0
    assert highlighted_spans(pane.view.document())["INF"] == 1
    # The refusal itself is in place, and counted.
    assert pane.view.loadResource(2, QUrl("file:///etc/passwd")) is None
    assert pane.view.load_resource_calls == 1


def test_an_external_link_opens_in_the_browser_only_on_a_click(
    make_window, library, markup_id, qtbot, monkeypatch
):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window()
    pane = window.panes[0]
    pane.open_letter(markup_id)
    qtbot.wait(50)
    assert opened == []
    link = pane.view.document().find("https://www.rijksoverheid.nl/brief")
    assert link.charFormat().anchorHref() == "https://www.rijksoverheid.nl/brief"
    click_position(qtbot, pane.view, link.selectionStart() + 3)
    assert [u.toString() for u in opened] == ["https://www.rijksoverheid.nl/brief"]
    assert pane.view.load_resource_calls == 0


def test_the_header_escapes_what_the_metadata_holds(qtbot, library):
    from .conftest import ID_2018

    letter = library.get(ID_2018)
    letter.meta = replace(letter.meta, title='<img src="http://example.com/t.png"> titel')
    pane = ReaderPane(lambda _id: letter, {}, _empty_model(), "pane")
    qtbot.addWidget(pane)
    pane.open_letter(ID_2018)
    assert '<img src="http://example.com/t.png"> titel' in pane.header_text()  # as text
    assert "&lt;img" in pane.title_label.toolTip() and "<img" not in pane.title_label.toolTip()
    assert pane.view.load_resource_calls == 0


def _empty_model():
    from desktop.ui.library_model import LibraryModel

    return LibraryModel()


def test_offsets_hold_after_characters_outside_the_bmp(make_window, library, tmp_path):
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
        "Den Haag, 1 januari 2020\n\n"
        "Een groet \U0001f642 en \U0001f1f3\U0001f1f1 voor het INF-verdrag en het CSE-verdrag.\n\n"
        "De Minister van Buitenlandse Zaken,\nS.A. Blok\n"
    )
    letter_id = import_letter(library, tmp_path / "emoji.txt", text)
    window = make_window()
    pane = window.panes[0]
    pane.open_letter(letter_id)
    assert dict(highlighted_spans(pane.view.document())) == {"INF": 1, "CSE": 1}
    for span, mention in pane.rendered.mentions:
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == mention.surface  # exactly the mention, not shifted
    window.treaty_panel.choose("CSE")
    window.focus_pane(0)
    window.step_mention(True)
    assert pane.view.textCursor().selectedText() == "CSE-verdrag"
