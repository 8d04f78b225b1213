"""Whole reader responses in a Django cache.

An entry is keyed by scheme, host, full path with its query string, and
language, and carries the two generations it was rendered under: the path's
and the site's. One round trip (``get_many``) reads the entry with both
current generations, and the entry is served only if they still match. A
purge deletes a path's generation, which outdates the page at every host and
with every query string (``?page=2``, search queries) at once; purging the
site deletes the site generation. A request reads the generations before the
view runs and stores under those, so a page rendered before a purge is never
served after it.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid

from django.core.cache import caches
from django.http import HttpResponse

from exemplars.caching.conf import page_cache_settings

logger = logging.getLogger("exemplars.caching")

# Per process: until when the cache server is left alone after a failure.
_down_until = 0.0


class CacheUnavailable(Exception):
    """The cache server failed; the request goes on uncached."""


def _digest(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


class PageStore:
    def __init__(self, conf: dict | None = None):
        conf = conf or page_cache_settings()
        self.cache = caches[conf["CACHE"]]
        self.prefix = conf["KEY_PREFIX"]
        self.timeout = conf["TIMEOUT"]
        self.retry_after = conf["RETRY_AFTER"]

    # -- keys ----------------------------------------------------------------

    def _site_key(self) -> str:
        return f"{self.prefix}:site"

    def _path_key(self, path: str) -> str:
        return f"{self.prefix}:path:{_digest(path)}"

    def _entry_key(self, url: str, language: str) -> str:
        return f"{self.prefix}:page:{language}:{_digest(url)}"

    def _final_key(self, request_key: str) -> str:
        return f"{self.prefix}:final:{_digest(request_key)}"

    # -- guarded access --------------------------------------------------------

    def _call(self, method, *args, **kwargs):
        global _down_until
        if time.monotonic() < _down_until:
            raise CacheUnavailable
        try:
            return getattr(self.cache, method)(*args, **kwargs)
        except Exception as exc:
            _down_until = time.monotonic() + self.retry_after
            logger.warning("Page cache unavailable, serving uncached: %s", exc)
            raise CacheUnavailable from exc

    def _generation(self, key: str, found: dict) -> str:
        value = found.get(key)
        if value is None:
            value = uuid.uuid4().hex[:12]
            # The site's generation never expires: if it did, every page would
            # miss at the same moment.
            timeout = None if key == self._site_key() else self.timeout
            if not self._call("add", key, value, timeout):
                value = self._call("get", key) or value
        return value

    # -- reading and writing -----------------------------------------------------

    def generation_names(self, path: str) -> tuple[str, str]:
        """The site's and the path's generation keys as the cache server names them."""
        return (
            self.cache.make_key(self._site_key()),
            self.cache.make_key(self._path_key(path)),
        )

    def lookup(self, path: str, url: str, language: str):
        """``(generations, response)``: the current generations (created when
        missing) and the stored response, or None when there is none for them."""
        generations, entry = self._lookup(path, self._entry_key(url, language), 5)
        return generations, entry and self._response(entry)

    def lookup_final(self, path: str, request_key: str):
        """``(generations, entry)`` for the WSGI layer (``wsgi.py``): the entry is
        ``(generations, status line, headers, body, stored_at, timeout)``, the
        response exactly as sent."""
        return self._lookup(path, self._final_key(request_key), 6)

    def _lookup(self, path: str, entry_key: str, size: int):
        keys = [self._site_key(), self._path_key(path), entry_key]
        found = self._call("get_many", keys)
        generations = (found.get(keys[0]), found.get(keys[1]))
        entry = found.get(keys[2])
        # An entry written by another version of this code is a miss, not an error.
        if isinstance(entry, tuple) and len(entry) == size and entry[0] == generations:
            return generations, entry
        generations = (self._generation(keys[0], found), self._generation(keys[1], found))
        return generations, None

    @staticmethod
    def _response(entry) -> HttpResponse:
        _, status, headers, content, stored_at = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        response.headers["Age"] = str(max(0, int(time.time() - stored_at)))
        return response

    def store(self, generations, url, language, response, timeout=None) -> None:
        entry = (
            generations,
            response.status_code,
            list(response.items()),
            response.content,
            time.time(),
        )
        self._call("set", self._entry_key(url, language), entry, timeout or self.timeout)

    def store_final(self, generations, request_key, status, headers, body, timeout=None) -> None:
        timeout = timeout or self.timeout
        entry = (generations, status, headers, body, time.time(), timeout)
        self._call("set", self._final_key(request_key), entry, timeout)

    # -- purging -----------------------------------------------------------------

    def purge_paths(self, paths) -> None:
        """Every page at these paths, whatever the host, query string or language."""
        keys = [self._path_key(path) for path in set(paths)]
        if keys:
            # A purge must reach the server even right after a failed read.
            self.cache.delete_many(keys)

    def purge_all(self) -> None:
        self.cache.delete(self._site_key())
