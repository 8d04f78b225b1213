import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import Page

from exemplars.models import ExemplarHomePage
from tests.exemplars.reader import build_site
from tests.factories import make_section, make_story

pytestmark = pytest.mark.django_db

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
W3C_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return ET.fromstring(response.content)


class TestRss:
    @pytest.mark.parametrize("which", ["site", "section", "campaign"])
    def test_rss_items_have_full_content_and_hero_image(self, client, which):
        site = build_site(3)
        url = {
            "site": "/rss/",
            "section": f"/rss/chuyen-muc/{site['section'].pk}/",
            "campaign": f"/rss/phong-trao/{site['campaign'].slug}/",
        }[which]
        root = xml(client, url)
        channel = root.find("channel")
        assert channel.findtext("title") and channel.findtext("link").startswith("http://")
        assert channel.findtext("language") == "vi"
        items = channel.findall("item")
        assert [i.findtext("title") for i in items] == [s.title for s in site["stories"]]
        item = items[0]
        assert item.findtext("link") == "http://localhost" + site["stories"][0].url
        assert item.findtext("description") == site["stories"][0].intro
        assert item.findtext("pubDate").endswith("+0700")  # RFC 822, as RSS 2.0 requires
        body = item.findtext("content:encoded", namespaces=NS)
        assert "Làm theo gương Bác." in body and "6 ha cá tra" in body
        assert 'src="http://localhost/media/' in body, "images in the feed are absolute"
        enclosure = item.find("enclosure")
        assert enclosure.get("type") == "image/jpeg" and int(enclosure.get("length")) > 0
        assert enclosure.get("url").startswith("http://localhost/media/")

    def test_drafts_are_not_in_feeds(self, client):
        site = build_site(1)
        make_story(parent=site["section"], title="Bản nháp", publish=False)
        root = xml(client, "/rss/")
        assert "Bản nháp" not in [i.findtext("title") for i in root.iter("item")]

    def test_unknown_section_or_campaign_is_404(self, client):
        build_site(1)
        assert client.get("/rss/chuyen-muc/99999/").status_code == 404
        assert client.get("/rss/phong-trao/khong-co/").status_code == 404
        assert client.get("/atom/phong-trao/khong-co/").status_code == 404


class TestAtom:
    def test_atom_entries_with_offset_dates_and_content(self, client):
        site = build_site(2)
        root = xml(client, "/atom/")
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        assert W3C_WITH_OFFSET.match(root.findtext("atom:updated", namespaces=NS))
        entries = root.findall("atom:entry", NS)
        assert len(entries) == 2
        entry = entries[0]
        assert entry.findtext("atom:title", namespaces=NS) == site["stories"][0].title
        assert W3C_WITH_OFFSET.match(entry.findtext("atom:published", namespaces=NS))
        assert W3C_WITH_OFFSET.match(entry.findtext("atom:updated", namespaces=NS))
        content = entry.find("atom:content", NS)
        assert content.get("type") == "html" and "Làm theo gương Bác." in content.text
        assert entry.find("atom:link[@rel='enclosure']", NS) is not None
        assert entry.findtext("atom:author/atom:name", namespaces=NS) == "M.L"

    def test_section_and_campaign_atom(self, client):
        site = build_site(2)
        for url in (
            f"/atom/chuyen-muc/{site['section'].pk}/",
            f"/atom/phong-trao/{site['campaign'].slug}/",
        ):
            assert len(xml(client, url).findall("atom:entry", NS)) == 2


class TestSitemaps:
    def test_sitemap_lists_pages_and_routes_with_offset_dates(self, client):
        site = build_site(2)
        root = xml(client, "/sitemap.xml")
        locs = [u.findtext("sm:loc", namespaces=NS) for u in root.findall("sm:url", NS)]
        assert site["stories"][0].full_url in locs
        assert site["campaign_page"].full_url in locs
        root_url = site["home"].full_url
        assert root_url + "dien-hinh/nguyen-van-hai/" in locs
        assert root_url + "dia-phuong/chau-doc/" in locs
        assert root_url + "linh-vuc/nong-nghiep/" in locs
        lastmods = [u.findtext("sm:lastmod", namespaces=NS) for u in root.findall("sm:url", NS)]
        assert lastmods and all(W3C_WITH_OFFSET.match(m) for m in lastmods if m)

    def test_news_sitemap_has_only_the_last_48_hours(self, client):
        site = build_site(3)  # published 6 h, 30 h and 54 h ago
        make_story(
            parent=site["section"],
            title="Bài cũ",
            published_at=timezone.now() - dt.timedelta(days=30),
        )
        root = xml(client, "/news-sitemap.xml")
        urls = root.findall("sm:url", NS)
        titles = [u.findtext("news:news/news:title", namespaces=NS) for u in urls]
        assert titles == [site["stories"][0].title, site["stories"][1].title]
        news = urls[0].find("news:news", NS)
        assert news.findtext("news:publication/news:language", namespaces=NS) == "vi"
        assert news.findtext("news:publication/news:name", namespaces=NS)
        assert W3C_WITH_OFFSET.match(news.findtext("news:publication_date", namespaces=NS))

    def test_robots_txt_points_at_both_sitemaps(self, client):
        text = client.get("/robots.txt").content.decode()
        assert "Sitemap: http://localhost/sitemap.xml" in text
        assert "Sitemap: http://localhost/news-sitemap.xml" in text
        assert "Disallow: /admin/" in text


class TestFeedBounds:
    def test_a_story_without_a_url_is_left_out_not_a_500(self, client, caplog):
        site = build_site(2)
        # A home and section beside the Site's root: what the old importer built.
        stray_home = Page.get_first_root_node().add_child(
            instance=ExemplarHomePage(title="Trang chủ lạc", slug="trang-chu-lac")
        )
        stray_section = make_section(parent=stray_home)
        stray = make_story(parent=stray_section, title="Bài không có địa chỉ")
        assert stray.url is None
        assert client.get(f"/rss/chuyen-muc/{stray_section.pk}/").status_code == 404
        for url in ("/rss/", "/atom/", f"/rss/chuyen-muc/{site['section'].pk}/"):
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content.decode()
            assert "Bài không có địa chỉ" not in body
            assert site["stories"][0].title in body
        assert "Bài không có địa chỉ" in caplog.text

    def test_an_oversized_story_is_cut_with_a_link_to_the_page(self, client, settings):
        settings.EXEMPLARS_FEED_ITEM_CHARS = 5_000
        paragraph = "<p>" + "Làm theo gương Bác, " * 40 + "</p>"
        big = make_story(
            parent=build_site(1)["section"],
            title="Bài rất dài",
            intro="Sapo " * 1_000,
            body=[("paragraph", paragraph)] * 200,
        )
        root = xml(client, "/rss/")
        item = next(i for i in root.iter("item") if i.findtext("title") == "Bài rất dài")
        content = item.findtext("content:encoded", namespaces=NS)
        assert len(content) < 5_000 + 2 * 1_000 + 500  # body bound, intro bound, hero and link
        assert f'<a href="http://localhost{big.url}">Đọc tiếp trên báo</a>' in content
        assert len(item.findtext("description")) <= 1_000
