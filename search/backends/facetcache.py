"""Filters, facet counts and ordering over a match set, in memory.

A common word matches half the stories; counting five facets in SQL means
joining tens of thousands of rows five times. Instead the database backend
keeps, per process, each story's facet *profile* (kind, locality, field, year,
campaigns, localities): stories share profiles, so a match set is counted by
profile in C (``Counter(map(...))``) and only the distinct profiles are
looked at in Python. The cache is reloaded when the index's generation token
changes (every write sets a new random one, so a rolled-back write cannot
leave a stale cache that looks fresh).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..query import FacetValue, SearchRequest

# Profile tuple positions.
KIND, LOCALITY, FIELD, YEAR, CAMPAIGNS, LOCALITIES = range(6)


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
    # (id, score) of every selected story, in result order.
    selected: list[tuple[int, float]]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def _passes(profile: tuple, name: str, wanted: set) -> bool:
    if name == "campaign":
        return not wanted.isdisjoint(profile[CAMPAIGNS])
    if name == "locality":
        return not wanted.isdisjoint(profile[LOCALITIES])
    if name == "field":
        return profile[FIELD] in wanted
    if name == "kind":
        return profile[KIND] in wanted
    if name == "year":
        return profile[YEAR] in wanted
    raise ValueError(name)


class FacetCache:
    """Every indexed story's facet profile and publication time."""

    def __init__(self, token: str, rows, labels: dict[str, dict[str, str]]):
        self.token = token
        self.labels = labels
        self.profile_of: dict[int, int] = {}
        self.published_of: dict[int, float] = {}
        self.profiles: list[tuple] = []
        index: dict[tuple, int] = {}
        for row in rows:
            profile = (
                row.kind,
                row.locality,
                row.field,
                row.year,
                row.campaigns,
                row.localities,
            )
            pid = index.get(profile)
            if pid is None:
                pid = index[profile] = len(self.profiles)
                self.profiles.append(profile)
            self.profile_of[row.id] = pid
            self.published_of[row.id] = row.published

    def __len__(self) -> int:
        return len(self.profile_of)

    def all_newest(self) -> list[tuple[int, float]]:
        """Every story, newest first, score 0 (a query with only filters)."""
        ids = sorted(self.published_of, key=self.published_of.__getitem__, reverse=True)
        return [(i, 0.0) for i in ids]

    def evaluate(
        self, scored: list[tuple[int, float]], request: SearchRequest, *, facets: bool = True
    ) -> Evaluation:
        """Apply the request's filters, sort, and count facets over ``scored``.

        ``scored`` is in relevance order. Each facet is counted over the
        stories that pass every *other* filter, so choosing one campaign still
        shows how many stories the other campaigns hold.
        """
        profile_of = self.profile_of
        scored = [s for s in scored if s[0] in profile_of]
        filters = {name: set(values) for name, values in request.filters().items()}
        counts = Counter(map(profile_of.__getitem__, (s[0] for s in scored)))
        # Per distinct profile: which filters it fails (only 0 or 1 matter).
        failing: dict[int, list[str]] = {}
        for pid in counts:
            profile = self.profiles[pid]
            failing[pid] = [n for n, wanted in filters.items() if not _passes(profile, n, wanted)]
        passing = {pid for pid, failed in failing.items() if not failed}
        if len(passing) == len(counts):
            selected = scored
        else:
            selected = [s for s in scored if profile_of[s[0]] in passing]
        if request.sort == "newest":
            published = self.published_of
            selected = sorted(selected, key=lambda s: (published[s[0]], s[1]), reverse=True)
        result = Evaluation(total=len(selected), selected=selected)
        if facets:
            result.facets = self._count(counts, failing)
        return result

    def _count(self, counts: Counter, failing: dict[int, list[str]]) -> dict:
        tallies = {name: Counter() for name in ("campaign", "locality", "field", "kind", "year")}
        for pid, n in counts.items():
            failed = failing[pid]
            if len(failed) > 1:
                continue
            only = failed[0] if failed else None
            kind, locality, field_, year, campaigns, _ = self.profiles[pid]
            if only in (None, "campaign"):
                for slug in campaigns:
                    tallies["campaign"][slug] += n
            if only in (None, "locality") and locality:
                tallies["locality"][locality] += n
            if only in (None, "field") and field_:
                tallies["field"][field_] += n
            if only in (None, "kind") and kind:
                tallies["kind"][kind] += n
            if only in (None, "year") and year:
                tallies["year"][year] += n
        out = {}
        for name, tally in tallies.items():
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
