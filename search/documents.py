"""The shape in which content reaches the search index.

Content opts in to search by registering a model with
:func:`exemplars_search.registry.register` and an adapter that turns an
instance into a :class:`SearchDocument`. ``exemplars_search`` never imports the
content models by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Facet:
    """A filterable value with the label readers see: a campaign, a locality…"""

    slug: str
    label: str


@dataclass
class SearchDocument:
    """One searchable story, flattened.

    ``localities`` holds every locality slug a filter on which should find this
    story: its own locality, the ones it was merged into, the ones merged into
    it, and the provinces/districts above it. ``locality`` is the one it is
    filed under and the one its facet counts.
    """

    id: int
    title: str
    intro: str
    body: str
    url: str
    published: dt.datetime
    live: bool = True
    kind: str | None = None  # "individual" | "collective"
    exemplar: str | None = None
    campaigns: list[Facet] = field(default_factory=list)
    locality: Facet | None = None
    localities: list[str] = field(default_factory=list)
    field: Facet | None = None

    @property
    def year(self) -> int:
        return self.published.year
