"""Purge the page cache when an event, or the stories covering it, change.

Through the page cache's own ``_guarded`` purge (after commit, never raising
into the editor's save). Unlike other records, a new event is on pages at
once (the events section, its campaign's page, the calendars), so creation
purges too.
"""

from __future__ import annotations

from django.db.models.signals import post_save, pre_delete, pre_save
from wagtail.signals import page_published, page_unpublished

from exemplars.caching.signal_handlers import _guarded
from exemplars.events import purge
from exemplars.events.models import Event, StoryEvent
from exemplars.models import Campaign, Exemplar, ExemplarStoryPage, Locality


def event_about_to_change(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    before = Event.objects.filter(pk=instance.pk).values("slug", "campaign_id").first()
    instance._purge_before = before or {}


def event_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_purge_before", {})
    slugs = [before["slug"]] if before.get("slug") else []
    campaigns = [before["campaign_id"]] if before.get("campaign_id") else []
    _guarded(lambda: purge.for_event(instance, slugs, campaigns))


def event_deleted(sender, instance, **kwargs):
    _guarded(lambda: purge.for_event(instance))


def _cited_slugs(page_id) -> list[str]:
    return list(StoryEvent.objects.filter(page_id=page_id).values_list("event__slug", flat=True))


def story_about_to_change(sender, instance, raw=False, update_fields=None, **kwargs):
    # The events the story covered before this publication, so one it no longer
    # cites drops it from its page too.
    if raw or update_fields is not None or not instance.pk:
        return
    instance._events_before = _cited_slugs(instance.pk)


def story_changed(sender, instance, **kwargs):
    if not isinstance(instance.specific_deferred, ExemplarStoryPage):
        return
    before = getattr(instance, "_events_before", [])
    _guarded(
        lambda: purge.for_event_pages(before + _cited_slugs(instance.pk)),
        lambda: purge.for_event_pages(_cited_slugs(instance.pk)),
    )


def story_deleted(sender, instance, **kwargs):
    slugs = _cited_slugs(instance.pk)
    if slugs:
        _guarded(lambda: purge.for_event_pages(slugs))


# What an event prints of each record: exemplars' names (performers), the
# locality of its place, its campaign's name (the campaign calendar's title).
RECORD_EVENTS = {
    Exemplar: lambda record: Event.objects.filter(exemplars=record),
    Locality: lambda record: Event.objects.filter(locality=record),
    Campaign: lambda record: Event.objects.filter(campaign=record),
}


def record_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    events = RECORD_EVENTS[sender]
    _guarded(lambda: purge.for_record(events(instance)))


def register_signal_handlers() -> None:
    for model in RECORD_EVENTS:
        post_save.connect(
            record_saved, sender=model, dispatch_uid=f"events.cache.record.{model.__name__}"
        )
    pre_save.connect(event_about_to_change, sender=Event, dispatch_uid="events.cache.pre")
    post_save.connect(event_saved, sender=Event, dispatch_uid="events.cache.saved")
    pre_delete.connect(event_deleted, sender=Event, dispatch_uid="events.cache.deleted")
    pre_save.connect(
        story_about_to_change, sender=ExemplarStoryPage, dispatch_uid="events.cache.story"
    )
    page_published.connect(story_changed, dispatch_uid="events.cache.published")
    page_unpublished.connect(story_changed, dispatch_uid="events.cache.unpublished")
    pre_delete.connect(
        story_deleted, sender=ExemplarStoryPage, dispatch_uid="events.cache.story_deleted"
    )
