"""Which addresses show a page or a record: the purge sets.

A story's card is on its sections, the home page, its campaigns' pages, its
exemplar's, field's and localities' pages, the feeds and sitemaps, and the
search pages; the stories related to it strongly enough
(``reader.related.PURGED_FROM``) list it among their related stories. A
record's name is on its own page and on the pages of the stories filed under
it. Sections and the home page are in every page's navigation or breadcrumbs,
so publishing one of them purges the whole site. Every address is purged in each reader language.
"""

from __future__ import annotations

import copy
from functools import reduce
from operator import or_
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page, Site

from exemplars.models import (
    Author,
    Campaign,
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Locality,
    SectionPage,
)
from exemplars.models.snippets import LocalityLinks
from exemplars.reader.related import reached_by

# At most this many related stories' pages a change purges; the others wait for
# the cache's timeout, like the weaker relations (see ``reader.related``).
RELATED_LIMIT = 200


class PurgeSet:
    """Addresses to purge, gathered while content is saved and purged after commit."""

    def __init__(self):
        self.urls: set[str] = set()
        self.everything = False
        # Wagtail's cache object: site root paths looked up once for the whole set.
        self._cache = SimpleNamespace()
        self._home = None

    def __bool__(self):
        return bool(self.urls) or self.everything

    def __or__(self, other: PurgeSet) -> PurgeSet:
        merged = PurgeSet()
        merged.urls = self.urls | other.urls
        merged.everything = self.everything or other.everything
        return merged

    # -- addresses ---------------------------------------------------------------

    @property
    def home(self):
        if self._home is None:
            self._home = ExemplarHomePage.objects.live().order_by("path").first() or False
        return self._home or None

    def root(self) -> str:
        home = self.home
        url = home.get_full_url(self._cache) if home else None
        if not url:
            site = Site.objects.filter(is_default_site=True).first()
            url = site.root_url + "/" if site else settings.WAGTAILADMIN_BASE_URL + "/"
        return url

    def add_page(self, page) -> None:
        url = page.get_full_url(self._cache)
        if url:
            self.urls.add(url)

    def add_path(self, name: str, *args) -> None:
        try:
            with translation.override(settings.LANGUAGE_CODE):
                self.urls.add(urljoin(self.root(), reverse(name, args=args)))
        except NoReverseMatch:
            pass

    def add_route(self, kind: str, slug: str) -> None:
        home = self.home
        base = home.get_full_url(self._cache) if home else None
        if base and slug:
            self.urls.add(base + home.reverse_subpage(kind, kwargs={"slug": slug}))

    def add_site_wide(self) -> None:
        """Home, feeds, sitemaps and search: what any publication changes."""
        if self.home:
            self.add_page(self.home)
        for name in ("exemplars_feed_rss", "exemplars_feed_atom"):
            self.add_path(name)
        for name in ("exemplars_sitemap", "exemplars_news_sitemap"):
            self.add_path(name)
        self.add_search()

    def add_search(self) -> None:
        """The search page, its API and its suggestions (every query string)."""
        for name in ("search", "api", "suggest"):
            self.add_path(f"exemplars_search:{name}")

    def in_every_language(self) -> set[str]:
        """Each address at ``/…`` and ``/en/…`` when the site prefixes languages."""
        if not is_language_prefix_patterns_used(settings.ROOT_URLCONF)[0]:
            return set(self.urls)
        codes = [code for code, _ in settings.LANGUAGES]
        out = set()
        for url in self.urls:
            parts = urlsplit(url)
            path = parts.path
            current = translation.get_language_from_path(path)
            if current and current != settings.LANGUAGE_CODE:
                path = path[len(current) + 1 :]
            for code in codes:
                prefixed = path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
                out.add(urlunsplit(parts._replace(path=prefixed)))
        return out


def _live(**lookups):
    return ExemplarStoryPage.objects.live().filter(**lookups).only("pk", "url_path").distinct()


def _live_ids(**lookups):
    return _live(**lookups).values_list("pk", flat=True)


# -- stories ---------------------------------------------------------------------


def _inverse_reach(links: LocalityLinks, locality_ids) -> set[int]:
    """Localities whose page lists stories filed under ``locality_ids``: the units
    above them and what they became (the inverse of ``Locality.reach_ids``)."""
    seen, frontier = set(), [pk for pk in locality_ids if pk]
    while frontier:
        pk = frontier.pop()
        if pk in seen:
            continue
        seen.add(pk)
        frontier.extend(x for x in (links.parent.get(pk), links.successor.get(pk)) if x)
    return seen


