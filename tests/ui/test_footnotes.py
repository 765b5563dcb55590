"""Footnotes: a superscript link in the text, the note in the notes section, and back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from desktop.ui.letter_document import FOOTNOTE_PROPERTY

from .conftest import click_position, selected_text

NOTE_2018 = "President Poetin noemde het INF-verdrag bijvoorbeeld «achterhaald»"


def test_clicking_a_marker_scrolls_to_and_selects_its_note(window, qtbot):
    pane = window.panes[0]
    view = pane.view
    marker = pane.rendered.markers["1"]
    view.verticalScrollBar().setValue(0)
    click_position(qtbot, view, marker.start)
    assert selected_text(view).startswith(NOTE_2018)
    note = pane.rendered.notes["1"]
    assert view.is_visible_position(note.start)


def test_the_back_link_returns_to_the_marker(window, qtbot):
    pane = window.panes[0]
    view = pane.view
    click_position(qtbot, view, pane.rendered.markers["1"].start)
    backlink = view.document().find("\u21a9")  # the ↩ after the note
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    click_position(qtbot, view, backlink.selectionStart())
    marker = pane.rendered.markers["1"]
    assert view.textCursor().selectionStart() == marker.start
    assert selected_text(view) == "1"
    assert view.is_visible_position(marker.start)


def test_a_marker_is_a_superscript_link_whose_tooltip_is_the_note(window):
    pane = window.panes[0]
    marker = pane.rendered.markers["1"]
    cursor = pane.view.textCursor()
    cursor.setPosition(marker.end)
    fmt = cursor.charFormat()
    assert fmt.property(FOOTNOTE_PROPERTY) == "1"
    assert fmt.isAnchor() and fmt.anchorHref() == "note:1"
    assert fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
    assert NOTE_2018 in fmt.toolTip()


def test_no_footnote_is_lost_or_shown_in_the_running_text(window):
    for pane in window.panes:
        text = pane.view.document().toPlainText()
        notes_start = text.index("\nNotes\n")
        for note in pane.letter.footnotes:
            assert text.count(note.text) == 1
            assert text.index(note.text) > notes_start


def test_the_footnotes_list_jumps_to_a_note_in_the_focused_pane(window, qtbot):
    window.focus_pane(1)
    window.lower_tabs.setCurrentWidget(window.notes_panel)
    notes = window.notes_panel.list
    assert notes.count() == 1
    rect = notes.visualItemRect(notes.item(0))
    qtbot.mouseClick(notes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected_text(window.panes[1].view) == "Kamerstuk 36 200-V, nr. 73."
