"""The campaign page's year facet and filter count a story in its local (+07:00) year."""

import datetime as dt

import pytest

from exemplars.reader.listings import CampaignListing
from tests.factories import make_campaign, make_campaign_page, make_story

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def test_year_is_the_newsrooms_year_not_utc(section):
    campaign = make_campaign("Phong trào giao thừa")
    page = make_campaign_page(campaign)
    # 31/12/2023 18:00 UTC is 01:00 on 1 January 2024 in Ho Chi Minh City.
    make_story(published_at=dt.datetime(2023, 12, 31, 18, 0, tzinfo=UTC), campaigns=[campaign])
    # 31/12/2023 16:00 UTC is 23:00 on 31 December 2023 there.
    make_story(published_at=dt.datetime(2023, 12, 31, 16, 0, tzinfo=UTC), campaigns=[campaign])
    make_story(published_at=dt.datetime(2022, 6, 1, tzinfo=UTC), campaigns=[campaign])
    listing = CampaignListing(page, {})
    years = {o["value"]: o["count"] for o in listing.facets[2].options}
    assert years == {"2024": 1, "2023": 1, "2022": 1}
    assert list(years) == ["2024", "2023", "2022"]
    filtered = CampaignListing(page, {"year": "2024"})
    assert filtered.total == 1
    assert filtered.stories.count() == 1
