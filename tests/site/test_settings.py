import importlib
import os
import uuid

import pytest
from django.conf import settings


def load_base_settings(monkeypatch, **env):
    for key in ("DATABASE_URL", "REDIS_URL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    import newsroom.settings.base as base

    return importlib.reload(base)


def test_embedded_default_is_sqlite_with_wal(monkeypatch):
    base = load_base_settings(monkeypatch)
    db = base.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    # Pages read from the mapped file, not copied one read() each (issue 9's timings).
    assert "mmap_size=" in db["OPTIONS"]["init_command"]
    # Writers queue for the lock at BEGIN instead of failing when they upgrade:
    # tests/test_sqlite_concurrency.py shows what either alone loses.
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert db["OPTIONS"]["timeout"] >= 5


def test_database_url_selects_postgresql(monkeypatch):
    base = load_base_settings(monkeypatch, DATABASE_URL="postgres://bao@db.internal:5432/exemplars")
    db = base.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["NAME"], db["USER"]) == ("db.internal", "exemplars", "bao")


def test_vietnamese_first_in_the_newsroom_time_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_redis_cache_round_trip(monkeypatch):
    """The production cache: runs wherever REDIS_URL is set (CI's PostgreSQL pass sets it)."""
    url = os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true" and os.environ.get("EXEMPLARS_REQUIRE_POSTGRES") == "1":
            pytest.fail("CI's PostgreSQL pass must set REDIS_URL")
        pytest.skip("REDIS_URL is not set; CI's PostgreSQL pass runs this against 127.0.0.1:6379")
    base = load_base_settings(monkeypatch, REDIS_URL=url)
    from exemplars.ops.redis_cache import ResilientRedisCache

    config = base.CACHES["default"]
    assert config["BACKEND"] == "exemplars.ops.redis_cache.ResilientRedisCache"
    cache = ResilientRedisCache(config["LOCATION"], {})
    key = f"exemplars-test-{uuid.uuid4()}"
    cache.set(key, "điển hình", 30)
    assert cache.get(key) == "điển hình"
    cache.delete(key)


@pytest.fixture(autouse=True)
def _restore_base_settings():
    yield
    import newsroom.settings.base as base

    importlib.reload(base)
