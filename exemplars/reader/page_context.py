"""Template context of each reader page, kept out of the models and the templates.

The page models call these from ``get_context`` and their routes; each
function gathers the lists (``listings``), the structured data
(``structured_data``) and the breadcrumbs a template prints.
"""

from __future__ import annotations

from urllib.parse import quote

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from exemplars.images import OG_SPEC
from exemplars.models import Author, Exemplar, Field, Locality
from exemplars.reader import listings
from exemplars.reader import structured_data as sd
from exemplars.reader.links import (
    author_feed_url,
    author_url,
    exemplar_url,
    field_url,
    home_page,
    home_url,
    locality_url,
)


def _crumbs(page, request) -> list[tuple[str, str]]:
    """(title, url) from the home page down to ``page``, inclusive."""
    home = home_page(request)
    routed = getattr(request, "_exemplars_route_pages", None)
    if routed and routed[-1].pk == page.pk:
        # The home page resolved this path and kept the pages on it.
        ancestors = [p for p in routed if p.live]
    else:
        ancestors = page.get_ancestors(inclusive=True).live()
    if home is not None:
        ancestors = [p for p in ancestors if p.depth >= home.depth]
    return [(p.title, p.get_url(request)) for p in ancestors]


def _breadcrumb_context(crumbs, request) -> dict:
    return {"breadcrumbs": crumbs, "breadcrumb_jsonld": sd.breadcrumb_list(crumbs, request)}


def _canonical(request, page=None, keep=()) -> str:
    """The page's one address: without page numbers or filters except those in ``keep``."""
    url = page.get_full_url(request) if page is not None else sd.absolute(request.path, request)
    query = [(k, request.GET[k]) for k in keep if request.GET.get(k)]
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query)
    return url


def _first_picture(stories) -> dict:
    for story in stories:
        if story.hero_image_id:
            return {"image": story.hero_image, "image_alt": story.hero_alt or story.title}
    return {}


