"""Builds the demo site from ``content`` and ``stories_*`` (run by ``manage.py load_demo``).

Every step looks its record up first (pages by slug under their parent,
localities by slug, other records by name through ``importing.find_or_create``)
and leaves what it finds alone, so a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail.rich_text import RichText

from demo import content, images
from demo.events import load_demo_events
from demo.stories_1 import STORIES as STORIES_1
from demo.stories_2 import STORIES as STORIES_2
from demo.stories_3 import STORIES as STORIES_3
from exemplars.importing import deferred_indexing, find_or_create, index_in_batches, publish_at
from exemplars.models import (
    Author,
    Award,
    Campaign,
    CampaignDrive,
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    HomePagePin,
    Honour,
    Locality,
    SectionPage,
    Stage,
    StoryByline,
)
from exemplars.ops.sites import ensure_served, home_parent, serve_home

STORIES = STORIES_1 + STORIES_2 + STORIES_3

_KIND = {
    "province": Locality.Kind.PROVINCE,
    "city": Locality.Kind.DISTRICT,
    "town": Locality.Kind.DISTRICT,
    "district": Locality.Kind.DISTRICT,
    "ward": Locality.Kind.COMMUNE,
    "commune": Locality.Kind.COMMUNE,
    "township": Locality.Kind.COMMUNE,
    "special_zone": Locality.Kind.COMMUNE,
}
_STAGE = {
    "discovered": Stage.DISCOVERED,
    "nurtured": Stage.NURTURED,
    "summed_up": Stage.SUMMED_UP,
    "replicated": Stage.REPLICATED,
}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class DemoLoader:
    """Loads the demo in dependency order; ``created`` counts what this run added."""

    def __init__(self, say: Callable[[str], None] = lambda msg: None, keep_root: bool = False):
        self.say = say
        # keep_root: an outlet trying the demo on its own site keeps its home page at /
        # and gets the demo under it, instead of the demo home becoming the Site's root.
        self.keep_root = keep_root
        self.created: dict[str, int] = {}
        self.localities: dict[str, Locality] = {}
        self.sections: dict[str, SectionPage] = {}

    def _count(self, label: str, created: bool) -> None:
        if created:
            self.created[label] = self.created.get(label, 0) + 1

    # -- run -------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        with deferred_indexing() as touched:
            with transaction.atomic():
                home = self.home()
                self.load_sections(home)
                self.load_records()
                self.load_campaign_pages()
            for story in STORIES:
                # One transaction per story: an interrupted run keeps what it finished.
                with transaction.atomic():
                    self.load_story(story)
            with transaction.atomic():
                self.pin_home(home)
            with transaction.atomic():
                if events := load_demo_events():
                    self.created["event"] = events
        self.say("Cập nhật chỉ mục tìm kiếm…")
        index_in_batches(touched)
        return self.created

    def load_records(self) -> None:
        self.load_localities()
        for name in content.FIELDS:
            self._count("field", find_or_create(Field, name)[1])
        for name, level in content.AWARDS.items():
            self._count("award", find_or_create(Award, name, level=level)[1])
        self.load_authors()
        self.load_campaigns()

    # -- pages -------------------------------------------------------------------

    def home(self) -> ExemplarHomePage:
        home = ExemplarHomePage.objects.order_by("path").first()
        if home is None:
            root = home_parent() if self.keep_root else Page.get_first_root_node()
            home = root.add_child(
                instance=ExemplarHomePage(
                    title=content.HOME["title"],
                    slug=content.HOME["slug"],
                    intro=f"<p>{content.HOME['intro']}</p>",
                )
            )
            publish_at(home, home.first_published_at or _now())
            self._count("page", True)
            self.say(f"Trang chủ: {home.title}")
        if self.keep_root:
            ensure_served(home, site_name=content.SITE_NAME)
        else:
            serve_home(home, site_name=content.SITE_NAME)
        return home

    def _child_page(self, parent: Page, model, slug: str, **fields) -> Page:
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = parent.add_child(instance=model(slug=slug, **fields))
        publish_at(page, _now())
        self._count("page", True)
        return page

    def load_sections(self, home: ExemplarHomePage) -> None:
        for spec in content.SECTIONS:
            parent = self.sections[spec["parent"]] if spec.get("parent") else home
            self.sections[spec["key"]] = self._child_page(
                parent,
                SectionPage,
                spec["key"],
                title=spec["title"],
                intro=f"<p>{spec['intro']}</p>",
            )
        self.say(f"Chuyên trang, chuyên mục: {len(self.sections)}")

    def load_campaign_pages(self) -> None:
        parent = self.sections[content.SECTIONS[0]["key"]]
        for spec in content.CAMPAIGNS:
            campaign = Campaign.find(spec["name"])
            if CampaignPage.objects.filter(campaign=campaign).exists():
                continue
            self._child_page(
                parent,
                CampaignPage,
                campaign.slug,
                title=spec["name"],
                campaign=campaign,
                intro=f"<p>{spec['description']}</p>",
            )
        self.say(f"Trang phong trào: {CampaignPage.objects.count()}")

    def pin_home(self, home: ExemplarHomePage) -> None:
        if home.pins.exists():
            return
        newest = ExemplarStoryPage.objects.live().order_by("-published_at")[:3]
        for i, story in enumerate(newest):
            HomePagePin.objects.create(page=home, story=story, sort_order=i)

    # -- records -----------------------------------------------------------------

    def load_localities(self) -> None:
        # Slugs are the keys: names repeat across the reorganisation (An Giang).
        for spec in content.LOCALITIES:
            loc = Locality.objects.filter(slug=spec["key"]).first()
            if loc is None:
                loc = Locality.objects.create(
                    name=spec["name"],
                    slug=spec["key"],
                    kind=_KIND[spec["kind"]],
                    valid_until=_date(spec.get("until")),
                )
                self._count("locality", True)
            self.localities[spec["key"]] = loc
        for spec in content.LOCALITIES:
            loc = self.localities[spec["key"]]
            parent = self.localities.get(spec.get("parent", ""))
            successor = self.localities.get(spec.get("successor", ""))
            change = ""
            if successor is not None:
                abolished = loc.kind == Locality.Kind.DISTRICT and (
                    successor.kind == Locality.Kind.PROVINCE
                )
                change = Locality.Change.ABOLISHED if abolished else Locality.Change.MERGED
            wanted = {
                "parent_id": parent.pk if parent else None,
                "successor_id": successor.pk if successor else None,
                "change": change,
            }
            if any(getattr(loc, k) != v for k, v in wanted.items()):
                # A queryset update: no stories yet, nothing to reindex.
                Locality.objects.filter(pk=loc.pk).update(**wanted)
                for k, v in wanted.items():
                    setattr(loc, k, v)
        self.say(f"Địa phương: {len(self.localities)} (trước và sau 1/7/2025)")

    def load_authors(self) -> None:
        for spec in content.AUTHORS:
            author, created = find_or_create(
                Author, spec["pen_name"], full_name=spec["full_name"], bio=spec["bio"]
            )
            self._count("author", created)
            if author.photo_id is None:
                photo, made = images.get_or_create_image(
                    f"Tác giả {spec['pen_name']}",
                    f"tac-gia-{author.slug}.jpg",
                    lambda spec=spec: images.draw_portrait(
                        images.initials(spec["full_name"]), spec["colour"]
                    ),
                )
                self._count("image", made)
                Author.objects.filter(pk=author.pk).update(photo=photo)

    def load_campaigns(self) -> None:
        for spec in content.CAMPAIGNS:
            parent = Campaign.find(spec["parent"]) if spec.get("parent") else None
            campaign, created = find_or_create(
                Campaign,
                spec["name"],
                short_name=spec["short_name"],
                level=spec["level"],
                start_year=spec["start_year"],
                end_year=spec["end_year"],
                authority=spec["launched_by"],
                decision_number=spec["decision_number"],
                decision_date=_date(spec["decision_date"]),
                description=f"<p>{spec['description']}</p>",
                parent=parent,
            )
            self._count("campaign", created)
            for drive in spec.get("drives", []):
                _, made = CampaignDrive.objects.get_or_create(
                    campaign=campaign,
                    name=drive["name"],
                    defaults={
                        "occasion": drive["occasion"],
                        "start_date": _date(drive["start"]),
                        "end_date": _date(drive["end"]),
                    },
                )
                self._count("drive", made)
        self.say(f"Phong trào thi đua: {len(content.CAMPAIGNS)}")

    def exemplar(self, story: dict, locality: Locality, field: Field) -> Exemplar:
        spec = story["exemplar"]
        exemplar, created = find_or_create(
            Exemplar,
            spec["name"],
            kind=spec["kind"],
            bio=spec["bio"],
            locality=locality,
            field=field,
        )
        if not created:
            return exemplar
        self._count("exemplar", True)
        portrait, made = images.get_or_create_image(
            f"Điển hình {spec['name']}",
            f"dien-hinh-{exemplar.slug}.jpg",
            lambda: images.draw_portrait(
                images.initials(spec["name"]), images._palette(spec["name"])[0]
            ),
        )
        self._count("image", made)
        Exemplar.objects.filter(pk=exemplar.pk).update(portrait=portrait)
        stages = sorted(spec["stages"].items(), key=lambda kv: _STAGE[kv[0]])
        for stage, when in stages:
            exemplar.advance_to(_STAGE[stage], on=_date(when), note="Dữ liệu mẫu")
        campaign = Campaign.find(story["campaigns"][0]) if story["campaigns"] else None
        for i, honour in enumerate(spec["honours"]):
            Honour.objects.create(
                exemplar=exemplar,
                award=Award.find(honour["award"]),
                level=content.AWARDS.get(honour["award"], ""),
                issuing_body=honour["issuer"],
                decision_number=honour["number"],
                date=_date(honour["date"]),
                campaign=campaign,
                sort_order=i,
            )
        return exemplar

    # -- stories -------------------------------------------------------------------

    def load_story(self, story: dict) -> ExemplarStoryPage:
        section = self.sections[story["section"]]
        existing = ExemplarStoryPage.objects.child_of(section).filter(slug=story["slug"]).first()
        if existing is not None:
            return existing
        locality = self.localities[story["locality"]]
        field = Field.find(story["field"])
        exemplar = self.exemplar(story, locality, field)
        hero, made = images.get_or_create_image(
            f"Ảnh bài: {Truncator(story['title']).chars(200)}",
            f"{story['slug'][:60]}.jpg",
            lambda: images.draw_picture(
                story["hero"]["caption"], seed=story["slug"], footer=story["hero"]["credit"]
            ),
        )
        self._count("image", made)
        published = dt.datetime.fromisoformat(story["published"])
        page = ExemplarStoryPage(
            slug=story["slug"],
            title=story["title"],
            intro=story["intro"],
            hero_image=hero,
            hero_caption=story["hero"]["caption"],
            hero_credit=story["hero"]["credit"],
            hero_alt=story["hero"]["caption"],
            body=self.body(story, exemplar, hero),
            exemplar=exemplar,
            locality=locality,
            field=field,
            published_at=published,
            first_published_at=published,
            last_published_at=published,
        )
        page.campaigns.set([Campaign.find(n) for n in story["campaigns"]])
        page.awards.set([Award.find(h["award"]) for h in story["exemplar"]["honours"]])
        page.tags.set(story["tags"])
        page.bylines = [
            StoryByline(author=Author.find(name), sort_order=i)
            for i, name in enumerate(story["authors"])
        ]
        section.add_child(instance=page)
        publish_at(page, published)
        self._count("story", True)
        self.say(f"  + {page.title}")
        return page

    def body(self, story: dict, exemplar: Exemplar, hero) -> list[tuple[str, object]]:
        blocks: list[tuple[str, object]] = []
        honours = list(exemplar.honours.select_related("award").order_by("sort_order"))
        for item in story["body"]:
            if isinstance(item, str):
                blocks.append(("paragraph", RichText(f"<p>{item}</p>")))
            elif "quote" in item:
                blocks.append(("quote", {"quote": item["quote"], "attribution": item["by"]}))
            elif "facts" in item:
                blocks.append(("fact_box", {"title": item["title"], "facts": item["facts"]}))
            elif "honour" in item and honours:
                h = honours[min(item["honour"], len(honours) - 1)]
                blocks.append(
                    (
                        "honour",
                        {
                            "award": h.award,
                            "issuing_body": h.issuing_body,
                            "decision_number": h.decision_number,
                            "date": h.date,
                        },
                    )
                )
        # A captioned photo inside the body after the second paragraph.
        caption = f"{exemplar.name} - {story['hero']['caption']}"
        photo = (
            "image",
            {
                "image": hero,
                "caption": Truncator(caption).chars(480),
                "credit": story["hero"]["credit"],
                "alt_text": Truncator(story["hero"]["caption"]).chars(240),
            },
        )
        blocks.insert(min(2, len(blocks)), photo)
        return blocks


def _now():
    from django.utils import timezone

    return timezone.now()