def add_sections_above(ps: PurgeSet, tree_paths, inclusive: bool = False) -> None:
    """The sections (and their feeds) above pages at these tree paths."""
    step = Page.steplen
    ancestor_paths = {
        path[:n] for path in tree_paths for n in range(step, len(path) + inclusive * step, step)
    }
    for section in SectionPage.objects.filter(path__in=ancestor_paths).only("pk", "url_path"):
        ps.add_page(section)
        ps.add_path("exemplars_section_rss", section.pk)
        ps.add_path("exemplars_section_atom", section.pk)


def add_author_pages(ps: PurgeSet, slug: str) -> None:
    """A byline's page and its feeds (routes of the home page)."""
    for kind in ("author", "author_rss", "author_atom"):
        ps.add_route(kind, slug)


def add_stories(ps: PurgeSet, story_ids, related: bool = True) -> None:
    """Every address that shows these stories' cards or pages."""
    stories = list(
        ExemplarStoryPage.objects.filter(pk__in=list(story_ids)).only(
            "pk", "path", "depth", "url_path", "exemplar_id", "locality_id", "field_id"
        )
    )
    if not stories:
        return
    for story in stories:
        ps.add_page(story)
    add_sections_above(ps, [s.path for s in stories])
    campaigns = Campaign.objects.filter(stories__in=stories).distinct()
    for page in CampaignPage.objects.filter(campaign__in=campaigns).only("pk", "url_path"):
        ps.add_page(page)
    for slug in campaigns.values_list("slug", flat=True):
        ps.add_path("exemplars_campaign_rss", slug)
        ps.add_path("exemplars_campaign_atom", slug)
    exemplar_ids = {s.exemplar_id for s in stories} - {None}
    for slug in Exemplar.objects.filter(pk__in=exemplar_ids).values_list("slug", flat=True):
        ps.add_route("exemplar", slug)
    field_ids = {s.field_id for s in stories} - {None}
    for slug in Field.objects.filter(pk__in=field_ids).values_list("slug", flat=True):
        ps.add_route("field", slug)
    for slug in Author.objects.filter(bylines__page__in=stories).values_list("slug", flat=True):
        add_author_pages(ps, slug)
    locality_ids = {s.locality_id for s in stories} - {None}
    if locality_ids:
        reach = _inverse_reach(LocalityLinks.load(), locality_ids)
        for slug in Locality.objects.filter(pk__in=reach).values_list("slug", flat=True):
            ps.add_route("locality", slug)
    ps.add_site_wide()
    if related:
        _add_related(ps, stories)


def _add_related(ps: PurgeSet, stories) -> None:
    """The pages listing these stories among their related stories, as far as
    ``related.PURGED_FROM`` reaches."""
    related = (
        ExemplarStoryPage.objects.live()
        .filter(reduce(or_, (reached_by(story) for story in stories)))
        .exclude(pk__in=[s.pk for s in stories])
        .only("pk", "url_path")[:RELATED_LIMIT]
    )
    for page in related:
        ps.add_page(page)


# -- pages -----------------------------------------------------------------------


def for_page(page, subtree_before=None, parent_before=None) -> PurgeSet:
    """What publishing, unpublishing, moving or deleting ``page`` changes; for a
    move, also its addresses and the sections it was listed in before."""
    ps = PurgeSet()
    if parent_before is not None:
        add_sections_above(ps, [parent_before.path], inclusive=True)
    specific = page.specific_deferred
    if isinstance(specific, ExemplarStoryPage):
        ps.add_page(page)
        add_stories(ps, [page.pk])
    elif isinstance(specific, CampaignPage):
        ps.add_page(page)
        ps.add_path("exemplars_campaign_rss", specific.campaign.slug)
        ps.add_path("exemplars_campaign_atom", specific.campaign.slug)
        # Story pages link their campaigns' pages, and the home page lists them.
        for story in _live(campaigns=specific.campaign_id):
            ps.add_page(story)
        ps.add_site_wide()
    else:
        # Sections and the home page are in every page's navigation and breadcrumbs.
        ps.everything = True
        for descendant in page.get_descendants(inclusive=True).live().only("pk", "url_path"):
            ps.add_page(descendant)
        ps.add_site_wide()
    ps.urls.update(subtree_before or ())
    return ps


