"""The treaty view: opened from the treaty panel and from a mention, its timeline, the
passages, filters, side by side, compare wording, copy and export; printing a letter."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QToolTip

from desktop.bench import corpus
from desktop.core.history.passages import letter_passages
from desktop.core.ingest.treaties import gazetteer
from desktop.core.model.citation import quote
from desktop.ui.theme import LIGHT

from .conftest import ID_2018, ID_2023, OFFSCREEN_LIMITS, selected_text

CITE_2018 = "Brief van de minister van Buitenlandse Zaken van 27 november 2018"
CITE_2023 = "Kamerstukken II 2023/24, 33 694, nr. 69"
URL_2023 = "https://zoek.officielebekendmakingen.nl/kst-33694-69.html"
FIRST_WORDS = [
    "Het INF-verdrag (Intermediate-Range Nuclear Forces) is meer",
    "Inlichtingen bevestigen nu dat Rusland het",
    "Echter, Rusland is niet ingegaan op",
    "Nu de Russische schending van het",
    "De NAVO-bondgenoten moeten de Russische schending",
    "Indien Rusland ondanks alles het INF-verdrag",
    "Dit laat onverlet dat Nederland het",
    "De onzekere toekomst van het INF-verdrag",
    "1 President Poetin noemde het INF-verdrag",
    "Zoals ook aangegeven in de kabinetsreactie",
]


def double_click(qtbot, viewport, position: QPoint) -> None:
    """Press, release, then the double click: QTest's mouseDClick sends only the last."""
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=position)


def open_history(qtbot, window, treaty: str = "INF"):
    """Double-click the treaty's row in the treaty panel, as a reader does."""
    panel = window.treaty_panel
    rect = panel.table.visualItemRect(panel.item_for(treaty))
    view = window.treaty_history.view
    with qtbot.waitSignal(view.ready, timeout=10000):
        double_click(qtbot, panel.table.viewport(), rect.center())
    return view


def select_rows(view, *rows: int) -> None:
    selection = view.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(view.model.index(row, 0), flags)


