import datetime as dt
import json
import re

import pytest

from exemplars.reader.structured_data import dumps, iso
from tests.exemplars.reader import build_site
from tests.factories import make_exemplar, make_story

pytestmark = pytest.mark.django_db

OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def json_ld(page_html) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)
    return [json.loads(b) for b in blocks]


def of_type(blocks, kind):
    found = [b for b in blocks if b.get("@type") == kind]
    assert found, f"no {kind} in {[b.get('@type') for b in blocks]}"
    return found[0]


def meta(page_html, prop):
    m = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', page_html)
    return m.group(1) if m else None


def test_news_article_on_a_story(client):
    site = build_site(2)
    story = site["stories"][0]
    page = client.get(story.url).content.decode()
    article = of_type(json_ld(page), "NewsArticle")
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == story.title
    assert article["url"] == story.full_url
    assert OFFSET.match(article["datePublished"]) and OFFSET.match(article["dateModified"])
    assert article["image"][0]["url"].startswith("http://") and article["image"][0]["width"] > 0
    assert article["author"] == [
        {"@type": "Person", "name": "M.L", "url": "http://localhost/tac-gia/m-l/"}
    ]
    assert article["publisher"]["@type"] == "NewsMediaOrganization"
    assert article["publisher"]["logo"]["url"].endswith(".png")
    about = article["about"]
    assert about["@type"] == "Person" and about["name"] == "Nguyễn Văn Hai"
    assert about["award"] == ["Bằng khen của Thủ tướng Chính phủ (2023)"]
    assert about["url"].endswith("/dien-hinh/nguyen-van-hai/")


def test_collective_is_an_organization_and_no_image_means_no_image_key(client):
    coop = make_exemplar("HTX Bình Hòa", kind="collective")
    story = make_story(title="HTX kiểu mới", exemplar=coop)
    article = of_type(json_ld(client.get(story.url).content.decode()), "NewsArticle")
    assert article["about"]["@type"] == "Organization"
    assert "award" not in article["about"]
    assert "image" not in article
    assert article["author"][0]["@type"] == "NewsMediaOrganization"  # no byline: the paper


def test_breadcrumbs_on_story_and_campaign(client):
    site = build_site(1)
    page = client.get(site["stories"][0].url).content.decode()
    crumbs = of_type(json_ld(page), "BreadcrumbList")["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [c["name"] for c in crumbs][1:] == ["Gương sáng nông thôn", site["stories"][0].title]
    assert all(c["item"].startswith("http://") for c in crumbs)


def test_item_list_on_campaign_page(client):
    site = build_site(3)
    page = client.get(site["campaign_page"].url).content.decode()
    items = of_type(json_ld(page), "ItemList")["itemListElement"]
    assert [i["url"] for i in items] == [s.full_url for s in site["stories"]]
    assert [i["position"] for i in items] == [1, 2, 3]


def test_open_graph_twitter_and_canonical(client):
    site = build_site(1)
    story = site["stories"][0]
    page = client.get(story.url + "?utm_source=zalo").content.decode()
    assert f'<link rel="canonical" href="{story.full_url}">' in page
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == story.title
    assert meta(page, "og:url") == story.full_url
    assert meta(page, "og:image").startswith("http://") and meta(page, "og:image:width") == "1200"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "og:locale") == "vi_VN"


def test_home_has_website_search_action(client):
    build_site(1)
    website = of_type(json_ld(client.get("/").content.decode()), "WebSite")
    assert "{search_term_string}" in website["potentialAction"]["target"]


def test_json_ld_cannot_close_its_script_tag():
    text = dumps({"headline": "</script><script>alert(1)</script> & đ"})
    assert "</script>" not in text and "đ" in text
    assert json.loads(text)["headline"].startswith("</script>")


def test_iso_always_has_the_newsroom_offset():
    utc = dt.datetime(2024, 4, 12, 6, 38, tzinfo=dt.UTC)
    assert iso(utc) == "2024-04-12T13:38:00+07:00"
    assert iso(dt.datetime(2024, 4, 12, 13, 38)) == "2024-04-12T13:38:00+07:00"
    assert iso(None) is None
