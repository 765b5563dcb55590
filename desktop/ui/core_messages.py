"""Messages of desktop.core (in English, as the command line prints them) in the interface
language: each known message is a pattern and a template marked for translation; a message not
known here is shown as it is, never hidden."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.ui.i18n import fill

_QUERY = [
    (r"^empty query$", QT_TRANSLATE_NOOP("QueryMessages", "empty query")),
    (r"^unclosed quote$", QT_TRANSLATE_NOOP("QueryMessages", "unclosed quote")),
    (r"^'\)' without '\('$", QT_TRANSLATE_NOOP("QueryMessages", "')' without '('")),
    (r"^'\(' is never closed$", QT_TRANSLATE_NOOP("QueryMessages", "'(' is never closed")),
    (
        r"^the query has no words to search for$",
        QT_TRANSLATE_NOOP("QueryMessages", "the query has no words to search for"),
    ),
    (
        r"^unknown field '(.*)' \(known: (.*)\)$",
        QT_TRANSLATE_NOOP("QueryMessages", "unknown field '%1' (known: %2)"),
    ),
    (
        r"^'(.*)' is not a date \(write 2018, 2018-11 or 2018-11-27\)$",
        QT_TRANSLATE_NOOP(
            "QueryMessages", "'%1' is not a date (write 2018, 2018-11 or 2018-11-27)"
        ),
    ),
    (
        r'^words near each other \("…"~N\) cannot be searched; use AND$',
        QT_TRANSLATE_NOOP(
            "QueryMessages", 'words near each other ("…"~N) cannot be searched; use AND'
        ),
    ),
    (
        r"^an operator has nothing to work on$",
        QT_TRANSLATE_NOOP("QueryMessages", "an operator has nothing to work on"),
    ),
]

_FILE = [
    (r"^empty file$", QT_TRANSLATE_NOOP("FileProblems", "empty file")),
    (r"^no such file$", QT_TRANSLATE_NOOP("FileProblems", "no such file")),
    (r"^permission denied$", QT_TRANSLATE_NOOP("FileProblems", "permission denied")),
    (
        r"^is a directory, not a letter$",
        QT_TRANSLATE_NOOP("FileProblems", "is a directory, not a letter"),
    ),
    (
        r"^binary file, not a letter$",
        QT_TRANSLATE_NOOP("FileProblems", "binary file, not a letter"),
    ),
    (
        r"^not text in any encoding we know$",
        QT_TRANSLATE_NOOP("FileProblems", "not text in any encoding we know"),
    ),
    (
        r"^unsupported file type '(.*)'$",
        QT_TRANSLATE_NOOP("FileProblems", "unsupported file type '%1'"),
    ),
    (r"^timed out after (\S+) s$", QT_TRANSLATE_NOOP("FileProblems", "timed out after %1 s")),
    (
        r"^the parser could not be started$",
        QT_TRANSLATE_NOOP("FileProblems", "the parser could not be started"),
    ),
    (
        r"^no text found in the HTML$",
        QT_TRANSLATE_NOOP("FileProblems", "no text found in the HTML"),
    ),
    (
        r"^not an HTML file \(binary content\)$",
        QT_TRANSLATE_NOOP("FileProblems", "not an HTML file (binary content)"),
    ),
    (
        r"^not a PDF \(no PDF header\)$",
        QT_TRANSLATE_NOOP("FileProblems", "not a PDF (no PDF header)"),
    ),
    (
        r"^truncated or damaged PDF \(no end-of-file marker\)$",
        QT_TRANSLATE_NOOP("FileProblems", "truncated or damaged PDF (no end-of-file marker)"),
    ),
    (
        r"^encrypted PDF \(needs a password\)$",
        QT_TRANSLATE_NOOP("FileProblems", "encrypted PDF (needs a password)"),
    ),
    (
        r"^damaged PDF, cannot be read$",
        QT_TRANSLATE_NOOP("FileProblems", "damaged PDF, cannot be read"),
    ),
    (
        r"^no text in the PDF \(a scan\? text recognition is not supported\)$",
        QT_TRANSLATE_NOOP(
            "FileProblems", "no text in the PDF (a scan? text recognition is not supported)"
        ),
    ),
]

_FILE += [
    (
        r"^the library has no copy of the original$",
        QT_TRANSLATE_NOOP("FileProblems", "the library has no copy of the original"),
    ),
    (
        r"^the library's copy of the original is damaged$",
        QT_TRANSLATE_NOOP("FileProblems", "the library's copy of the original is damaged"),
    ),
]

# Why a write of the library failed (desktop.core.library.errors), inside the messages below.
_WHY = [
    (r"^the disk is full$", QT_TRANSLATE_NOOP("LibraryMessages", "the disk is full")),
    (
        r"^the disk quota is used up$",
        QT_TRANSLATE_NOOP("LibraryMessages", "the disk quota is used up"),
    ),
    (
        r"^the disk could not be read or written \(input/output error\)$",
        QT_TRANSLATE_NOOP(
            "LibraryMessages", "the disk could not be read or written (input/output error)"
        ),
    ),
    (r"^permission denied$", QT_TRANSLATE_NOOP("LibraryMessages", "permission denied")),
    (r"^the disk is read-only$", QT_TRANSLATE_NOOP("LibraryMessages", "the disk is read-only")),
    (r"^out of memory$", QT_TRANSLATE_NOOP("LibraryMessages", "out of memory")),
    (r"^too many open files$", QT_TRANSLATE_NOOP("LibraryMessages", "too many open files")),
    (
        r"^the letter store is read-only$",
        QT_TRANSLATE_NOOP("LibraryMessages", "the letter store is read-only"),
    ),
]

_LIBRARY = [  # pattern, template, the group that holds the reason
    (
        r"^nothing was saved: (.*) \((.*)\); the library is as it was$",
        QT_TRANSLATE_NOOP(
            "LibraryMessages", "nothing was saved: %1 (%2); the library is as it was"
        ),
        0,
    ),
    (
        r"^cannot write the library at (.*): (.*)$",
        QT_TRANSLATE_NOOP("LibraryMessages", "cannot write the library at %1: %2"),
        1,
    ),
]

_COMPILED = {
    context: [(re.compile(p), t) for p, t in table]
    for context, table in (
        ("QueryMessages", _QUERY),
        ("FileProblems", _FILE),
        ("LibraryMessages", _WHY),
    )
}
_LIBRARY_COMPILED = [(re.compile(p), t, reason) for p, t, reason in _LIBRARY]


def _translated(context: str, message: str) -> str:
    for pattern, template in _COMPILED[context]:
        m = pattern.match(message)
        if m:
            return fill(QCoreApplication.translate(context, template), *m.groups())
    return message


def translated_library_message(message: str) -> str:
    """Why a write of the library failed, the reason inside it translated too."""
    for pattern, template, reason in _LIBRARY_COMPILED:
        m = pattern.match(message)
        if m:
            parts = list(m.groups())
            parts[reason] = _translated("LibraryMessages", parts[reason])
            return fill(QCoreApplication.translate("LibraryMessages", template), *parts)
    return message


def translated_query_message(message: str) -> str:
    """A reason the search could not read a query."""
    return _translated("QueryMessages", message)


def translated_file_problem(message: str) -> str:
    """Why a file was not imported (the message without the file's name before it)."""
    return _translated("FileProblems", message)
