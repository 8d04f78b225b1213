"""SQLite's planner statistics follow the site's growth."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from exemplars.ops import dbstats

pytestmark = pytest.mark.django_db


def stat_rows(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:  # never analysed
            return 0
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's autovacuum analyses")
def test_publish_scheduled_refreshes_the_statistics(section):
    from tests.factories import make_story

    if stat_rows("wagtailcore_page"):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM sqlite_stat1")
    assert stat_rows("exemplars_exemplarstorypage") == 0
    for _ in range(3):
        make_story()
    call_command("publish_scheduled", stdout=StringIO())
    assert stat_rows("wagtailcore_page") > 0
    assert stat_rows("exemplars_exemplarstorypage") > 0


def test_refresh_is_sqlite_only():
    assert dbstats.refresh() == (connection.vendor == "sqlite")