def home_context(page, request) -> dict:
    url = page.get_full_url(request)
    stories = listings.home_stories(page, renditions=False)
    exemplars = list(listings.featured_exemplars(renditions=False))
    listings.prefetch_images(
        [story.hero_image for story in stories] + [e.portrait for e in exemplars],
        listings.CARD_SPECS + listings.PORTRAIT_SPECS,
    )
    return {
        "stories": stories,
        "campaigns": list(listings.running_campaigns()),
        "exemplars": exemplars,
        "canonical_url": url,
        "og": sd.open_graph(
            title=sd.site_name(request),
            description=page.search_description or page.intro,
            url=url,
            request=request,
        ),
        "website_jsonld": {
            "@context": sd.SCHEMA,
            "@type": "WebSite",
            "name": sd.site_name(request),
            "url": url,
            "inLanguage": "vi",
            "potentialAction": {
                "@type": "SearchAction",
                "target": sd.absolute(reverse("exemplars_search:search"), request)
                + "?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        },
        "feed_urls": {"rss": reverse("exemplars_feed_rss"), "atom": reverse("exemplars_feed_atom")},
    }


def section_context(page, request) -> dict:
    page_obj = listings.paginate(listings.section_stories(page), request)
    crumbs = _crumbs(page, request)
    return {
        "page_obj": page_obj,
        "stories": page_obj.object_list,
        "canonical_url": _canonical(request, page),
        "og": sd.open_graph(
            title=page.seo_title or page.title,
            description=page.search_description or page.intro,
            url=page.get_full_url(request),
            request=request,
        ),
        "item_list_jsonld": sd.item_list(page_obj.object_list, request, name=page.title),
        "feed_urls": {
            "rss": reverse("exemplars_section_rss", args=[page.pk]),
            "atom": reverse("exemplars_section_atom", args=[page.pk]),
        },
        **_breadcrumb_context(crumbs, request),
    }


def campaign_context(page, request) -> dict:
    listing = listings.CampaignListing(page, request.GET)
    page_obj = listing.page(request)
    stories = list(page_obj.object_list)
    listings.prefetch_images(
        [s.hero_image for s in stories] + [e.portrait for e in listing.honoured_exemplars],
        listings.CARD_SPECS + listings.PORTRAIT_SPECS + [OG_SPEC],
    )
    crumbs = _crumbs(page, request)
    return {
        "campaign": listing.campaign,
        "listing": listing,
        "facets": listing.facets,
        "page_obj": page_obj,
        "stories": stories,
        "honoured_exemplars": listing.honoured_exemplars,
        "filter_errors": listing.errors,
        "canonical_url": _canonical(request, page),
        "og": sd.open_graph(
            title=page.seo_title or page.title,
            description=page.search_description or page.intro or listing.campaign.description,
            url=page.get_full_url(request),
            # The campaign has no picture of its own: its newest story's photo, else the site's.
            **_first_picture(stories),
            request=request,
        ),
        "item_list_jsonld": sd.item_list(stories, request, name=listing.campaign.name),
        "feed_urls": {
            "rss": reverse("exemplars_campaign_rss", args=[listing.campaign.slug]),
            "atom": reverse("exemplars_campaign_atom", args=[listing.campaign.slug]),
        },
        **_breadcrumb_context(crumbs, request),
    }


def story_context(page, request) -> dict:
    # A preview's relations live on the unsaved instance: never replace them from the database.
    preview = getattr(request, "is_preview", False)
    if not preview:
        listings.prefetch_story(page)
    related = listings.related_stories(page, renditions=preview) if page.pk else []
    if not preview:
        listings.prefetch_story_images(page, related)
    url = page.get_full_url(request) or sd.absolute(request.path, request)
    crumbs = _crumbs(page, request) if page.pk and page.depth else []
    return {
        "related_stories": related,
        "canonical_url": url,
        "og": sd.open_graph(
            title=page.seo_title or page.title,
            description=sd.story_description(page),
            url=url,
            image=page.hero_image,
            image_alt=page.hero_alt or page.title,
            kind="article",
            request=request,
        ),
        "article_jsonld": sd.news_article(page, request) if page.pk else None,
        "share": {
            "facebook": "https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe=""),
            "zalo": "https://sp.zalo.me/share_inline?d=" + quote(url, safe=""),
            "url": url,
        },
        **_breadcrumb_context(crumbs, request),
    }


def _route_crumbs(request, *tail) -> list[tuple[str, str]]:
    home = home_page(request)
    return [(home.title if home else _("Trang chủ"), home_url(request)), *tail]


def exemplar_context(request, slug) -> dict:
    exemplar = (
        Exemplar.objects.live()
        .filter(slug=slug)
        .select_related("portrait", "locality", "field")
        .prefetch_related("stage_changes")
        .first()
    )
    if exemplar is None:
        raise Http404(_("Không tìm thấy điển hình."))
    page_obj = listings.paginate(listings.exemplar_stories(exemplar, renditions=False), request)
    page_obj.object_list = list(page_obj.object_list)
    # The portrait (page and Open Graph sizes) and the cards' images: one query.
    listings.prefetch_images(
        [exemplar.portrait] + [story.hero_image for story in page_obj.object_list],
        listings.PORTRAIT_SPECS + listings.CARD_SPECS + [OG_SPEC],
    )
    honours = list(listings.honours_timeline(exemplar))
    url = exemplar_url(exemplar, request)
    crumbs = _route_crumbs(request, (exemplar.name, url))
    stages = [
        {"value": value, "label": label, "date": exemplar.stage_dates.get(value)}
        for value, label in Exemplar._meta.get_field("stage").choices
    ]
    return {
        "exemplar": exemplar,
        "honours": honours,
        "stages": stages,
        "page_obj": page_obj,
        "stories": page_obj.object_list,
        "canonical_url": sd.absolute(url, request),
        "og": sd.open_graph(
            title=exemplar.name,
            description=exemplar.bio,
            url=sd.absolute(url, request),
            image=exemplar.portrait,
            image_alt=exemplar.name,
            kind="profile" if exemplar.kind == Exemplar.Kind.INDIVIDUAL else "website",
            request=request,
        ),
        "exemplar_jsonld": sd.exemplar_profile(exemplar, page_obj.object_list, honours, request),
        **_breadcrumb_context(crumbs, request),
    }


def _record_listing(request, record, stories, url) -> dict:
    page_obj = listings.paginate(stories, request)
    crumbs = _route_crumbs(request, (record.name, url))
    return {
        "record": record,
        "page_obj": page_obj,
        "stories": page_obj.object_list,
        "canonical_url": sd.absolute(url, request),
        "og": sd.open_graph(
            title=record.name,
            description=getattr(record, "description", ""),
            url=sd.absolute(url, request),
            request=request,
        ),
        **_breadcrumb_context(crumbs, request),
    }


def locality_context(request, slug) -> dict:
    locality = Locality.objects.select_related("successor", "parent").filter(slug=slug).first()
    if locality is None:
        raise Http404(_("Không tìm thấy địa phương."))
    context = _record_listing(
        request, locality, listings.locality_stories(locality), locality_url(locality, request)
    )
    context["locality"] = locality
    context["predecessors"] = locality.all_predecessors()
    context["current"] = locality.current() if locality.successor_id else None
    return context


def field_context(request, slug) -> dict:
    field = Field.objects.filter(slug=slug).first()
    if field is None:
        raise Http404(_("Không tìm thấy lĩnh vực."))
    context = _record_listing(
        request, field, listings.field_stories(field), field_url(field, request)
    )
    context["field"] = field
    return context


def author_context(request, slug) -> dict:
    """A byline's page: who writes under it and their stories, newest first."""
    author = Author.objects.select_related("photo").filter(slug=slug).first()
    if author is None:
        raise Http404(_("Không tìm thấy tác giả."))
    page_obj = listings.paginate(listings.author_stories(author), request)
    page_obj.object_list = list(page_obj.object_list)
    path = author_url(author, request)
    url = sd.absolute(path, request)
    feed = author_feed_url(author, request)
    return {
        "author": author,
        "page_obj": page_obj,
        "stories": page_obj.object_list,
        "canonical_url": url,
        "og": sd.open_graph(
            title=author.full_name or author.name,
            description=author.bio,
            url=url,
            image=author.photo,
            image_alt=author.full_name or author.name,
            kind="profile",
            request=request,
        ),
        "author_jsonld": sd.author_profile(author, page_obj.object_list, request),
        "feed_urls": {"rss": feed, "atom": feed.replace("/rss/", "/atom/")},
        **_breadcrumb_context(_route_crumbs(request, (author.name, path)), request),
    }
