"""Which addresses show an event: its page, the events section, the calendar
feeds, and its campaign's page (before and after a change of campaign)."""

from __future__ import annotations

from exemplars.caching.purge import PurgeSet
from exemplars.models import Campaign, CampaignPage


def for_event(event, slugs=(), campaign_ids=()) -> PurgeSet:
    """``slugs`` and ``campaign_ids``: what the event had before this change."""
    ps = PurgeSet()
    ps.add_path("exemplars_events")
    ps.add_path("exemplars_events_ics")
    ps.add_path("exemplars_sitemap")
    for slug in {event.slug, *slugs} - {"", None}:
        ps.add_path("exemplars_event", slug)
    ids = {event.campaign_id, *campaign_ids} - {None}
    if ids:
        for slug in Campaign.objects.filter(pk__in=ids).values_list("slug", flat=True):
            ps.add_path("exemplars_campaign_events_ics", slug)
        for page in CampaignPage.objects.filter(campaign__in=ids).only("pk", "url_path"):
            ps.add_page(page)
    return ps


def for_event_pages(slugs) -> PurgeSet:
    """The pages of events whose list of covering stories changed."""
    ps = PurgeSet()
    for slug in set(slugs):
        ps.add_path("exemplars_event", slug)
    return ps


def for_record(events) -> PurgeSet:
    """Pages naming a record (an exemplar, locality or campaign) through its events:
    the events' pages, the section and the calendars."""
    ps = PurgeSet()
    slugs = set(events.values_list("slug", flat=True))
    if slugs:
        ps.add_path("exemplars_events")
        ps.add_path("exemplars_events_ics")
        for slug in slugs:
            ps.add_path("exemplars_event", slug)
        for slug in set(events.exclude(campaign=None).values_list("campaign__slug", flat=True)):
            ps.add_path("exemplars_campaign_events_ics", slug)
    return ps
