import re

import pytest
from django.conf import settings

from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_readers_get_vietnamese_even_when_the_phone_asks_for_english(client, section):
    story = make_story(title="Người giữ hồn lụa Tân Châu")
    response = client.get(story.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    assert '<html lang="vi"' in response.content.decode()
    assert not response.has_header("Vary") or "Accept-Language" not in response["Vary"]


def test_a_reader_chooses_english_by_a_plain_link(client, section):
    story = make_story()
    page = client.get(story.url).content.decode()
    # The footer's switch is a link to the same story under /en/: no form, no cookie.
    link = re.search(r'<a href="([^"]+)" hreflang="en"', page)
    assert link and link.group(1) == "/en" + story.url
    assert "csrfmiddlewaretoken" not in page

    response = client.get(link.group(1))
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en"' in html
    # Links on the English page stay English, and lead back to Vietnamese.
    assert f'<a href="{story.url}" hreflang="vi"' in html
    assert 'action="/en/search/"' in html
    assert not response.cookies


def test_the_language_cookie_no_longer_chooses(client, section):
    story = make_story()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(story.url)
    assert response["Content-Language"] == "vi"


def test_english_search_page(client, section):
    response = client.get("/en/search/", {"q": "lụa"})
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_the_not_found_page_switches_language_too(client, section):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert '<a href="/en/khong-co-trang-nay/" hreflang="en"' in response.content.decode()
    response = client.get("/en/khong-co-trang-nay/")
    assert response.status_code == 404 and response["Content-Language"] == "en"


def test_each_page_names_its_versions_for_search_engines(client, section):
    story = make_story()
    html = client.get("/en" + story.url).content.decode()
    assert f'<link rel="alternate" hreflang="vi" href="http://localhost{story.url}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://localhost/en{story.url}">' in html
