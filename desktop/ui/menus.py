"""The window's menus: every command has a name, a shortcut and a place in a menu.

Menu titles and command texts are declared in English and marked for translation with
``QT_TRANSLATE_NOOP("Menus", ...)``; :class:`MenuBar` shows them in the interface language and
again after the language changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

CONTEXT = "Menus"


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # stable key: window.action(name)
    text: str  # English, marked with QT_TRANSLATE_NOOP("Menus", ...)
    keys: tuple[str, ...]
    slot: Callable[[], object] | None = None
    checkable: bool = False
    tip: str = ""  # English, marked like text


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


class MenuBar:
    """Menus from declarations; None is a separator."""

    def __init__(self, window: QMainWindow, menus: dict[str, list[Command | None]]) -> None:
        self.actions: dict[str, QAction] = {}
        self._menus: list[tuple[QMenu, str]] = []
        self._commands: list[tuple[QAction, Command]] = []
        bar = window.menuBar()
        for title, commands in menus.items():
            menu = bar.addMenu(title)
            self._menus.append((menu, title))
            for command in commands:
                if command is None:
                    menu.addSeparator()
                    continue
                action = _action(window, menu, command)
                self.actions[command.name] = action
                self._commands.append((action, command))
        self.retranslate()

    def retranslate(self) -> None:
        for menu, title in self._menus:
            menu.setTitle(translate(title))
        for action, command in self._commands:
            action.setText(translate(command.text))
            tip = translate(command.tip)
            action.setStatusTip(tip)
            action.setToolTip(tip or action.text().replace("&", ""))


def _action(window: QMainWindow, menu: QMenu, command: Command) -> QAction:
    action = QAction(command.text, window)
    action.setObjectName(command.name)
    action.setShortcuts([QKeySequence(k) for k in command.keys])
    action.setCheckable(command.checkable)
    if command.slot is not None:
        if command.checkable:
            action.toggled.connect(command.slot)
        else:
            action.triggered.connect(lambda _checked=False, slot=command.slot: slot())
    menu.addAction(action)
    return action


def exclusive(window: QMainWindow, actions: list[QAction]) -> QActionGroup:
    group = QActionGroup(window)
    group.setExclusive(True)
    for action in actions:
        action.setCheckable(True)
        group.addAction(action)
    return group
