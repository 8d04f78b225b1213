"""Related stories: the ranking the story page promises, checked against brute force."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from exemplars.reader import listings
from tests.factories import make_campaign, make_exemplar, make_locality, make_story

pytestmark = pytest.mark.django_db


def brute_force(story, candidates, limit):
    """Same exemplar 8, same campaign and locality 4, same campaign 2, same locality 1."""
    campaigns = {c.pk for c in story.campaigns.all()}

    def score(other):
        shares = bool(campaigns & {c.pk for c in other.campaigns.all()})
        same_place = other.locality_id == story.locality_id
        return (
            8 * (other.exemplar_id == story.exemplar_id)
            + 4 * (shares and same_place)
            + 2 * shares
            + 1 * same_place
        )

    ranked = [(score(o), o.published_at, o.pk) for o in candidates if score(o) > 0]
    return [pk for _s, _d, pk in sorted(ranked, reverse=True)][:limit]


@pytest.mark.parametrize("limit", [4, 40])
def test_related_stories_rank_as_scored_over_every_combination(section, limit):
    a, b = make_campaign("Phong trào A"), make_campaign("Phong trào B")
    here, there = make_locality("Châu Đốc"), make_locality("Long Xuyên")
    mine, other = make_exemplar("Nguyễn Văn Một"), make_exemplar("Trần Thị Hai")
    story = make_story(exemplar=mine, locality=here, campaigns=[a])
    now = timezone.now()
    candidates = []
    combos = itertools.product([mine, other, None], [here, there], [[a], [b], [a, b]])
    for i, (exemplar, locality, campaigns) in enumerate(combos):
        candidates.append(
            make_story(
                exemplar=exemplar,
                locality=locality,
                campaigns=campaigns,
                # Older stories first in the loop, so the date order is not the loop order.
                published_at=now - dt.timedelta(days=(i * 7) % 19),
            )
        )
    got = [s.pk for s in listings.related_stories(story, limit)]
    assert got == brute_force(story, candidates, limit)
    assert story.pk not in got
