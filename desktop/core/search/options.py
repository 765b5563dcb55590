"""What a search is asked for besides its query, passed whole from the search box to the ranker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# A search that takes longer is stopped with a message. The slowest query of the benchmark
# (a five-word phrase at 50,000 letters) takes half a second; 2,000 wildcards took minutes.
SEARCH_SECONDS = 5.0

Sort = Literal["relevance", "date"]


@dataclass(frozen=True, slots=True)
class SearchOptions:
    limit: int = 10  # hits to return (the total counts them all)
    sort: Sort = "relevance"  # or "date": newest first
    treaty: str | None = None  # only letters that mention this treaty (its id)
    year: str | None = None  # only letters of this year
    offsets: bool = False  # each hit with every matched word's offsets (search --json)
    seconds: float = SEARCH_SECONDS  # the time one search may take

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError("a search returns at least one hit")
        if self.sort not in ("relevance", "date"):
            raise ValueError(f"unknown sort order {self.sort!r}")
