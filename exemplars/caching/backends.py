"""Wagtail front-end cache backend for our own page cache.

Configured in ``WAGTAILFRONTENDCACHE`` beside any Varnish/nginx (``HTTPBackend``)
or CDN backend an outlet adds, so one purge reaches every cache in front of
the readers.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from exemplars.caching.conf import page_cache_settings
from exemplars.caching.store import PageStore

logger = logging.getLogger("exemplars.caching")


class PageCacheBackend(BaseBackend):
    """Purges ``exemplars.caching`` pages by path (every query string, host and language)."""

    def purge(self, url) -> None:
        """Forget every cached page at ``url``'s path."""
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        """Forget every cached page at these URLs' paths, in one cache call."""
        try:
            PageStore(page_cache_settings()).purge_paths(urlsplit(url).path for url in urls)
        except Exception:
            # Never fail the editor's publish; the page's timeout bounds the damage.
            logger.exception("Page cache purge failed for %d URLs", len(urls))
