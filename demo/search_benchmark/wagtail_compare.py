"""What an outlet has without us: Wagtail's own database search backend.

Pages are bulk-inserted (treebeard paths computed here; ``page.save()`` for
100,000 pages would take hours) as plain ``wagtailcore.Page`` rows, and
indexed by Wagtail's backend itself (``add_bulk``) with the story's intro and
body added as a search field, which is what a story model's
``search_fields`` would give it. Each query is capped: a SQLite progress
handler or PostgreSQL's ``statement_timeout`` interrupts it.
"""

from __future__ import annotations

import time
import uuid
from contextlib import contextmanager

from django.db import DatabaseError, connection, transaction
from modelsearch import index
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

BACKEND_PATH = "wagtail.search.backends.database"
BATCH = 1000


@contextmanager
def _body_as_search_field():
    original = Page.search_fields
    Page.search_fields = [*original, index.SearchField("bench_text")]
    try:
        yield
    finally:
        Page.search_fields = original


def build(documents, progress=None) -> float:
    """Create a live page per document and index it; returns pages per second."""
    backend = get_search_backend(BACKEND_PATH)
    root = Page.get_first_root_node()
    last = root.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    locale = Locale.get_default()
    started = time.monotonic()
    done = 0
    batch = []

    def flush():
        nonlocal done
        pages = Page.objects.bulk_create([p for p, _ in batch])
        for page, (_, text) in zip(pages, batch, strict=True):
            page.bench_text = text
        with _body_as_search_field():
            backend.add_bulk(Page, pages)
        done += len(pages)
        if progress:
            progress(len(pages))
        batch.clear()

    for doc in documents:
        step += 1
        slug = f"bench-{doc.id}"
        page = Page(
            title=doc.title,
            draft_title=doc.title,
            slug=slug,
            path=Page._get_path(root.path, root.depth + 1, step),
            depth=root.depth + 1,
            numchild=0,
            url_path=f"{root.url_path}{slug}/",
            live=True,
            content_type_id=_page_content_type_id(),
            locale=locale,
            translation_key=uuid.uuid4(),
            first_published_at=doc.published,
            last_published_at=doc.published,
        )
        batch.append((page, f"{doc.intro} {doc.body}"))
        if len(batch) >= BATCH:
            with transaction.atomic():
                flush()
    if batch:
        with transaction.atomic():
            flush()
    Page.objects.filter(pk=root.pk).update(numchild=root.get_children().count())
    return done / (time.monotonic() - started)


_CT = {}


def _page_content_type_id() -> int:
    if "page" not in _CT:
        from django.contrib.contenttypes.models import ContentType

        _CT["page"] = ContentType.objects.get_for_model(Page).pk
    return _CT["page"]


@contextmanager
def _cap(seconds: float):
    """Interrupt the database work of the block after ``seconds``."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        raw = connection.connection
        deadline = time.monotonic() + seconds
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            yield
        finally:
            raw.set_progress_handler(None, 0)
    else:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = %s", [int(seconds * 1000)])
            yield


def search(q: str, cap_s: float = 30.0, limit: int = 20) -> tuple[float, int | None, str]:
    """(milliseconds, hits or None when capped/failed, status) for one query."""
    backend = get_search_backend(BACKEND_PATH)
    started = time.monotonic()
    try:
        with _cap(cap_s):
            hits = len(list(backend.search(q, Page.objects.live())[:limit]))
        status = "ok"
    except DatabaseError as exc:
        elapsed = time.monotonic() - started
        hits = None
        status = "capped" if elapsed >= cap_s * 0.99 else f"error: {exc}"
    except Exception as exc:  # Wagtail's own parser raises on some input
        hits, status = None, f"error: {type(exc).__name__}: {exc}"
    return (time.monotonic() - started) * 1000, hits, status
