"""Output for a terminal and for programs: letter text and file names made inert and valid.

A letter's title, a footnote or a file's name may hold escape sequences (clear the screen, set
the window title, an OSC 8 link that hides where it points) and line breaks. Printed raw, they
act on the user's terminal and break the rule that a message is one line. A file name that is
not valid UTF-8 reaches Python with lone surrogates in it (PEP 383), which cannot be written
as UTF-8 at all.
"""

from __future__ import annotations

import json
import re
import sys

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional marks and overrides
# (they reorder what a terminal shows), lone surrogates.
_CONTROLS = "\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_TEXT = re.compile(f"[{_CONTROLS}\ud800-\udfff]")
# In JSON the C0 controls are escaped already; the rest would pass through raw.
_UNSAFE_JSON = re.compile(
    "[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE_BYTES = range(0xDC80, 0xDD00)  # how os.fsdecode keeps a byte that is not UTF-8


def safe(text: str) -> str:
    """*text* with every control character written as an escape (\\x1b, \\n, \\u202e) and a
    byte of an undecodable file name as \\xe9: printable, one line, inert."""
    return _UNSAFE_TEXT.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code in _SURROGATE_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return m.group().encode("unicode_escape").decode("ascii")


def json_text(data: object) -> str:
    """*data* as JSON that is valid UTF-8 and inert in a terminal: characters that are not
    (lone surrogates of undecodable file names) or that a terminal acts on are written as
    \\u escapes, which a JSON reader turns back into the same string."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: object) -> None:
    """*data* on stdout as UTF-8 JSON, whatever encoding the terminal's locale names."""
    text = json_text(data) + "\n"
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:
        sys.stdout.write(text)
        return
    binary.write(text.encode("utf-8"))
    binary.flush()