def click_row(qtbot, view, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def choose_in_menu(qtbot, text: str, opener) -> None:
    """Run *opener*, which shows a context menu, and choose the entry starting with *text*."""
    chosen = []

    def pick():
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        action = next(a for a in menu.actions() if a.text().startswith(text))
        chosen.append(action.text())
        menu.hide()
        action.trigger()

    QTimer.singleShot(0, pick)
    opener()
    qtbot.waitUntil(lambda: bool(chosen))


# -- opening ------------------------------------------------------------------------------


def test_double_clicking_a_treaty_shows_its_history(window, qtbot):
    view = open_history(qtbot, window, "CSE")
    assert window.treaty_history.isVisible()
    assert view.current_treaty() == "CSE"
    assert view.treaty_box.currentData() == "CSE"
    expected = letter_passages(window.library.get(ID_2023), "CSE")
    assert [view.model.passage(r).start for r in range(view.model.rowCount())] == [
        p.start for p in expected
    ]
    assert len(expected) >= 8


def test_double_clicking_a_treaty_chooses_it_once_and_keeps_it(window, qtbot):
    chosen = []
    window.state.treaty_changed.connect(chosen.append)
    open_history(qtbot, window, "CSE")
    assert chosen == ["CSE"]  # the first click chose it; the double-click kept it
    assert window.state.treaty == "CSE" and window.treaty_panel.current_treaty() == "CSE"
    open_history(qtbot, window, "CSE")  # again, on the chosen treaty: still chosen after
    assert window.state.treaty == "CSE"


def test_enter_on_a_treaty_row_toggles_its_emphasis(window, qtbot):
    table = window.treaty_panel.table
    table.setFocus()
    table.setCurrentItem(window.treaty_panel.item_for("INF"))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.state.treaty == "INF"
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.state.treaty is None
    assert not window.treaty_history.isVisible()


def test_at_1024_by_700_the_dock_has_room_for_its_passages(make_window, qtbot):
    window = make_window(size=(1024, 700))
    view = open_history(qtbot, window, "INF")
    dock = window.treaty_history
    qtbot.waitUntil(lambda: dock.height() >= 300)
    assert window.width() == 1024  # nothing in the dock widens the window
    rows = view.table.viewport().height() // view.table.rowHeight(0)
    assert rows >= 5
    assert view.timeline.height() >= 80
    # The dock opens under the letters: the side column keeps its height.
    assert window.library_panel.list_view.height() >= 150
    side = window.side_splitter
    assert dock.mapTo(window, QPoint(0, 0)).x() > side.mapTo(window, QPoint(side.width(), 0)).x()


def test_the_dock_is_kept_shown_floating_and_sized_between_sessions(make_window, qtbot, settings):
    window = make_window()
    open_history(qtbot, window, "CSE")
    dock = window.treaty_history
    window.reading_area.resizeDocks([dock], [410], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: dock.height() == 410)
    window.close()
    again = make_window(store=settings)
    dock = again.treaty_history
    qtbot.waitUntil(lambda: dock.isVisible() and dock.view.model.rowCount() > 0)
    assert dock.view.current_treaty() == "CSE"
    assert dock.height() == 410
    dock.setFloating(True)
    again.close()
    third = make_window(store=settings)
    qtbot.waitUntil(lambda: third.treaty_history.isVisible())
    assert third.treaty_history.isFloating()
    third.treaty_history.close()
    third.close()
    fourth = make_window(store=settings)
    assert not fourth.treaty_history.isVisible()


def test_the_windows_shortcuts_work_in_the_floating_dock(window, qtbot):
    view = open_history(qtbot, window, "INF")
    dock = window.treaty_history
    dock.setFloating(True)
    qtbot.waitUntil(dock.isFloating)
    view.table.setFocus()
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not dock.isVisible()  # Ctrl+Shift+H: View › Treaty history, off


def right_click(widget, position: QPoint) -> None:
    """What the platform sends on a right click: a context menu event at the position."""
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, position, widget.mapToGlobal(position)
    )
    QApplication.sendEvent(widget, event)


# A popup menu asks the platform for the keyboard; the offscreen platform says it cannot.
@pytest.mark.qt_log_ignore(
    OFFSCREEN_LIMITS, r"^This plugin does not support grabbing the keyboard$"
)
def test_the_treaty_panels_menu_and_a_mentions_menu_open_the_history(window, qtbot):
    panel, view = window.treaty_panel, window.treaty_history.view
    rect = panel.table.visualItemRect(panel.item_for("NPT"))
    with qtbot.waitSignal(view.ready, timeout=10000):
        choose_in_menu(
            qtbot, "Treaty history", lambda: right_click(panel.table.viewport(), rect.center())
        )
    assert view.current_treaty() == "NPT"
    letter_view = window.panes[1].view
    cursor = letter_view.document().find("CSE-verdrag")
    cursor.setPosition(cursor.selectionStart() + 2)
    position = letter_view.cursorRect(cursor).center()
    with qtbot.waitSignal(view.ready, timeout=10000):
        choose_in_menu(
            qtbot, "Treaty history of CSE", lambda: right_click(letter_view.viewport(), position)
        )
    assert view.current_treaty() == "CSE"


def test_view_menu_toggles_the_history(window, qtbot):
    view = window.treaty_history.view
    with qtbot.waitSignal(view.ready, timeout=10000):
        window.action("treaty_history").trigger()
    assert window.treaty_history.isVisible() and view.current_treaty() == "INF"
    window.action("treaty_history").trigger()
    assert not window.treaty_history.isVisible()


# -- the timeline -------------------------------------------------------------------------


@pytest.fixture
def grown_library(library, tmp_path):
    """The bundled letters and a dozen generated ones, spread over 2008-2025."""
    library.add(corpus.generate(tmp_path / "generated", 12, huge=False))
    return library


