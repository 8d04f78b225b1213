"""Purge the caches in front of readers when what they see changes.

Our own page cache is kept true by one rule (``coherence``: any committed
change to what readers see outdates every page). The handlers here name the
addresses a change shows on, for the caches purged address by address (nginx,
Varnish, a CDN in ``WAGTAILFRONTENDCACHE``), and purge our paths with them.

Each handler gathers its addresses while the change is being saved (for a
deletion, before the rows are gone; for a publication, also the story's
addresses before it, so a campaign it left is purged too) and purges once
the transaction commits: purged earlier, a reader could cache the old page
again before the commit. A purge never raises into the editor's save.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from exemplars.caching import coherence, purge, wsgi
from exemplars.caching.backends import PageCacheBackend
from exemplars.caching.conf import page_cache_settings
from exemplars.caching.store import PageStore
from exemplars.models import Author, Award, Campaign, Exemplar, ExemplarStoryPage, Field, Locality
from exemplars_search.signals import index_changed

logger = logging.getLogger("exemplars.caching")


def purging() -> bool:
    """Whether any cache is there to purge: our page cache when it is on, or a
    proxy or CDN backend. Without one, saving content costs no purge query."""
    ours = f"{PageCacheBackend.__module__}.{PageCacheBackend.__name__}"
    backends = [
        b["BACKEND"] for b in (getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}).values()
    ]
    return any(b != ours for b in backends) or (
        ours in backends and page_cache_settings()["ENABLED"]
    )


def purge_after_commit(ps: purge.PurgeSet, again=None) -> None:
    """Purge ``ps`` once committed, with what ``again()`` finds then (relations
    saved after the record itself, such as an exemplar's honours)."""

    def run():
        nonlocal ps
        try:
            if again is not None:
                ps = ps | again()
            if not ps:
                return
            urls = sorted(ps.in_every_language())
            if ps.everything:
                PageStore().purge_all()
            PurgeBatch(urls).purge()
        except Exception:
            logger.exception("Front-end cache purge failed")

    transaction.on_commit(run)


def _guarded(compute, again=None):
    """Purge what ``compute`` returns; a failure is logged, not raised."""
    if not purging():
        return
    try:
        purge_after_commit(compute(), again)
    except Exception:
        logger.exception("Could not work out what to purge")


def story_about_to_change(sender, instance, raw=False, update_fields=None, **kwargs):
    # A publication saves the whole page: remember where the story was shown before.
    if raw or update_fields is not None or not instance.pk or not instance.live or not purging():
        return
    try:
        ps = purge.PurgeSet()
        purge.add_stories(ps, [instance.pk])
        instance._purge_before = ps
    except Exception:
        logger.exception("Could not work out what to purge")


def page_changed(sender, instance, **kwargs):
    before = getattr(instance, "_purge_before", None)
    _guarded(lambda: purge.for_page(instance) | before if before else purge.for_page(instance))


def page_moved(sender, instance, url_path_before=None, parent_page_before=None, **kwargs):
    old = purge.subtree_urls(instance, url_path_before)
    _guarded(lambda: purge.for_page(instance, old, parent_page_before))


def slug_changed(sender, instance, instance_before=None, **kwargs):
    if instance_before is None:
        return
    old = instance_before.url_path
    _guarded(lambda: purge.for_page(instance, purge.subtree_urls(instance, old)))


def restriction_changed(sender, instance, raw=False, **kwargs):
    # Made private: its addresses must stop answering from any cache, and the
    # lists that showed it must drop it. Made public again: the reverse.
    if raw:
        return
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        # Deleted with its page, whose deletion purges.
        return
    _guarded(lambda: purge.for_page(page))


def search_index_changed(sender, **kwargs):
    # Indexing runs after the change commits: the search pages rendered in
    # between showed the old results.
    def compute():
        ps = purge.PurgeSet()
        ps.add_search()
        return ps

    _guarded(compute)


def stories_imported(story_ids) -> None:
    """After an import committed: its stories were published without
    ``page_published`` (``importing.base.publish_at``)."""
    coherence.outdate_pages()

    def compute():
        ps = purge.PurgeSet()
        purge.add_stories(ps, story_ids)
        return ps

    _guarded(compute)


def _record_handler(compute, deleting=False):
    def handler(sender, instance, raw=False, created=False, **kwargs):
        if raw or created:
            # A new record is on no page yet.
            return
        _guarded(lambda: compute(instance), None if deleting else lambda: compute(instance))

    return handler


RECORDS = {
    Campaign: purge.for_campaign,
    Exemplar: purge.for_exemplar,
    Locality: purge.for_locality,
    Field: purge.for_field,
    Author: purge.for_author,
    Award: purge.for_award,
}


def register_signal_handlers() -> None:
    coherence.register_signal_handlers()
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"exemplars.caching.restriction.{signal is post_save}",
        )
    index_changed.connect(search_index_changed, dispatch_uid="exemplars.caching.search_index")
    # The WSGI layer keeps its settings between requests: a test's override resets them.
    setting_changed.connect(wsgi.settings_changed, dispatch_uid="exemplars.caching.settings")
    page_published.connect(page_changed, dispatch_uid="exemplars.caching.published")
    page_unpublished.connect(page_changed, dispatch_uid="exemplars.caching.unpublished")
    post_page_move.connect(page_moved, dispatch_uid="exemplars.caching.moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="exemplars.caching.slug")
    pre_save.connect(
        story_about_to_change, sender=ExemplarStoryPage, dispatch_uid="exemplars.caching.story"
    )
    for model, compute in RECORDS.items():
        # Saved: the pages that name it (a rename reaches them all). Deleted:
        # the same pages, found before its relations go.
        post_save.connect(
            _record_handler(compute), sender=model, weak=False, dispatch_uid=f"cache.{model}"
        )
        pre_delete.connect(
            _record_handler(compute, deleting=True),
            sender=model,
            weak=False,
            dispatch_uid=f"cache.delete.{model}",
        )