def subtree_urls(page, url_path: str | None = None) -> list[str]:
    """The live addresses of ``page`` and its descendants, at ``url_path`` if given
    (the page's address before a move or a new slug)."""
    ps = PurgeSet()
    new_base = page.get_full_url(ps._cache)
    if not new_base:
        return []
    old_base = new_base
    if url_path is not None:
        before = copy.copy(page)
        before.url_path = url_path
        old_base = before.get_full_url(ps._cache) or new_base
    urls = []
    for descendant in page.get_descendants(inclusive=True).live().only("pk", "url_path"):
        url = descendant.get_full_url(ps._cache)
        if url and url.startswith(new_base):
            urls.append(old_base + url[len(new_base) :])
    return urls


# -- records -----------------------------------------------------------------------


def for_campaign(campaign) -> PurgeSet:
    ps = PurgeSet()
    add_stories(ps, _live_ids(campaigns=campaign), False)
    related = Campaign.objects.filter(
        Q(pk=campaign.pk) | Q(pk=campaign.parent_id) | Q(parent=campaign.pk)
    )
    for page in CampaignPage.objects.filter(campaign__in=related).only("pk", "url_path"):
        ps.add_page(page)
    # Honours name the campaign on the exemplar pages.
    for slug in (
        Exemplar.objects.filter(honours__campaign=campaign)
        .values_list("slug", flat=True)
        .distinct()
    ):
        ps.add_route("exemplar", slug)
    ps.add_path("exemplars_campaign_rss", campaign.slug)
    ps.add_path("exemplars_campaign_atom", campaign.slug)
    ps.add_site_wide()
    return ps


def for_exemplar(exemplar) -> PurgeSet:
    ps = PurgeSet()
    add_stories(ps, _live_ids(exemplar=exemplar), False)
    ps.add_route("exemplar", exemplar.slug)
    # Campaign pages list the exemplars they honoured.
    campaigns = Campaign.objects.filter(honours__exemplar=exemplar)
    for page in CampaignPage.objects.filter(campaign__in=campaigns).only("pk", "url_path"):
        ps.add_page(page)
    ps.add_site_wide()
    return ps


def for_locality(locality) -> PurgeSet:
    ps = PurgeSet()
    links = LocalityLinks.load()
    # Pages naming it: its own, those listing its stories, and those of the units
    # below it and before it (which name what they became).
    near = _inverse_reach(links, [locality.pk]) | set(
        links.closure([locality.pk], "children", "predecessors")
    )
    for slug in Locality.objects.filter(pk__in=near).values_list("slug", flat=True):
        ps.add_route("locality", slug)
    add_stories(ps, _live_ids(locality=locality), False)
    for slug in Exemplar.objects.filter(locality=locality).values_list("slug", flat=True):
        ps.add_route("exemplar", slug)
    ps.add_site_wide()
    return ps


def for_field(field) -> PurgeSet:
    ps = PurgeSet()
    ps.add_route("field", field.slug)
    add_stories(ps, _live_ids(field=field), False)
    for slug in Exemplar.objects.filter(field=field).values_list("slug", flat=True):
        ps.add_route("exemplar", slug)
    ps.add_site_wide()
    return ps


def for_author(author) -> PurgeSet:
    # Bylines are printed on story pages and in the feeds, not on cards.
    ps = PurgeSet()
    for story in _live(bylines__author=author):
        ps.add_page(story)
    add_author_pages(ps, author.slug)
    ps.add_site_wide()
    return ps


def for_award(award) -> PurgeSet:
    # Honours print the award's name on exemplar pages, the exemplar box of their
    # stories and the campaign pages; stories also name the awards they mention.
    ps = PurgeSet()
    exemplars = Exemplar.objects.filter(honours__award=award).distinct()
    for slug in exemplars.values_list("slug", flat=True):
        ps.add_route("exemplar", slug)
    for story in _live(exemplar__in=exemplars) | _live(awards=award):
        ps.add_page(story)
    campaigns = Campaign.objects.filter(honours__award=award)
    for page in CampaignPage.objects.filter(campaign__in=campaigns).only("pk", "url_path"):
        ps.add_page(page)
    return ps
