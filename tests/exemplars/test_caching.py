"""The reader page cache: what readers are served, and what a change purges."""

from __future__ import annotations

import socket

import pytest
from django.core.cache import caches

from exemplars.caching import store
from tests.factories import (
    make_author,
    make_campaign,
    make_campaign_page,
    make_home,
    make_section,
    make_story,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change's on-commit purges, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code in (200, 301, 304, 404), (url, response.status_code)
    return response


def text(client, url):
    return get(client, url).content.decode()


def test_an_anonymous_page_is_public_and_cookie_free(client, page_cache, section):
    story = make_story()
    response = get(client, story.url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    # Browsers revalidate (their copy ignores cookies); shared caches keep it.
    assert cache_control == {"public", "max-age=0", "s-maxage=300"}
    assert response["ETag"]
    assert response["X-Page-Cache"] == "miss"
    again = get(client, story.url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == response.content and again["ETag"] == response["ETag"]


def test_conditional_get_answers_304_from_the_cache_and_without_it(client, page_cache, section):
    story = make_story()
    etag = get(client, story.url)["ETag"]
    hit = get(client, story.url, HTTP_IF_NONE_MATCH=etag)
    assert hit.status_code == 304 and hit["X-Page-Cache"] == "hit" and not hit.content
    assert "public" in hit["Cache-Control"]
    other = make_story()
    caches["default"].clear()
    etag = get(client, other.url)["ETag"]
    caches["default"].clear()
    miss = get(client, other.url, HTTP_IF_NONE_MATCH=etag)
    assert miss.status_code == 304 and miss["X-Page-Cache"] == "miss"


def test_the_settings_give_the_max_ages(client, page_cache, section, settings):
    settings.EXEMPLARS_PAGE_CACHE = settings.EXEMPLARS_PAGE_CACHE | {"MAX_AGE": 5, "S_MAXAGE": 7}
    cache_control = get(client, make_story().url)["Cache-Control"]
    assert "max-age=5" in cache_control and "s-maxage=7" in cache_control


def test_search_is_cached_briefly(client, page_cache, section):
    make_story(title="Người giữ hồn lụa Tân Châu")
    for url in ("/search/?q=lụa", "/api/search/?q=lụa", "/api/search/suggest/?q=lu"):
        response = get(client, url)
        assert "max-age=30" in response["Cache-Control"], url
        assert "s-maxage=30" in response["Cache-Control"], url
        assert get(client, url)["X-Page-Cache"] == "hit"


def test_a_published_change_shows_on_the_next_request(client, page_cache, committed, section):
    campaign_page = make_campaign_page()
    with committed():  # indexed for search on commit
        story = make_story(title="Tiêu đề cũ")
    pages = [story.url, section.url, make_home().url, campaign_page.url, "/rss/", "/search/?q=cu"]
    for url in pages:
        assert "Tiêu đề cũ" in text(client, url), url
        assert get(client, url)["X-Page-Cache"] == "hit"

    story.title = "Tiêu đề mới"
    with committed():
        story.save_revision().publish()
    for url in pages[:-1]:
        page = text(client, url)
        assert "Tiêu đề mới" in page and "Tiêu đề cũ" not in page, url
    assert "Tiêu đề mới" in text(client, "/search/?q=moi")
    assert "Tiêu đề mới" in text(client, "/en" + story.url)


def test_an_english_speaking_editor_purges_the_vietnamese_pages(
    client, page_cache, committed, section
):
    from django.utils import translation

    story = make_story(title="Tiêu đề cũ")
    assert "Tiêu đề cũ" in text(client, story.url)
    story.title = "Tiêu đề mới"
    # The admin runs in each editor's language, and page URLs follow it (/en/…).
    with translation.override("en"), committed():
        story.save_revision().publish()
    assert "Tiêu đề mới" in text(client, story.url)


def test_paginated_and_english_copies_are_purged_too(client, page_cache, committed, section):
    story = make_story(title="Tiêu đề cũ")
    for url in (section.url + "?page=1", "/en" + section.url):
        assert "Tiêu đề cũ" in text(client, url)
    story.title = "Tiêu đề mới"
    with committed():
        story.save_revision().publish()
    for url in (section.url + "?page=1", "/en" + section.url):
        assert "Tiêu đề mới" in text(client, url), url


def test_renaming_a_campaign_renames_it_on_its_pages(client, page_cache, committed, section):
    campaign = make_campaign("Phong trào tên cũ")
    page = make_campaign_page(campaign, title="Trang phong trào")
    story = make_story(campaigns=[campaign])
    for url in (story.url, page.url):
        assert "Phong trào tên cũ" in text(client, url), url
    campaign.name = "Phong trào tên mới"
    with committed():
        campaign.save()
    for url in (story.url, page.url):
        html = text(client, url)
        assert "Phong trào tên mới" in html and "Phong trào tên cũ" not in html, url


def test_renaming_an_author_reaches_the_bylines(client, page_cache, committed, section):
    author = make_author("Tác giả cũ")
    story = make_story(authors=[author])
    assert "Tác giả cũ" in text(client, story.url)
    author.name = "Tác giả mới"
    with committed():
        author.save()
    assert "Tác giả mới" in text(client, story.url)


def test_renaming_an_award_reaches_the_honours(client, page_cache, committed, section):
    from exemplars.models.snippets import Honour
    from tests.factories import make_award, make_exemplar

    award = make_award("Bằng khen tên cũ")
    exemplar = make_exemplar()
    Honour.objects.create(exemplar=exemplar, award=award)
    story = make_story(exemplar=exemplar)
    exemplar_page = f"/dien-hinh/{exemplar.slug}/"
    for url in (story.url, exemplar_page):
        assert "Bằng khen tên cũ" in text(client, url), url
    award.name = "Bằng khen tên mới"
    with committed():
        award.save()
    for url in (story.url, exemplar_page):
        assert "Bằng khen tên mới" in text(client, url), url


def test_unpublishing_purges_the_story_and_its_listings(client, page_cache, committed, section):
    story = make_story(title="Bài sắp gỡ")
    assert "Bài sắp gỡ" in text(client, section.url)
    assert get(client, story.url).status_code == 200
    with committed():
        story.unpublish()
    assert get(client, story.url).status_code == 404
    assert "Bài sắp gỡ" not in text(client, section.url)
    assert "Bài sắp gỡ" not in text(client, make_home().url)


def test_deleting_purges_the_story_and_its_listings(client, page_cache, committed, section):
    story = make_story(title="Bài sắp xóa")
    url = story.url
    assert "Bài sắp xóa" in text(client, section.url) and get(client, url).status_code == 200
    with committed():
        story.delete()
    assert get(client, url).status_code == 404
    assert "Bài sắp xóa" not in text(client, section.url)


def test_moving_purges_the_old_address_and_both_sections(client, page_cache, committed, section):
    other = make_section(title="Chuyên mục mới")
    story = make_story(title="Bài được chuyển")
    old_url = story.url
    assert get(client, old_url).status_code == 200
    assert "Bài được chuyển" in text(client, section.url)
    assert "Bài được chuyển" not in text(client, other.url)
    with committed():
        story.move(other, pos="last-child")
    story.refresh_from_db()
    # Wagtail redirects the old address, instead of a cached copy answering there.
    moved = get(client, old_url)
    assert moved.status_code == 301 and moved["Location"] == story.url
    assert "Bài được chuyển" not in text(client, section.url)
    assert "Bài được chuyển" in text(client, other.url)
    assert get(client, story.url).status_code == 200


def test_publishing_a_section_purges_every_page(client, page_cache, committed, section):
    story = make_story()
    assert "Gương sáng" in text(client, story.url)  # the navigation names every section
    section.title = "Gương sáng mới"
    with committed():
        section.save_revision().publish()
    assert "Gương sáng mới" in text(client, story.url)


def test_editors_are_never_served_from_nor_stored_in_the_cache(
    client, admin_client, page_cache, section
):
    story = make_story(title="Bản đã đăng")
    editor = admin_client.get(story.url)
    assert editor["X-Page-Cache"] == "bypass"
    assert {"private", "no-cache"} <= {p.strip() for p in editor["Cache-Control"].split(",")}
    # The editor's visit stored nothing: the first reader is a miss.
    assert get(client, story.url)["X-Page-Cache"] == "miss"
    assert get(client, story.url)["X-Page-Cache"] == "hit"
    # A change no signal announces: readers keep the cached copy, editors see the row.
    type(story).objects.filter(pk=story.pk).update(title="Bản trong cơ sở dữ liệu")
    assert "Bản đã đăng" in text(client, story.url)
    assert "Bản trong cơ sở dữ liệu" in admin_client.get(story.url).content.decode()


def test_previews_are_never_served_from_the_cache(client, page_cache, section):
    story = make_story(title="Bản đã đăng")
    get(client, story.url)
    story.title = "Bản nháp"
    response = story.make_preview_request()
    assert "Bản nháp" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")
    assert "Bản đã đăng" in text(client, story.url)


def test_pages_setting_a_cookie_are_private_and_not_stored(client, page_cache, section):
    from wagtail.models import PageViewRestriction

    story = make_story(title="Bài có mật khẩu")
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    response = get(client, story.url)
    assert "Bài có mật khẩu" not in response.content.decode()
    assert "private" in response["Cache-Control"] and "X-Page-Cache" not in response


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_with_redis_down_pages_are_served_uncached(client, page_cache, settings, section):
    story = make_story(title="Bài khi Redis tắt")
    settings.CACHES = settings.CACHES | {
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
        }
    }
    settings.EXEMPLARS_PAGE_CACHE = settings.EXEMPLARS_PAGE_CACHE | {"CACHE": "pages"}
    for _ in range(3):
        response = get(client, story.url)
        assert response.status_code == 200 and "Bài khi Redis tắt" in response.content.decode()
        assert "X-Page-Cache" not in response
        assert "public" in response["Cache-Control"]


def test_without_a_cache_to_purge_saving_computes_nothing(monkeypatch, section, settings):
    from exemplars.caching import purge

    calls = []
    monkeypatch.setattr(purge, "for_page", lambda *args, **kwargs: calls.append(args))
    settings.EXEMPLARS_PAGE_CACHE = {**settings.EXEMPLARS_PAGE_CACHE, "ENABLED": False}
    make_story().save_revision().publish()
    assert calls == []
    settings.EXEMPLARS_PAGE_CACHE = {**settings.EXEMPLARS_PAGE_CACHE, "ENABLED": True}
    make_story().save_revision().publish()
    assert calls


def test_the_purge_command(client, page_cache, section):
    from io import StringIO

    from django.core.management import CommandError, call_command

    story = make_story(title="Bản cũ")
    get(client, story.url)
    get(client, section.url)
    type(story).objects.filter(pk=story.pk).update(title="Bản mới")
    out = StringIO()
    call_command("purge_page_cache", story.url, stdout=out)
    assert f"http://localhost/en{story.url}" in out.getvalue()
    assert get(client, story.url)["X-Page-Cache"] == "miss"
    assert get(client, section.url)["X-Page-Cache"] == "hit"
    call_command("purge_page_cache", "--all", stdout=StringIO())
    assert get(client, section.url)["X-Page-Cache"] == "miss"
    with pytest.raises(CommandError):
        call_command("purge_page_cache", stdout=StringIO())


def test_an_entry_in_another_format_is_a_miss(client, page_cache, section):
    story = make_story()
    url = "http://testserver" + story.url
    pages = store.PageStore()
    generations, _ = pages.lookup(story.url, url, "vi")
    caches["default"].set(pages._entry_key(url, "vi"), (generations, 200, "older code"))
    response = get(client, story.url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert get(client, story.url)["X-Page-Cache"] == "hit"


def test_a_pin_ending_leaves_the_cached_pages_at_the_next_scheduled_run(
    client, page_cache, section, monkeypatch
):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from exemplars.caching import schedule
    from exemplars.models import CampaignPagePin, HomePagePin

    now = timezone.now()
    home = make_home()
    campaign_page = make_campaign_page()
    older = make_story(title="Bài cũ được ghim", published_at=now - dt.timedelta(days=30))
    make_story(title="Bài mới nhất", published_at=now)
    ends = now + dt.timedelta(minutes=10)
    CampaignPagePin.objects.create(page=campaign_page, story=older, sort_order=0, pinned_until=ends)
    HomePagePin.objects.create(page=home, story=older, sort_order=0, pinned_until=ends)

    def first_story(url):
        page = text(client, url)
        return page.index("Bài cũ được ghim") < page.index("Bài mới nhất")

    call_command("publish_scheduled", stdout=StringIO())  # the run before the pin ends
    for url in (campaign_page.url, home.url):
        assert first_story(url), url
        assert get(client, url)["X-Page-Cache"] == "hit"

    later = ends + dt.timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert campaign_page.url in out.getvalue() and "/en" + campaign_page.url in out.getvalue()
    for url in (campaign_page.url, home.url):
        assert get(client, url)["X-Page-Cache"] == "miss", url
        assert not first_story(url), url
    # Nothing changed since: the next run purges nothing.
    assert schedule.purge_pin_changes(later + dt.timedelta(minutes=5)) == []


@pytest.mark.django_db
def test_publish_scheduled_warns_when_run_without_the_servers_page_cache(settings, monkeypatch):
    """cron running `manage.py publish_scheduled` alone gets the development
    settings, with the page cache off: it says so instead of purging nothing."""
    from io import StringIO

    from django.core.management import call_command

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    settings.EXEMPLARS_PAGE_CACHE = settings.EXEMPLARS_PAGE_CACHE | {"ENABLED": False}
    err = StringIO()
    call_command("publish_scheduled", stdout=StringIO(), stderr=err)
    assert "deploy/manage.sh" in err.getvalue() and "bộ nhớ đệm trang đang tắt" in err.getvalue()

    settings.EXEMPLARS_PAGE_CACHE = settings.EXEMPLARS_PAGE_CACHE | {"ENABLED": True}
    err = StringIO()
    call_command("publish_scheduled", stdout=StringIO(), stderr=err)
    assert err.getvalue() == ""
