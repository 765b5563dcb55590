"""The interface language: Dutch or English, chosen in the settings or taken from the locale.

The Dutch strings live in ``resources/i18n/kamerbrief_nl.ts``, the source a translator edits
(with Qt Linguist or by hand; ``pyside6-lupdate`` adds new strings from the code, see
``resources/i18n/README.md``). Qt loads the compact ``.qm`` form, which ``lrelease`` (shipped
with PySide6-Essentials) compiles from the ``.ts`` at first use into the user's cache, named by
the ``.ts``'s content: an edited translation is compiled again, an unchanged one never. No
binary is kept in the repository or the wheel without its source.

Switching language needs no restart: every widget gets a LanguageChange event and sets its
texts again (``retranslate``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.home import APP_NAME
from desktop.resources import resource

log = logging.getLogger(__name__)

LANGUAGES = {"nl": "Nederlands", "en": "English"}  # each named in its own language
PREFERENCES = ("system", *LANGUAGES)
SOURCE_LANGUAGE = "en"  # the strings in the code
COMPILE_SECONDS = 60


_ARG = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Qt's %1, %2, ... placeholders filled in one pass (a value containing "%2" stays as it
    is); translations may reorder them."""
    return _ARG.sub(lambda m: str(values[int(m.group(1)) - 1]), template)


def system_language() -> str:
    """Dutch where the locale is Dutch (QLocale's default: the system's unless set)."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else SOURCE_LANGUAGE


def resolve_language(preference: str) -> str:
    return preference if preference in LANGUAGES else system_language()


def source_file(language: str) -> Path:
    return resource("i18n", f"kamerbrief_{language}.ts")


def cache_dir() -> Path:
    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "i18n"


def lrelease() -> Path | None:
    """Qt's compiler for translations: PySide6's own copy, else one on the PATH."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.is_file():
        return bundled
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compiled(ts: Path, cache: Path | None = None) -> Path:
    """The .qm for *ts*, compiled once per content of the .ts; raises OSError or
    subprocess.SubprocessError when it cannot be made."""
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    folder = cache or cache_dir()
    target = folder / f"{ts.stem}-{digest}.qm"
    if target.is_file():
        return target
    tool = lrelease()
    if tool is None:
        raise FileNotFoundError("lrelease not found (it comes with PySide6-Essentials)")
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    subprocess.run(
        [str(tool), "-silent", str(ts), "-qm", str(partial)],
        check=True,
        capture_output=True,
        timeout=COMPILE_SECONDS,
    )
    os.replace(partial, target)  # whole or not at all, also with two windows starting
    return target


class Translations:
    """The translators installed on the application: ours, and Qt's own for its dialogs."""

    def __init__(self) -> None:
        self.language: str | None = None  # nothing installed yet
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> str:
        """Show the interface in *language*; returns the language it is shown in (English
        when the Dutch translation cannot be loaded, with the reason in the log). English
        has a translation file too: the plural forms of its counted phrases."""
        if language == self.language:
            return language
        loaded = self._load(language)
        if language != SOURCE_LANGUAGE and not loaded:
            language = SOURCE_LANGUAGE
            loaded = self._load(language)
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = loaded
        self.language = language
        for translator in loaded:
            app.installTranslator(translator)
        _announce()
        return language

    def _load(self, language: str) -> list[QTranslator]:
        ours = QTranslator()
        try:
            qm = compiled(source_file(language))
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("the %s translation cannot be compiled: %s", language, exc)
            return []
        if not ours.load(str(qm)):
            log.warning("the %s translation cannot be read: %s", language, qm)
            return []
        if language == SOURCE_LANGUAGE:
            return [ours]
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings (the Close button, a text field's context menu) in the same language.
        return [ours, qt] if qt.load(f"qtbase_{language}", qt_dir) else [ours]


def _announce() -> None:
    """Every window retranslates now. Qt posts LanguageChange itself only once its event
    loop runs (not before the first window shows, nor in tests), and then a second time:
    retranslating twice is harmless."""
    for window in QApplication.topLevelWidgets():
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))


_translations = Translations()


def set_language(preference: str) -> str:
    """Apply a preference ("system", "nl", "en"); returns the language now shown."""
    return _translations.apply(resolve_language(preference))


def language() -> str:
    """The language the interface is shown in: "nl" or "en"."""
    return _translations.language or SOURCE_LANGUAGE
