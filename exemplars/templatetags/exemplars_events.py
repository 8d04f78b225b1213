"""``{% campaign_events campaign %}``: a campaign page's upcoming and past events."""

from django import template
from django.utils import timezone

from exemplars.caching import freshness
from exemplars.events.models import Event

register = template.Library()

PAST_ON_CAMPAIGN_PAGE = 6


@register.inclusion_tag("exemplars/events/includes/campaign_events.html")
def campaign_events(campaign):
    now = timezone.now()
    # One query: both lists come from the same rows, split here.
    events = list(
        Event.objects.filter(campaign=campaign).select_related("locality").order_by("starts_at")
    )
    upcoming = [e for e in events if e.ends_at > now]
    # The campaign page lists each as past once it ends, with no save to purge it.
    freshness.changes_at(*(event.ends_at for event in upcoming))
    past = [e for e in reversed(events) if e.ends_at <= now][:PAST_ON_CAMPAIGN_PAGE]
    return {"campaign": campaign, "upcoming": upcoming, "past": past}
