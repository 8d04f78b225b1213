"""A worker's own copy of its hottest pages, kept exact by Redis.

Asking Redis costs a round trip per reader, most of a cache hit's time once
Django is out of the way (``wsgi.py``). Here each gunicorn worker keeps the
pages it served lately in memory, and Redis tells it what changed: a
connection with server-assisted client-side caching in broadcast mode
(``CLIENT TRACKING ON BCAST PREFIX …``, Redis 6+) receives the name of every
page-cache generation key that is written, deleted or expires, and a flush of
the whole database. A copy is served only while the two generations it was
stored under are the ones Redis last had, so a purge reaches every worker as
soon as its message arrives (well under a millisecond on one machine).

While that connection is down (Redis stopped, a network fault) a worker could
miss a purge, so it forgets everything and serves nothing from here until the
connection is back, then starts empty. Anything but Redis (a local-memory or
database cache) has no such messages, and there is no near cache.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict

from redis.exceptions import ResponseError

logger = logging.getLogger("exemplars.caching")

# Seconds between attempts to reach Redis again, and of silence before the
# connection is checked with a PING.
RETRY_AFTER = 1.0
IDLE_CHECK = 10.0
# Invalidated key names remembered for lookups in flight; beyond this, every
# lookup in flight is refused (see ``put``).
RECENT_LIMIT = 10_000


class NearCache:
    """Pages by request key: ``get`` and ``put``, and a thread listening to Redis."""

    def __init__(self, pool_factory, prefixes, max_bytes):
        self._pool_factory = pool_factory
        self._prefixes = list(prefixes)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        # request key -> (entry, generation key names, monotonic expiry, size)
        self._pages = OrderedDict()
        # generation key name -> the value Redis had when last read
        self._generations = {}
        self._bytes = 0
        self.live = False
        # Invalidations seen, by count: a lookup that began before one of its
        # keys changed (or before a flush) may not store what it read.
        self._seq = 0
        self._floor = 0
        self._recent = {}
        self._pid = None
        self._stopped = threading.Event()

    # -- the listening thread --------------------------------------------------------

    def start(self) -> None:
        """Start listening in this process (once per process: a forked worker
        inherits the dictionaries but not the thread)."""
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._forget()
            threading.Thread(target=self._listen, name="exemplars-near-cache", daemon=True).start()

    def stop(self) -> None:
        """Stop listening (settings changed under a test); nothing is served after."""
        self._stopped.set()
        with self._lock:
            self.live = False
            self._forget()

    def _listen(self) -> None:
        was_down = False
        while not self._stopped.is_set():
            connection = None
            try:
                connection = self._pool_factory().make_connection()
                connection.connect()
                connection._parser.set_invalidation_push_handler(self._on_push)
                args = ["CLIENT", "TRACKING", "ON", "BCAST"]
                for prefix in self._prefixes:
                    args += ["PREFIX", prefix]
                connection.send_command(*args)
                try:
                    connection.read_response()
                except ResponseError as error:
                    # Redis before 6 has no client tracking: no near cache, ever.
                    logger.warning("Near page cache off: Redis refused CLIENT TRACKING: %s", error)
                    connection.disconnect()
                    return
                with self._lock:
                    self._forget()
                    self.live = not self._stopped.is_set()
                if was_down:
                    logger.warning("Near page cache: Redis is back, serving from memory again")
                was_down = False
                while not self._stopped.is_set():
                    if connection.can_read(timeout=IDLE_CHECK):
                        connection.read_response(push_request=True)
                    else:
                        # A silent connection may be a dead one (no FIN from a
                        # crashed host): only an answer proves it alive.
                        connection.send_command("PING")
                        connection.read_response()
                connection.disconnect()
            except Exception as error:
                with self._lock:
                    self.live = False
                    self._forget()
                if not was_down:
                    logger.warning("Near page cache off while Redis is unreachable: %s", error)
                was_down = True
                if connection is not None:
                    connection.disconnect()
                self._stopped.wait(RETRY_AFTER)

    def _on_push(self, message) -> None:
        keys = message[1] if len(message) > 1 else None
        with self._lock:
            self._seq += 1
            if keys is None:  # FLUSHDB / FLUSHALL
                self._forget()
                return
            for key in keys:
                key = key.decode() if isinstance(key, bytes) else key
                self._generations.pop(key, None)
                self._recent[key] = self._seq
            if len(self._recent) > RECENT_LIMIT:
                self._recent.clear()
                self._floor = self._seq

    def _forget(self) -> None:
        """Drop everything (the lock held)."""
        self._pages.clear()
        self._generations.clear()
        self._recent.clear()
        self._bytes = 0
        self._seq += 1
        self._floor = self._seq

    # -- pages ---------------------------------------------------------------------------

    def ticket(self) -> int:
        """Taken before reading Redis, handed back to ``put``."""
        return self._seq

    def get(self, key):
        if not self.live:
            return None
        with self._lock:
            found = self._pages.get(key)
            if found is None:
                return None
            entry, generation_keys, expires, _ = found
            current = (
                self._generations.get(generation_keys[0]),
                self._generations.get(generation_keys[1]),
            )
            if current != entry[0] or time.monotonic() >= expires:
                self._drop(key)
                return None
            self._pages.move_to_end(key)
            return entry

    def put(self, ticket, key, entry, generation_keys, expires_in) -> None:
        """Keep ``entry``, read from Redis under ``generation_keys`` after
        ``ticket``, unless one of those keys changed since (its message may
        have arrived before the read's answer, or the read saw the change)."""
        size = len(entry[3]) + 512
        if not self.live or expires_in <= 0 or size > self.max_bytes // 4:
            return
        with self._lock:
            if (
                not self.live
                or ticket < self._floor
                or any(self._recent.get(name, 0) > ticket for name in generation_keys)
            ):
                return
            self._drop(key)
            self._generations[generation_keys[0]] = entry[0][0]
            self._generations[generation_keys[1]] = entry[0][1]
            self._pages[key] = (entry, generation_keys, time.monotonic() + expires_in, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._pages)))
            if len(self._generations) > 2 * len(self._pages) + 1024:
                # Paths whose pages were all dropped: keep only what pages use.
                kept = {name for _, names, _, _ in self._pages.values() for name in names}
                self._generations = {n: v for n, v in self._generations.items() if n in kept}

    def _drop(self, key) -> None:
        found = self._pages.pop(key, None)
        if found is not None:
            self._bytes -= found[3]


def near_cache_for(conf):
    """The near cache for the page cache's settings, or None when its cache is not
    Redis, it is turned off (``NEAR_CACHE_BYTES``: 0), or the cache's key function
    does not keep our prefixes as prefixes (Redis matches key names by prefix)."""
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    max_bytes = conf["NEAR_CACHE_BYTES"]
    cache = caches[conf["CACHE"]]
    if not max_bytes or not isinstance(cache, RedisCache):
        return None
    site, paths = f"{conf['KEY_PREFIX']}:site", f"{conf['KEY_PREFIX']}:path:"
    if cache.make_key(paths + "x") != cache.make_key(paths) + "x":
        return None
    client = cache._cache
    server = client._servers[0]
    # RESP3 carries the invalidation messages; redis-py picks its parser for it.
    options = {k: v for k, v in client._pool_options.items() if k != "parser_class"}
    options["protocol"] = 3

    def pool():
        import redis

        return redis.ConnectionPool.from_url(server, **options)

    return NearCache(pool, [cache.make_key(site), cache.make_key(paths)], max_bytes)