def test_the_timeline_has_one_mark_per_letter_at_its_date_with_its_count(
    make_window, grown_library, qtbot
):
    window = make_window(grown_library)
    view = open_history(qtbot, window, "INF")
    timeline = view.timeline
    lane = timeline.lanes()[0]
    expected = sorted(
        (e.date, e.id, e.treaties["INF"]) for e in grown_library.entries() if e.treaties.get("INF")
    )
    assert [(m.letter.date, m.letter.id, m.count) for m in lane.marks] == expected
    assert len(lane.marks) >= 12
    rects = [timeline.mark_rect(0, m) for m in lane.marks]
    for mark, rect in zip(lane.marks, rects, strict=True):
        assert rect.center().x() == pytest.approx(
            timeline.x_of(date.fromisoformat(mark.letter.date).toordinal())
        )
    by_count = sorted(zip((m.count for m in lane.marks), (r.height() for r in rects), strict=True))
    assert all(h1 <= h2 for (_, h1), (_, h2) in zip(by_count, by_count[1:], strict=False))
    assert by_count[0][1] < by_count[-1][1]  # fmt: skip


def test_hovering_a_mark_shows_title_date_kamerstuk_and_count(make_window, grown_library, qtbot):
    window = make_window(grown_library)
    timeline = open_history(qtbot, window, "INF").timeline
    lane = timeline.lanes()[0]
    mark = next(m for m in lane.marks if m.letter.id == ID_2023)
    point = timeline.mark_rect(0, mark).center().toPoint()
    assert timeline.mark_at(point)[1].letter.id == ID_2023
    qtbot.mouseMove(timeline, point)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text().splitlines() == [
        "Internationale Veiligheidsstrategie",
        "16 november 2023 · Kamerstuk 33 694, nr. 69",
        "1 mention of INF",
    ]


def test_clicking_a_mark_opens_the_letter_at_its_first_mention(window, qtbot):
    window.focus_pane(1)
    timeline = open_history(qtbot, window, "INF").timeline
    marks = {m.letter.id: m for m in timeline.lanes()[0].marks}
    window.panes[0].clear()
    window.panes[1].clear()
    with qtbot.waitSignal(window.panes[1].letter_opened):
        qtbot.mouseClick(
            timeline,
            Qt.MouseButton.LeftButton,
            pos=timeline.mark_rect(0, marks[ID_2023]).center().toPoint(),
        )
    right = window.panes[1]
    assert right.current_id() == ID_2023
    assert selected_text(right.view) == "Intermediate-Range Nuclear Forces (INF) verdrag"
    assert right.view.is_visible_position(right.view.textCursor().selectionStart())
    point = timeline.mark_rect(0, marks[ID_2018]).center().toPoint()
    with qtbot.waitSignal(window.panes[0].letter_opened):
        qtbot.mouseClick(
            timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point
        )
    left = window.panes[0]
    assert left.current_id() == ID_2018  # Ctrl: the other pane
    assert selected_text(left.view) == "INF-verdrag (Intermediate-Range Nuclear Forces)"
    assert right.current_id() == ID_2023  # fmt: skip


