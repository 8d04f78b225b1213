"""The near page cache: each worker's copy of hot pages, exact through Redis's messages.

The first tests drive ``NearCache`` directly; the rest run a private
``redis-server`` (installed by scripts/services.sh, so CI's PostgreSQL pass
always has it) that they stop and start again, with the real WSGI layer and
Django behind it.
"""

from __future__ import annotations

import time

import pytest
from django.core.cache import caches

from exemplars.caching import store
from exemplars.caching.nearcache import NearCache
from exemplars.caching.wsgi import PageCacheApplication
from tests.exemplars.test_caching_wsgi import Django, call
from tests.factories import make_home, make_section, make_story

GENERATIONS = ("site-1", "path-1")
NAMES = (":1:p:site", ":1:p:path:abc")


def entry(body=b"<p>trang</p>", generations=GENERATIONS):
    return (generations, "200 OK", [("Content-Type", "text/html")], body, time.time(), 3600)


@pytest.fixture
def near():
    cache = NearCache(pool_factory=None, prefixes=[], max_bytes=10_000)
    cache.live = True  # as once the listening connection is up
    return cache


def test_a_page_is_served_until_its_generation_changes(near):
    near.put(near.ticket(), "k", entry(), NAMES, 60)
    assert near.get("k")[3] == b"<p>trang</p>"
    near._on_push([b"invalidate", [NAMES[1].encode()]])
    assert near.get("k") is None


def test_a_change_seen_after_the_read_began_keeps_the_page_out(near):
    ticket = near.ticket()
    near._on_push([b"invalidate", [NAMES[0].encode()]])
    near.put(ticket, "k", entry(), NAMES, 60)
    assert near.get("k") is None
    # A change to another path does not stop it.
    ticket = near.ticket()
    near._on_push([b"invalidate", [b":1:p:path:other"]])
    near.put(ticket, "k", entry(), NAMES, 60)
    assert near.get("k") is not None


def test_a_flush_forgets_everything(near):
    near.put(near.ticket(), "k", entry(), NAMES, 60)
    ticket = near.ticket()
    near._on_push([b"invalidate", None])
    assert near.get("k") is None
    near.put(ticket, "k", entry(), NAMES, 60)
    assert near.get("k") is None


def test_pages_expire_and_memory_is_bounded(near, monkeypatch):
    near.put(near.ticket(), "old", entry(), NAMES, 0.01)
    time.sleep(0.02)
    assert near.get("old") is None
    big = b"x" * 1500
    for n in range(10):
        near.put(near.ticket(), f"k{n}", entry(big), NAMES, 60)
    assert near._bytes <= near.max_bytes
    assert near.get("k0") is None and near.get("k9") is not None


def test_nothing_is_served_while_redis_is_not_listening(near):
    near.put(near.ticket(), "k", entry(), NAMES, 60)
    near.live = False
    assert near.get("k") is None


# -- with a real Redis ------------------------------------------------------------------


@pytest.fixture
def live_app(redis_server, settings):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.CACHES = settings.CACHES | {
        "pages": {
            "BACKEND": "exemplars.ops.redis_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_server.port}/0",
            "OPTIONS": {"RETRY_AFTER": 0.2},
        }
    }
    settings.EXEMPLARS_PAGE_CACHE = settings.EXEMPLARS_PAGE_CACHE | {
        "ENABLED": True,
        "CACHE": "pages",
    }
    store._down_until = 0.0
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    django_app = Django()
    app = PageCacheApplication(django_app)
    yield app, django_app
    if app._config is not None and app._config.near is not None:
        app._config.near.stop()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    store._down_until = 0.0


def wait_until(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def near_of(app):
    return app._config.near


def hot_story(app, title):
    """A story rendered once (stored in Redis), then read from Redis into this
    worker's memory; the story and the two answers."""
    make_home()
    make_section()
    story = make_story(title=title)
    first = call(app, story.url)
    assert wait_until(lambda: near_of(app).live)
    return story, first, call(app, story.url)


@pytest.mark.django_db
def test_hot_pages_are_answered_from_memory_and_a_purge_reaches_them(live_app, monkeypatch):
    app, django_app = live_app
    story, first, second = hot_story(app, "Bài đọc nhiều")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"  # read from Redis, kept

    reads = []
    original = store.PageStore.lookup_final
    monkeypatch.setattr(
        store.PageStore,
        "lookup_final",
        lambda self, *args: reads.append(args) or original(self, *args),
    )
    for _ in range(5):
        answer = call(app, story.url)
        assert answer["X-Page-Cache"] == "hit" and "Bài đọc nhiều" in answer.body.decode()
    assert reads == [] and django_app.calls == 1

    # An editor publishes in another process: only Redis tells this one.
    type(story).objects.filter(pk=story.pk).update(title="Bài đã sửa")
    store.PageStore(app._config.conf).purge_paths([story.url])
    assert wait_until(lambda: call(app, story.url)["X-Page-Cache"] == "miss", 2)
    assert "Bài đã sửa" in call(app, story.url).body.decode()


@pytest.mark.django_db
def test_redis_stopped_serves_uncached_and_its_return_starts_empty(live_app, redis_server):
    app, django_app = live_app
    story, _, _ = hot_story(app, "Bài khi Redis tắt")
    assert call(app, story.url)["X-Page-Cache"] == "hit" and django_app.calls == 1

    redis_server.stop()
    assert wait_until(lambda: not near_of(app).live)
    # Purges cannot reach this worker now: every page comes from Django.
    type(story).objects.filter(pk=story.pk).update(title="Bài sửa khi Redis tắt")
    for _ in range(3):
        answer = call(app, story.url)
        assert answer.code == 200 and "Bài sửa khi Redis tắt" in answer.body.decode()
    assert django_app.calls == 4

    redis_server.start()
    assert wait_until(lambda: near_of(app).live, 10)
    store._down_until = 0.0
    caches["pages"].clear()
    assert "Bài sửa khi Redis tắt" in call(app, story.url).body.decode()


def test_a_redis_without_client_tracking_means_no_near_cache(caplog):
    class Connection:
        def connect(self):
            self._parser = type("Parser", (), {"set_invalidation_push_handler": lambda s, f: 0})()

        def send_command(self, *args):
            pass

        def read_response(self):
            from redis.exceptions import ResponseError

            raise ResponseError("unknown command 'CLIENT'")

        def disconnect(self):
            pass

    class Pool:
        def make_connection(self):
            return Connection()

    near = NearCache(pool_factory=Pool, prefixes=["p:"], max_bytes=10_000)
    near._listen()  # returns: nothing to listen to
    assert not near.live
    assert "CLIENT TRACKING" in caplog.text
