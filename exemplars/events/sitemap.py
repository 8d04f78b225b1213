"""Sitemap entries of the events section and each event (added by ``sitemaps.route_urls``)."""

from __future__ import annotations

from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from exemplars.events.models import Event


def event_urls(base: str) -> list[dict]:
    """``base``: the site's root address; events are served outside the page tree."""
    rows = list(Event.objects.order_by("-starts_at").values_list("slug", "updated_at"))
    if not rows:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        out = [
            {
                "location": urljoin(base, reverse("exemplars_events")),
                "lastmod": Event.objects.aggregate(m=Max("updated_at"))["m"],
            }
        ]
        out += [
            {"location": urljoin(base, reverse("exemplars_event", args=[slug])), "lastmod": lastmod}
            for slug, lastmod in rows
        ]
    return out
