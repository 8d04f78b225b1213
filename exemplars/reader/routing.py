"""Serving a reader page in a small, fixed number of queries.

Wagtail resolves ``/section/story/`` one level at a time, two queries a level
(the page, then its specific row), and checks view restrictions with two more
(the ancestors, then their restrictions). Under the exemplar home page the
whole path is resolved at once, the page's own class names the rows it always
prints (``reader_select_related``) and what it would ask of the database about
itself (``reader_annotations``) so they come in the same query, and
restrictions come with the path (a page none of whose ancestors is restricted
or an alias needs no restriction query at all). Pages that route themselves
(routable pages of an outlet's own) still get Wagtail's routing from there on.
"""

from __future__ import annotations

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction

from exemplars.models.serving import Restricted
from exemplars.reader import navigation


def _routes_itself(page_class) -> bool:
    return page_class is None or page_class.route is not Page.route


def route_descendant(home, request, path_components):
    """What ``Page.route`` returns for ``home``'s descendant at ``path_components``."""
    prefixes, url = [], home.url_path
    for component in path_components:
        url += component + "/"
        prefixes.append(url)
    steplen = home.steplen
    above = [home.path[:n] for n in range(steplen, len(home.path) + 1, steplen)]
    # The path's pages are found by their slugs (indexed), then kept by their
    # url_path: url_path has no index and SQLite's LIKE for the path prefix
    # cannot use one, so without the slugs every page under the home was read
    # (8 ms a request at 20,000 stories). No ORDER BY: the pages go into a dict.
    # The header's sections come along (navigation.candidates): one query less.
    sections = navigation.candidates(home)
    pages = list(
        Page.objects.filter(
            Q(path__in=above)
            | Q(
                slug__in=set(path_components),
                path__startswith=home.path,
                depth__gt=home.depth,
                url_path__in=prefixes,
            )
            | sections
        )
        .annotate(
            restricted=Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk"))),
            in_nav=ExpressionWrapper(sections & ~Q(Restricted("path")), BooleanField()),
        )
        .order_by()
    )
    request._exemplars_sections = navigation.menu(
        sorted((p for p in pages if p.in_nav), key=lambda p: p.path), home
    )
    by_url = {p.url_path: p for p in pages if p.depth > home.depth}
    # Restricted or aliased (restrictions of another page) above the home, home included.
    guarded = any(p.restricted or p.alias_of_id for p in pages if p.depth <= home.depth)
    parent, chain = home, []
    for i, prefix in enumerate(prefixes):
        page = by_url.get(prefix)
        if page is None or page.depth != parent.depth + 1:
            break
        page._cached_parent_obj = parent
        chain.append(page)
        if _routes_itself(page.specific_class) and i + 1 < len(prefixes):
            return page.specific.route(request, path_components[i + 1 :])
        parent = page
    if not chain:
        raise Http404
    last = chain[-1]
    remaining = path_components[len(chain) :]
    page_class = last.specific_class
    if page_class is None:  # its model is gone: let Wagtail say what it says
        return last.specific.route(request, remaining)
    related = getattr(page_class, "reader_select_related", ())
    annotations = (
        page_class.reader_annotations() if hasattr(page_class, "reader_annotations") else {}
    )
    specific = (
        page_class.objects.select_related(*related)
        .annotate(**annotations)
        .filter(pk=last.pk)
        .first()
    )
    if specific is None:  # deleted since the path was read
        raise Http404
    specific._cached_parent_obj = last._cached_parent_obj
    specific._exemplars_unrestricted = not (
        guarded or any(p.restricted or p.alias_of_id for p in chain)
    )
    # The breadcrumbs of this request are these pages: no second walk up the tree.
    request._exemplars_route_pages = [home, *chain[:-1], specific]
    return specific.route(request, remaining)
