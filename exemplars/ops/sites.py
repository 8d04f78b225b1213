"""Which Site serves the exemplar home page (``load_demo`` and ``import_stories`` share it).

``migrate`` leaves Wagtail's "Welcome to your new Wagtail site!" page as the
root of the default Site. A home page created beside it, outside every Site,
has no URL: none of its stories can be reached, searched with a link or put in
a feed. So the home page becomes the default Site's root when that root is
still the placeholder (or there is no Site), and goes under a real root
otherwise.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def site_of(page: Page) -> Site | None:
    """The Site whose tree holds ``page``, read from the database.

    Not ``page.get_site()``: that trusts the cached site root paths, which may
    predate the Site being changed in this very transaction.
    """
    for site in Site.objects.select_related("root_page").order_by("-is_default_site", "pk"):
        if page.path.startswith(site.root_page.path):
            return site
    return None


def is_placeholder_root(page: Page) -> bool:
    """Wagtail's stock welcome page: a bare ``Page`` at the top of the tree with nothing under it."""
    return (
        page.depth == 2
        and page.content_type_id == ContentType.objects.get_for_model(Page).pk
        and not page.get_children().exists()
    )


def home_parent() -> Page:
    """Where a new home page goes so that it has a URL: under the default Site's root,
    unless that root is the placeholder (or there is no Site), then at the top of the tree
    (and :func:`serve_home` makes it the root)."""
    site = default_site()
    if site is not None and not is_placeholder_root(site.root_page):
        return site.root_page
    return Page.get_first_root_node()


def serve_home(home: Page, *, site_name: str = "") -> Site:
    """Make ``home`` the default Site's root, creating that Site when there is none.

    The placeholder page stays in the tree, unlinked.
    """
    site = default_site()
    if site is None:
        return Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name
        )
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site_name or site.site_name
        site.save()
    return site


def ensure_served(home: Page, *, site_name: str = "") -> Site | None:
    """Give ``home`` a URL if it has none and the default Site is free to serve it.

    A default Site with a real root page of its own is never taken over; the
    caller is told (None) so it can say why the pages have no address.
    """
    site = site_of(home)
    if site is not None:
        return site
    current = default_site()
    if current is None or is_placeholder_root(current.root_page):
        return serve_home(home, site_name=site_name)
    return None
