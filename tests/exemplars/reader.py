"""Demo-like content for the reader page tests: a section, a campaign page,
exemplars with honours, localities with a merger, stories with images and
bylines. Built from the factories so each test states only what it is about.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from exemplars.models import CampaignPagePin, Exemplar, Honour, Locality
from tests.factories import (
    make_author,
    make_award,
    make_campaign,
    make_campaign_page,
    make_exemplar,
    make_field,
    make_home,
    make_image,
    make_locality,
    make_section,
    make_story,
)

HCM = dt.timezone(dt.timedelta(hours=7))


def rich_body(image=None, n_paragraphs=3):
    """A story body with one block of every kind that renders without the network."""
    award = make_award()
    body = [("paragraph", f"<p>Đoạn {i} về gương điển hình.</p>") for i in range(n_paragraphs)]
    body += [
        ("quote", {"quote": "Làm theo gương Bác.", "attribution": "Ông Lê Văn Phước"}),
        ("fact_box", {"title": "Thành tích nổi bật", "facts": ["6 ha cá tra đạt chuẩn ASC"]}),
        ("honour", {"award": award, "issuing_body": "Thủ tướng Chính phủ", "date": None}),
    ]
    if image is not None:
        body.append(
            (
                "image",
                {
                    "image": image,
                    "caption": "Trao bằng khen",
                    "credit": "Ảnh: M.L",
                    "alt_text": "Lễ trao",
                },
            )
        )
    return body


def build_site(n_stories=6, *, with_images=True):
    """Home → section → stories; a campaign page; exemplars; a merged locality."""
    home = make_home()
    section = make_section(home, title="Gương sáng nông thôn", slug="guong-sang-nong-thon")
    campaign = make_campaign(
        "An Giang chung sức xây dựng nông thôn mới",
        short_name="Chung sức xây dựng NTM",
        authority="UBND tỉnh An Giang",
        start_year=2021,
        end_year=2030,
    )
    campaign_page = make_campaign_page(campaign)
    province = make_locality("An Giang", kind="province")
    chau_doc = make_locality("Châu Đốc", kind="district", parent=province)
    old = make_locality("Châu Phú (cũ)", kind="district", successor=chau_doc, change="merged")
    farming = make_field("Nông nghiệp")
    person = make_exemplar("Nguyễn Văn Hai", locality=chau_doc, field=farming, bio="Nông dân giỏi.")
    coop = make_exemplar("HTX Thạnh Mỹ Tây", kind=Exemplar.Kind.COLLECTIVE, locality=old)
    award = make_award()
    Honour.objects.create(
        exemplar=person,
        award=award,
        date=dt.date(2023, 5, 2),
        issuing_body="Thủ tướng Chính phủ",
        campaign=campaign,
    )
    image = make_image("Ảnh đại diện") if with_images else None
    author = make_author("M.L")
    stories = []
    for i in range(n_stories):
        stories.append(
            make_story(
                parent=section,
                title=f"Điển hình tiên tiến ở Châu Đốc số {i}",
                exemplar=person if i % 2 == 0 else coop,
                locality=chau_doc if i % 2 == 0 else old,
                field=farming,
                hero_image=image,
                hero_alt="Ông Hai trên ruộng lúa" if image else "",
                hero_caption="Ông Hai trên ruộng" if image else "",
                hero_credit="Ảnh: M.L" if image else "",
                body=rich_body(image),
                published_at=timezone.now() - dt.timedelta(hours=6 + i * 24),
                campaigns=[campaign],
                authors=[author],
            )
        )
    return {
        "home": home,
        "section": section,
        "campaign": campaign,
        "campaign_page": campaign_page,
        "province": province,
        "chau_doc": chau_doc,
        "old_locality": old,
        "field": farming,
        "person": person,
        "coop": coop,
        "stories": stories,
        "image": image,
    }


def pin(campaign_page, story, **kwargs):
    return CampaignPagePin.objects.create(page=campaign_page, story=story, **kwargs)


__all__ = ["HCM", "Locality", "build_site", "pin", "rich_body"]
