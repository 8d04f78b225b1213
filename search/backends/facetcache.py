"""Filters, facet counts and ordering over a match set, in memory.

A common word matches half the stories; counting five facets in SQL means
joining tens of thousands of rows five times. Instead the database backend
keeps, per process, each story's facet values: each value's stories as a set
(postings, for filters) and as a mask, an int holding one byte per story
whose low bit says whether the story has the value. A match set becomes one
such mask, and a facet count is ``(match & value).bit_count()``: a few
microseconds per value in C, where counting story by story cost milliseconds.
The cache is reloaded when the index's generation token changes (every write
sets a new random one, so a rolled-back write cannot leave a stale cache that
looks fresh).
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, repeat

from ..query import FACET_NAMES, FacetValue, SearchRequest

SINGLE = ("locality", "field", "kind", "year")
# Below one story in SMALL of the index, counting story by story beats masks
# (whose cost grows with the index, not the match set).
SMALL = 32


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
    selected_ids: set[int]
    # The ids given, in their order, for ``selected``.
    order: list[int] = field(repr=False)
    newest: dict[int, float] | None = field(default=None, repr=False)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)

    @cached_property
    def selected(self) -> list[int]:
        """Every selected story, in the order given (newest first when the
        request sorts by date); built only when a page is cut from it."""
        ids = self.order
        if len(self.selected_ids) != len(ids):
            keep = self.selected_ids
            ids = [i for i in ids if i in keep]
        if self.newest is not None:
            ids = sorted(ids, key=self.newest.__getitem__, reverse=True)
        return ids


def _mask(positions, size: int) -> int:
    """One byte per story, 1 at ``positions``, as an int (see the module docstring)."""
    flags = bytearray(size)
    # map runs the stores in C; deque(maxlen=0) drains it without a list.
    deque(map(flags.__setitem__, positions, repeat(1)), maxlen=0)
    return int.from_bytes(flags, "little")


class FacetCache:
    """Every indexed story's facet values and publication time."""

    def __init__(self, token: str, rows, labels: dict[str, dict[str, str]]):
        self.token = token
        self.labels = labels
        self.published_of: dict[int, float] = {}
        self.pos_of: dict[int, int] = {}
        self.campaigns_of: dict[int, tuple[str, ...]] = {}
        # The value a story is counted under, per single-valued facet.
        self.value_of: dict[str, dict[int, object]] = {name: {} for name in SINGLE}
        # Stories a filter value selects (for locality: every locality in reach).
        self.postings: dict[str, dict[object, set[int]]] = defaultdict(lambda: defaultdict(set))
        # Positions of the stories counted under each value, per facet.
        counted: dict[str, dict[object, list[int]]] = {n: defaultdict(list) for n in FACET_NAMES}
        reach: dict[object, list[int]] = defaultdict(list)
        for pos, row in enumerate(rows):
            i = row.id
            self.published_of[i] = row.published
            self.pos_of[i] = pos
            self.campaigns_of[i] = row.campaigns
            for slug in row.campaigns:
                self.postings["campaign"][slug].add(i)
                counted["campaign"][slug].append(pos)
            for slug in row.localities:
                self.postings["locality"][slug].add(i)
                reach[slug].append(pos)
            for name in SINGLE:
                value = getattr(row, name)
                self.value_of[name][i] = value
                if value is None:
                    continue
                counted[name][value].append(pos)
                if name != "locality":
                    self.postings[name][value].add(i)
        self.ids = frozenset(self.published_of)
        size = len(self.published_of)
        self.count_masks = {
            name: {v: _mask(p, size) for v, p in values.items()} for name, values in counted.items()
        }
        self.filter_masks = {
            **self.count_masks,
            "locality": {v: _mask(p, size) for v, p in reach.items()},
        }
        self.size = size

    def __len__(self) -> int:
        return len(self.published_of)

    def all_newest(self) -> list[int]:
        """Every story, newest first (a query with only filters)."""
        return sorted(self.published_of, key=self.published_of.__getitem__, reverse=True)

    def _passing(self, name: str, values) -> tuple[set[int], int]:
        postings, masks = self.postings[name], self.filter_masks[name]
        mask = 0
        for v in values:
            mask |= masks.get(v, 0)
        return set().union(*(postings.get(v, ()) for v in values)), mask

    def evaluate(
        self, ids: list[int], request: SearchRequest, *, facets: bool = True
    ) -> Evaluation:
        """Apply the request's filters, sort, and count facets over ``ids``.

        Each facet is counted over the stories that pass every *other* filter,
        so choosing one campaign still shows how many stories the others hold.
        """
        # Ids the cache does not know (written after it loaded) drop out here.
        matched = self.ids.intersection(ids)
        passing = {name: self._passing(name, values) for name, values in request.filters().items()}
        if passing:
            selected_ids = matched.intersection(*(p[0] for p in passing.values()))
        else:
            selected_ids = matched
        result = Evaluation(
            total=len(selected_ids),
            selected_ids=selected_ids,
            order=ids,
            newest=self.published_of if request.sort == "newest" else None,
        )
        if facets and len(matched) * SMALL < self.size:
            result.facets = self._count_few(matched, selected_ids, passing)
        elif facets:
            masks = {name: p[1] for name, p in passing.items()}
            result.facets = self._count(
                _mask(map(self.pos_of.__getitem__, matched), self.size), masks
            )
        return result

    def _count(self, matched: int, passing: dict[str, int]) -> dict:
        selected = matched
        for mask in passing.values():
            selected &= mask
        out = {}
        for name in FACET_NAMES:
            if name in passing:
                base = matched
                for other, mask in passing.items():
                    if other != name:
                        base &= mask
            else:
                base = selected
            tally = {v: (base & mask).bit_count() for v, mask in self.count_masks[name].items()}
            out[name] = self._values(name, tally)
        return out

    def _count_few(self, matched: set[int], selected: set[int], passing: dict) -> dict:
        """``_count`` story by story, cheaper than masks for a small match set."""
        out = {}
        for name in FACET_NAMES:
            if name in passing:
                others = [p[0] for n, p in passing.items() if n != name]
                base = matched.intersection(*others) if others else matched
            else:
                base = selected
            if name == "campaign":
                tally = Counter(chain.from_iterable(map(self.campaigns_of.__getitem__, base)))
            else:
                tally = Counter(map(self.value_of[name].__getitem__, base))
                tally.pop(None, None)
            out[name] = self._values(name, tally)
        return out

    def _values(self, name: str, tally: dict) -> list[FacetValue]:
        labels = self.labels.get(name, {})
        values = [
            FacetValue(value=str(v), label=labels.get(v, str(v)), count=c)
            for v, c in tally.items()
            if c
        ]
        if name == "year":
            values.sort(key=lambda fv: fv.value, reverse=True)
        else:
            values.sort(key=lambda fv: (-fv.count, fv.label))
        return values
