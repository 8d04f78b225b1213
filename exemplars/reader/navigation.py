"""The sections in the header's nav: which are candidates, and which of them it shows.

Routing reads the candidates in the query that resolves a reader page's path
(one query less on every story, campaign and section page); the
``site_sections`` tag asks for them on the pages routing does not resolve
(the home page and its routes). Both pick the nav with :func:`menu`.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page

from exemplars.models import SectionPage


def candidates(home) -> Q:
    """Live sections under ``home``; whether a view restriction hides one is the caller's test."""

    return Page.objects.type_q(SectionPage) & Q(
        path__startswith=home.path, depth__gt=home.depth, live=True
    )


def menu(found, home) -> list:
    """The sections directly under the home that are in the menu, else the first six found.

    ``found``: the public candidates, in path order.
    """
    sections = [s for s in found if s.depth == home.depth + 1 and s.show_in_menus]
    return sections or found[:6]
