"""Keeping search going while a remote backend (Elasticsearch) is unreachable.

:func:`with_fallback` wraps a backend that says it is ``remote`` in a
:class:`FallbackSearchBackend`, which:

* keeps the database backend (SQLite FTS5 or PostgreSQL, by vendor) as a warm
  mirror, written before the remote one, so it can answer readers at any time;
* answers readers from that mirror when the remote backend is unreachable,
  instead of failing;
* queues every change the remote backend could not take in
  :class:`~exemplars_search.models.PendingIndexOperation`, and replays the
  queue (:func:`replay`) after the next successful write, after a rebuild and
  from ``manage.py replay_search_queue``.

After a failure the remote backend is left alone for ``RETRY_AFTER`` seconds
(default 30), so readers do not each wait for a connection timeout.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.core.cache import cache

from . import backends, registry
from .backends.base import BackendUnavailable, BaseSearchBackend, now_version
from .documents import Facet, SearchDocument
from .models import PendingIndexOperation
from .query import SearchRequest, SearchResults, Suggestion

logger = logging.getLogger("exemplars_search")

REPLAY_BATCH = 500
# How long a rebuild may take before its "rebuilding" mark is ignored (a crash).
REBUILD_MARK_SECONDS = 12 * 3600


def _rebuild_key(name: str) -> str:
    return f"exemplars_search:rebuilding:{name}"


def rebuilding(name: str) -> bool:
    """Whether a rebuild of backend ``name`` is filling a new index right now.

    Kept in Django's cache, so with a shared cache (Redis) every process knows.
    """
    return cache.get(_rebuild_key(name)) is not None


# --- Serialising documents for the queue ---------------------------------------


def document_to_json(doc: SearchDocument) -> dict:
    def facet(f: Facet | None):
        return [f.slug, f.label] if f else None

    return {
        "id": doc.id,
        "title": doc.title,
        "intro": doc.intro,
        "body": doc.body,
        "url": doc.url,
        "published": doc.published.isoformat(),
        "live": doc.live,
        "kind": doc.kind,
        "exemplar": doc.exemplar,
        "campaigns": [facet(c) for c in doc.campaigns],
        "locality": facet(doc.locality),
        "localities": list(doc.localities),
        "field": facet(doc.field),
    }


def document_from_json(data: dict) -> SearchDocument:
    def facet(value):
        return Facet(*value) if value else None

    return SearchDocument(
        id=data["id"],
        title=data["title"],
        intro=data["intro"],
        body=data["body"],
        url=data["url"],
        published=dt.datetime.fromisoformat(data["published"]),
        live=data["live"],
        kind=data["kind"],
        exemplar=data["exemplar"],
        campaigns=[facet(c) for c in data["campaigns"]],
        locality=facet(data["locality"]),
        localities=list(data["localities"]),
        field=facet(data["field"]),
    )


# --- The queue -------------------------------------------------------------------


def _model_label() -> str:
    """The content type queued changes belong to, when only one model is searchable."""
    adapters = registry.adapters()
    if len(adapters) == 1 and adapters[0].model is not None:
        return adapters[0].model._meta.label_lower
    return ""


def enqueue(action: str, items: list, error: Exception | str = "") -> int:
    """Queue changes the remote backend did not take: documents to index, or ids to delete."""
    Op = PendingIndexOperation
    version = now_version()
    label = _model_label()
    rows = []
    for item in items:
        if action == Op.Action.INDEX:
            rows.append(
                Op(
                    object_id=item.id,
                    model=label,
                    action=action,
                    document=document_to_json(item),
                    version=version,
                    last_error=str(error)[:2000],
                )
            )
        else:
            rows.append(
                Op(
                    object_id=int(item),
                    model=label,
                    action=action,
                    version=version,
                    last_error=str(error)[:2000],
                )
            )
    Op.objects.bulk_create(rows, batch_size=REPLAY_BATCH)
    return len(rows)


def pending_count() -> int:
    return PendingIndexOperation.objects.count()


class Pending(NamedTuple):
    """The last queued change to one object (its document stays in the database)."""

    pk: int
    object_id: int
    action: str
    version: int


@dataclass
class ReplayReport:
    """What one :func:`replay` did."""

    replayed: int = 0  # distinct objects sent
    coalesced: int = 0  # queue rows made redundant by a later one for the same object
    failed: int = 0  # objects kept in the queue after an error
    remaining: int = 0  # rows still queued afterwards
    error: str = ""


def replay(backend, *, batch_size: int = REPLAY_BATCH) -> ReplayReport:
    """Send queued changes to ``backend`` in the order they were made.

    Only the last change to each object is sent (with its document as it was
    then, and its version); the earlier ones are dropped with it. Rows are
    deleted only once the backend took them, so nothing is lost: when the
    backend is still unreachable the rest stay queued with ``attempts`` and
    ``last_error`` updated. Rows queued while a replay runs wait for the next.
    """
    Op = PendingIndexOperation
    report = ReplayReport()
    upto = Op.objects.order_by("-pk").values_list("pk", flat=True).first()
    if upto is None:
        return report
    # Coalesce on the light columns only; documents are loaded a batch at a
    # time, so a long outage's queue never has to fit in memory.
    latest: dict[int, Pending] = {}
    total_rows = 0
    rows = Op.objects.filter(pk__lte=upto).order_by("pk")
    for pk, object_id, action, version in rows.values_list(
        "pk", "object_id", "action", "version"
    ).iterator(chunk_size=5000):
        total_rows += 1
        latest.pop(object_id, None)  # re-insert so dict order is "last change" order
        latest[object_id] = Pending(pk, object_id, action, version)
    report.coalesced = total_rows - len(latest)
    ordered = list(latest.values())
    done = 0
    for batch in _runs(ordered, batch_size):
        ids = [op.object_id for op in batch]
        try:
            _send(Op, backend, batch)
        except BackendUnavailable as exc:
            report.error = str(exc)
            rest = [op.object_id for op in ordered[done:]]
            _record_failure(Op, rest, upto, exc)
            report.failed += len(rest)
            break
        except Exception as exc:
            # A change the backend refuses (not an outage) must not block the
            # queue behind it: it stays queued with the reason, the rest goes on.
            logger.exception("The search backend refused queued changes for %s", ids)
            report.error = str(exc)
            report.failed += len(batch)
            _record_failure(Op, ids, upto, exc)
        else:
            _forget(Op, ids, upto)
            report.replayed += len(batch)
        done += len(batch)
    report.remaining = Op.objects.count()
    if report.replayed:
        logger.info(
            "Replayed %d queued search changes (%d coalesced), %d left",
            report.replayed,
            report.coalesced,
            report.remaining,
        )
    return report


def _runs(ops: list, size: int):
    """Consecutive ops with the same action, at most ``size`` at a time, order kept."""
    run: list = []
    for op in ops:
        if run and (op.action != run[0].action or len(run) >= size):
            yield run
            run = []
        run.append(op)
    if run:
        yield run


def _send(Op, backend, batch: list[Pending]) -> None:
    versions = {op.object_id: op.version for op in batch}
    kwargs = {"versions": versions} if getattr(backend, "supports_versions", False) else {}
    if batch[0].action == "index":
        stored = dict(
            Op.objects.filter(pk__in=[op.pk for op in batch]).values_list("pk", "document")
        )
        backend.index([document_from_json(stored[op.pk]) for op in batch], **kwargs)
    else:
        backend.delete([op.object_id for op in batch], **kwargs)


def _forget(Op, ids: list[int], upto: int) -> None:
    """Delete the sent rows in one statement.

    ``QuerySet.delete()`` would load every row, documents included, because
    post_delete receivers listen to all models; queue rows need no signals.
    """
    qs = Op.objects.filter(object_id__in=ids, pk__lte=upto)
    qs._raw_delete(qs.db)


def _record_failure(Op, ids: list[int], upto: int, exc: Exception) -> None:
    from django.db.models import F

    for start in range(0, len(ids), REPLAY_BATCH):
        Op.objects.filter(object_id__in=ids[start : start + REPLAY_BATCH], pk__lte=upto).update(
            attempts=F("attempts") + 1, last_error=str(exc)[:2000]
        )


# --- The wrapper -------------------------------------------------------------------


class FallbackSearchBackend(BaseSearchBackend):
    """A remote backend with the database backend as mirror and stand-in.

    ``primary`` raises :class:`BackendUnavailable` when it cannot be reached.
    Readers never see its other failures either: they are logged and the
    mirror answers. A write it refuses is queued with the reason, not lost.
    """

    def __init__(self, primary, mirror=None, *, retry_after: float | None = None):
        super().__init__(getattr(primary, "params", None))
        self.primary = primary
        self._mirror = mirror
        params = getattr(primary, "params", {}) or {}
        self.retry_after = float(
            retry_after if retry_after is not None else params.get("RETRY_AFTER", 30)
        )
        self._down_until = 0.0

    @property
    def name(self) -> str:
        return self.primary.name

    @property
    def mirror(self):
        """The database backend (sqlite or postgres by vendor), loaded on first use."""
        if self._mirror is None:
            self._mirror = backends.database_backend()
        return self._mirror

    # State ------------------------------------------------------------------

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def mark_down(self, exc: Exception) -> None:
        if not self.is_down:
            logger.warning(
                "Search backend %s unreachable, using the database for %ss: %s",
                self.primary.name,
                self.retry_after,
                exc,
            )
        self._down_until = time.monotonic() + self.retry_after

    def mark_up(self) -> None:
        self._down_until = 0.0

    # Writing ----------------------------------------------------------------

    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Write the mirror, then the primary; queue what the primary cannot take."""
        docs = list(documents)
        if not docs:
            return 0
        try:
            written = self.mirror.index(docs)
        except Exception:
            # The mirror only stands in while the cluster is down: its failure
            # must not keep the change from the cluster, or from the queue.
            logger.exception("The database search mirror refused a change")
            written = sum(1 for d in docs if d.live)
        return self._write("index", docs, written)

    def delete(self, ids: Iterable[int]) -> None:
        """Remove from the mirror, then the primary; queue what the primary cannot take."""
        ids = list(ids)
        if not ids:
            return
        try:
            self.mirror.delete(ids)
        except Exception:
            logger.exception("The database search mirror refused a change")
        self._write("delete", ids, len(ids))

    def _write(self, action: str, items: list, written: int) -> int:
        if self.is_down:
            enqueue(action, items, "skipped: the backend was unreachable moments ago")
            return written
        try:
            if action == "index":
                written = self.primary.index(items)
            else:
                self.primary.delete(items)
        except BackendUnavailable as exc:
            self.mark_down(exc)
            enqueue(action, items, exc)
            return written
        except Exception as exc:
            # Refused for another reason (a document the mapping rejects): an
            # editor's publish must not fail on it; it waits in the queue,
            # with the reason, for someone to look.
            logger.exception("Search backend %s refused a change", self.primary.name)
            enqueue(action, items, exc)
            return written
        self.mark_up()
        if rebuilding(self.primary.name):
            # This went to the index being replaced; queued too, it is
            # replayed into the new one once the rebuild swaps it in.
            enqueue(action, items, "written during a rebuild")
        else:
            self.replay_if_pending()
        return written

    def replay_if_pending(self) -> ReplayReport | None:
        """Replay the queue when it holds anything (cheap when empty)."""
        if rebuilding(self.primary.name) or not PendingIndexOperation.objects.exists():
            return None
        report = replay(self.primary)
        if report.error and report.failed:
            self.mark_down(BackendUnavailable(report.error))
        return report

    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Rebuild the primary and the mirror from one pass over ``documents``.

        Changes queued before the rebuild began are superseded by it and
        dropped; later ones are replayed. When the primary fails midway the
        mirror is still completed, then the error is raised.
        """
        started = now_version()
        cache.set(_rebuild_key(self.primary.name), started, REBUILD_MARK_SECONDS)
        try:
            written = self._rebuild(documents, progress)
        finally:
            cache.delete(_rebuild_key(self.primary.name))
        # Changes queued before the rebuild began are in the new index already.
        stale = PendingIndexOperation.objects.filter(version__lt=started)
        stale._raw_delete(stale.db)
        self.replay_if_pending()
        return written

    def _rebuild(self, documents, progress) -> int:
        # Cleared first, then filled from the same pass: it only answers
        # readers while the primary is down, and a rebuild needs the primary up.
        self.mirror.rebuild(iter(()))
        stream = self._mirrored(documents)
        try:
            written = self.primary.rebuild(stream, progress=progress)
        except BackendUnavailable as exc:
            self.mark_down(exc)
            for _doc in stream:  # finish the mirror so readers keep a whole index
                pass
            raise
        self.mark_up()
        return written

    def _mirrored(self, documents: Iterable[SearchDocument]):
        """Yield ``documents``, writing each batch to the mirror on the way."""
        batch: list[SearchDocument] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= REPLAY_BATCH:
                self.mirror.index(batch)
                batch = []
            yield doc
        if batch:
            self.mirror.index(batch)

    # Reading ----------------------------------------------------------------

    def _read(self, method: str, *args):
        """The primary's answer, or the mirror's when the primary fails."""
        if not self.is_down:
            try:
                return getattr(self.primary, method)(*args)
            except BackendUnavailable as exc:
                self.mark_down(exc)
            except Exception:
                logger.exception("Search backend %s failed; the database answers", self.name)
        return getattr(self.mirror, method)(*args)

    def search(self, request: SearchRequest) -> SearchResults:
        """The primary's answer, or the mirror's while the primary is unreachable."""
        return self._read("search", request)

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]:
        """The primary's suggestions, or the mirror's while the primary is unreachable."""
        return self._read("suggest", q, limit)

    def count(self) -> int:
        """How many documents the primary holds, or the mirror while it is unreachable."""
        return self._read("count")

    def check(self) -> None:
        """Raise when the primary cannot serve (the mirror is not checked here)."""
        self.primary.check()

    def __getattr__(self, name):
        # Anything else a backend offers (refresh(), optimize()) is the primary's.
        return getattr(self.primary, name)


def with_fallback(backend):
    """``backend`` itself, or for a ``remote`` one its fallback wrapper (one per backend)."""
    if not getattr(backend, "remote", False):
        return backend
    wrapper = backend.__dict__.get("_with_fallback")
    if wrapper is None:
        wrapper = backend._with_fallback = FallbackSearchBackend(backend)
    return wrapper
