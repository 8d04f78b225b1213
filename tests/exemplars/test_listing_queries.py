"""What the reader lists' cheaper queries must still answer (issue 9)."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction

from exemplars.reader import listings
from tests.factories import make_exemplar, make_section, make_story

pytestmark = pytest.mark.django_db


def test_featured_exemplars_newest_live_public_story_first():
    now = timezone.now()
    old, recent = make_exemplar("Lê Văn Cũ"), make_exemplar("Trần Thị Mới")
    make_story(exemplar=old, published_at=now - dt.timedelta(days=30))
    make_story(exemplar=recent, published_at=now - dt.timedelta(days=20))
    # A newer story that is a draft, or restricted, does not lift its exemplar.
    make_story(exemplar=old, published_at=now - dt.timedelta(days=1), publish=False)
    hidden = make_section(title="Nội bộ", slug="noi-bo")
    hidden_news = make_story(parent=hidden, exemplar=old, published_at=now - dt.timedelta(days=2))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    featured = list(listings.featured_exemplars(renditions=False))
    assert [e.name for e in featured] == ["Trần Thị Mới", "Lê Văn Cũ"]
    assert featured[1].latest == now - dt.timedelta(days=30)
    PageViewRestriction.objects.all().delete()
    featured = list(listings.featured_exemplars(renditions=False))
    assert [e.name for e in featured] == ["Lê Văn Cũ", "Trần Thị Mới"]
    assert featured[0].latest == hidden_news.published_at


def test_an_exemplars_newest_stories_have_their_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "exemplars_exemplarstorypage"
        )
    index = constraints["exemplars_story_exemplar_newest"]
    assert index["index"] and index["columns"][:2] == ["exemplar_id", "published_at"]


def test_a_campaigns_stories_have_their_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "exemplars_exemplarstorypage_campaigns"
        )
    index = constraints["exemplars_campaign_stories"]
    assert index["index"] and index["columns"] == ["campaign_id", "exemplarstorypage_id"]


@pytest.mark.parametrize("zone", ["Asia/Ho_Chi_Minh", "Etc/GMT+5", "UTC"])
def test_the_local_year_of_a_story_turns_at_the_zones_midnight(zone):
    from zoneinfo import ZoneInfo

    from exemplars.models import ExemplarStoryPage

    utc = dt.UTC
    moments = [
        dt.datetime(2024, 12, 31, 16, 59, 59, 999999, tzinfo=utc),
        dt.datetime(2024, 12, 31, 17, 0, tzinfo=utc),
        dt.datetime(2025, 1, 1, 4, 59, 59, tzinfo=utc),
        dt.datetime(2025, 1, 1, 5, 0, tzinfo=utc),
        dt.datetime(2025, 6, 15, 12, 0, tzinfo=utc),
    ]
    stories = [make_story(published_at=moment) for moment in moments]
    with timezone.override(ZoneInfo(zone)):
        years = dict(
            ExemplarStoryPage.objects.annotate(year=listings.local_year("published_at"))
            .filter(pk__in=[s.pk for s in stories])
            .values_list("pk", "year")
        )
        expected = {s.pk: timezone.localtime(m).year for s, m in zip(stories, moments, strict=True)}
    assert years == expected


def test_on_postgresql_the_newest_stories_have_their_index():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite reads Django's published_at index backwards in this order")
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "exemplars_exemplarstorypage"
        )
    index = constraints["exemplars_story_newest"]
    assert index["columns"] == ["published_at", "page_ptr_id"]
    assert index["orders"] == ["DESC", "DESC"]
