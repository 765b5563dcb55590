"""Dutch and English: a Dutch locale shows Dutch, the language switches without a restart,
and no text of the window escapes the translation (checked against the .ts the code has)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from desktop.core.library.library import IndexReport
from desktop.core.model.dates import dutch_date
from desktop.core.model.letter import Kamerstuk
from desktop.ui import i18n
from desktop.ui.dialogs import FailuresDialog, ShortcutsDialog
from desktop.ui.formatting import kamerstuk_label
from desktop.ui.i18n import LANGUAGES, source_file
from desktop.ui.library_model import Row

from .conftest import ID_2018, ID_2023
from .test_search import shown_text, type_query, wait_for_results

REPO = Path(__file__).resolve().parents[2]
MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"
FAILED_FILE = "/tmp/x.txt"


def dutch_locale() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))


def notes_heading_shown(pane, heading: str) -> bool:
    return f"\n{heading}\n" in pane.view.document().toPlainText()


def test_with_a_dutch_locale_menus_panels_messages_and_dialogs_are_dutch(
    make_window, qtbot, tmp_path
):
    dutch_locale()
    window = make_window()
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar == ["&Bestand", "Be&werken", "Beel&d", "&Ga naar", "&Help"]
    assert window.action("copy").text() == "&Kopiëren met vindplaats"
    assert window.action("find").text() == "&Zoeken in de brief"
    tabs = [window.side_tabs.tabText(i) for i in range(2)]
    tabs += [window.lower_tabs.tabText(i) for i in range(2)]
    assert tabs == ["Bibliotheek", "Zoeken", "Verdragen", "Noten"]
    panel = window.library_panel
    assert panel.count_label.text() == "2 brieven"
    assert panel.filter_box.placeholderText() == "Brieven filteren op titel, datum, kamerstuk…"
    assert panel.treaty_filter.itemText(0) == "Elk verdrag"
    assert window.treaty_panel.table.headerItem().text(0) == "Verdrag"
    assert window.treaty_panel.highlights_box.text() == "Markeringen tonen"
    assert window.treaty_panel.item_for("NPT").text(0) == "NPV"  # the Dutch acronym
    assert window.notes_panel.caption.text() == "1 noot in het linkerpaneel"
    left = window.panes[0]
    assert notes_heading_shown(left, "Noten") and not notes_heading_shown(left, "Notes")
    assert "27 november 2018" in left.header_text()  # dates in Dutch, as in every language
    card = left.view.document().find("INF-verdrag").charFormat().toolTip()
    inf = window.treaties["INF"]
    assert inf.name_nl in card and inf.status_nl in card and "Ondertekend" in card
    assert inf.status_en not in card
    type_query(qtbot, window, "kruisvluchtwapens")
    wait_for_results(qtbot, window.search_panel, 1)
    assert shown_text(window.search_panel.status) == "1 brief gevonden"
    meta = window.search_panel.model.meta(window.search_panel.model.hit(0), 3)
    assert meta == "3 treffers · 27 november 2018"
    window.zoom(1)
    assert window.statusBar().currentMessage().startswith("Tekstgrootte ")
    report = IndexReport(new=3, failures=[("/tmp/a.txt", "/tmp/a.txt: empty file")])
    assert (
        window.import_summary(report) == "3 brieven toegevoegd, 1 bestand kon niet worden gelezen"
    )
    assert window.import_summary(IndexReport(unchanged=4, reread=4)) == (
        "4 brieven opnieuw ingelezen door deze versie"
    )
    assert window.import_summary(IndexReport(unchanged=2)) == (
        "Niets nieuws: 2 brieven stonden al in de bibliotheek"
    )
    dialog = FailuresDialog([("/tmp/leeg.txt", "/tmp/leeg.txt: empty file")], window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sommige bestanden zijn niet geïmporteerd"
    close = dialog.findChild(QDialogButtonBox).buttons()[0]
    assert close.text() == "Sluiten"  # Qt's own strings come in Dutch too
    assert dialog.rows() == [("leeg.txt", "leeg bestand")]  # the parser's reason in Dutch


def test_switching_to_english_takes_effect_without_a_restart(make_window, qtbot, tmp_path):
    dutch_locale()
    store = QSettings(str(tmp_path / "taal.ini"), QSettings.Format.IniFormat)
    window = make_window(store=store)
    assert window.library_panel.count_label.text() == "2 brieven"
    window.action("settings").trigger()
    dialog = window.settings_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Instellingen"
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Volgens het systeem",
        *LANGUAGES.values(),
    ]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End)  # the last choice: English, from the keyboard
    assert box.currentData() == "en"
    box.activated.emit(box.currentIndex())
    assert dialog.windowTitle() == "Settings"
    assert window.library_panel.count_label.text() == "2 letters"
    assert [a.text() for a in window.menuBar().actions()][0] == "&File"
    assert window.side_tabs.tabText(0) == "Library"
    assert window.notes_panel.caption.text() == "1 footnote in the left pane"
    assert window.treaty_panel.item_for("NPT").text(0) == "NPT"  # NPV in Dutch
    left = window.panes[0]
    qtbot.waitUntil(lambda: notes_heading_shown(left, "Notes"))
    card = left.view.document().find("INF-verdrag").charFormat().toolTip()
    assert window.treaties["INF"].status_en in card
    dialog.close()
    window.close()
    again = make_window(store=store, size=None)  # the choice is remembered
    assert again.library_panel.count_label.text() == "2 letters"


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_dutch_translation_is_complete_and_current_with_the_code(tmp_path):
    """Every string the code marks for translation is in the .ts, translated; nothing in
    the .ts is left over from strings the code no longer has."""
    committed = ts_messages(source_file("nl"))
    unfinished = [key for key, m in committed.items() if m.find("translation").get("type")]
    assert unfinished == []
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    sources = sorted(str(p) for p in (REPO / "desktop" / "ui").glob("*.py"))
    subprocess.run(
        [str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    assert set(ts_messages(fresh)) == set(committed)
    for message in committed.values():  # plural messages have both Dutch forms
        if message.get("numerus") == "yes":
            forms = [f.text for f in message.find("translation").iter("numerusform")]
            assert len(forms) == 2 and all(forms), message.findtext("source")


def test_every_counted_phrase_has_its_english_forms():
    """English shows "1 passage" and "10 passages", never "10 passage(s)"."""
    dutch = {k for k, m in ts_messages(source_file("nl")).items() if m.get("numerus") == "yes"}
    english = ts_messages(source_file("en"))
    assert set(english) == dutch
    for key, message in english.items():
        forms = [f.text for f in message.find("translation").iter("numerusform")]
        assert len(forms) == 2 and all(forms) and "(s)" not in "".join(forms), key


# -- no widget text escapes the translation ----------------------------------------------


@pytest.fixture
def marked_dutch(tmp_path, monkeypatch):
    """The Dutch translation with every translated text between ⟦ ⟧: a text of the window
    without the marks did not go through the translation."""
    tree = ET.parse(source_file("nl"))
    for translation in tree.iter("translation"):
        forms = list(translation) or [translation]
        for form in forms:
            form.text = f"{MARK_OPEN}{form.text}{MARK_CLOSE}"
    marked = tmp_path / "kamerbrief_nl.ts"
    tree.write(marked, encoding="utf-8", xml_declaration=True)
    shutil.copy(source_file("en"), tmp_path / "kamerbrief_en.ts")
    monkeypatch.setattr(
        i18n, "source_file", lambda language: tmp_path / f"kamerbrief_{language}.ts"
    )
    dutch_locale()


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return html.unescape(text)


def data_strings(window, library) -> list[str]:
    """What the window shows of letters, treaties and the product, which no translation
    touches."""
    found = {"Kamerbrief Reader", *LANGUAGES.values(), FAILED_FILE}
    for entry in library.entries():
        row = Row.from_entry(entry)
        found |= {row.title, row.id, row.date, row.iso_date, row.kamerstuk, row.label()}
        found |= {row.path, row.year, *(t for t, _ in row.treaties)}
    for letter_id in (ID_2018, ID_2023):
        letter = library.get(letter_id)
        meta = letter.meta
        found |= {meta.title or "", dutch_date(meta.date), kamerstuk_label(meta.kamerstuk)}
        found |= {meta.vergaderjaar or "", *(s.name for s in meta.signatories)}
        found |= {s.role for s in meta.signatories if s.role}
        found |= {f"{n.marker}  {n.text}" for n in letter.footnotes}
        found |= {n.text for n in letter.footnotes}
        for ref in letter.references:  # a reference's tooltip names what it refers to
            found |= {ref.label or "", f"nr. {ref.number}" if ref.number else ""}
            found.add(
                kamerstuk_label(Kamerstuk(ref.dossier, ref.number, ref.chapter))
                if ref.dossier
                else ""
            )
    for treaty in window.treaties.values():
        found |= {treaty.label, treaty.id, treaty.name_nl, treaty.name_en, treaty.full_name_nl}
        found |= {treaty.full_name_en, treaty.status_nl, treaty.source, treaty.netherlands}
        found |= {dutch_date(d) for d in (treaty.signed, treaty.in_force, treaty.status_date)}
    return sorted((s for s in found if s), key=len, reverse=True)


def untranslated_words(text: str, data: list[str]) -> list[str]:
    """The words of *text* that neither came through the translation nor are data."""
    rest = re.sub(f"{MARK_OPEN}.*?{MARK_CLOSE}", " ", plain(text), flags=re.S)
    for value in data:
        rest = rest.replace(value, " ")
    return re.findall(r"[^\W\d_]{2,}", rest)


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())] + [widget.placeholderText()]
        texts += [
            widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "" for i in range(widget.count())
        ]
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        texts += [header.text(c) for c in range(widget.columnCount())]
        for i in range(widget.topLevelItemCount()):
            item = widget.topLevelItem(i)
            texts += [item.toolTip(c) for c in range(widget.columnCount())]
    if isinstance(widget, QListWidget):
        texts += [widget.item(i).toolTip() for i in range(widget.count())]
    if hasattr(widget, "header_text"):
        texts.append(widget.header_text())
    return [t for t in texts if t]


def document_tooltips(document: QTextDocument) -> list[str]:
    """Every tooltip the view puts on a letter: treaty cards, notes, links, references."""
    texts = []
    block = document.begin()
    while block.isValid():
        for item in block:
            tip = item.fragment().charFormat().toolTip()
            if tip:
                texts.append(tip)
        block = block.next()
    return texts


def test_no_text_of_the_window_escapes_the_dutch_translation(
    marked_dutch, make_window, library, qtbot
):
    window = make_window()
    data = data_strings(window, library)
    # Bring out what only shows after something happened: a search, a zoom, dialogs.
    type_query(qtbot, window, "kruisvluchtwapens")
    wait_for_results(qtbot, window.search_panel, 1)
    window.panes[0].open_find()
    window.zoom(1)
    window.action("settings").trigger()
    ShortcutsDialog(list(window.actions.values()), window).show()
    FailuresDialog([(FAILED_FILE, f"{FAILED_FILE}: empty file")], window).show()
    failures = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible() or not (top is window or top.parent() is window):
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if isinstance(widget.parent(), QDialogButtonBox | QTabBar):
                continue  # Qt's own buttons: Qt's own translation (asserted in Dutch above)
            if isinstance(widget, QMessageBox):
                continue
            if widget.objectName().startswith("qt_"):
                continue  # Qt's own parts (a dock's float button): Qt's own translation
            for text in widget_texts(widget):
                words = untranslated_words(text, data)
                if words:
                    failures.append((type(widget).__name__, widget.objectName(), text, words))
    for action in window.actions.values():
        for text in (action.text(), action.toolTip(), action.statusTip()):
            if text and untranslated_words(text, data):
                failures.append(("QAction", action.objectName(), text, []))
    for menu in window.menuBar().actions():
        if untranslated_words(menu.text(), data):
            failures.append(("QMenu", "", menu.text(), []))
    results = window.search_panel.model
    for text in (window.statusBar().currentMessage(), results.meta(results.hit(0), 3)):
        if untranslated_words(text, data):
            failures.append(("status", "", text, untranslated_words(text, data)))
    for pane in window.panes:
        document = pane.view.document()
        assert f"{MARK_OPEN}Noten{MARK_CLOSE}" in document.toPlainText()
        for tip in document_tooltips(document):
            if untranslated_words(tip, data):
                failures.append(("document", pane.objectName(), tip, untranslated_words(tip, data)))
    assert failures == [], "\n".join(map(repr, failures))
