"""Addresses of the reader pages that are not pages in the tree.

Exemplar, locality and field pages are routes of the home page
(``/dien-hinh/<slug>/``, ``/dia-phuong/<slug>/``, ``/linh-vuc/<slug>/``), so
their address is the home page's address plus the route. The home page is
looked up once per request and remembered on it, so a listing of fifty cards
with fifty exemplar links costs no extra query.
"""

from __future__ import annotations

from django.urls import NoReverseMatch

from exemplars.models import ExemplarHomePage

_ROUTES = {
    "exemplar": "exemplar",
    "locality": "locality",
    "field": "field",
    "author": "author",
    "author_rss": "author_rss",
}


def home_page(request=None):
    """The live home page of the request's site (or of the default site)."""
    cached = getattr(request, "_exemplars_home", None) if request is not None else None
    if cached is not None:
        return cached
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    home = None
    if site is not None:
        home = ExemplarHomePage.objects.live().filter(pk=site.root_page_id).first()
    if home is None:
        home = ExemplarHomePage.objects.live().order_by("path").first()
    if request is not None and home is not None:
        request._exemplars_home = home
    return home


def home_url(request=None) -> str:
    cached = getattr(request, "_exemplars_home_url", None) if request is not None else None
    if cached is not None:
        return cached
    home = home_page(request)
    url = (home.get_url(request) if home else None) or "/"
    if request is not None:
        request._exemplars_home_url = url
    return url


def route_url(kind: str, slug: str, request=None) -> str:
    """``/dien-hinh/<slug>/`` and friends, under the site's home page."""

    # The class's resolver, not ``ExemplarHomePage().reverse_subpage``: building
    # a page instance for every link of a listing cost more than the reverse.
    try:
        sub = ExemplarHomePage.get_resolver().reverse(_ROUTES[kind], slug=slug)
    except (KeyError, NoReverseMatch):
        return ""
    return home_url(request).rstrip("/") + "/" + sub


def exemplar_url(exemplar, request=None) -> str:
    return route_url("exemplar", exemplar.slug, request) if exemplar else ""


def locality_url(locality, request=None) -> str:
    return route_url("locality", locality.slug, request) if locality else ""


def field_url(field, request=None) -> str:
    return route_url("field", field.slug, request) if field else ""


def author_url(author, request=None) -> str:
    """The byline's page: the author's stories (``/tac-gia/<slug>/``)."""
    return route_url("author", author.slug, request) if author else ""


def author_feed_url(author, request=None) -> str:
    return route_url("author_rss", author.slug, request) if author else ""
