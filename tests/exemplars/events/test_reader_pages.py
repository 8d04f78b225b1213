"""Events for readers: the section, the event page and its JSON-LD, the campaign page."""

import datetime as dt
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from exemplars.models import Event, StoryEvent
from tests.factories import make_campaign_page, make_exemplar, make_story

from .conftest import local

pytestmark = pytest.mark.django_db


def jsonld(html: str, kind: str) -> dict:
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


def test_event_page_shows_newsroom_time_and_event_jsonld(client, home, make_event, exemplars):
    draft = make_exemplar("Điển hình chưa duyệt", live=False)
    # 00:30 on 1 January in Vietnam is still 31 December in UTC.
    event = make_event(
        starts_at=local(2031, 1, 1, 0, 30),
        ends_at=local(2031, 1, 1, 2, 0),
        exemplars=[*exemplars, draft],
        registration_url="https://dangky.example.vn/toa-dam",
        description="Giao lưu với nông dân giỏi; chia sẻ kinh nghiệm.",
    )
    assert event.starts_at.astimezone(dt.UTC).date() == dt.date(2030, 12, 31)
    response = client.get(reverse("exemplars_event", args=[event.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "01/01/2031 00:30" in html and "31/12/2030" not in html
    data = jsonld(html, "Event")
    assert data["name"] == event.title
    assert data["startDate"] == "2031-01-01T00:30:00+07:00"
    assert data["endDate"] == "2031-01-01T02:00:00+07:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Hội trường UBND tỉnh, 16 Lê Lợi"
    assert data["location"]["address"]["addressLocality"] == "Long Xuyên"
    assert data["organizer"]["name"] == "UBND tỉnh An Giang"
    performers = {(p["@type"], p["name"]) for p in data["performer"]}
    assert performers == {
        ("Person", "Nguyễn Thị Ắ Lành"),
        ("Organization", "Hợp tác xã Đoàn Kết"),
    }
    assert "Điển hình chưa duyệt" not in html
    assert data["offers"]["url"] == "https://dangky.example.vn/toa-dam"
    assert data["url"].endswith(f"/su-kien/{event.slug}/")


def test_unknown_event_is_a_404(client, home):
    assert client.get("/su-kien/khong-co/").status_code == 404


def test_upcoming_and_past_split_at_the_end_of_the_event(make_event):
    now = timezone.now()
    running = make_event(
        title="Đang diễn ra",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(seconds=1),
    )
    over = make_event(
        title="Vừa xong",
        starts_at=now - dt.timedelta(hours=2),
        ends_at=now - dt.timedelta(seconds=1),
    )
    assert list(Event.objects.upcoming(now)) == [running]
    assert list(Event.objects.past(now)) == [over]
    # At the very instant it ends, it is over.
    assert list(Event.objects.past(running.ends_at)) == [running, over]


def test_section_lists_upcoming_then_past(client, home, make_event):
    now = timezone.now()
    make_event(
        title="Tham quan mô hình lúa sạch",
        kind=Event.Kind.FIELD_VISIT,
        starts_at=now + dt.timedelta(days=3),
        ends_at=now + dt.timedelta(days=3, hours=4),
    )
    make_event(
        title="Lễ tuyên dương 2024",
        kind=Event.Kind.AWARD_CEREMONY,
        starts_at=now - dt.timedelta(days=30),
        ends_at=now - dt.timedelta(days=30) + dt.timedelta(hours=2),
    )
    html = client.get(reverse("exemplars_events")).content.decode()
    upcoming, past = html.split('id="past-title"')
    assert "Tham quan mô hình lúa sạch" in upcoming and "Lễ tuyên dương 2024" in past
    assert "Tham quan thực tế" in upcoming and "Lễ trao thưởng" in past
    only_visits = client.get(reverse("exemplars_events") + "?loai=field_visit").content.decode()
    assert "Lễ tuyên dương 2024" not in only_visits


def test_campaign_page_shows_its_events(client, home, make_event):
    now = timezone.now()
    event = make_event(
        starts_at=now + dt.timedelta(days=1), ends_at=now + dt.timedelta(days=1, hours=2)
    )
    other = make_event(
        title="Sự kiện phong trào khác",
        campaign=None,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
    )
    page = make_campaign_page(event.campaign)
    html = client.get(page.url).content.decode()
    assert event.title in html and other.title not in html
    assert reverse("exemplars_campaign_events_ics", args=[event.campaign.slug]) in html


def test_event_page_lists_the_published_stories_covering_it(client, home, make_event):
    event = make_event()
    story = make_story(title="Tọa đàm sôi nổi ở Long Xuyên")
    StoryEvent.objects.create(page=story, event=event)
    draft = make_story(title="Bài nháp về tọa đàm", publish=False)
    StoryEvent.objects.create(page=draft, event=event)
    html = client.get(reverse("exemplars_event", args=[event.slug])).content.decode()
    assert "Tọa đàm sôi nổi ở Long Xuyên" in html and story.url in html
    assert "Bài nháp về tọa đàm" not in html


def test_every_reader_page_links_the_events_section(client, home):
    assert f'href="{reverse("exemplars_events")}"' in client.get(home.url).content.decode()


def test_sitemap_lists_the_events_section_and_each_event(client, home, make_event):
    event = make_event()
    xml = client.get(reverse("exemplars_sitemap")).content.decode()
    assert f"http://localhost/su-kien/{event.slug}/</loc>" in xml
    assert "http://localhost/su-kien/</loc>" in xml


def test_the_events_section_has_an_english_edition(client, home, make_event):
    event = make_event(title="Tọa đàm điển hình")
    page = client.get(reverse("exemplars_event", args=[event.slug])).content.decode()
    link = re.search(r'<a href="([^"]+)" hreflang="en"', page)
    assert link and link.group(1) == f"/en/su-kien/{event.slug}/"
    response = client.get(link.group(1))
    assert response.status_code == 200 and response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en"' in html and "Tọa đàm điển hình" in html
    assert f'<a href="/su-kien/{event.slug}/" hreflang="vi"' in html
    index = client.get("/en/su-kien/")
    assert index.status_code == 200 and "Tọa đàm điển hình" in index.content.decode()
