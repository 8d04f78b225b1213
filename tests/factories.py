"""Content builders with keyword defaults: ``make_story(title="…")``.

Each builder creates what it needs (site, home, section) on first use, so a
test names only what it is about.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from exemplars.models import (
    Author,
    Award,
    Campaign,
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Locality,
    SectionPage,
    StoryByline,
)

_seq = itertools.count(1)


def make_home(**overrides) -> ExemplarHomePage:
    """The site's home, created on first use; ``overrides`` apply to an existing home too."""
    home = ExemplarHomePage.objects.first()
    if home:
        if overrides:
            for name, value in overrides.items():
                setattr(home, name, value)
            home.save_revision().publish()
            home.refresh_from_db()
        return home
    root = Page.get_first_root_node()
    fields = {"title": "Điển hình tiên tiến", "slug": "trang-chu"} | overrides
    home = root.add_child(instance=ExemplarHomePage(**fields))
    home.save_revision().publish()
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost", root_page=home, is_default_site=True, site_name="Báo An Giang"
    )
    return home


def make_section(parent=None, **overrides) -> SectionPage:
    parent = parent or make_home()
    n = next(_seq)
    fields = {"title": f"Chuyên mục {n}", "slug": f"chuyen-muc-{n}"} | overrides
    section = parent.add_child(instance=SectionPage(**fields))
    section.save_revision().publish()
    return section


def default_section() -> SectionPage:
    return SectionPage.objects.first() or make_section(title="Gương sáng", slug="guong-sang")


def make_locality(name="Châu Đốc", **overrides) -> Locality:
    return Locality.find(name) or Locality.objects.create(name=name, **overrides)


def make_field(name="Nông nghiệp", **overrides) -> Field:
    return Field.find(name) or Field.objects.create(name=name, **overrides)


def make_campaign(name="An Giang chung sức xây dựng nông thôn mới", **overrides) -> Campaign:
    fields = {"start_year": 2021, "end_year": 2025, "level": "provincial"} | overrides
    return Campaign.find(name) or Campaign.objects.create(name=name, **fields)


def make_award(name="Bằng khen của Thủ tướng Chính phủ", **overrides) -> Award:
    return Award.find(name) or Award.objects.create(name=name, **overrides)


def make_author(name="M.L", **overrides) -> Author:
    return Author.find(name) or Author.objects.create(name=name, **overrides)


def make_exemplar(name=None, **overrides) -> Exemplar:
    name = name or f"Nguyễn Văn {next(_seq)}"
    fields = {"kind": Exemplar.Kind.INDIVIDUAL} | overrides
    return Exemplar.find(name) or Exemplar.objects.create(name=name, **fields)


def make_image(title="Ảnh", size=(640, 400), color=(200, 120, 40)) -> Image:
    buf = io.BytesIO()
    PILImage.new("RGB", size, color).save(buf, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buf, name=f"img-{next(_seq)}.jpg"))


def make_story(
    *,
    parent=None,
    campaigns=None,
    authors=None,
    publish=True,
    **overrides,
) -> ExemplarStoryPage:
    """A story under the default section; ``publish=False`` leaves a draft."""
    n = next(_seq)
    fields = {
        "title": f"Gương điển hình tiên tiến số {n}",
        "slug": f"bai-{n}",
        "intro": "Một tấm gương sáng trong phong trào thi đua yêu nước.",
        "body": [("paragraph", "<p>Nội dung bài viết về điển hình tiên tiến.</p>")],
        "published_at": timezone.now() - dt.timedelta(days=n),
    } | overrides
    parent = parent or default_section()
    story = parent.add_child(instance=ExemplarStoryPage(**fields, live=publish))
    if campaigns is None:
        campaigns = [make_campaign()]
    story.campaigns.set(campaigns)
    for author in authors or []:
        StoryByline.objects.create(page=story, author=author)
    revision = story.save_revision()
    if publish:
        revision.publish()
    else:
        story.live = False
        story.save(update_fields=["live"])
    story.refresh_from_db()
    return story


def make_campaign_page(campaign=None, parent=None, **overrides) -> CampaignPage:
    campaign = campaign or make_campaign()
    parent = parent or make_home()
    fields = {"title": campaign.name, "slug": campaign.slug, "campaign": campaign} | overrides
    page = parent.add_child(instance=CampaignPage(**fields))
    page.save_revision().publish()
    return page
