"""Demo events (``manage.py load_demo``): two past, one coming, each with its exemplars."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone

from exemplars.events.models import Event, StoryEvent
from exemplars.models import Campaign, Exemplar, ExemplarStoryPage, Locality

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
CAMPAIGN = "An Giang chung sức xây dựng nông thôn mới"

EVENTS = [
    {
        "slug": "toa-dam-nong-dan-san-xuat-kinh-doanh-gioi-2024",
        "title": "Tọa đàm: Nông dân sản xuất, kinh doanh giỏi chung sức xây dựng nông thôn mới",
        "kind": Event.Kind.TALK,
        "starts_at": dt.datetime(2024, 10, 15, 8, 0, tzinfo=HCM),
        "hours": 3,
        "place": "Hội trường Tỉnh ủy An Giang",
        "locality": "Long Xuyên",
        "description": (
            "Các điển hình chia sẻ cách liên kết sản xuất, xây dựng thương hiệu nông sản và "
            "đóng góp ngày công, đất đai làm đường giao thông nông thôn."
        ),
        "cited_by_first_story": True,
    },
    {
        "slug": "tham-quan-mo-hinh-lua-huu-co-2025",
        "title": "Tham quan thực tế mô hình trồng lúa hữu cơ",
        "kind": Event.Kind.FIELD_VISIT,
        "starts_at": dt.datetime(2025, 3, 20, 7, 30, tzinfo=HCM),
        "hours": 5,
        "place": "Hợp tác xã nông nghiệp, ấp Phú Hòa",
        "locality": "Thoại Sơn",
        "description": "Đoàn cán bộ, hội viên nông dân tham quan cánh đồng lúa hữu cơ liên kết.",
    },
    {
        "slug": "le-tuyen-duong-dien-hinh-tien-tien",
        "title": "Lễ tuyên dương điển hình tiên tiến phong trào xây dựng nông thôn mới",
        "kind": Event.Kind.AWARD_CEREMONY,
        # Always ahead of the demo's visitor, so the section shows a coming event.
        "in_days": 21,
        "hours": 2,
        "place": "Trung tâm Hội nghị tỉnh",
        "locality": "Long Xuyên",
        "description": "Tuyên dương, khen thưởng các tập thể, cá nhân tiêu biểu của phong trào.",
        "registration_url": "https://example.vn/dang-ky-le-tuyen-duong",
    },
]


def load_demo_events() -> int:
    """Create the demo events that are missing; returns how many were created."""
    campaign = Campaign.find(CAMPAIGN)
    if campaign is None:
        return 0
    stories = list(
        ExemplarStoryPage.objects.live()
        .filter(campaigns=campaign, exemplar__isnull=False)
        .order_by("published_at", "pk")[:6]
    )
    exemplars = list(Exemplar.objects.filter(pk__in=[s.exemplar_id for s in stories], live=True))
    created = 0
    for i, spec in enumerate(EVENTS):
        if Event.objects.filter(slug=spec["slug"]).exists():
            continue
        if "in_days" in spec:
            day = timezone.localdate() + dt.timedelta(days=spec["in_days"])
            starts = dt.datetime.combine(day, dt.time(8, 0), tzinfo=HCM)
        else:
            starts = spec["starts_at"]
        event = Event(
            slug=spec["slug"],
            title=spec["title"],
            kind=spec["kind"],
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=spec["hours"]),
            place=spec["place"],
            locality=Locality.objects.filter(name=spec["locality"]).first(),
            campaign=campaign,
            description=spec["description"],
            registration_url=spec.get("registration_url", ""),
        )
        event.exemplars.set(exemplars[i * 2 : i * 2 + 3])
        event.save()
        created += 1
        if spec.get("cited_by_first_story") and stories:
            story = stories[0]
            story.event_citations.add(StoryEvent(event=event))
            story.save_revision().publish()
    return created
