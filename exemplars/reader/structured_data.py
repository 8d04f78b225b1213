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
from django.utils.translation import gettext as _

from exemplars.images import OG_SIZE, OG_SPEC
from exemplars.ops.origin import absolute, site_for
from exemplars.reader.links import author_url, exemplar_url, home_url, locality_url

NEWSROOM_TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SCHEMA = "https://schema.org"
SITE_CARD = "exemplars/img/social-card.jpg"  # 1200×630, for pages without an image of their own


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


def exemplar_entity(exemplar, request=None, honours=None) -> dict:
    """The exemplar as schema.org Person or Organization, with the awards they received.

    ``honours``: the exemplar's honours with their awards, when the caller has them.
    """
    kind = "Person" if exemplar.kind == exemplar.Kind.INDIVIDUAL else "Organization"
    data = {
        "@type": kind,
        "name": exemplar.name,
        "url": absolute(exemplar_url(exemplar, request), request),
    }
    if exemplar.bio:
        data["description"] = Truncator(exemplar.bio).chars(300)
    awards = []
    for honour in exemplar.honours.all() if honours is None else honours:
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


def author_entity(author, request=None) -> dict:
    """A byline as ``Person``: the name readers know, and the author page as ``url``."""

    data = {"@type": "Person", "name": author.full_name or author.name}
    if author.full_name and author.full_name != author.name:
        data["alternateName"] = author.name
    if url := author_url(author, request):
        data["url"] = absolute(url, request)
    return data


def author_profile(author, stories, request=None) -> dict:
    """``ProfilePage`` of an author page, the ``Person`` and their stories."""
    person = author_entity(author, request)
    if author.bio:
        person["description"] = plain(author.bio)
    if author.photo_id:
        person["image"] = image_object(author.photo, request)
    return {
        "@context": SCHEMA,
        "@type": "ProfilePage",
        "url": person.get("url"),
        "mainEntity": person,
        "hasPart": [
            {"@type": "NewsArticle", "headline": Truncator(story.title).chars(110), "url": url}
            for story in stories
            if (url := story.get_full_url(request))
        ],
    }


def exemplar_profile(exemplar, stories, honours, request=None) -> dict:
    """The exemplar page's own entity: honours, locality (with its page) and the stories about them."""

    data = {"@context": SCHEMA, **exemplar_entity(exemplar, request, honours)}
    place = data.get("homeLocation") or data.get("address")
    if place is not None:
        place["url"] = absolute(locality_url(exemplar.locality, request), request)
    if exemplar.portrait_id:
        data["image"] = image_object(exemplar.portrait, request)
    subjects = [
        {"@type": "NewsArticle", "headline": Truncator(story.title).chars(110), "url": url}
        for story in stories
        if (url := story.get_full_url(request))
    ]
    if subjects:
        data["subjectOf"] = subjects
    return data


def news_article(story, request=None) -> dict:
    """``NewsArticle`` for a story page (expects :func:`listings.prefetch_story` done)."""
    url = story.get_full_url(request)
    authors = [author_entity(b.author, request) for b in story.bylines.all()]
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


def site_description() -> str:
    """What the whole site is about: the description of last resort, never empty."""
    return _("Gương điển hình tiên tiến, người tốt việc tốt, phong trào thi đua.")


def plain(text) -> str:
    return Truncator(" ".join(strip_tags(str(text or "")).split())).chars(300)


def social_image(image=None, alt: str = "", request=None) -> dict:
    """The 1200×630 card of a page: its own image, else the site's card; always with alt text."""
    if image is not None:
        data = image_object(image, request)
        data["alt"] = alt or image.title
        return data
    width, height = OG_SIZE
    return {
        "@type": "ImageObject",
        "url": absolute(static(SITE_CARD), request),
        "width": width,
        "height": height,
        "alt": site_name(request),
    }


def open_graph(
    *,
    title: str,
    description: str,
    url: str,
    image=None,
    image_alt: str = "",
    kind="website",
    request=None,
) -> dict:
    """OpenGraph/Twitter values a template prints in ``<meta>`` tags; none of them empty."""
    return {
        "title": title,
        "description": plain(description) or site_description(),
        "url": url,
        "type": kind,
        "site_name": site_name(request),
        "image": social_image(image, image_alt, request),
    }


def title_with_site(title: str, name: str) -> str:
    """``title - site`` for ``<title>``, without naming the site twice.

    A title that is the site's name, one of its `` - `` parts ("Điển hình tiên
    tiến" of "Báo An Giang - Điển hình tiên tiến") or that already holds it is
    printed alone.
    """
    title, name = (title or "").strip(), (name or "").strip()
    if not name:
        return title
    if not title or title in [name, *(part.strip() for part in name.split(" - "))]:
        return name
    if name in title:
        return title
    return f"{title} - {name}"
