"""Pages whose pins started or ended since the last look, purged.

A pin's dates change the home or campaign page showing it at a moment no
save announces. Wagtail's ``publish_scheduled``, which cron runs every few
minutes, is where such moments are handled (a story's go-live and expiry):
our command of that name (``management/commands/publish_scheduled.py``) calls
``purge_pin_changes`` after Wagtail's work, so a pin ending at 17:00 is gone
from every cache by the next run.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from exemplars.caching.conf import page_cache_settings
from exemplars.caching.purge import PurgeSet
from exemplars.models import CampaignPagePin, HomePagePin

LAST_LOOK = "exemplars:pins-looked-at"


def pages_with_pin_changes(since: dt.datetime, until: dt.datetime) -> list:
    """Live pages with a pin starting or ending in ``(since, until]``."""
    window = Q(pinned_from__gt=since, pinned_from__lte=until) | Q(
        pinned_until__gt=since, pinned_until__lte=until
    )
    pages = {}
    for model in (HomePagePin, CampaignPagePin):
        for pin in model.objects.filter(window, page__live=True).select_related("page"):
            pages[pin.page.pk] = pin.page
    return list(pages.values())


def purge_pin_changes(now: dt.datetime | None = None) -> list[str]:
    """Purge the pages whose pins changed since the last call; the URLs purged.

    Anything older than the caches' own lifetimes has expired from them
    anyway, so that bounds the look back (and the first look).
    """
    now = now or timezone.now()
    conf = page_cache_settings()
    horizon = now - dt.timedelta(seconds=max(conf["TIMEOUT"], conf["S_MAXAGE"]))
    since = max(cache.get(LAST_LOOK) or horizon, horizon)
    ps = PurgeSet()
    for page in pages_with_pin_changes(since, now):
        ps.add_page(page)
    urls = sorted(ps.in_every_language())
    if urls:
        PurgeBatch(urls).purge()
    cache.set(LAST_LOOK, now, None)
    return urls
