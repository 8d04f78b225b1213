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

from django.db.models import BooleanField, Exists, ExpressionWrapper, Func, OuterRef, Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from exemplars.reader import navigation


class Restricted(Func):
    """True where a view restriction covers the page at ``path`` (on it or above it).

    The test Wagtail's ``public()`` makes, as one SQL fragment: built from
    querysets (a subquery of the restrictions, each with its page's path in a
    scalar subquery), it cost more Python to compose and compile than the
    query took to run, on every list of every page (2.5 ms a story page, 4 ms
    the home page). The restriction table leads the join (SQLite's CROSS JOIN
    keeps that order), so the database walks the few restrictions per page,
    never every page per page (SQLite did: 110 s at 20,000 stories).
    """

    arity = 1
    output_field = BooleanField()
    template = (
        "EXISTS (SELECT 1 FROM %(restrictions)s vr CROSS JOIN %(pages)s vr_page"
        " WHERE vr_page.id = vr.page_id"
        " AND SUBSTR(%(expressions)s, 1, LENGTH(vr_page.path)) = vr_page.path)"
    )

    def as_sql(self, compiler, connection, **extra_context):
        quote = connection.ops.quote_name
        return super().as_sql(
            compiler,
            connection,
            restrictions=quote(PageViewRestriction._meta.db_table),
            pages=quote(Page._meta.db_table),
            **extra_context,
        )


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


def view_restrictions(page):
    """``Page.get_view_restrictions`` in one query: restrictions on the page, its
    ancestors, or the pages any of them are aliases of."""
    steplen = page.steplen
    paths = [page.path[:n] for n in range(steplen, len(page.path) + 1, steplen)]
    on_path = Page.objects.filter(path__in=paths)
    aliased = on_path.filter(alias_of__isnull=False).values("alias_of_id")
    # Page ids in subqueries, not a join to the page table: with the join, SQLite
    # read every page to test the OR (0.5 ms a home page at 20,000 stories).
    return PageViewRestriction.objects.filter(
        Q(page_id__in=on_path.values("pk")) | Q(page_id__in=aliased)
    )


class ReaderPageMixin:
    """Reader page types: restrictions checked in one query (see the module docstring)."""

    reader_select_related: tuple[str, ...] = ()

    @classmethod
    def reader_annotations(cls) -> dict:
        """Values the page's own query computes when the home routes to it (``annotate()``)."""
        return {}

    def get_url_parts(self, request=None):
        # Once per request: a card's links, the JSON-LD, the canonical and Open
        # Graph addresses each ask again, and each answer costs a reverse(). Kept
        # on the request (or whatever a caller passes in its place, such as a
        # purge's cache object), by what the answer depends on: a copy of the
        # page given its old url_path, or another active language, is another key.
        memo = getattr(request, "__dict__", None)
        if memo is None or self.pk is None:
            return super().get_url_parts(request)
        known = memo.setdefault("_exemplars_url_parts", {})
        key = (self.pk, self.url_path, translation.get_language())
        if key not in known:
            known[key] = super().get_url_parts(request)
        return known[key]

    def get_view_restrictions(self):
        if getattr(self, "_exemplars_unrestricted", False):
            # Routing saw no restriction on this page or above it.
            return PageViewRestriction.objects.none()
        return view_restrictions(self)
