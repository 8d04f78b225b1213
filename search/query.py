"""What a reader asks of the search service and what comes back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .text import ParsedQuery, parse_query
from .vietnamese.expand import Synonyms, expand

FACET_NAMES = ("campaign", "locality", "field", "kind", "year")
KINDS = ("individual", "collective")
SORTS = ("relevance", "newest")
MAX_PAGE_SIZE = 50
KIND_LABELS = {"individual": _("Cá nhân"), "collective": _("Tập thể")}


@dataclass
class SearchRequest:
    """A validated reader request (see ``forms.SearchParamsForm`` for the checks)."""

    q: str = ""
    campaign: list[str] = field(default_factory=list)
    locality: list[str] = field(default_factory=list)
    field: list[str] = field(default_factory=list)
    kind: str | None = None
    year: int | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    facets: bool = True
    highlight: bool = True

    def __post_init__(self):
        self.parsed: ParsedQuery = parse_query(self.q)

    def with_readings(self, synonyms: Synonyms) -> SearchRequest:
        """This request with the query's other readings (abbreviations both
        ways, from ``synonyms``, and Telex/VNI) added. The search service does
        it at query time with ``synonyms.current()``, so an edited
        abbreviation list applies at once, with no rebuild; the list is passed
        in so that this module, which every backend imports, reads no table."""
        if not self.parsed.variants:
            self.parsed = expand(self.parsed, synonyms)
        return self

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def filters(self, *, without: str | None = None) -> dict:
        """The active filters, optionally leaving out one facet's own filter."""
        all_filters = {
            "campaign": self.campaign,
            "locality": self.locality,
            "field": self.field,
            "kind": [self.kind] if self.kind else [],
            "year": [self.year] if self.year else [],
        }
        return {k: v for k, v in all_filters.items() if v and k != without}


@dataclass
class Hit:
    id: int
    title: str
    url: str
    excerpt: str
    published: dt.datetime
    campaigns: list[str]
    locality: str | None
    field: str | None
    kind: str | None
    exemplar: str | None
    score: float


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # True when nothing matched the reader's marks and the words were matched
    # without them instead ("lụa" → "lua").
    loosened: bool = False
    backend: str = ""
    # A corrected query when the reader's words found nothing but a spelling
    # slip's correction does ("Có phải bạn muốn tìm …"); its first results
    # then follow the (absent) exact ones in ``hits``.
    did_you_mean: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size)) if self.total else 0


@dataclass
class Suggestion:
    title: str
    url: str
