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
from django.core.cache.backends.redis import RedisCacheClient
from django.core.management import call_command
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from exemplars import cache as resilient
from exemplars.models import (
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Locality,
    SectionPage,
)
from exemplars.reader_urls import exemplar_url, field_url, locality_url

OUTAGE_LOG = "exemplars.cache"


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return port


@pytest.fixture(autouse=True)
def _forget_outages():
    resilient.outages._retry_at.clear()
    yield
    resilient.outages._retry_at.clear()


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


def test_an_outage_is_logged_once_and_its_end_once(settings, closed_port, monkeypatch, caplog):
    caplog.set_level(logging.INFO, logger=OUTAGE_LOG)
    location = f"redis://127.0.0.1:{closed_port}/0"
    params = {"OPTIONS": {"RETRY_AFTER": 0}}
    # Django makes one cache object per thread: the outage is the process's, not each one's.
    first, second = (resilient.ResilientRedisCache(location, params) for _ in range(2))
    for _ in range(5):
        assert first.get("k") is None
        assert second.get("k") is None
    assert len(outage_records(caplog)) == 1

    monkeypatch.setattr(RedisCacheClient, "get", lambda self, key, default: "back")
    assert first.get("k") == "back"
    assert second.get("k") == "back"
    back = [r for r in caplog.records if r.name == OUTAGE_LOG and "again" in r.message]
    assert len(back) == 1

    def refused(self, key, default):
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(RedisCacheClient, "get", refused)
    assert first.get("k") is None
    assert len(outage_records(caplog)) == 2, "a new outage is logged again"


def test_redis_is_not_asked_again_until_the_retry_is_due(closed_port, monkeypatch):
    calls = []

    def refused(self, key, default):
        calls.append(key)
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(RedisCacheClient, "get", refused)
    cache = resilient.ResilientRedisCache(
        f"redis://127.0.0.1:{closed_port}/0", {"OPTIONS": {"RETRY_AFTER": 60}}
    )
    for _ in range(20):
        assert cache.get("k", "miss") == "miss"
    assert len(calls) == 1, "a request during a known outage does not wait on Redis"


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
