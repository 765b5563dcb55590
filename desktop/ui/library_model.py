"""The library as a Qt model: one row per letter, sorted by the model, filtered by a proxy.

What a row sorts and filters by is computed once when the entries arrive. The model sorts
its own rows with Python's sort on those keys (10,000 letters in a few milliseconds); a
QSortFilterProxyModel sorting them would call back into Python for every comparison, which
takes a second. The proxy only filters and keeps the model's order.
"""

from __future__ import annotations

import heapq
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.core.library.records import LibraryEntry
from desktop.core.model.dates import dutch_date
from desktop.ui.formatting import kamerstuk_label, plain_tooltip
from desktop.ui.letter_lists import LetterListModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
DATE_ROLE = Qt.ItemDataRole.UserRole + 3  # "16 november 2023"
KAMERSTUK_ROLE = Qt.ItemDataRole.UserRole + 4  # "Kamerstuk 33 694, nr. 69"
TREATIES_ROLE = Qt.ItemDataRole.UserRole + 5  # [(treaty id, count)], most mentioned first
YEAR_ROLE = Qt.ItemDataRole.UserRole + 6


def by_date(row: Row) -> tuple[str, str]:
    return row.iso_date, row.folded_title  # undated letters sort first


def by_title(row: Row) -> tuple[str, str]:
    return row.folded_title, row.iso_date


SORTS = {  # key -> (sort key, descending)
    "date-desc": (by_date, True),
    "date-asc": (by_date, False),
    "title": (by_title, False),
}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    """What the list shows, sorts and filters by, made once per letter; kept small, since
    the list holds every letter of the library (100,000 rows, each of its strings once)."""

    id: str
    title: str
    iso_date: str  # "" when undated
    kamerstuk: str
    treaties: tuple[tuple[str, int], ...]
    folded_title: str  # for the title order and the filter
    facts: str  # the rest the filter box matches, without case: date, kamerstuk, treaty ids
    path: str

    @classmethod
    def from_entry(cls, entry: LibraryEntry) -> Row:
        title = entry.title or entry.id
        iso = sys.intern(entry.date or "")  # letters share dates
        kamerstuk = kamerstuk_label(entry.kamerstuk)
        treaties = tuple(sorted(entry.treaties.items(), key=lambda kv: (-kv[1], kv[0])))
        facts = " ".join([dutch_date(iso), iso, kamerstuk, *(t for t, _ in treaties)])
        return cls(
            id=entry.id,
            title=title,
            iso_date=iso,
            kamerstuk=kamerstuk,
            treaties=treaties,
            folded_title=title.casefold(),
            facts=facts.casefold(),
            path=entry.path,
        )

    @property
    def date(self) -> str:
        """The date written the Dutch way ("16 november 2023"), made when shown."""
        return dutch_date(self.iso_date)

    @property
    def year(self) -> str:
        return self.iso_date[:4]

    def matches(self, word: str) -> bool:
        """*word* (without case) in the title, date, kamerstuk or a treaty id."""
        return word in self.folded_title or word in self.facts

    def label(self) -> str:
        return chooser_label(self.iso_date, self.title)


def chooser_label(iso_date: str | None, title: str) -> str:
    """One line for choosers: date (written the Dutch way, as everywhere) and title."""
    date = dutch_date(iso_date)
    return f"{date} · {title}" if date else title


@dataclass(frozen=True)
class Listing:
    """The list as the model shows it, made in a worker thread: at 100,000 letters making
    the rows takes seconds, and sorting them and gathering the filters' years and treaties
    took half a second of the window's own thread."""

    rows: list[Row]  # in *sort* order
    sort: str
    where: dict[str, int]  # letter id -> row
    years: list[str]  # newest first
    treaty_ids: list[str]


def listing(entries: Iterable[LibraryEntry], sort: str = "date-desc") -> Listing:
    rows = [Row.from_entry(e) for e in entries]
    return _listed(rows, sort)


