"""Template helpers for the reader pages: Vietnamese dates, reader URLs, JSON-LD, nav."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from exemplars.ops.origin import absolute
from exemplars.reader import links as reader_urls
from exemplars.reader import navigation
from exemplars.reader.listings import public
from exemplars.reader.structured_data import NEWSROOM_TZ, dumps, iso, open_graph, title_with_site

register = template.Library()


def _local(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=NEWSROOM_TZ)
        return value.astimezone(NEWSROOM_TZ)
    return value


@register.filter
def vi_datetime(value) -> str:
    """``12/04/2024 13:38`` in Asia/Ho_Chi_Minh, whatever the server's time zone."""
    if not value:
        return ""
    value = _local(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


@register.filter
def vi_date(value) -> str:
    """``12/04/2024``."""
    if not value:
        return ""
    return _local(value).strftime("%d/%m/%Y")


@register.filter
def iso_datetime(value) -> str:
    """For ``<time datetime>``: ISO 8601 with the +07:00 offset."""

    return iso(_local(value)) or ""


@register.filter(needs_autoescape=True)
def with_site_name(title, name, autoescape=True) -> str:
    """``{% filter with_site_name:name %}``: the page title followed by the site's name, once."""
    name = conditional_escape(name) if autoescape else name
    return mark_safe(title_with_site(str(title), str(name)))


@register.simple_tag(takes_context=True)
def page_open_graph(context, title: str, description: str = "") -> dict:
    """Open Graph for a page outside the tree (the search page): the site's card and description."""

    request = context.get("request")
    return open_graph(
        title=title,
        description=description,
        url=absolute(request.path if request is not None else "/", request),
        request=request,
    )


@register.filter
def jsonld(data) -> str:
    return mark_safe(dumps(data))  # dumps escapes <, > and & so the script cannot be closed


@register.simple_tag(takes_context=True)
def author_url(context, author) -> str:
    return reader_urls.author_url(author, context.get("request"))


@register.simple_tag(takes_context=True)
def exemplar_url(context, exemplar) -> str:
    return reader_urls.exemplar_url(exemplar, context.get("request"))


@register.simple_tag(takes_context=True)
def locality_url(context, locality) -> str:
    return reader_urls.locality_url(locality, context.get("request"))


@register.simple_tag(takes_context=True)
def field_url(context, field) -> str:
    return reader_urls.field_url(field, context.get("request"))


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    return reader_urls.home_url(context.get("request"))


@register.simple_tag(takes_context=True)
def site_sections(context):
    """The live sections directly under the home page, for the header nav (once per request)."""
    request = context.get("request")
    cached = getattr(request, "_exemplars_sections", None)
    if cached is not None:
        return cached
    from wagtail.models import Page

    home = reader_urls.home_page(request)
    sections = []
    if home is not None:
        # One query (routing reads them with the path of the pages it resolves),
        # sorted here: ordered by path, SQLite walked every page in path order
        # instead of the few sections by their type (6.6 ms at 20,000 stories).
        candidates = public(Page.objects.filter(navigation.candidates(home))).order_by()
        sections = navigation.menu(sorted(candidates, key=lambda s: s.path), home)
    if request is not None:
        request._exemplars_sections = sections
    return sections


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with ``changes`` applied (a value of "" removes the key)."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else {}
    for key, value in changes.items():
        if value in ("", None):
            params.pop(key, None)
        else:
            params[key] = value
    if hasattr(params, "urlencode"):
        text = params.urlencode()
    else:
        text = urlencode(params)
    return "?" + text if text else "?"
