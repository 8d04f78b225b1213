"""RSS 2.0 and Atom feeds: the whole site, each section, each campaign.

Items carry the full story (``content:encoded`` in RSS, ``<content>`` in Atom)
with the hero image on top and as an enclosure, so a reader app shows the story
without visiting the site. Dates are given in Asia/Ho_Chi_Minh (+07:00).

One item is bounded (``EXEMPLARS_FEED_ITEM_CHARS``, default 60,000 characters
of HTML; the description to ``FEED_DESCRIPTION_CHARS``): a longer story ends
with a link to the page, so one oversized archive story cannot make every
feed response megabytes long. A story without a URL (filed outside every
Site) is left out and logged rather than failing the whole feed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from exemplars.images import FEED_SPEC, prefetch_renditions
from exemplars.models import Author, Campaign, SectionPage, StoryByline
from exemplars.reader import listings
from exemplars.reader.links import author_url, home_url
from exemplars.reader.structured_data import NEWSROOM_TZ, absolute, site_name, title_with_site

logger = logging.getLogger(__name__)

FEED_LENGTH = 30
FEED_DESCRIPTION_CHARS = 1000
FEED_ITEM_CHARS = 60_000
_RELATIVE_URL = re.compile(r'(\s(?:src|href))="/(?!/)')


class FullContentRss(Rss201rev2Feed):
    """RSS 2.0 with the story body in ``content:encoded``."""

    def rss_attributes(self):
        return super().rss_attributes() | {
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/"
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class FullContentAtom(Atom1Feed):
    """Atom with the story body in ``<content type="html">``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


@dataclass
class FeedSource:
    """What one request's feed is about; a Feed instance is shared between requests."""

    request: object
    title: str
    link: str
    description: str
    stories: object


def _newsroom_time(value):
    """Whole seconds in Asia/Ho_Chi_Minh, so feeds print ``…T13:38:00+07:00``."""
    return value.astimezone(NEWSROOM_TZ).replace(microsecond=0) if value else None


def _feed_items(stories, request):
    items = []
    stories = stories.select_related("hero_image", "exemplar").prefetch_related(
        prefetch_renditions("hero_image", [FEED_SPEC]),
        Prefetch("bylines", queryset=StoryByline.objects.select_related("author")),
    )
    base = absolute("/", request).rstrip("/")
    for item in stories[:FEED_LENGTH]:
        # Item hooks get only the item, so the request's address rides on it.
        item._feed_url = item.get_url(request)
        if item._feed_url is None:
            logger.warning("Feed skips story %s (%s): it is under no Site", item.pk, item.title)
            continue
        item._feed_base = base
        item._feed_request = request
        items.append(item)
    return items


def item_max_chars() -> int:
    return getattr(settings, "EXEMPLARS_FEED_ITEM_CHARS", FEED_ITEM_CHARS)


def bounded_body(story, context: dict, limit: int) -> tuple[str, bool]:
    """The story's blocks rendered until ``limit`` characters; and whether some were left out.

    Blocks are rendered one at a time so a huge body is never rendered whole;
    the block that crosses the limit is cut with Django's HTML-aware truncator.
    """
    parts, size = [], 0
    for block in story.body:
        html = str(block.render_as_block(context))
        if size + len(html) > limit:
            room = limit - size
            if room > 200:
                parts.append(Truncator(html).chars(room, html=True))
            return "".join(parts), True
        parts.append(html)
        size += len(html)
    return "".join(parts), False


