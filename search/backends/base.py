"""The contract every search backend keeps.

A backend is chosen like Django's CACHES: ``EXEMPLARS_SEARCH["BACKEND"]`` names a
module (or one of "sqlite", "postgres", "elasticsearch", "auto") whose
``SearchBackend`` class is instantiated with the settings dict.

Behaviour every backend must share (tests/search/behaviour.py checks it):
matching follows ``text.Term`` (marked words strictly on dfold, unmarked on
fold); all required words must occur; phrases must occur as adjacent words in
order; excluded groups must not occur in any accent form (fold); results where
the reader's words stand next to each other in order rank above scattered ones,
title matches above intro above body; only ``live`` documents are returned;
when nothing matches strictly, marked words are matched folded instead and the
results say ``loosened``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from itertools import islice

from ..documents import SearchDocument
from ..query import SearchRequest, SearchResults, Suggestion


class BackendUnavailable(Exception):
    """The remote backend cannot be reached or is overloaded; retry later.

    Raised by remote backends (Elasticsearch, OpenSearch) and caught by
    ``fallback``, which then answers from the database and queues the change.
    """


def now_version() -> int:
    """A document version: microseconds since the epoch.

    The remote index stores it as an external version and refuses a write
    older than what it holds, so a replayed change can never overwrite a newer
    edit that reached the cluster first. Remote backends stamp writes with it,
    and ``fallback`` stamps queued changes.
    """
    return time.time_ns() // 1000


def batches(iterable: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last one shorter): bounded memory for
    indexing whatever a rebuild streams."""
    it = iter(iterable)
    while batch := list(islice(it, size)):
        yield batch


class BaseSearchBackend:
    name = "base"

    def __init__(self, params: dict | None = None):
        self.params = params or {}

    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents; return how many were written."""
        raise NotImplementedError

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents by id; unknown ids are ignored."""
        raise NotImplementedError

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a reader request: hits for the page, total, facets, excerpts."""
        raise NotImplementedError

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]:
        """Titles holding the typed words, folded, the last one as a prefix."""
        raise NotImplementedError

    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Replace the whole index with ``documents``; readers never see it empty."""
        raise NotImplementedError

    def count(self) -> int:
        """How many documents the index holds."""
        raise NotImplementedError

    def check(self) -> None:
        """Raise an exception when the backend cannot serve (server down, table missing)."""
