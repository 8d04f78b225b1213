"""What a reader page type knows about serving itself in few queries.

The test of view restrictions as one SQL fragment (:class:`Restricted`), the
restrictions of a page in one query (:func:`view_restrictions`), and
:class:`ReaderPageMixin`, mixed into every reader page type: its URL parts kept
per request, the rows it always prints, and its template context, which the
reader layer supplies through ``exemplars.models.presenters`` (page models never
import the reader layer). How the exemplar home resolves a whole path at once is
the reader layer's ``exemplars.reader.routing``.
"""

from __future__ import annotations

from django.db.models import BooleanField, Func, Q
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from exemplars.models import presenters


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
    """Reader page types: restrictions checked in one query, context from the reader layer."""

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return context | presenters.context(self, request)
