"""Serve anonymous readers from the page cache, and tell every cache what it may keep.

Placed above the session, CSRF and language middleware (see settings), so that
what it stores is exactly what a reader would get, and a response that sets a
cookie or varies on one is seen and left alone.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)

from exemplars.caching import freshness
from exemplars.caching.conf import page_cache_settings
from exemplars.caching.store import CacheUnavailable, PageStore
from exemplars.caching.wsgi import ENVIRON_KEY

HEADER = "X-Page-Cache"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        conf = page_cache_settings()
        if request.method not in ("GET", "HEAD") or request.path_info.startswith(
            tuple(conf["EXCLUDE_PATH_PREFIXES"])
        ):
            return self._private_for_editors(request, self.get_response(request))
        if settings.SESSION_COOKIE_NAME in request.COOKIES or getattr(request, "is_dummy", False):
            # An editor, or Wagtail's preview of a draft at the live page's address:
            # never served a reader's copy, and what they see is for them alone.
            response = self._private_for_editors(request, self.get_response(request))
            response.headers.setdefault(HEADER, "bypass")
            return response

        store = generations = url = language = None
        # The WSGI layer (wsgi.py) already looked and missed; it stores the
        # response as finally sent, once told it may.
        pending = request.META.get(ENVIRON_KEY)
        if pending is not None:
            generations = pending.generations
        elif conf["ENABLED"]:
            language = (
                translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            )
            url = request.build_absolute_uri()
            store = PageStore(conf)
            try:
                generations, cached = store.lookup(request.path, url, language)
            except CacheUnavailable:
                generations = cached = None
            if cached is not None:
                cached.headers[HEADER] = "hit"
                return self._conditional(request, cached)

        token = freshness.begin()
        try:
            response = self.get_response(request)
            # What the page showed that changes by the clock (an event ending, a pin).
            left = freshness.seconds_left()
        finally:
            freshness.end(token)
        if not self._shareable(request, response):
            if response.cookies or has_vary_header(response, "Cookie"):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        short = self._is_search(request, conf)
        max_age = conf["SEARCH_MAX_AGE"] if short else conf["MAX_AGE"]
        s_maxage = conf["SEARCH_MAX_AGE"] if short else conf["S_MAXAGE"]
        timeout = conf["SEARCH_MAX_AGE"] if short else conf["TIMEOUT"]
        if left is not None:
            max_age, s_maxage, timeout = min(max_age, left), min(s_maxage, left), min(timeout, left)
        patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
        if request.method == "GET":
            set_response_etag(response)
        if pending is not None and request.method == "GET":
            pending.timeout = timeout
            response.headers[HEADER] = "miss"
        # The key holds no request header: a response varying on one (a
        # compression middleware placed below this one) is not stored.
        elif (
            generations is not None and request.method == "GET" and not response.has_header("Vary")
        ):
            try:
                store.store(generations, url, language, response, timeout)
                response.headers[HEADER] = "miss"
            except CacheUnavailable:
                pass
        return self._conditional(request, response)

    @staticmethod
    def _conditional(request, response):
        if request.method != "GET":
            return response
        conditional = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=response.get("Last-Modified"),
            response=response,
        )
        if conditional is not response and response.has_header(HEADER):
            conditional.headers[HEADER] = response.headers[HEADER]
        return conditional

    @staticmethod
    def _private_for_editors(request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES or getattr(request, "is_dummy", False):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def _shareable(request, response) -> bool:
        """A reader's 200 that any cache may keep: nothing personal in it."""
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not has_vary_header(response, "Cookie")
            and not getattr(request, "is_preview", False)
        )

    @staticmethod
    def _is_search(request, conf) -> bool:
        match = getattr(request, "resolver_match", None)
        return bool(match and set(match.namespaces) & set(conf["SEARCH_URL_NAMESPACES"]))
