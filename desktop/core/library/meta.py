"""Small files beside the index: library.json (what the folder is) and catalog.json (which
letters it holds).

library.json marks the folder as a library and says how to read it: the folder's layout,
the index schema, the oldest parser that read a letter in it (parser_version.py), a rebuild
that has not finished, and the manifest of the index's files (index_files.py). It stays
small, since every open reads it.

catalog.json lists every letter (id, original path, content hash), written after each commit
and read only to rebuild: it is the third record of what the library holds, after the index
and the letter store, so that a rebuild finds every letter even when both of those are
damaged, and takes its text from the library's own copy of the original.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

META_FILE = "library.json"
CATALOG_FILE = "catalog.json"


def read_meta(root: Path) -> dict:
    """library.json as a dict; anything unreadable or not an object is an empty one."""
    data = _read_json(root / META_FILE)
    return data if isinstance(data, dict) else {}


def write_meta(root: Path, meta: dict) -> None:
    write_json(root / META_FILE, meta)


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    id: str
    path: str
    digest: str


def read_catalog(root: Path) -> list[CatalogEntry]:
    data = _read_json(root / CATALOG_FILE)
    letters = data.get("letters") if isinstance(data, dict) else None
    out = []
    for item in letters if isinstance(letters, list) else []:
        if isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item):
            out.append(CatalogEntry(*item))
    return out


def write_catalog(root: Path, entries: list[CatalogEntry]) -> None:
    rows = sorted([e.id, e.path, e.digest] for e in entries)
    write_json(root / CATALOG_FILE, {"version": 1, "letters": rows}, indent=None)


def write_json(path: Path, data: object, indent: int | None = 1) -> None:
    """Atomically: a temporary file, synced, renamed over *path*."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=indent)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError):
        return None
