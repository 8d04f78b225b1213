from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

from exemplars.models import (
    Author,
    Campaign,
    CampaignDrive,
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStageChange,
    ExemplarStoryPage,
    Honour,
    Locality,
    SectionPage,
)

pytestmark = pytest.mark.django_db

COUNTED = [
    Page,
    Revision,
    Image,
    Author,
    Campaign,
    CampaignDrive,
    Exemplar,
    ExemplarStageChange,
    Honour,
    Locality,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_builds_the_site_and_a_second_run_changes_nothing():
    first = load()
    assert "story 34" in first
    stories = ExemplarStoryPage.objects.live()
    assert stories.count() >= 30
    home = ExemplarHomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert SectionPage.objects.count() >= 3
    assert CampaignPage.objects.count() == Campaign.objects.count()

    before = counts()
    latest = list(stories.values_list("pk", "latest_revision_id", "last_published_at"))
    second = load()
    assert "không thay đổi gì" in second
    assert counts() == before
    assert list(stories.values_list("pk", "latest_revision_id", "last_published_at")) == latest


def test_demo_content_is_rich_enough_to_demonstrate(client):
    load()
    stories = ExemplarStoryPage.objects.live()
    # Published over the years, at their own dates, in several columns.
    years = {s.published_at.year for s in stories}
    assert years >= {2021, 2022, 2023, 2024, 2025, 2026}
    assert stories.values("locality").distinct().count() >= 20
    assert stories.values("field").distinct().count() >= 10
    assert {e.kind for e in Exemplar.objects.all()} == {"individual", "collective"}
    # Each campaign named in the seed article exists with its period.
    ntm = Campaign.objects.get(name="An Giang chung sức xây dựng nông thôn mới")
    assert (ntm.start_year, ntm.end_year, ntm.level) == (2021, 2025, "provincial")
    assert ntm.parent.name == "Cả nước chung sức xây dựng nông thôn mới"
    learning = Campaign.objects.get(name__startswith="Cả nước thi đua xây dựng xã hội học tập")
    assert (learning.start_year, learning.end_year) == (2023, 2030)
    # The 2025 merger: old units point at their successors, stories stay reachable.
    old_chau_doc = Locality.objects.get(slug="chau-doc")
    assert old_chau_doc.successor.name == "phường Châu Đốc"
    assert Locality.objects.get(slug="an-giang-cu").current().slug == "an-giang"
    assert Locality.objects.filter(valid_until__isnull=False).count() >= 20
    # Body blocks of every kind the demo promises.
    kinds = {b.block_type for s in stories for b in s.body}
    assert {"paragraph", "quote", "fact_box", "honour", "image"} <= kinds
    assert all(s.hero_image_id and s.hero_credit.startswith("Ảnh:") for s in stories)
    assert Exemplar.objects.annotate(n=Count("stage_changes")).filter(n__gte=3).exists()
    assert all(a.photo_id for a in Author.objects.all())
    # Words the search demos rely on.
    text = " ".join(f"{s.title} {s.intro} {s.body.render_as_block()}" for s in stories)
    for word in ["điển hình tiên tiến", "nông thôn mới", "hiến máu", "Châu Đốc", "Phú Quốc"]:
        assert word in text
    assert "biểu diễn" in text

    story = stories.get(slug="bac-si-dang-minh-dat-benh-vien-chau-doc")
    response = client.get(story.url)
    assert response.status_code == 200
    assert "Đặng Minh Đạt" in response.content.decode()
