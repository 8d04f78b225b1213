"""Keep the search index in step with publishing.

Handlers listen for every sender and ask the registry, so content may
register before or after this app is ready. Only published state reaches the
index: a draft saved on a live page changes no live field, and
:func:`service.index_objects` re-reads the object anyway. Work runs after the
transaction commits, so a rolled-back publish never touches the index, and a
failing index never turns a journalist's successful publish into an error.

Nothing connects at import: :func:`register_signal_handlers` does, called from
``ExemplarsSearchConfig.ready()``, as ``wagtail.contrib.frontend_cache`` does.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import registry, service

logger = logging.getLogger("exemplars_search")


def _after_commit(func, *args) -> None:
    def run():
        try:
            func(*args)
        except Exception:
            logger.exception("Search index update failed: %s%r", func.__name__, args)

    transaction.on_commit(run)


def _reindex(model, ids: list[int]) -> None:
    adapter = registry.get_adapter(model)
    objs = adapter.model._default_manager.filter(pk__in=ids) if adapter else []
    found = {o.pk for o in objs}
    service.index_objects(list(objs))
    # Gone from the table before the commit ran: make sure it is out of the index.
    service.delete_objects([i for i in ids if i not in found])


def _delete(ids: list[int]) -> None:
    service.delete_objects(ids)


def page_changed(sender, instance, **kwargs):
    """Published, unpublished: index the live version, or remove it."""
    if registry.get_adapter(instance) is not None:
        _after_commit(_reindex, type(instance), [instance.pk])


def page_moved(sender, instance, **kwargs):
    """A move changes the URL of the page and of every registered page below it."""
    pages = Page.objects.descendant_of(instance, inclusive=True).specific(defer=True)
    by_model: dict[type, list[int]] = {}
    for page in pages.iterator():
        adapter = registry.get_adapter(page)
        if adapter is not None:
            by_model.setdefault(adapter.model, []).append(page.pk)
    for model, ids in by_model.items():
        _after_commit(_reindex, model, ids)


def object_saved(sender, instance, raw=False, **kwargs):
    """Registered models that are not pages have no publishing: every save counts."""
    if raw or isinstance(instance, Page):
        return
    if registry.get_adapter(instance) is not None:
        _after_commit(_reindex, type(instance), [instance.pk])


def object_deleted(sender, instance, **kwargs):
    if registry.get_adapter(instance) is not None:
        _after_commit(_delete, [instance.pk])


def register_signal_handlers() -> None:
    """Connect the handlers; the dispatch_uids make a second call a no-op."""
    page_published.connect(page_changed, dispatch_uid="exemplars_search.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="exemplars_search.page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="exemplars_search.page_moved")
    post_save.connect(object_saved, dispatch_uid="exemplars_search.object_saved")
    post_delete.connect(object_deleted, dispatch_uid="exemplars_search.object_deleted")
