"""The reader's own search, driven the way fts_baseline.Fts5Search is."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.library import Library
from desktop.core.search.options import SearchOptions
from desktop.core.search.query import run_search
from desktop.core.search.ranking import Ranker

# A benchmark measures: a search is not stopped at the window's budget (5 s), it is timed.
MEASURED = SearchOptions(seconds=3600)


class ProjectSearch:
    """One open library. With snippets, a search is exactly the window's (Library.search);
    without, the same search with no letter text read."""

    name = "project"

    def __init__(self, library: Path) -> None:
        self.library = Library.open(library)
        self.ran: list[tuple[str, tuple[str, ...]]] = []  # (query given, query searched)
        self._ranker: Ranker | None = None

    def search(self, query: str, snippets: bool = True) -> int:
        """The first page of *query* (the default page: ten hits) and the total; returns the
        total."""
        if snippets:
            result = self.library.search(query, MEASURED)
        else:
            with self.library.searcher() as searcher:
                if self._ranker is None or self._ranker.searcher is not searcher:
                    self._ranker = Ranker(searcher)
                result = run_search(
                    searcher,
                    query,
                    MEASURED,
                    vocabulary=self.library.vocabulary,
                    ranker=self._ranker,
                )
        self.ran.append((query, (result.query,)))
        return result.total

    def close(self) -> None:
        self.library.close()
