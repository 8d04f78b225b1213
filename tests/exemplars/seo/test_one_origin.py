"""Every absolute URL the reader site emits is on the Site record's origin.

The Site is ``localhost:80`` (``http://localhost``) while the test client asks
as ``testserver``: anything built from the request's host shows up as a second
origin.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from exemplars.models import Event
from tests.exemplars.reader import build_site

pytestmark = pytest.mark.django_db

URL = re.compile(r"""https?://[^\s"'<>()\\]+""")
# Vocabularies, namespaces and share buttons: not addresses of this site.
THIRD_PARTY = {
    "schema.org",
    "www.w3.org",
    "www.sitemaps.org",
    "www.google.com",
    "purl.org",
    "www.facebook.com",
    "sp.zalo.me",
    "ogp.me",
}


def origins(text: str) -> dict[str, str]:
    found = {}
    # iCalendar folds long lines (RFC 5545 §3.1); JSON may escape slashes.
    text = text.replace("\r\n ", "").replace("\\/", "/")
    for url in URL.findall(text):
        parts = urlsplit(url)
        if parts.hostname not in THIRD_PARTY:
            found.setdefault(f"{parts.scheme}://{parts.netloc}", url)
    return found


def reader_addresses(site) -> list[str]:
    from exemplars.models import Author
    from exemplars.reader.links import (
        author_feed_url,
        author_url,
        exemplar_url,
        field_url,
        locality_url,
    )
    from tests.exemplars.test_contests import make_contest

    author = Author.objects.get(name="M.L")
    contest = make_contest(site["section"])

    event = Event.objects.create(
        title="Tọa đàm nông dân giỏi",
        kind=Event.Kind.TALK,
        starts_at=site["stories"][0].published_at,
        ends_at=site["stories"][0].published_at,
        place="Hội trường",
        campaign=site["campaign"],
    )
    return [
        site["home"].url,
        site["section"].url,
        site["campaign_page"].url,
        site["stories"][0].url,
        exemplar_url(site["person"]),
        exemplar_url(site["coop"]),
        locality_url(site["chau_doc"]),
        field_url(site["field"]),
        reverse("exemplars_search:search") + "?q=hai",
        reverse("exemplars_events"),
        event.get_absolute_url(),
        author_url(author),
        contest.url,
        reverse("exemplars_events_ics"),
        author_feed_url(author),
        reverse("exemplars_feed_rss"),
        reverse("exemplars_feed_atom"),
        reverse("exemplars_section_rss", args=[site["section"].pk]),
        reverse("exemplars_campaign_atom", args=[site["campaign"].slug]),
        reverse("exemplars_sitemap"),
        reverse("exemplars_news_sitemap"),
        reverse("exemplars_robots_txt"),
    ]


def test_every_absolute_url_is_on_the_site_origin(client):
    site = build_site(3)
    seen = {}
    for address in reader_addresses(site):
        response = client.get(address)
        assert response.status_code == 200, address
        for origin, url in origins(response.content.decode()).items():
            seen.setdefault(origin, (address, url))
    assert set(seen) == {"http://localhost"}, seen


def test_set_site_origin_moves_every_url(client):
    site = build_site(1)
    call_command("set_site_origin", "https://dienhinh.baoangiang.vn", stdout=None)
    assert Site.objects.get(is_default_site=True).root_url == "https://dienhinh.baoangiang.vn"
    for address in reader_addresses(site):
        text = client.get(address, HTTP_HOST="dienhinh.baoangiang.vn").content.decode()
        assert set(origins(text)) <= {"https://dienhinh.baoangiang.vn"}, address


@pytest.mark.parametrize(
    "value",
    ["https://x.vn:8443", "ftp://x.vn", "http://x.vn/duong-dan", "http://x.vn:443", "http://"],
)
def test_set_site_origin_refuses_what_a_site_cannot_be(value):
    from django.core.management.base import CommandError

    build_site(0)
    with pytest.raises(CommandError):
        call_command("set_site_origin", value)
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
