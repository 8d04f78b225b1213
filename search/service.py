"""The search service: what views, signal handlers and commands call.

It turns registered content into documents (through ``registry`` adapters)
and hands them to the configured backend. Two backends are reachable: the
primary one (:func:`primary_backend`, from settings) and the database one
(:func:`database_backend`, sqlite or postgres by vendor). The seams
:func:`read_backend` and :func:`write` are where a primary that lives
elsewhere (Elasticsearch) can fall back to the database and queue changes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from . import backends, registry, synonyms
from .correct import with_correction
from .documents import SearchDocument
from .fallback import with_fallback
from .query import SearchRequest, SearchResults, Suggestion
from .signals import index_changed

logger = logging.getLogger("exemplars_search")


def primary_backend():
    """The backend the settings choose; a remote one comes wrapped with its
    database fallback and offline queue (see ``fallback``)."""
    return with_fallback(backends.get_backend())


def database_backend():
    """The backend living in the site's own database (the fallback)."""
    return backends.database_backend()


def read_backend():
    """The backend that answers readers."""
    return primary_backend()


def search(request: SearchRequest) -> SearchResults:
    """Answer a validated reader request; a query finding nothing because of
    a spelling slip gets the corrected query's results (``did_you_mean``)."""
    backend = read_backend()
    request.with_readings(synonyms.current())
    return with_correction(backend, request, backend.search(request))


def suggest(q: str, limit: int = 8) -> list[Suggestion]:
    """Up to ``limit`` titles for what a reader has typed so far."""
    return read_backend().suggest(q, limit)


# -- keeping the index in step ---------------------------------------------


def _by_adapter(objs: Iterable) -> dict:
    grouped = defaultdict(list)
    for obj in objs:
        adapter = registry.get_adapter(obj)
        if adapter is not None:
            grouped[adapter].append(obj)
    return grouped


def documents_for(objs: Iterable) -> list[SearchDocument]:
    """Fresh documents for registered objects (re-read, so only saved, live state)."""
    docs: list[SearchDocument] = []
    missing: list[int] = []
    for adapter, items in _by_adapter(objs).items():
        ids = [o.pk for o in items]
        fresh = adapter.documents_for_ids(ids)
        docs.extend(fresh)
        # Not in the adapter's queryset any more (unpublished, private).
        found = {d.id for d in fresh}
        missing.extend(i for i in ids if i not in found)
    # A document marked not live is deleted by every backend's index().
    return docs + [_gone(i) for i in missing]


def _gone(id_: int) -> SearchDocument:
    return SearchDocument(
        id=id_, title="", intro="", body="", url="", published=dt.datetime.now(dt.UTC), live=False
    )


def index_objects(objs: Iterable) -> int:
    """(Re)index registered objects; ones no longer public are removed."""
    docs = documents_for(objs)
    if not docs:
        return 0
    return write("index", docs)


def delete_objects(objs_or_ids: Iterable) -> None:
    """Remove objects (or bare ids) from the index."""
    ids = [getattr(o, "pk", o) for o in objs_or_ids]
    if ids:
        write("delete", ids)


def write(action: str, payload: list) -> int:
    """Send one change to the primary backend ("index" documents or "delete" ids)."""
    backend = primary_backend()
    if action == "index":
        written = backend.index(payload)
    else:
        backend.delete(payload)
        written = len(payload)
    index_changed.send(sender=backend.name, action=action)
    return written


def iter_all_documents(batch_size: int = 500) -> Iterator[SearchDocument]:
    for adapter in registry.adapters():
        yield from adapter.iter_documents(batch_size=batch_size)


def count_all() -> int:
    return sum(adapter.queryset().count() for adapter in registry.adapters())


def rebuild(*, backend=None, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild ``backend`` (default: the primary) from every registered adapter."""
    backend = backend or primary_backend()
    written = backend.rebuild(iter_all_documents(), progress=progress)
    index_changed.send(sender=backend.name, action="rebuild")
    logger.info("Rebuilt the %s search index: %d documents", backend.name, written)
    return written