def _listed(rows: list[Row], sort: str) -> Listing:
    key, descending = SORTS[sort]
    rows = sorted(rows, key=key, reverse=descending)
    return Listing(
        rows=rows,
        sort=sort,
        where={row.id: number for number, row in enumerate(rows)},
        years=sorted({r.year for r in rows if r.year}, reverse=True),
        treaty_ids=sorted({t for r in rows for t, _ in r.treaties}),
    )


class LibraryModel(LetterListModel):
    """Library.entries() as rows, from a Listing."""

    drag_source = "library"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._where: dict[str, int] = {}  # letter id -> row
        self._years: list[str] = []
        self._treaty_ids: list[str] = []
        self.listed = False  # rows have arrived (the window reads them after its first frame)
        self._sort = "date-desc"
        self._getters = {
            Qt.ItemDataRole.DisplayRole: Row.label,
            Qt.ItemDataRole.ToolTipRole: lambda r: plain_tooltip(f"{r.title}\n{r.path}"),
            ID_ROLE: lambda r: r.id,
            TITLE_ROLE: lambda r: r.title,
            DATE_ROLE: lambda r: r.date,
            KAMERSTUK_ROLE: lambda r: r.kamerstuk,
            TREATIES_ROLE: lambda r: list(r.treaties),
            YEAR_ROLE: lambda r: r.year,
        }

    def set_listing(self, made: Listing) -> None:
        """The library's letters, as listing() made them (in a worker thread, for a library
        of any size); sorted again only if the order was changed meanwhile."""
        if made.sort != self._sort:
            made = _listed(made.rows, self._sort)
        self.beginResetModel()
        self._rows, self._where = made.rows, made.where
        self._years, self._treaty_ids = made.years, made.treaty_ids
        self.listed = True
        self.endResetModel()

    @property
    def sort(self) -> str:
        return self._sort

    def sort_by(self, key: str) -> None:
        """Reorder the rows; views, proxies and choosers keep their current letter."""
        self._sort = key
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [self._rows[i.row()].id for i in persistent]
        self._rows.sort(key=SORTS[key][0], reverse=SORTS[key][1])
        self._where = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [self.index(self._where[i], 0) for i in kept])
        self.layoutChanged.emit()

    def index_of(self, letter_id: str) -> QModelIndex:
        """The row of *letter_id*, by lookup: QAbstractItemModel.match asks every row, which
        made opening a letter take 88 ms in a library of 50,000."""
        number = self._where.get(letter_id)
        return self.index(number, 0) if number is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        getter = self._getters.get(role)
        return getter(self._rows[index.row()]) if getter else None

    def letter_id_at(self, row: int) -> str:
        return self._rows[row].id

    def row(self, number: int) -> Row:
        return self._rows[number]

    def row_of(self, letter_id: str) -> Row | None:
        number = self._where.get(letter_id)
        return self._rows[number] if number is not None else None

    def rows(self) -> list[Row]:
        return list(self._rows)

    def years(self) -> list[str]:
        return self._years

    def treaty_ids(self) -> list[str]:
        return self._treaty_ids

    def oldest(self, count: int) -> list[str]:
        return [r.id for r in heapq.nsmallest(count, self._rows, key=by_date)]


class LibraryFilter(QSortFilterProxyModel):
    """Filter by words, treaty and year, in the model's order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._treaty: str | None = None
        self._year: str | None = None
        self.setDynamicSortFilter(True)

    def set_sort(self, key: str) -> None:
        self.sourceModel().sort_by(key)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_treaty(self, treaty: str | None) -> None:
        self.beginFilterChange()
        self._treaty = treaty or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_year(self, year: str | None) -> None:
        self.beginFilterChange()
        self._year = year or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not (self._year or self._treaty or self._words):  # asked for every row at a reset
            return True
        row = self.sourceModel().row(source_row)
        if self._year and row.year != self._year:
            return False
        if self._treaty and all(t != self._treaty for t, _ in row.treaties):
            return False
        return all(row.matches(w) for w in self._words)

    def id_at(self, row: int) -> str:
        return self.data(self.index(row, 0), ID_ROLE)