def test_the_timeline_zooms_and_pans(make_window, grown_library, qtbot):
    window = make_window(grown_library)
    timeline = open_history(qtbot, window, "INF").timeline
    first, last = timeline.visible_range()
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    narrower = timeline.visible_range()
    assert (narrower[1] - narrower[0]) < (last - first)
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    panned = timeline.visible_range()
    assert panned[0] > narrower[0]
    assert abs((panned[1] - panned[0]).days - (narrower[1] - narrower[0]).days) <= 1  # same span
    middle = QPoint(timeline.width() // 2, timeline.height() // 2)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(timeline, middle + QPoint(80, 0))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=middle + QPoint(80, 0))
    assert timeline.visible_range()[0] < panned[0]  # dragged right: earlier years come in
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert timeline.visible_range() == (first, last)


def test_following_the_search_keeps_only_matching_letters(window, qtbot):
    view = open_history(qtbot, window, "INF")
    assert len(view.timeline.lanes()[0].marks) == 2
    with qtbot.waitSignal(window.search_panel.result_shown, timeout=10000):
        window.search_panel.search_box.setText("kruisvluchtwapens")
        window.search_panel.run_search()
    qtbot.mouseClick(
        view.follow_box, Qt.MouseButton.LeftButton, pos=QPoint(8, view.follow_box.height() // 2)
    )
    assert [m.letter.id for m in view.timeline.lanes()[0].marks] == [ID_2018]
    assert {view.model.passage(r).letter_id for r in range(view.model.rowCount())} == {ID_2018}
    view.follow_box.setChecked(False)
    assert len(view.timeline.lanes()[0].marks) == 2  # fmt: skip


def test_other_treaties_get_lanes_of_their_own(window, qtbot):
    view = open_history(qtbot, window, "INF")
    view.set_also(["CSE"])
    lanes = view.timeline.lanes()
    assert [(lane.treaty, [(m.letter.id, m.count) for m in lane.marks]) for lane in lanes] == [
        ("INF", [(ID_2018, 13), (ID_2023, 1)]),
        ("CSE", [(ID_2023, 12)]),
    ]


# -- passages -----------------------------------------------------------------------------


def test_the_passages_are_the_paragraphs_the_parser_marks_oldest_first(window, qtbot):
    view = open_history(qtbot, window, "INF")
    view.model.fetch_all()
    passages = view.model.passages()
    assert [p.text[: len(w)] for p, w in zip(passages, FIRST_WORDS, strict=True)] == FIRST_WORDS
    assert [p.date for p in passages] == ["2018-11-27"] * 9 + ["2023-11-16"]
    assert view.model.index(9, 2).data() == CITE_2023
    assert view.model.index(0, 0).data() == "27 november 2018"
    assert "2 letters mention INF" in view.status.text()
    assert "10 passages" in view.status.text()


def test_year_and_text_filters_narrow_the_list(window, qtbot):
    view = open_history(qtbot, window, "INF")
    view.from_box.setValue(2020)
    assert [view.model.passage(r).letter_id for r in range(view.model.rowCount())] == [ID_2023]
    view.from_box.setValue(view.from_box.minimum())  # "any"
    qtbot.keyClicks(view.filter_box, "kruisvluchtwapen")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert view.model.passage(0).text.startswith("Het INF-verdrag")
    view.filter_box.setText('"niet gesloten')
    qtbot.waitUntil(lambda: "Filter:" in view.status.text())
    assert view.model.rowCount() == 0


def test_double_clicking_a_passage_opens_its_letter_there(window, qtbot):
    view = open_history(qtbot, window, "INF")
    window.focus_pane(0)
    window.panes[0].clear()
    passage = view.model.passage(3)
    rect = view.table.visualRect(view.model.index(3, 1))
    with qtbot.waitSignal(window.panes[0].letter_opened):
        double_click(qtbot, view.table.viewport(), rect.center())
    view_ = window.panes[0].view
    assert selected_text(view_) == passage.text
    assert view_.is_visible_position(view_.textCursor().selectionStart())


def test_two_passages_open_side_by_side_at_their_passages(window, qtbot):
    view = open_history(qtbot, window, "INF")
    window.panes[0].clear()
    window.panes[1].clear()
    click_row(qtbot, view, 9)
    click_row(qtbot, view, 1, Qt.KeyboardModifier.ControlModifier)
    assert view.pair_button.isEnabled() and not view.open_button.isEnabled()
    qtbot.mouseClick(view.pair_button, Qt.MouseButton.LeftButton)
    left, right = window.panes
    assert (left.current_id(), right.current_id()) == (ID_2018, ID_2023)  # older left
    assert selected_text(left.view).startswith("Inlichtingen bevestigen nu dat Rusland")
    assert selected_text(right.view).startswith("Zoals ook aangegeven in de kabinetsreactie")
    for pane in (left, right):
        assert pane.view.is_visible_position(pane.view.textCursor().selectionStart())


def test_compare_wording_marks_the_words_that_changed(window, qtbot):
    view = open_history(qtbot, window, "INF")
    select_rows(view, 7, 9)
    qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    dialog = view.compare_dialog
    qtbot.waitExposed(dialog)
    assert dialog.older.letter_id == ID_2018 and dialog.newer.letter_id == ID_2023
    old_runs, new_runs = dialog.marked_runs("old"), dialog.marked_runs("new")
    assert (
        old_runs[0] == "De onzekere toekomst van het INF-verdrag maakt ook de actieve Nederlandse"
    )
    assert old_runs[1] == "het bredere vlak van nucleaire"
    assert old_runs[2].startswith("des te pertinenter.")
    assert new_runs[0].startswith("Zoals ook aangegeven in de kabinetsreactie")
    assert new_runs[1].startswith("aanzienlijk bemoeilijkt.")
    assert "wapenbeheersing en ontwapening" not in "".join(old_runs + new_runs)
    assert dialog.summary.text().startswith(
        f"{round(dialog.comparison.similarity * 100)}% of the words"
    )
    window.panes[0].clear()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert (window.panes[0].current_id(), window.panes[1].current_id()) == (ID_2018, ID_2023)
    dialog.close()


def test_copy_puts_the_passages_with_their_citations_on_the_clipboard(window, qtbot):
    view = open_history(qtbot, window, "INF")
    click_row(qtbot, view, 9)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    passage = view.model.passage(9)
    assert QGuiApplication.clipboard().text() == quote(passage.text, CITE_2023)
    assert QGuiApplication.clipboard().text().endswith("\u201d \u2014 " + CITE_2023)


# -- export -------------------------------------------------------------------------------


def save_to(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_export_chosen_passages_as_csv(window, qtbot, tmp_path, monkeypatch):
    view = open_history(qtbot, window, "INF")
    select_rows(view, 0, 9)
    save_to(monkeypatch, tmp_path / "inf.csv")
    with qtbot.waitSignal(view.exported):
        view.export_actions[("csv", True)].trigger()
    raw = (tmp_path / "inf.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets then read the accents right
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [(r["treaty"], r["date"], r["citation"], r["url"]) for r in rows] == [
        ("INF", "2018-11-27", CITE_2018, ""),
        ("INF", "2023-11-16", CITE_2023, URL_2023),
    ]
    assert rows[0]["passage"].startswith("Het INF-verdrag (Intermediate-Range Nuclear Forces)")
    assert rows[1]["kamerstuk"] == "33 694, nr. 69"


def test_export_all_passages_as_markdown(window, qtbot, tmp_path, monkeypatch):
    view = open_history(qtbot, window, "INF")
    save_to(monkeypatch, tmp_path / "inf.md")
    with qtbot.waitSignal(view.exported, timeout=10000):
        view.export_actions[("markdown", False)].trigger()
    text = (tmp_path / "inf.md").read_text(encoding="utf-8")
    assert text.startswith(
        "# INF-verdrag\n\n## 27 november 2018 · INF-verdrag: brief van 27 november 2018\n"
    )
    assert f"\n{CITE_2018}\n" in text and f"[{CITE_2023}]({URL_2023})" in text
    assert text.count("\n> ") == 10
    assert "> Het **INF-verdrag (Intermediate-Range Nuclear Forces)** is meer" in text


def test_export_passages_as_pdf(window, qtbot, tmp_path, monkeypatch):
    view = open_history(qtbot, window, "INF")
    select_rows(view, 0, 9)
    save_to(monkeypatch, tmp_path / "inf.pdf")
    with qtbot.waitSignal(view.exported):
        view.export_actions[("pdf", True)].trigger()
    text = pdf_text(tmp_path / "inf.pdf")
    for words in (
        "INF-verdrag",
        CITE_2018,
        CITE_2023,
        "Zoals ook aangegeven in de kabinetsreactie",
    ):
        assert words in text


# -- printing -----------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    """The PDF's text with lines joined (a hyphen broken at a line end is U+FFFE there)."""
    pdf = pdfium.PdfDocument(path)
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return " ".join(text.replace("\ufffe", "-").split())


def test_export_as_pdf_prints_the_letter_with_its_highlights_and_footnotes(
    window, qtbot, tmp_path, monkeypatch
):
    window.focus_pane(0)
    save_to(monkeypatch, tmp_path / "letter.pdf")
    window.action("export_pdf").trigger()
    path = tmp_path / "letter.pdf"
    text = pdf_text(path)
    assert text.startswith("INF-verdrag: brief van 27 november 2018 · " + CITE_2018[:20])
    assert "INF-verdrag: brief van 27 november 2018 " + CITE_2018 + " Aan de Voorzitter" in text
    assert "Het INF-verdrag (Intermediate-Range Nuclear Forces) is meer dan dertig jaar" in text
    assert "1 President Poetin noemde het INF-verdrag bijvoorbeeld «achterhaald»" in text
    assert text.index("President Poetin") > text.index("S.A. Blok")  # the notes at the end
    assert "\u21a9" not in text
    assert painted_under(path, "INF-verdrag (Intermediate-Range", LIGHT.tint(gazetteer().treaties["INF"].colour))  # fmt: skip


@pytest.mark.parametrize(
    ("language", "heading", "other"), [("nl", "Noten", "Notes"), ("en", "Notes", "Noten")]
)
def test_the_printed_notes_heading_follows_the_interface_language(
    window, qtbot, tmp_path, monkeypatch, language, heading, other
):
    window.set_language(language)
    window.focus_pane(0)
    save_to(monkeypatch, tmp_path / "letter.pdf")
    window.action("export_pdf").trigger()
    text = pdf_text(tmp_path / "letter.pdf").casefold()
    assert f"{heading.casefold()} 1 president poetin" in text
    assert re.search(rf"\b{other.casefold()}\b", text) is None


def painted_under(path: Path, words: str, colour) -> bool:
    """Whether a rectangle in *colour* lies under the first character of *words*."""
    import ctypes

    pdf = pdfium.PdfDocument(path)
    wanted = colour.getRgb()[:3]
    for page in pdf:
        found = page.get_textpage().search(words).get_next()
        if not found:
            continue
        left, bottom, right, top = page.get_textpage().get_charbox(found[0])
        for obj in page.get_objects(max_depth=5):
            if obj.type != pdfium_raw.FPDF_PAGEOBJ_PATH:
                continue
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            pdfium_raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
            x0, y0, x1, y1 = obj.get_bounds()
            if (
                (r.value, g.value, b.value) == wanted
                and x0 <= left
                and right <= x1
                and y0 <= bottom
                and top <= y1
            ):
                return True
    return False  # fmt: skip


def test_print_preview_renders_the_focused_letter(window, qtbot):
    window.focus_pane(1)
    dialog = window.treaty_history.printing.preview()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 3)
    dialog.close()


def test_printing_without_a_letter_says_so(window, qtbot):
    window.panes[0].clear()
    window.focus_pane(0)
    assert window.treaty_history.printing.preview() is None
    assert "Open a letter first" in window.statusBar().currentMessage()


def test_an_import_while_the_view_is_open_shows_in_it(window, qtbot, tmp_path):
    view = open_history(qtbot, window, "INF")
    assert len(view.timeline.lanes()[0].marks) == 2
    paths = corpus.generate(tmp_path / "new", 3, huge=False)
    with qtbot.waitSignal(view.ready, timeout=30000):
        window.import_paths(paths)
    assert len(view.timeline.lanes()[0].marks) == 5
    assert view.model.rowCount() > 10
