"""Which stories are related, and how strongly: the one definition.

A story page lists the live stories most related to it: how strongly two
stories are related is the sum of the weights of the signals holding between
them (:data:`SIGNALS`, where each weight is stated once); ties go to the
newest (``listings.NEWEST``).

Three things are built from :data:`SIGNALS`, so that they cannot drift apart:
the score in SQL (:func:`score_expression`, for ``listings.related_stories``),
the same score in Python (:func:`score`, which re-ranks its few candidates),
and the reverse lookup the page cache purges with (:func:`reached_by`). Every
signal is symmetric (a story related to another is related to it in the same
way), so the stories showing a story are found with the tests that rank it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, When

from exemplars.models import ExemplarStoryPage

NEVER = Q(pk__in=[])


@dataclass(frozen=True)
class Signal:
    """One way two stories are related, and what it adds to their score."""

    name: str
    weight: int
    # Weights in place of ``weight`` when another signal holds too (by name).
    weight_with: dict[str, int] = field(default_factory=dict)
    # Whether few stories share it (an indexed column): ``related_stories``
    # scores those in full, and takes only the newest of the others.
    narrow: bool = True
    # Whether ``related_stories`` reads it from an annotation of the same name
    # (a class attribute, not a field).
    annotated = False

    def weight_among(self, held: set[str]) -> int:
        return next((w for other, w in self.weight_with.items() if other in held), self.weight)


@dataclass(frozen=True)
class SameColumn(Signal):
    """Both stories name the same row (an unset one relates nothing)."""

    column: str = ""

    def test(self, story, campaign_ids=None):
        value = getattr(story, self.column)
        return Q(**{self.column: value}) if value is not None else NEVER

    def holds(self, story, card) -> bool:
        value = getattr(story, self.column)
        return value is not None and getattr(card, self.column) == value


@dataclass(frozen=True)
class SharesCampaign(Signal):
    """The stories share at least one campaign."""

    annotated = True

    def test(self, story, campaign_ids=None):
        """``campaign_ids``: the story's campaigns, a list or a subquery (by
        default looked up inside the query)."""
        through = ExemplarStoryPage.campaigns.through
        if campaign_ids is None:
            campaign_ids = through.objects.filter(exemplarstorypage_id=story.pk).values(
                "campaign_id"
            )
        return Exists(
            through.objects.filter(
                exemplarstorypage_id=OuterRef("pk"), campaign_id__in=campaign_ids
            )
        )

    def holds(self, story, card) -> bool:
        return getattr(card, self.name)


SIGNALS = (
    SameColumn("same_exemplar", 8, column="exemplar_id"),
    SharesCampaign("shares_campaign", 2, weight_with={"same_locality": 6}, narrow=False),
    SameColumn("same_locality", 1, column="locality_id"),
)

# A change purges the pages of the stories related to it at least this
# strongly: a shared exemplar, or a campaign in the same locality. A campaign
# or a locality alone is shared with thousands of stories in a big campaign;
# purging them all on every edit would empty the cache, so those pages wait for
# the cache's timeout (EXEMPLARS_PAGE_CACHE["TIMEOUT"]).
PURGED_FROM = 6


def score(names: set[str]) -> int:
    """The score of two stories between which the signals ``names`` hold."""
    return sum(s.weight_among(names) for s in SIGNALS if s.name in names)


def tests(story, campaign_ids=None) -> dict:
    """Each signal's test on other stories (a ``Q`` or an ``Exists``), built once
    and used wherever the signal is: building the campaign subquery again for
    each use was most of ``related_stories``' time (8 → 4 ms a story page)."""
    return {s.name: s.test(story, campaign_ids) for s in SIGNALS}


def score_expression(tests: dict):
    """:func:`score` in SQL, each signal's test used once."""

    def weight(s):
        if not s.weight_with:
            return s.weight
        return Case(
            *(When(tests[other], then=w) for other, w in s.weight_with.items()),
            default=s.weight,
        )

    return reduce(
        lambda a, b: a + b,
        (
            Case(When(tests[s.name], then=weight(s)), default=0, output_field=IntegerField())
            for s in SIGNALS
        ),
    )


def held(story, card) -> set[str]:
    """The signals holding between ``story`` and a candidate of ``related_stories``."""
    return {s.name for s in SIGNALS if s.holds(story, card)}


def _reaching() -> list[tuple[str, ...]]:
    """The fewest signals that together score :data:`PURGED_FROM`: each set
    alone relates two stories strongly enough to purge (in ``SIGNALS`` order,
    so that the query reads the same in every process)."""
    names = [s.name for s in SIGNALS]
    found: list[tuple[str, ...]] = []
    for n in range(1, len(names) + 1):
        for combo in itertools.combinations(names, n):
            if score(set(combo)) >= PURGED_FROM and not any(set(f) <= set(combo) for f in found):
                found.append(combo)
    return found


REACHING = _reaching()


def reached_by(story) -> Q:
    """The stories related to ``story`` at least :data:`PURGED_FROM` strongly
    (``story`` itself among them: the caller leaves it out)."""
    t = tests(story)
    return reduce(or_, (reduce(and_, (t[name] for name in combo)) for combo in REACHING), NEVER)
