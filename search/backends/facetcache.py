"""Filters, facet counts and ordering over a match set, in memory.

A common word matches half the stories; counting five facets in SQL means
joining tens of thousands of rows five times. Instead the database backend
keeps, per process, each story's facet values in dicts and each value's
stories in sets (postings): filters are set unions and intersections and
counts are ``Counter(map(...))``, all running in C. The cache is reloaded when
the index's generation token changes (every write sets a new random one, so
a rolled-back write cannot leave a stale cache that looks fresh).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain

from ..query import FacetValue, SearchRequest

SINGLE = ("locality", "field", "kind", "year")


@dataclass
class FacetRow:
    """One indexed story's facet data, as the backend stores it."""

    id: int
    published: float
    year: int
    kind: str | None
    locality: str | None
    field: str | None
    campaigns: tuple[str, ...]
    localities: tuple[str, ...]


@dataclass
class Evaluation:
    total: int
    # (id, score) of every selected story, in the order given (newest first
    # when the request sorts by date).
    selected: list[tuple[int, float]]
    selected_ids: set[int]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


class FacetCache:
    """Every indexed story's facet values and publication time."""

    def __init__(self, token: str, rows, labels: dict[str, dict[str, str]]):
        self.token = token
        self.labels = labels
        self.published_of: dict[int, float] = {}
        self.campaigns_of: dict[int, tuple[str, ...]] = {}
        # The value a story is counted under, per single-valued facet.
        self.value_of: dict[str, dict[int, object]] = {name: {} for name in SINGLE}
        # Stories a filter value selects (for locality: every locality in reach).
        self.postings: dict[str, dict[object, set[int]]] = defaultdict(lambda: defaultdict(set))
        for row in rows:
            i = row.id
            self.published_of[i] = row.published
            self.campaigns_of[i] = row.campaigns
            for slug in row.campaigns:
                self.postings["campaign"][slug].add(i)
            for slug in row.localities:
                self.postings["locality"][slug].add(i)
            for name in SINGLE:
                value = getattr(row, name)
                self.value_of[name][i] = value
                if value is not None and name != "locality":
                    self.postings[name][value].add(i)

    def __len__(self) -> int:
        return len(self.published_of)

    def all_newest(self) -> list[tuple[int, float]]:
        """Every story, newest first, score 0 (a query with only filters)."""
        ids = sorted(self.published_of, key=self.published_of.__getitem__, reverse=True)
        return [(i, 0.0) for i in ids]

    def _passing(self, name: str, values) -> set[int]:
        postings = self.postings[name]
        sets = [postings.get(v, ()) for v in values]
        return set().union(*sets)

    def evaluate(
        self, scored: list[tuple[int, float]], request: SearchRequest, *, facets: bool = True
    ) -> Evaluation:
        """Apply the request's filters, sort, and count facets over ``scored``.

        Each facet is counted over the stories that pass every *other* filter,
        so choosing one campaign still shows how many stories the others hold.
        """
        matched = {s[0] for s in scored}.intersection(self.published_of)
        passing = {name: self._passing(name, values) for name, values in request.filters().items()}
        selected_ids = matched.intersection(*passing.values()) if passing else matched
        if len(selected_ids) == len(scored):
            selected = scored
        else:
            selected = [s for s in scored if s[0] in selected_ids]
        if request.sort == "newest":
            published = self.published_of
            selected = sorted(selected, key=lambda s: (published[s[0]], s[1]), reverse=True)
        result = Evaluation(total=len(selected), selected=selected, selected_ids=selected_ids)
        if facets:
            result.facets = self._count(matched, selected_ids, passing)
        return result

    def _count(self, matched: set[int], selected: set[int], passing: dict) -> dict:
        out = {}
        for name in ("campaign", "locality", "field", "kind", "year"):
            if name in passing:
                others = [p for n, p in passing.items() if n != name]
                base = matched.intersection(*others) if others else matched
            else:
                base = selected
            if name == "campaign":
                tally = Counter(chain.from_iterable(map(self.campaigns_of.__getitem__, base)))
            else:
                tally = Counter(map(self.value_of[name].__getitem__, base))
                tally.pop(None, None)
            labels = self.labels.get(name, {})
            values = [
                FacetValue(value=str(v), label=labels.get(v, str(v)), count=c)
                for v, c in tally.items()
            ]
            if name == "year":
                values.sort(key=lambda fv: fv.value, reverse=True)
            else:
                values.sort(key=lambda fv: (-fv.count, fv.label))
            out[name] = values
        return out
