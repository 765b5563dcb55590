"""The window's menus: every command has a name, a shortcut and a place in a menu."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # stable key: window.action(name)
    text: str
    keys: tuple[str, ...]
    slot: Callable[[], object] | None = None
    checkable: bool = False
    tip: str = ""


def build_menus(window: QMainWindow, menus: dict[str, list[Command | None]]) -> dict[str, QAction]:
    """Menus from declarations; None is a separator. Returns the actions by name."""
    actions: dict[str, QAction] = {}
    bar = window.menuBar()
    for title, commands in menus.items():
        menu = bar.addMenu(title)
        for command in commands:
            if command is None:
                menu.addSeparator()
                continue
            actions[command.name] = _action(window, menu, command)
    return actions


def _action(window: QMainWindow, menu: QMenu, command: Command) -> QAction:
    action = QAction(command.text, window)
    action.setObjectName(command.name)
    action.setShortcuts([QKeySequence(k) for k in command.keys])
    action.setCheckable(command.checkable)
    if command.tip:
        action.setStatusTip(command.tip)
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
