"""A Redis outage leaves the site up, uncached, and says so once in the log.

The cache is the one the settings build from ``REDIS_URL``, pointed at a port
nothing listens on (bound, then closed), so these fail with Django's plain
``RedisCache``: Wagtail reads the cache on every request.
"""

import importlib
import logging
import socket
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from exemplars.models import (
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Locality,
    SectionPage,
)
from exemplars.ops import redis_cache as resilient
from exemplars.reader.links import exemplar_url, field_url, locality_url

OUTAGE_LOG = "exemplars.ops.redis_cache"


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return port


@pytest.fixture(autouse=True)
def _forget_outages():
    resilient.outages.__init__()
    yield
    resilient.outages.__init__()


@pytest.fixture
def caches_from_redis_url(monkeypatch, closed_port):
    """``CACHES`` as the settings build it for a REDIS_URL whose server is down."""
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port}/0")
    import newsroom.settings.base as base

    try:
        yield importlib.reload(base).CACHES
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(base)


@pytest.fixture
def down_cache(caches_from_redis_url):
    with override_settings(CACHES=caches_from_redis_url):
        yield caches["default"]


def outage_records(caplog):
    return [r for r in caplog.records if r.name == OUTAGE_LOG and "unreachable" in r.message]


def test_settings_use_the_resilient_backend_with_short_timeouts(down_cache):
    assert isinstance(down_cache, resilient.ResilientRedisCache)
    options = down_cache._options
    assert 0 < options["socket_connect_timeout"] <= 1
    assert 0 < options["socket_timeout"] <= 1


def test_every_operation_is_a_miss_while_redis_is_down(down_cache, caplog):
    caplog.set_level(logging.INFO, logger=OUTAGE_LOG)
    cache = down_cache
    assert cache.get("a") is None
    assert cache.get("a", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.get_or_set("a", lambda: "computed") == "computed"
    assert cache.add("a", 1) is False
    assert cache.set("a", 1) is None
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.touch("a") is False
    assert cache.delete("a") is False
    cache.delete_many(["a", "b"])
    assert "a" not in cache
    with pytest.raises(ValueError):
        cache.incr("counter")
    with pytest.raises(ValueError):
        cache.decr("counter")
    assert cache.clear() is False
    assert len(outage_records(caplog)) == 1


class FlakyRedis:
    """Stands in for the Redis client: a dict that can be switched off."""

    def __init__(self):
        self.data, self.up, self.calls = {}, True, 0

    def _answer(self):
        self.calls += 1
        if not self.up:
            raise RedisConnectionError("Connection refused")

    def get(self, key, default):
        self._answer()
        return self.data.get(key, default)

    def set(self, key, value, timeout):
        self._answer()
        self.data[key] = value

    def delete(self, key):
        self._answer()
        return self.data.pop(key, None) is not None

    def clear(self):
        self._answer()
        self.data.clear()
        return True


def flaky_cache(redis: FlakyRedis, retry_after: float) -> resilient.ResilientRedisCache:
    cache = resilient.ResilientRedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"RETRY_AFTER": retry_after}}
    )
    cache.__dict__["_cache"] = redis  # RedisCache builds its client in this cached property
    return cache


def test_an_outage_is_logged_once_and_its_end_once(caplog):
    caplog.set_level(logging.INFO, logger=OUTAGE_LOG)
    redis = FlakyRedis()
    # Django makes one cache object per thread: the outage is the process's, not each one's.
    first, second = flaky_cache(redis, 0), flaky_cache(redis, 0)
    redis.up = False
    for _ in range(5):
        assert first.get("k") is None
        assert second.get("k") is None
    assert len(outage_records(caplog)) == 1

    redis.up = True
    first.set("k", "back")
    assert second.get("k") == "back"
    back = [r for r in caplog.records if r.name == OUTAGE_LOG and "again" in r.message]
    assert len(back) == 1

    redis.up = False
    assert first.get("k") is None
    assert len(outage_records(caplog)) == 2, "a new outage is logged again"


def test_an_invalidation_dropped_in_an_outage_leaves_nothing_stale():
    redis = FlakyRedis()
    cache = flaky_cache(redis, 0)
    cache.set("story-page", "before the edit")
    cache.set("home-page", "before the edit")
    redis.up = False
    assert cache.delete("story-page") is False  # the publish's purge, lost
    redis.up = True
    assert cache.get("story-page") is None
    assert cache.get("home-page") is None, "what the lost purges covered is unknown"
    cache.set("story-page", "after the edit")
    assert cache.get("story-page") == "after the edit"


def test_a_read_only_outage_keeps_the_cache():
    redis = FlakyRedis()
    cache = flaky_cache(redis, 0)
    cache.set("home-page", "fresh")
    redis.up = False
    assert cache.get("home-page") is None
    redis.up = True
    assert cache.get("home-page") == "fresh"


def test_redis_is_not_asked_again_until_the_retry_is_due():
    redis = FlakyRedis()
    cache = flaky_cache(redis, 60)
    redis.up = False
    for _ in range(20):
        assert cache.get("k", "miss") == "miss"
        cache.set("k", "v")
    assert redis.calls == 1, "a request during a known outage does not wait on Redis"


@pytest.mark.django_db
def test_every_reader_page_answers_while_redis_is_down(
    client, django_capture_on_commit_callbacks, caches_from_redis_url, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    caplog.set_level(logging.INFO, logger=OUTAGE_LOG)
    urls = [ExemplarHomePage.objects.get().url, "/search/", "/rss/", "/atom/", "/sitemap.xml"]
    urls += ["/news-sitemap.xml", "/robots.txt"]
    urls += [p.url for p in SectionPage.objects.live()[:2]]
    urls += [p.url for p in CampaignPage.objects.live()[:2]]
    urls += [p.url for p in ExemplarStoryPage.objects.live()[:3]]
    urls += [exemplar_url(e) for e in Exemplar.objects.all()[:3]]
    urls += [locality_url(Locality.objects.first()), field_url(Field.objects.first())]
    with override_settings(CACHES=caches_from_redis_url):
        for url in filter(None, urls):
            response = client.get(url)
            assert response.status_code == 200, f"{url} → {response.status_code}"
        for url in ("/search/", "/api/search/", "/api/search/suggest/"):
            response = client.get(url, {"q": "điển hình"})
            assert response.status_code == 200, f"{url} → {response.status_code}"
    assert len(outage_records(caplog)) == 1, "logged once, not per request"


def test_the_outage_log_keeps_the_redis_password_out(caplog):
    cache = resilient.ResilientRedisCache("redis://:s3cret@127.0.0.1:1/0", {})
    cache.__dict__["_cache"] = redis = FlakyRedis()
    redis.up = False
    cache.get("k")
    (record,) = outage_records(caplog)
    assert "s3cret" not in record.getMessage()
    assert "127.0.0.1:1" in record.getMessage()
