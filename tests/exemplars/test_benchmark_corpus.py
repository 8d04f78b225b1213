"""``benchmark_pages --stories N`` grows a throwaway database into a valid tree of live stories."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from demo.benchmark_corpus import grow_stories
from exemplars.models import ExemplarStoryPage
from tests.exemplars.reader import build_site

pytestmark = pytest.mark.django_db


def test_grown_stories_are_live_pages_in_a_valid_tree_with_their_campaigns():
    site = build_site(3)
    assert grow_stories(40) == 37
    assert grow_stories(40) == 0  # already there: nothing cloned twice

    clones = ExemplarStoryPage.objects.live().filter(slug__startswith="ban-sao-")
    assert clones.count() == 37
    assert Page.find_problems() == ([], [], [], [], [])
    assert site["section"].get_children().count() == 40
    clone = clones.order_by("pk").last()
    assert list(clone.campaigns.all()) == [site["campaign"]]
    assert clone.exemplar_id in (site["person"].pk, site["coop"].pk)
    page = Client().get(clone.url)
    assert page.status_code == 200
    assert clone.title in page.content.decode()
    assert Client().get(site["campaign_page"].url).status_code == 200


def test_benchmark_command_grows_the_database_before_measuring():
    build_site(2)
    out = StringIO()
    call_command("benchmark_pages", runs=1, stories=12, stdout=out)
    assert "cloned 10 stories" in out.getvalue()
    assert "12 live stories" in out.getvalue()
