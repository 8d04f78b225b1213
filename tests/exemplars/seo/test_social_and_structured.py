"""Social cards, descriptions, titles and JSON-LD on every reader page type."""

import html
import re

import pytest
from wagtail.models import Site

from exemplars.images import OG_SPEC
from tests.exemplars.test_structured_data import json_ld, meta, of_type

from .test_one_origin import reader_addresses

pytestmark = pytest.mark.django_db

PAGES = slice(0, 13)  # the HTML pages of reader_addresses(); feeds and sitemaps follow


def title(page_html) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page_html, re.S).group(1))


@pytest.fixture
def site():
    from tests.exemplars.reader import build_site

    return build_site(3)


def test_every_page_type_has_a_description_and_a_1200x630_card_with_alt(client, site):
    for address in reader_addresses(site)[PAGES]:
        page = client.get(address).content.decode()
        assert 'content=""' not in page, address
        for prop in ("description", "og:description", "twitter:description", "og:title"):
            assert meta(page, prop), (address, prop)
        assert meta(page, "og:image").startswith("http://localhost/"), address
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")
        assert meta(page, "og:image:alt") and meta(page, "twitter:image:alt"), address
        assert meta(page, "twitter:card") == "summary_large_image", address


def test_search_page_has_open_graph(client, site):
    page = client.get("/search/?q=hai").content.decode()
    assert meta(page, "og:url") == "http://localhost/search/"
    assert meta(page, "og:title") and meta(page, "twitter:title")


def test_social_rendition_is_exactly_1200x630_whatever_the_focal_point(site):
    from tests.factories import make_image

    # A 1200-pixel photo with this focal point came out of fill-1200x630 as 1200×631.
    image = make_image(size=(1200, 675))
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    rendition = image.get_rendition(OG_SPEC)
    with rendition.file.open() as f:
        from PIL import Image as PILImage

        assert PILImage.open(f).size == (1200, 630)
    assert (rendition.width, rendition.height) == (1200, 630)


def test_titles_name_the_site_once(client, site):
    Site.objects.update(site_name="Báo An Giang - Điển hình tiên tiến")
    home, section = site["home"], site["section"]
    section.title = "Điển hình tiên tiến"
    section.save_revision().publish()
    assert title(client.get(home.url).content.decode()) == "Báo An Giang - Điển hình tiên tiến"
    assert title(client.get(section.url).content.decode()) == "Báo An Giang - Điển hình tiên tiến"
    story = site["stories"][0]
    assert title(client.get(story.url).content.decode()) == (
        f"{story.title} - Báo An Giang - Điển hình tiên tiến"
    )
    rss = client.get(f"/rss/chuyen-muc/{section.pk}/").content.decode()
    assert "<title>Báo An Giang - Điển hình tiên tiến</title>" in rss


def test_item_list_on_section_and_campaign_pages(client, site):
    for page in (site["section"], site["campaign_page"]):
        data = of_type(json_ld(client.get(page.url).content.decode()), "ItemList")
        assert [i["url"] for i in data["itemListElement"]] == [s.full_url for s in site["stories"]]


def test_exemplar_page_describes_the_exemplar(client, site):
    from exemplars.reader.links import exemplar_url

    page = client.get(exemplar_url(site["person"])).content.decode()
    person = of_type(json_ld(page), "Person")
    assert person["@context"] == "https://schema.org"
    assert person["name"] == "Nguyễn Văn Hai"
    assert person["url"] == "http://localhost/dien-hinh/nguyen-van-hai/"
    assert person["award"] == ["Bằng khen của Thủ tướng Chính phủ (2023)"]
    assert person["homeLocation"]["name"] == "Châu Đốc"
    assert person["homeLocation"]["url"] == "http://localhost/dia-phuong/chau-doc/"
    about_him = [s for i, s in enumerate(site["stories"]) if i % 2 == 0]
    assert [a["url"] for a in person["subjectOf"]] == [s.full_url for s in about_him]
    coop = of_type(json_ld(client.get(exemplar_url(site["coop"])).content.decode()), "Organization")
    assert coop["address"]["@type"] == "Place"


def test_home_json_ld(client, site):
    page = client.get(site["home"].url).content.decode()
    website = of_type(json_ld(page), "WebSite")
    assert website["url"] == "http://localhost/"
    target = website["potentialAction"]["target"]
    assert target == "http://localhost/search/?q={search_term_string}"


def test_bylines_lead_to_the_author_page_and_its_feed(client, site):
    import xml.etree.ElementTree as ET

    from exemplars.models import Author
    from tests.factories import make_story

    author = Author.objects.get(name="M.L")
    author.full_name = "Mai Lan"
    author.bio = "Phóng viên nông nghiệp."
    author.save()
    make_story(title="Bài của người khác", authors=[])
    story = site["stories"][0]
    page = client.get(story.url).content.decode()
    assert '<a href="/tac-gia/m-l/" rel="author">M.L</a>' in page
    article = of_type(json_ld(page), "NewsArticle")
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Mai Lan",
            "alternateName": "M.L",
            "url": "http://localhost/tac-gia/m-l/",
        }
    ]
    profile_page = client.get("/tac-gia/m-l/").content.decode()
    profile = of_type(json_ld(profile_page), "ProfilePage")
    assert profile["mainEntity"]["url"] == "http://localhost/tac-gia/m-l/"
    assert [p["url"] for p in profile["hasPart"]] == [s.full_url for s in site["stories"]]
    assert "Bài của người khác" not in profile_page
    assert 'href="/tac-gia/m-l/rss/"' in profile_page
    rss = ET.fromstring(client.get("/tac-gia/m-l/rss/").content)
    assert [i.findtext("link") for i in rss.iter("item")] == [s.full_url for s in site["stories"]]
    assert client.get("/tac-gia/m-l/atom/").status_code == 200
    assert client.get("/tac-gia/khong-co/").status_code == 404


def test_author_page_is_purged_with_the_author_and_their_stories(
    client, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import caches

    from exemplars.caching import store
    from tests.factories import make_author, make_home, make_story

    settings.EXEMPLARS_PAGE_CACHE = {**settings.EXEMPLARS_PAGE_CACHE, "ENABLED": True}
    caches["default"].clear()
    store._down_until = 0.0
    make_home()
    author = make_author("Thu Hà")
    make_story(title="Bài thứ nhất", authors=[author])
    url = "/tac-gia/thu-ha/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_story(title="Bài thứ hai", authors=[author])
    assert "Bài thứ hai" in client.get(url).content.decode()
    author.full_name = "Nguyễn Thu Hà"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()
    assert "Nguyễn Thu Hà" in client.get(url).content.decode()
    caches["default"].clear()


def test_sitemap_lists_author_pages_with_stories(client, site):
    from tests.factories import make_author

    make_author("Chưa viết bài")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/tac-gia/m-l/</loc>" in xml
    assert "/tac-gia/chua-viet-bai/" not in xml
