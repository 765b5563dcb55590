"""One reading state, owned by the window, observed by the panes, the treaty panel and the
menu: a change from any of them shows in all, and none holds its own copy."""

from __future__ import annotations

from .conftest import highlighted_spans


def test_highlights_off_from_the_state_show_everywhere(window):
    window.state.set_highlights(False)
    assert not window.treaty_panel.highlights_box.isChecked()
    assert not window.action("highlights").isChecked()
    for pane in window.panes:
        assert highlighted_spans(pane.view.document()) == {}
    window.action("highlights").trigger()
    assert window.state.highlights and window.treaty_panel.highlights_box.isChecked()
    assert highlighted_spans(window.panes[0].view.document())["INF"] == 13


def test_folding_without_a_treaty_is_refused_and_shown_as_off(window):
    window.action("fold").trigger()
    assert not window.state.fold
    assert not window.action("fold").isChecked()
    assert not window.treaty_panel.fold_box.isChecked()
    assert "Choose a treaty first" in window.statusBar().currentMessage()


def test_a_treaty_chosen_and_folded_then_cleared_from_the_menu(window):
    window.treaty_panel.choose("INF")
    window.action("fold").trigger()
    assert window.state.folded_to == "INF"
    assert window.treaty_panel.fold_box.isChecked()
    assert all(p.fold == "INF" for p in window.panes)
    window.action("clear_treaty").trigger()  # no treaty: nothing stays folded
    assert window.state.treaty is None and not window.state.fold
    assert window.treaty_panel.current_treaty() is None
    assert not window.treaty_panel.fold_box.isChecked() and not window.action("fold").isChecked()
    assert all(p.fold is None for p in window.panes)
