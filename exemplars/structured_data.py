"""What search engines and social networks read: JSON-LD, OpenGraph, canonical URLs.

Builders return plain dicts; templates print them with the ``jsonld`` filter
(which escapes ``<`` so a title cannot close the script tag). Dates carry the
newsroom's offset (+07:00): Google News shows a story's time from it.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .images import OG_SPEC
from .origin import absolute, site_for
from .reader_urls import exemplar_url, home_url

NEWSROOM_TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SCHEMA = "https://schema.org"


def iso(value) -> str | None:
    """An aware datetime in Asia/Ho_Chi_Minh as ISO 8601 with its offset (``+07:00``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, NEWSROOM_TZ)
        return value.astimezone(NEWSROOM_TZ).isoformat(timespec="seconds")
    return value.isoformat()


def site_name(request=None) -> str:
    site = site_for(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def publisher(request=None) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": site_name(request),
        "url": absolute(home_url(request), request),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static("exemplars/img/logo.png"), request),
            "width": 512,
            "height": 512,
        },
    }


def image_object(image, request=None, spec=OG_SPEC) -> dict | None:
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return {
        "@type": "ImageObject",
        "url": absolute(rendition.url, request),
        "width": rendition.width,
        "height": rendition.height,
    }


def story_description(story) -> str:
    text = story.search_description or story.intro or ""
    return Truncator(strip_tags(text).strip()).chars(300)


def exemplar_entity(exemplar, request=None) -> dict:
    """The exemplar as schema.org Person or Organization, with the awards they received."""
    kind = "Person" if exemplar.kind == exemplar.Kind.INDIVIDUAL else "Organization"
    data = {
        "@type": kind,
        "name": exemplar.name,
        "url": absolute(exemplar_url(exemplar, request), request),
    }
    if exemplar.bio:
        data["description"] = Truncator(exemplar.bio).chars(300)
    awards = []
    for honour in exemplar.honours.all():
        label = honour.award.name
        if honour.date:
            label = f"{label} ({honour.date.year})"
        awards.append(label)
    if awards:
        data["award"] = awards
    if exemplar.locality_id:
        data["address" if kind == "Organization" else "homeLocation"] = {
            "@type": "Place",
            "name": exemplar.locality.name,
        }
    return data


def news_article(story, request=None) -> dict:
    """``NewsArticle`` for a story page (expects :func:`listings.prefetch_story` done)."""
    url = story.get_full_url(request)
    authors = [
        {"@type": "Person", "name": b.author.full_name or b.author.name}
        for b in story.bylines.all()
    ]
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": Truncator(story.title).chars(110),
        "description": story_description(story),
        "inLanguage": "vi",
        "datePublished": iso(story.display_date),
        "dateModified": iso(
            story.last_published_at or story.latest_revision_created_at or story.display_date
        ),
        "author": authors or [publisher(request)],
        "publisher": publisher(request),
    }
    if image := image_object(story.hero_image, request):
        data["image"] = [image]
    if story.exemplar_id:
        data["about"] = exemplar_entity(story.exemplar, request)
    keywords = [c.name for c in story.campaigns.all()]
    if keywords:
        data["keywords"] = keywords
    return data


def breadcrumb_list(crumbs: list[tuple[str, str]], request=None) -> dict:
    """``BreadcrumbList`` from (name, url) pairs, home first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": absolute(url, request)}
            for i, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def item_list(stories, request=None, name: str = "") -> dict:
    """``ItemList`` of the stories a listing shows, in order."""
    data = {
        "@context": SCHEMA,
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "url": story.get_full_url(request),
                "name": story.title,
            }
            for i, story in enumerate(stories, start=1)
        ],
    }
    if name:
        data["name"] = name
    return data


def dumps(data) -> str:
    """JSON for a ``<script type="application/ld+json">``: UTF-8 kept, ``<>&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def open_graph(
    *, title: str, description: str, url: str, image=None, kind="website", request=None
) -> dict:
    """OpenGraph/Twitter values a template prints in ``<meta>`` tags."""
    meta = {
        "title": title,
        "description": Truncator(strip_tags(description or "").strip()).chars(300),
        "url": url,
        "type": kind,
        "site_name": site_name(request),
    }
    if image is not None:
        meta["image"] = image_object(image, request)
    return meta
