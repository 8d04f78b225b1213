"""A Redis cache that degrades to no cache while Redis is unreachable.

Wagtail asks the cache on every request (site root paths, renditions), so with
Django's ``RedisCache`` a stopped Redis answers every reader page with a 500.
Here an outage is a miss: reads return their default, writes are dropped, and
the site serves uncached pages. Every caller (Wagtail, ``cache_page``, the full
page cache) gets this by using the cache, with nothing to catch themselves.

Each process logs an outage once, when it starts, and once more when Redis is
back. While it lasts, Redis is tried again only every ``RETRY_AFTER`` seconds,
so a Redis that times out rather than refuses does not stall every request.
A process that dropped writes empties the cache (its Redis database) when Redis
is back, so no invalidation lost in the outage leaves a stale page behind.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from urllib.parse import urlsplit, urlunsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("exemplars.ops.redis_cache")

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
# A healthy Redis connects and answers in milliseconds; a request should not
# wait longer than this for one that does not.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}


def _without_password(location: str) -> str:
    """The location as logs may show it: ``redis://:secret@host`` loses its secret."""
    parts = urlsplit(location)
    if parts.password is None:
        return location
    host = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


class _Outages:
    """Per process and per Redis location: is it down, when to try again, and
    whether a write (an invalidation, perhaps) was dropped meanwhile.

    Django makes one cache object per thread, so this state is shared here.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._retry_at: dict[str, float] = {}
        self._lost_writes: dict[str, int] = {}

    def down(self, location: str) -> bool:
        return location in self._retry_at

    def due(self, location: str) -> bool:
        """True unless an outage is known and its next try is not due yet."""
        retry_at = self._retry_at.get(location)
        return retry_at is None or time.monotonic() >= retry_at

    def lost_writes(self, location: str) -> int:
        return self._lost_writes.get(location, 0)

    def dropped(self, location: str, write: bool) -> None:
        if write:
            with self._lock:
                self._lost_writes[location] = self._lost_writes.get(location, 0) + 1

    def failed(self, location: str, error: Exception, retry_after: float, write: bool) -> None:
        with self._lock:
            new = location not in self._retry_at
            self._retry_at[location] = time.monotonic() + retry_after
        self.dropped(location, write)
        if new:
            logger.warning(
                "Cache %s unreachable (%s): serving pages uncached until it is back.",
                _without_password(location),
                error,
            )

    def recovered(self, location: str) -> None:
        with self._lock:
            back = self._retry_at.pop(location, None) is not None
            lost = self._lost_writes.pop(location, 0)
        if back:
            logger.info(
                "Cache %s reachable again (%d writes were dropped).",
                _without_password(location),
                lost,
            )


outages = _Outages()


def _degrading(result, write=False):
    """Make a method answer ``result(*args)`` instead of raising during an outage.

    The first call after an outage empties the cache if writes were dropped: a
    dropped delete is an invalidation lost, and Redis, restarted from disk, would
    serve what it had before, as if the site never changed.
    """

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            location = self.location
            if not outages.due(location):
                outages.dropped(location, write)
                return result(*args, **kwargs)
            recovering = outages.down(location)
            try:
                if recovering and outages.lost_writes(location):
                    self._cache.clear()
                value = method(self, *args, **kwargs)
            except OUTAGE_ERRORS as error:
                outages.failed(location, error, self.retry_after, write)
                return result(*args, **kwargs)
            if recovering:
                outages.recovered(location)
            return value

        return wrapper

    return decorate


def _not_found(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")


class _PooledClient(RedisCacheClient):
    """Django's client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call, and its
    constructor fills a table of ~170 response callbacks: about 0.1 ms of
    Python per call, most of a page cache hit. A ``redis.Redis`` over a pool
    is thread-safe, and the pool reconnects itself after a fork.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache`` whose outage is a miss, never an error.

    Set in ``CACHES`` as ``exemplars.ops.redis_cache.ResilientRedisCache``; ``OPTIONS``
    go to redis-py (short socket timeouts by default), plus ``RETRY_AFTER``
    (seconds between tries while Redis is down, default 5).
    """

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        params["OPTIONS"] = DEFAULT_OPTIONS | options
        super().__init__(server, params)
        self._class = _PooledClient
        self.location = ",".join(self._servers)

    @_degrading(lambda key, default=None, *a, **kw: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrading(lambda *a, **kw: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_degrading(lambda *a, **kw: False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_degrading(lambda *a, **kw: False, write=True)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_degrading(lambda *a, **kw: None, write=True)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_degrading(lambda data, *a, **kw: list(data), write=True)
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_degrading(lambda *a, **kw: False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_degrading(lambda *a, **kw: False, write=True)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_degrading(lambda *a, **kw: None, write=True)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_degrading(_not_found, write=True)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_degrading(lambda *a, **kw: False, write=True)
    def clear(self):
        return super().clear()
