"""Which reader view serves which page model: the reader layer's side of
``exemplars.models.presenters``, filled once from ``ExemplarsConfig.ready()``.

Page models name their routes (``/dien-hinh/<slug>/``…) and ask the registry for
the view; the views and context builders live here and in ``page_context``, so
the models never import the reader layer.
"""

from __future__ import annotations

from exemplars.contests.models import ContestPage
from exemplars.contests.page_context import contest_context
from exemplars.models import CampaignPage, ExemplarStoryPage, SectionPage, presenters
from exemplars.reader import page_context
from exemplars.reader.feeds import AuthorAtomFeed, AuthorFeed
from exemplars.reader.routing import route_descendant
from exemplars.reader.sitemaps import route_urls


def home(page, request):
    return page.render(request, context_overrides=page_context.home_context(page, request))


def _record_view(template, builder):
    """A page of records under the home (an exemplar, a locality, a field, an author)."""

    def view(home, request, slug):
        return home.render(request, template=template, context_overrides=builder(request, slug))

    return view


def _feed_view(feed_class):
    def view(home, request, slug):
        return feed_class()(request, slug=slug)

    return view


def register_page_views() -> None:
    presenters.register_context(SectionPage, page_context.section_context)
    presenters.register_context(CampaignPage, page_context.campaign_context)
    presenters.register_context(ExemplarStoryPage, page_context.story_context)
    presenters.register_context(ContestPage, contest_context)
    presenters.register_view("home", home)
    presenters.register_view(
        "exemplar", _record_view("exemplars/exemplar_page.html", page_context.exemplar_context)
    )
    presenters.register_view(
        "locality", _record_view("exemplars/locality_page.html", page_context.locality_context)
    )
    presenters.register_view(
        "field", _record_view("exemplars/field_page.html", page_context.field_context)
    )
    presenters.register_view(
        "author", _record_view("exemplars/author_page.html", page_context.author_context)
    )
    presenters.register_view("author_rss", _feed_view(AuthorFeed))
    presenters.register_view("author_atom", _feed_view(AuthorAtomFeed))
    presenters.register_view("route_below", route_descendant)
    presenters.register_view("sitemap_routes", route_urls)
