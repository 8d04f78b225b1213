"""``EXEMPLARS_PAGE_CACHE``: the page cache's settings, with their defaults."""

from django.conf import settings

DEFAULTS = {
    # Our own full-page cache; the headers below are written even when it is off.
    "ENABLED": True,
    # The alias in CACHES that holds the pages.
    "CACHE": "default",
    "KEY_PREFIX": "exemplars-page",
    # Seconds a page stays in our cache. Every committed change outdates every
    # page (coherence.py), so this only bounds what no save announces: a purge
    # lost while the cache server was down.
    "TIMEOUT": 3600,
    # Browsers cannot be purged, and their copy does not depend on cookies: one
    # kept from before an editor logged in would hide the page they just
    # published. They revalidate each view instead (a 304 from our cache).
    "MAX_AGE": 0,
    # Shared caches (a CDN, Varnish) are purged too when configured in
    # WAGTAILFRONTENDCACHE; without that, this is how stale they may get.
    "S_MAXAGE": 300,
    # Search pages and the search API: one entry per query, so they are kept
    # briefly everywhere, ours included (and purged on every publish).
    "SEARCH_MAX_AGE": 30,
    "SEARCH_URL_NAMESPACES": ["exemplars_search"],
    # Never served from or stored in the cache.
    "EXCLUDE_PATH_PREFIXES": ["/admin/", "/django-admin/", "/documents/"],
    # Bytes of pages each server process keeps in its own memory, answered
    # without asking Redis and kept exact by Redis's invalidation messages
    # (nearcache.py); 0 turns it off. Only with a Redis cache.
    "NEAR_CACHE_BYTES": 32 * 1024 * 1024,
    # Seconds to stop asking a cache server that failed, so a dead Redis costs
    # one refused connection per process, not one per request.
    "RETRY_AFTER": 5,
}


def page_cache_settings() -> dict:
    return DEFAULTS | getattr(settings, "EXEMPLARS_PAGE_CACHE", {})
