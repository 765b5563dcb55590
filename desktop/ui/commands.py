"""The window's commands: every menu entry with its shortcut, declared once.

Texts are English, marked with QT_TRANSLATE_NOOP("Menus", ...) and shown in the interface
language by MenuBar (menus.py); each command calls the window or one of its parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.ui.dialogs import show_about
from desktop.ui.menus import Command, MenuBar, exclusive
from desktop.ui.theme import SCHEMES

if TYPE_CHECKING:  # the window imports this module
    from desktop.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> MenuBar:
    pane = window.focused_pane
    menus = {
        QT_TRANSLATE_NOOP("Menus", "&File"): [
            Command(
                "add_files",
                QT_TRANSLATE_NOOP("Menus", "&Add files…"),
                ("Ctrl+O",),
                window.add_files,
            ),
            Command(
                "add_folder",
                QT_TRANSLATE_NOOP("Menus", "Add &folder…"),
                ("Ctrl+Shift+O",),
                window.add_folder,
            ),
            Command(
                "open_original",
                QT_TRANSLATE_NOOP("Menus", "Open the &original"),
                ("Ctrl+Alt+O",),
                window.open_original,
                tip=QT_TRANSLATE_NOOP(
                    "Menus", "The focused pane's letter as it was imported, in its own program"
                ),
            ),
            None,
            Command(
                "print",
                QT_TRANSLATE_NOOP("Menus", "&Print…"),
                ("Ctrl+P",),
                lambda: window.treaty_history.printing.print_letter(),
            ),
            Command(
                "print_preview",
                QT_TRANSLATE_NOOP("Menus", "Print pre&view…"),
                ("Ctrl+Shift+P",),
                lambda: window.treaty_history.printing.preview(),
            ),
            Command(
                "export_pdf",
                QT_TRANSLATE_NOOP("Menus", "&Export as PDF…"),
                ("Ctrl+Alt+P",),
                lambda: window.treaty_history.printing.ask_export_pdf(),
            ),
            None,
            Command(
                "settings",
                QT_TRANSLATE_NOOP("Menus", "&Settings…"),
                ("Ctrl+,",),
                window.show_settings,
            ),
            None,
            Command("quit", QT_TRANSLATE_NOOP("Menus", "&Quit"), ("Ctrl+Q",), window.close),
        ],
        QT_TRANSLATE_NOOP("Menus", "&Edit"): [
            Command(
                "undo_remove",
                QT_TRANSLATE_NOOP("Menus", "&Undo removal"),
                ("Ctrl+Z",),
                lambda: window.care.undo(),
                tip=QT_TRANSLATE_NOOP(
                    "Menus", "Bring back the letters removed last (until the next import)"
                ),
            ),
            None,
            Command(
                "copy",
                QT_TRANSLATE_NOOP("Menus", "&Copy with citation"),
                ("Ctrl+C",),
                lambda: pane().copy_with_citation(),
            ),
            Command(
                "copy_plain",
                QT_TRANSLATE_NOOP("Menus", "Copy &text only"),
                ("Ctrl+Shift+C",),
                lambda: pane().copy_plain(),
            ),
            None,
            Command(
                "find",
                QT_TRANSLATE_NOOP("Menus", "&Find in the letter"),
                ("Ctrl+F",),
                lambda: pane().open_find(),
            ),
            Command(
                "search",
                QT_TRANSLATE_NOOP("Menus", "&Search the library"),
                ("Ctrl+K",),
                window.focus_search,
            ),
            Command(
                "filter",
                QT_TRANSLATE_NOOP("Menus", "F&ilter the library list"),
                ("Ctrl+L",),
                window.focus_library,
            ),
        ],
        QT_TRANSLATE_NOOP("Menus", "&View"): [
            Command(
                "zoom_in",
                QT_TRANSLATE_NOOP("Menus", "Zoom &in"),
                ("Ctrl+=", "Ctrl++"),
                lambda: window.zoom(1),
            ),
            Command(
                "zoom_out",
                QT_TRANSLATE_NOOP("Menus", "Zoom &out"),
                ("Ctrl+-",),
                lambda: window.zoom(-1),
            ),
            Command(
                "zoom_reset",
                QT_TRANSLATE_NOOP("Menus", "&Reset zoom"),
                ("Ctrl+0",),
                lambda: window.zoom(0),
            ),
            None,
            Command(
                "highlights",
                QT_TRANSLATE_NOOP("Menus", "Show treaty &highlights"),
                ("Ctrl+H",),
                window.state.set_highlights,
                checkable=True,
            ),
            Command(
                "fold",
                QT_TRANSLATE_NOOP("Menus", "Only &passages with the chosen treaty"),
                ("Ctrl+Shift+F",),
                window._request_fold,
                checkable=True,
            ),
            Command(
                "clear_treaty",
                QT_TRANSLATE_NOOP("Menus", "&No treaty emphasis"),
                ("Ctrl+Shift+E",),
                lambda: window.state.set_treaty(None),
            ),
            None,
            Command(
                "focus_left",
                QT_TRANSLATE_NOOP("Menus", "Focus &left pane"),
                ("Ctrl+1",),
                lambda: window.focus_pane(0),
            ),
            Command(
                "focus_right",
                QT_TRANSLATE_NOOP("Menus", "Focus r&ight pane"),
                ("Ctrl+2",),
                lambda: window.focus_pane(1),
            ),
            Command(
                "swap",
                QT_TRANSLATE_NOOP("Menus", "S&wap the letters"),
                ("Ctrl+Shift+X",),
                window.swap_letters,
            ),
            None,
            Command(
                "treaty_history",
                QT_TRANSLATE_NOOP("Menus", "&Treaty history"),
                ("Ctrl+Shift+H",),
                lambda: window.treaty_history.toggle(),
            ),
            None,
            Command(
                "scheme_system",
                QT_TRANSLATE_NOOP("Menus", "Colours: follow the &system"),
                ("Ctrl+Alt+0",),
                lambda: window.set_scheme("system"),
            ),
            Command(
                "scheme_light",
                QT_TRANSLATE_NOOP("Menus", "Colours: li&ght"),
                ("Ctrl+Alt+L",),
                lambda: window.set_scheme("light"),
            ),
            Command(
                "scheme_dark",
                QT_TRANSLATE_NOOP("Menus", "Colours: &dark"),
                ("Ctrl+Alt+D",),
                lambda: window.set_scheme("dark"),
            ),
        ],
        QT_TRANSLATE_NOOP("Menus", "&Go"): [
            Command(
                "back",
                QT_TRANSLATE_NOOP("Menus", "&Back"),
                ("Alt+Left",),
                lambda: window.step_history(False),
            ),
            Command(
                "forward",
                QT_TRANSLATE_NOOP("Menus", "&Forward"),
                ("Alt+Right",),
                lambda: window.step_history(True),
            ),
            None,
            Command(
                "next_mention",
                QT_TRANSLATE_NOOP("Menus", "&Next mention"),
                ("F3",),
                lambda: window.step_mention(True),
            ),
            Command(
                "previous_mention",
                QT_TRANSLATE_NOOP("Menus", "&Previous mention"),
                ("Shift+F3",),
                lambda: window.step_mention(False),
            ),
            Command(
                "linked",
                QT_TRANSLATE_NOOP("Menus", "Step through &both panes together"),
                ("Ctrl+Shift+L",),
                window.state.set_linked,
                checkable=True,
                tip=QT_TRANSLATE_NOOP(
                    "Menus", "Next and previous mention move both panes to their next mention"
                ),
            ),
            None,
            Command(
                "next_hit",
                QT_TRANSLATE_NOOP("Menus", "Next search &match"),
                ("Ctrl+G",),
                lambda: pane().next_hit(True),
            ),
            Command(
                "previous_hit",
                QT_TRANSLATE_NOOP("Menus", "Previous search m&atch"),
                ("Ctrl+Shift+G",),
                lambda: pane().next_hit(False),
            ),
        ],
        QT_TRANSLATE_NOOP("Menus", "&Help"): [
            Command(
                "shortcuts",
                QT_TRANSLATE_NOOP("Menus", "&Keyboard shortcuts"),
                ("F1",),
                window.show_shortcuts,
            ),
            Command(
                "about",
                QT_TRANSLATE_NOOP("Menus", "&About Kamerbrief Reader"),
                ("Shift+F1",),
                lambda: show_about(window),
            ),
        ],
    }
    bar = MenuBar(window, menus)
    exclusive(  # parented to the window, which keeps it
        window, [bar.actions[f"scheme_{s}"] for s in SCHEMES]
    )
    return bar
