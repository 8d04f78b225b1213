"""The iCalendar feeds, read back by a real parser (``icalendar``) and checked against RFC 5545."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from exemplars.models import Event
from tests.factories import make_campaign

from .conftest import local

pytestmark = pytest.mark.django_db


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def vevents(body: bytes):
    return list(Calendar.from_ical(body).walk("VEVENT"))


def test_feed_parses_back_with_times_across_midnight(client, home, make_event, exemplars):
    event = make_event(
        title="Giao lưu điển hình: “Dân vận khéo”, mô hình hay; chia sẻ \\ kinh nghiệm",
        kind=Event.Kind.EXCHANGE,
        # 23:00–01:00 in Vietnam, 16:00–18:00 in UTC: one day there, two days here.
        starts_at=local(2030, 12, 31, 23, 0),
        ends_at=local(2031, 1, 1, 1, 0),
        place="Nhà văn hóa ấp Hòa Long, xã Hòa Bình; lầu 2",
        exemplars=exemplars,
        description="Chương trình dài " + "rất dài " * 40,
    )
    body = feed(client, reverse("exemplars_events_ics"))
    [item] = vevents(body)
    assert item["SUMMARY"] == event.title
    start, end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert start == event.starts_at and end == event.ends_at
    assert start.utcoffset() == dt.timedelta(0)
    assert (start.year, start.month, start.day, start.hour) == (2030, 12, 31, 16)
    assert item["LOCATION"] == "Nhà văn hóa ấp Hòa Long, xã Hòa Bình; lầu 2, Long Xuyên"
    assert "Nguyễn Thị Ắ Lành" in item["DESCRIPTION"]
    assert item["UID"].startswith(f"event-{event.pk}@")
    assert item["URL"].endswith(f"/su-kien/{event.slug}/")
    assert "Giao lưu" in str(item["CATEGORIES"].to_ical(), "utf-8")
    # RFC 5545 on the wire: CRLF lines, none over 75 octets, text escaped.
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert "Hòa Long\\, xã Hòa Bình\\; lầu 2".encode() in body.replace(b"\r\n ", b"")
    assert b"BEGIN:VCALENDAR" in body and b"VERSION:2.0" in body and b"PRODID:" in body


def test_campaign_feed_holds_only_its_campaigns_events(client, home, make_event):
    mine = make_event(title="Sự kiện của phong trào")
    make_event(title="Sự kiện phong trào khác", campaign=make_campaign("Phong trào khác"))
    body = feed(client, reverse("exemplars_campaign_events_ics", args=[mine.campaign.slug]))
    assert [str(e["SUMMARY"]) for e in vevents(body)] == [mine.title]
    assert mine.campaign.name in Calendar.from_ical(body)["X-WR-CALNAME"]
    assert len(vevents(feed(client, reverse("exemplars_events_ics")))) == 2


def test_unknown_campaign_feed_is_a_404(client, home):
    url = reverse("exemplars_campaign_events_ics", args=["khong-co"])
    assert client.get(url).status_code == 404
