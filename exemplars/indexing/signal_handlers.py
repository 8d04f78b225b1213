"""Keep search documents in step with the records stories are filtered by.

A story's document carries its campaigns' names, its locality's lineage and its
exemplar's kind, so renaming a campaign or merging a locality must reindex the
stories that hang on it. Page publishing itself is handled by the search app.
Connected by :func:`register_signal_handlers`, called from ``ExemplarsConfig.ready()``.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction

from exemplars.indexing.adapter import story_adapter
from exemplars.models import Campaign, Exemplar, ExemplarStoryPage, Field, Locality
from exemplars.models.snippets import LocalityLinks
from exemplars_search import registry, service

logger = logging.getLogger("exemplars_search")


def _reindex(stories):
    ids = list(stories.live().values_list("pk", flat=True))
    if not ids:
        return

    def run():
        story_adapter.reset()
        try:
            # index_objects re-reads each story; one now private comes back not
            # live and is removed from the index.
            service.index_objects(ExemplarStoryPage.objects.filter(pk__in=ids))
        except Exception:
            # As for a story's publish: the edit stands. What a remote index could
            # not take is queued by the search fallback; the rest waits for a rebuild.
            logger.exception("Search index update failed for stories %s", ids)

    transaction.on_commit(run)


def locality_saved(sender, instance, created, raw=False, **kwargs):
    if raw or created and instance.successor_id is None and instance.parent_id is None:
        return
    # A rename, merge or move touches every locality in the lineage.
    links = LocalityLinks.load()
    reach = set(links.closure([instance.pk], "children", "predecessors")) | set(
        links.lineage(instance.pk)
    )
    _reindex(ExemplarStoryPage.objects.filter(locality__in=reach))


def campaign_saved(sender, instance, created, raw=False, **kwargs):
    if not (raw or created):
        _reindex(ExemplarStoryPage.objects.filter(campaigns=instance))


def field_saved(sender, instance, created, raw=False, **kwargs):
    if not (raw or created):
        _reindex(ExemplarStoryPage.objects.filter(field=instance))


def exemplar_saved(sender, instance, created, raw=False, **kwargs):
    if not (raw or created):
        _reindex(ExemplarStoryPage.objects.filter(exemplar=instance))


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    """A private section's stories must leave the reader index, and come back when public."""
    if raw:
        return
    stories = ExemplarStoryPage.objects.descendant_of(instance.page, inclusive=True)
    _reindex(stories)


def register_signal_handlers() -> None:
    # Content opts in to search here; the search app never imports our models.
    registry.register(ExemplarStoryPage, story_adapter)
    post_save.connect(locality_saved, sender=Locality, dispatch_uid="exemplars.locality_saved")
    post_save.connect(campaign_saved, sender=Campaign, dispatch_uid="exemplars.campaign_saved")
    post_save.connect(field_saved, sender=Field, dispatch_uid="exemplars.field_saved")
    post_save.connect(exemplar_saved, sender=Exemplar, dispatch_uid="exemplars.exemplar_saved")
    post_save.connect(
        view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="exemplars.view_restriction_saved",
    )
    post_delete.connect(
        view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="exemplars.view_restriction_deleted",
    )
