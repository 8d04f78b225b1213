"""The page cache's hit path, ahead of Django's request handling.

``PageCacheMiddleware`` serves a cached page from inside Django: every hit
still builds a request, runs the middleware chain, builds a response and
compresses it, about 0.3 ms of Python per reader. Wrapped around the WSGI
application (``newsroom/wsgi.py``), this layer answers a reader's cached page
from the bytes last sent for the same request, status line and final headers
included, without entering Django at all: from the worker's own memory when
the page is hot there (``nearcache.py``), else with one Redis round trip.

It serves nothing Django did not send: an entry is stored only when the
middleware below marked the response shareable, after every middleware ran
(security headers, CSP, compression), under a key made of everything in the
request the response may depend on (scheme, host, path, query string, and
whether the reader accepts gzip). Generations and purges are the page cache's
own (``store.PageStore``), so a purge outdates these entries with the rest.
Whatever it does not handle (an editor's cookie, a POST, ``If-Match``, a
response varying on something else) goes to Django untouched.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.middleware.gzip import re_accepts_gzip
from django.utils.http import parse_etags

from exemplars.caching.conf import page_cache_settings
from exemplars.caching.nearcache import near_cache_for
from exemplars.caching.store import CacheUnavailable, PageStore

# request.META key through which this layer and PageCacheMiddleware talk.
ENVIRON_KEY = "exemplars.page_cache"
# environ key naming the page a request looked for in memory and did not find.
MISSED_KEY = "exemplars.page_cache.missed"
HEADER = "X-Page-Cache"
# What Django's get_conditional_response keeps in a 304.
NOT_MODIFIED_HEADERS = frozenset(
    ("cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary")
)
# Headers a stored response may vary on: the key already holds their value.
KEYED_VARY = frozenset(("accept-encoding",))


class PendingEntry:
    """A miss on its way through Django: the middleware says whether, and for
    how long, the response may be kept (``timeout`` None: not at all)."""

    __slots__ = ("generations", "timeout")

    def __init__(self, generations):
        self.generations = generations
        self.timeout = None


class PageCacheApplication:
    """WSGI application serving cached reader pages before Django runs."""

    def __init__(self, application):
        self.application = application
        self._config = None

    def __call__(self, environ, start_response):
        config = self._current_config()
        request = config.cacheable_request(environ) if config.enabled else None
        if request is None:
            return self.application(environ, start_response)
        path, key = request
        near = config.near
        if near is not None:
            near.start()
            entry = near.get(key)
            if entry is not None:
                return self._serve(environ, start_response, entry)
            ticket = near.ticket()
        store = PageStore(config.conf)
        try:
            generations, entry = store.lookup_final(path, key)
        except CacheUnavailable:
            return self.application(environ, start_response)
        if entry is not None:
            if near is not None:
                expires_in = entry[4] + entry[5] - time.time()
                near.put(ticket, key, entry, store.generation_names(path), expires_in)
            return self._serve(environ, start_response, entry)

        pending = environ[ENVIRON_KEY] = PendingEntry(generations)
        sent = []

        def capture(status, headers, exc_info=None):
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        result = self.application(environ, capture)
        if pending.timeout is None or not sent or not self._storable(*sent):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        try:
            store.store_final(generations, key, sent[0], list(sent[1]), body, pending.timeout)
        except CacheUnavailable:
            pass
        return [body]

    def answer_from_memory(self, environ, start_response):
        """The body of this request's answer from the worker's near cache, having
        called ``start_response``; None (nothing called) when the page is not
        there, and then ``environ[MISSED_KEY]`` names the page if the cache
        could hold it (Redis reachable). Reads memory only, never Redis or the
        database, so an event loop may call it (``asgi.py``)."""
        config = self._current_config()
        near = config.near
        if near is None:
            return None
        request = config.cacheable_request(environ)
        if request is None:
            return None
        near.start()
        entry = near.get(request[1])
        if entry is None:
            if near.live:  # else (Redis unreachable) nothing is stored to wait for
                environ[MISSED_KEY] = request[1]
            return None
        return self._serve(environ, start_response, entry)

    def _current_config(self):
        config = self._config
        if config is None or config.version != _settings_version:
            if config is not None and config.near is not None:
                config.near.stop()
            config = self._config = _Config()
        return config

    @staticmethod
    def _storable(status, headers) -> bool:
        if not status.startswith("200 "):
            return False
        for name, value in headers:
            name = name.lower()
            if name == "set-cookie":
                return False
            if name == "vary" and {v.strip().lower() for v in value.split(",")} - KEYED_VARY:
                return False
        return True

    # -- answering a hit -------------------------------------------------------------

    @staticmethod
    def _serve(environ, start_response, entry):
        _, status, headers, body, stored_at, _ = entry
        etag = next((value for name, value in headers if name.lower() == "etag"), None)
        if etag and environ["REQUEST_METHOD"] == "GET" and _matches(environ, etag):
            kept = [(n, v) for n, v in headers if n.lower() in NOT_MODIFIED_HEADERS]
            start_response("304 Not Modified", [*kept, (HEADER, "hit")])
            return []
        headers = [(n, v) for n, v in headers if n != HEADER]
        headers.append(("Age", str(max(0, int(time.time() - stored_at)))))
        headers.append((HEADER, "hit"))
        start_response(status, headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]


class _Config:
    """What every request needs from the settings, read once per process (and
    again when a test changes them): settings lookups cost more than a hit."""

    def __init__(self):
        self.version = _settings_version
        self.conf = conf = page_cache_settings()
        self.enabled = conf["ENABLED"]
        self.session_cookie = settings.SESSION_COOKIE_NAME
        prefixes = (*conf["EXCLUDE_PATH_PREFIXES"], settings.STATIC_URL, settings.MEDIA_URL)
        self.excluded = tuple(p for p in prefixes if p and p.startswith("/"))
        self.proxy_header = (settings.SECURE_PROXY_SSL_HEADER or ("", ""))[0]
        self.forwarded_host = settings.USE_X_FORWARDED_HOST
        self.forwarded_port = settings.USE_X_FORWARDED_PORT
        self.near = near_cache_for(conf) if self.enabled else None

    def cacheable_request(self, environ):
        """``(path, key)`` for a request the page cache may answer, else None.

        Conservative on purpose: anything that might be an editor (a cookie
        named like the session's) or that the cache never holds goes to Django,
        which decides the same way or stricter.
        """
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if self.session_cookie in environ.get("HTTP_COOKIE", ""):
            return None
        if "HTTP_IF_MATCH" in environ or "HTTP_IF_UNMODIFIED_SINCE" in environ:
            return None
        script_name = get_script_name(environ)
        path_info = get_path_info(environ) or "/"
        if path_info.startswith(self.excluded):
            return None
        # As WSGIRequest.path, which purges are given.
        path = f"{script_name.rstrip('/')}/{path_info.replace('/', '', 1)}"
        key = "\n".join(
            (
                environ.get("wsgi.url_scheme", ""),
                environ.get(self.proxy_header, "") if self.proxy_header else "",
                environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
                environ.get("SERVER_PORT", ""),
                environ.get("HTTP_X_FORWARDED_HOST", "") if self.forwarded_host else "",
                environ.get("HTTP_X_FORWARDED_PORT", "") if self.forwarded_port else "",
                script_name,
                environ.get("PATH_INFO", ""),
                environ.get("QUERY_STRING", ""),
                "gzip" if re_accepts_gzip.search(environ.get("HTTP_ACCEPT_ENCODING", "")) else "",
            )
        )
        return path, key


_settings_version = 0


def settings_changed(**kwargs):
    """Tests override settings: keys and bypass rules are worked out again (``setting_changed``)."""
    global _settings_version
    _settings_version += 1


def _matches(environ, etag: str) -> bool:
    """If-None-Match's weak comparison, as Django's ``get_conditional_response``."""
    header = environ.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    wanted = parse_etags(header)
    if wanted == ["*"]:
        return True
    strip = lambda tag: tag.removeprefix("W/")  # noqa: E731
    return strip(etag) in {strip(tag) for tag in wanted}
