import os

import pytest
from django.db import connection

# A private redis-server a test can stop and start (tests/redis_server.py).
from tests.redis_server import redis_server  # noqa: F401


def pytest_collection_modifyitems(config, items):
    """Tests marked for one database skip, with their reason, on the other.

    CI runs the whole suite once on SQLite and once on PostgreSQL, so each of
    them runs in one of the two passes; EXEMPLARS_REQUIRE_POSTGRES=1 (set by
    the PostgreSQL pass) turns a missing PostgreSQL into a failure instead.
    """
    on_postgres = connection.vendor == "postgresql"
    if os.environ.get("EXEMPLARS_REQUIRE_POSTGRES") == "1" and not on_postgres:
        raise pytest.UsageError(
            "EXEMPLARS_REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL"
        )
    skip_pg = pytest.mark.skip(
        reason="needs PostgreSQL: set DATABASE_URL=postgres://…; CI runs it in its PostgreSQL pass"
    )
    # These build their own SQLite file and never touch DATABASE_URL, so the
    # PostgreSQL pass would only run them a second time, identically.
    skip_sqlite_file = pytest.mark.skip(
        reason="runs on its own SQLite file: the SQLite pass runs it"
    )
    for item in items:
        _require_serialized_rollback(item)
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
        if "sqlite_file" in item.keywords and on_postgres:
            item.add_marker(skip_sqlite_file)


def _require_serialized_rollback(item):
    """A transactional test must restore the migrated rows (serialized_rollback).

    Without it, its teardown flush re-creates content types under new ids, and
    every later test that restores the serialized database fails on a duplicate
    content type: one forgotten flag breaks tests in other files.
    """
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
        raise pytest.UsageError(
            f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True"
        )


@pytest.fixture
def home(db):
    from tests.factories import make_home

    return make_home()


@pytest.fixture
def section(home):
    from tests.factories import default_section

    return default_section()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI, a browser test that skips (no Chromium, no axe-core) fails instead.

    Locally a missing Chromium is a reason to skip; in CI it means the run did
    not set up what it promised to.
    """
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and "browser" in item.keywords:
        report.outcome = "failed"
        report.longrepr = f"browser test skipped in CI: {report.longrepr}"


@pytest.fixture(autouse=True)
def _vietnamese_by_default():
    """Every test starts in the site's language, whatever the previous one activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_search_index_in_transactional_tests(request):
    """Transactional tests end with a flush, which empties Django's tables but not
    the full-text tables our migration made: start each such test with an empty index."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        from exemplars_search import service

        service.database_backend().rebuild([])
    yield


@pytest.fixture
def page_cache(settings):
    """Our page cache on (the test settings turn it off), empty before and after."""
    from django.core.cache import caches

    from exemplars.caching import store

    settings.EXEMPLARS_PAGE_CACHE = {**settings.EXEMPLARS_PAGE_CACHE, "ENABLED": True}
    caches["default"].clear()
    store._down_until = 0.0
    yield
    caches["default"].clear()
    store._down_until = 0.0
