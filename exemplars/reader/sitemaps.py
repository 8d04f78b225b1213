"""``sitemap.xml`` (Wagtail's page sitemap plus the exemplar, locality and field
routes), the Google News sitemap of the last 48 hours, and ``robots.txt``.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from exemplars.events.sitemap import event_urls
from exemplars.models import Author, Exemplar, ExemplarHomePage, Field, Locality
from exemplars.ops.origin import absolute
from exemplars.reader import listings
from exemplars.reader.structured_data import iso, site_name

NEWS_WINDOW = dt.timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


def route_urls(home, request=None) -> list[dict]:
    """Sitemap entries of the exemplar, locality, field and author pages that have live stories,
    and of the events (``exemplars/events/sitemap.py``)."""
    # Same host as Wagtail's page entries: the site's root URL, not the request's.
    base = (home.get_full_url(request) or "/").rstrip("/") + "/"
    stories = listings.live_stories()
    out = []
    for kind, model, lookup in (
        ("exemplar", Exemplar, "exemplar"),
        ("locality", Locality, "locality"),
        ("field", Field, "field"),
        ("author", Author, "bylines__author"),
    ):
        theirs = stories.filter(**{lookup: OuterRef("pk")})
        # Only published profiles: a draft exemplar has no public page.
        public = model.objects.live() if model is Exemplar else model.objects.all()
        rows = (
            public.filter(Exists(theirs))
            .annotate(
                lastmod=Subquery(
                    theirs.order_by("-last_published_at").values("last_published_at")[:1]
                )
            )
            .order_by("slug")
            .values_list("slug", "lastmod")
        )
        for slug, lastmod in rows:
            out.append(
                {
                    "location": base
                    + ExemplarHomePage().reverse_subpage(kind, kwargs={"slug": slug}),
                    "lastmod": lastmod,
                }
            )
    return out + event_urls(base)


def sitemap(request):
    return wagtail_sitemap(request, template_name="exemplars/sitemap.xml")


def news_sitemap(request):
    """Stories published in the last 48 hours, in Google News' sitemap format."""
    since = timezone.now() - NEWS_WINDOW
    stories = listings.live_stories().filter(sort_date__gte=since).defer_streamfields()[:NEWS_LIMIT]
    entries = [
        {
            "location": story.get_full_url(request),
            "title": story.title,
            "published": iso(story.display_date),
        }
        for story in stories
    ]
    return render(
        request,
        "exemplars/news_sitemap.xml",
        {"entries": entries, "publication": site_name(request), "language": "vi"},
        content_type="application/xml; charset=utf-8",
    )


@cache_page(60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        "Disallow: /api/",
        "",
        f"Sitemap: {absolute(reverse('exemplars_sitemap'), request)}",
        f"Sitemap: {absolute(reverse('exemplars_news_sitemap'), request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
