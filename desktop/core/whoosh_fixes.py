"""Small, contained fixes to Whoosh internals, applied once when the index module loads.

W3PerDocReader._cached_reader caches a length column reader only when the column exists; for
fields without lengths (ID, KEYWORD, spelling) it asks the file system again for every single
posting while a segment is written: 360 stat() calls per letter, a sixth of the build time.
The fix caches the negative answer too. Segments are immutable once written, so a column
that does not exist for a reader never appears later.
"""

from __future__ import annotations

from whoosh.codec import whoosh3

_MISSING = object()


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
