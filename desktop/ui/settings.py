"""The window's habits, declared once with their types and defaults, stored in QSettings.

A settings file written by an older version is upgraded, not misread: ``version`` says which
layout the file has, and :meth:`UiSettings.upgrade` moves old keys to new ones.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

from desktop.home import APP_NAME

VERSION = 1

# key -> (type, default); the single declaration of what the window remembers.
DECLARED: dict[str, tuple[type, object]] = {
    "window/geometry": (QByteArray, QByteArray()),
    "window/state": (QByteArray, QByteArray()),  # the docks: treaty history shown, floating, size
    "window/main_splitter": (QByteArray, QByteArray()),
    "window/panes_splitter": (QByteArray, QByteArray()),
    "window/side_splitter": (QByteArray, QByteArray()),
    "window/side_width": (int, 340),  # the side column as the reader last set it
    "reader/open_letters": (list, []),  # [left id or "", right id or ""]
    "reader/places": (list, []),  # [left offset, right offset]: the line at the top
    "reader/point_size": (float, 0.0),  # 0: follow the system's font size
    "reader/highlights": (bool, True),
    "reader/linked": (bool, False),  # next/previous mention moves both panes
    "history/treaty": (str, ""),  # the treaty the treaty history showed
    "appearance/scheme": (str, "system"),  # system, light, dark
    "appearance/language": (str, "system"),  # system, nl, en
}


def open_settings() -> QSettings:
    """The user's settings file (an explicit name: never the default organisation)."""
    return QSettings(APP_NAME, APP_NAME)


class UiSettings:
    """Typed access to the declared keys."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else open_settings()
        self.upgrade()

    def upgrade(self) -> None:
        version = self._int("version", 0)
        if version > VERSION:
            return  # written by a newer version: read what we know, write nothing unknown
        # Version 0 (no version key) had the same keys; nothing to move yet.
        self.store.setValue("version", VERSION)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.store.value(key, default))
        except (TypeError, ValueError):
            return default

    def get(self, key: str):
        kind, default = DECLARED[key]
        raw = self.store.value(key)
        if raw is None:
            return default
        try:
            return _convert(kind, raw)
        except (TypeError, ValueError):
            return default  # a hand-edited or damaged value: the default, not a crash

    def set(self, key: str, value: object) -> None:
        kind, _ = DECLARED[key]
        self.store.setValue(key, json.dumps(value) if kind is list else value)

    def sync(self) -> None:
        self.store.sync()


def _convert(kind: type, raw: object):
    if kind is bool:
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    if kind is list:
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, list):
            raise ValueError("not a list")
        return [str(v) for v in value]
    if kind is QByteArray:
        if not isinstance(raw, QByteArray):
            raise TypeError("not bytes")
        return raw
    return kind(raw)