class StoryFeed(Feed):
    """The newest stories of the whole site (RSS 2.0)."""

    feed_type = FullContentRss

    def get_object(self, request, *args, **kwargs):
        return FeedSource(
            request=request,
            title=site_name(request),
            link=home_url(request),
            description=_("Gương điển hình tiên tiến, người tốt việc tốt, phong trào thi đua."),
            stories=listings.live_stories(),
        )

    def title(self, obj):
        return obj.title

    # Absolute already, so Django's syndication never adds the request's host.
    def link(self, obj):
        return absolute(obj.link, obj.request)

    def description(self, obj):
        return obj.description

    def feed_url(self, obj):
        return absolute(obj.request.path, obj.request)

    def feed_extra_kwargs(self, obj):
        return {}

    def items(self, obj):
        return _feed_items(obj.stories, obj.request)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return Truncator(item.intro).chars(FEED_DESCRIPTION_CHARS)

    def item_link(self, item):
        return absolute(item._feed_url, item._feed_request)

    def item_guid(self, item):
        return item.get_full_url(item._feed_request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return _newsroom_time(item.display_date)

    def item_updateddate(self, item):
        return _newsroom_time(item.last_published_at or item.display_date)

    def item_author_name(self, item):
        return ", ".join(b.author.name for b in item.bylines.all()) or None

    def item_categories(self, item):
        # A profile still in draft is not named to readers.
        return [item.exemplar.name] if item.exemplar_id and item.exemplar.live else []

    def item_enclosures(self, item):
        if not item.hero_image_id:
            return []
        rendition = item.hero_image.get_rendition(FEED_SPEC)
        return [Enclosure(item._feed_base + rendition.url, str(rendition.file.size), "image/jpeg")]

    def item_extra_kwargs(self, item):
        request = item._feed_request
        context = {"story": item, "feed": True, "feed_spec": FEED_SPEC, "request": request}
        body, cut = bounded_body(item, context, item_max_chars())
        html = render_to_string(
            "exemplars/feeds/item_content.html",
            context
            | {
                "intro": Truncator(item.intro).chars(FEED_DESCRIPTION_CHARS),
                "body_html": mark_safe(body),  # rendered by the blocks' own templates
                "truncated": cut,
                "story_url": item._feed_url,
            },
            request=request,
        )
        return {"content_html": _RELATIVE_URL.sub(rf'\1="{item._feed_base}/', html)}


class StoryAtomFeed(StoryFeed):
    feed_type = FullContentAtom

    def subtitle(self, obj):
        return obj.description


class SectionFeed(StoryFeed):
    """The newest stories filed under one section (and its sub-sections)."""

    def get_object(self, request, pk):
        section = get_object_or_404(SectionPage.objects.live().public(), pk=pk)
        link = section.get_url(request)
        if link is None:  # filed under no Site: nothing of it can be linked to
            raise Http404(_("Chuyên mục không thuộc trang nào."))
        return FeedSource(
            request=request,
            title=title_with_site(section.title, site_name(request)),
            link=link,
            description=section.search_description or section.title,
            stories=listings.live_stories().descendant_of(section),
        )


class SectionAtomFeed(SectionFeed):
    feed_type = FullContentAtom


class CampaignFeed(StoryFeed):
    """The newest stories of one campaign."""

    def get_object(self, request, slug):
        campaign = get_object_or_404(Campaign, slug=slug)
        page = getattr(campaign, "page", None)
        link = page.get_url(request) if page is not None and page.live else None
        if link is None:
            raise Http404(_("Phong trào chưa có trang."))
        return FeedSource(
            request=request,
            title=title_with_site(campaign.name, site_name(request)),
            link=link,
            description=campaign.short_name or campaign.name,
            stories=listings.live_stories().filter(campaigns=campaign),
        )


class AuthorFeed(StoryFeed):
    """The newest stories under one byline (a route of the home page, beside the author page)."""

    def get_object(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        return FeedSource(
            request=request,
            title=title_with_site(author.name, site_name(request)),
            link=author_url(author, request),
            description=author.bio or author.full_name or author.name,
            stories=listings.live_stories().filter(bylines__author=author),
        )


class AuthorAtomFeed(AuthorFeed):
    feed_type = FullContentAtom


class CampaignAtomFeed(CampaignFeed):
    feed_type = FullContentAtom
