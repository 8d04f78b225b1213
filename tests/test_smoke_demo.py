"""Every page of the demo site answers, for readers and for the newsroom.

One pass over real-looking content (``load_demo``) catches what unit tests with
hand-built fixtures miss: a template that breaks on a record with history, a
filter no fixture exercised.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from exemplars.models import (
    Author,
    Award,
    Campaign,
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Locality,
    SectionPage,
)
from exemplars.reader.links import exemplar_url, field_url, locality_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
        call_command("setup_roles", stdout=StringIO())


def ok(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, f"{url} {params} → {response.status_code}"
    return response


def test_reader_pages(client, demo):
    home = ExemplarHomePage.objects.get()
    urls = [home.url]
    urls += [p.url for p in SectionPage.objects.live()]
    urls += [p.url for p in CampaignPage.objects.live()]
    urls += [p.url for p in ExemplarStoryPage.objects.live()]
    urls += [exemplar_url(e) for e in Exemplar.objects.all()]
    urls += [locality_url(loc) for loc in Locality.objects.all()]
    urls += [field_url(f) for f in Field.objects.all()]
    urls += ["/rss/", "/atom/", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt"]
    urls += [f"/rss/phong-trao/{c.slug}/" for c in Campaign.objects.filter(page__isnull=False)]
    urls += [f"/atom/chuyen-muc/{s.pk}/" for s in SectionPage.objects.all()]
    for url in filter(None, urls):
        ok(client, url)
    campaign_page = CampaignPage.objects.live().first()
    loc = Locality.objects.filter(stories__isnull=False).first()
    ok(client, campaign_page.url, locality=loc.slug, year=2024, kind="individual")
    for q in ("dien hinh tien tien", "Châu Đốc", '"nông thôn mới" -ma túy', "lụa"):
        ok(client, "/search/", q=q)
        ok(client, "/api/search/", q=q)
        ok(client, "/api/search/suggest/", q=q[:6])


def test_newsroom_admin_pages(client, demo):
    admin = get_user_model().objects.create_superuser("bientap-thu", "b@example.com", "x")
    client.force_login(admin)
    campaign = Campaign.objects.filter(stories__isnull=False).first()
    ok(client, reverse("wagtailadmin_home"))
    ok(client, reverse("exemplars_pipeline"))
    ok(client, reverse("exemplars_pipeline"), campaign=campaign.pk)
    ok(client, reverse("exemplars_campaign_report"))
    ok(client, reverse("exemplars_campaign_report"), campaign=campaign.pk)
    for export in ("csv", "xlsx"):
        ok(client, reverse("exemplars_campaign_report"), campaign=campaign.pk, export=export)
    ok(client, reverse("exemplar_stories:index"))
    ok(client, reverse("exemplar_stories:index"), q="hien mau", campaigns=campaign.pk)
    for model in (Campaign, Exemplar, Locality, Field, Author, Award):
        viewset = model.snippet_viewset
        ok(client, reverse(viewset.get_url_name("list")))
        ok(client, reverse(viewset.get_url_name("list")), q="dien")
        ok(client, reverse(viewset.get_url_name("edit"), args=(model.objects.first().pk,)))
    for page in [
        ExemplarHomePage.objects.get(),
        *Page.objects.type(SectionPage, CampaignPage, ExemplarStoryPage).live()[:12],
    ]:
        ok(client, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        ok(client, reverse("wagtailadmin_explore", args=(page.pk,)))
