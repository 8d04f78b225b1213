"""Curation: editors' pins on campaign and home pages."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from exemplars.models import CampaignPage, CampaignPagePin, HomePagePin
from exemplars.reader.listings import CampaignListing, active_pin_story_ids, home_stories
from tests.exemplars.desk import make_desk
from tests.factories import make_campaign_page, make_home, make_story

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def pin(page, story, order, **dates):
    model = CampaignPagePin if isinstance(page, CampaignPage) else HomePagePin
    return model.objects.create(page=page, story=story, sort_order=order, **dates)


def titles(stories):
    return [s.title for s in stories]


@pytest.fixture
def campaign_page(home):
    return make_campaign_page()


@pytest.fixture
def stories(campaign_page):
    # Newest first by published_at: s0 is the newest.
    return [
        make_story(title=f"Bài {n}", published_at=NOW - dt.timedelta(days=n + 1)) for n in range(5)
    ]


def listing(page):
    return list(CampaignListing(page, {}).stories[:10])


def test_pinned_order_is_the_editors_order_then_newest(campaign_page, stories):
    pin(campaign_page, stories[3], 0)
    pin(campaign_page, stories[1], 1)
    pin(campaign_page, stories[4], 2)
    assert titles(listing(campaign_page)) == ["Bài 3", "Bài 1", "Bài 4", "Bài 0", "Bài 2"]


def test_expired_and_future_pins_are_ignored(campaign_page, stories):
    pin(campaign_page, stories[4], 0, pinned_until=NOW - dt.timedelta(hours=1))
    pin(campaign_page, stories[3], 1, pinned_from=NOW + dt.timedelta(hours=1))
    pin(
        campaign_page,
        stories[2],
        2,
        pinned_from=NOW - dt.timedelta(days=1),
        pinned_until=NOW + dt.timedelta(days=1),
    )
    assert active_pin_story_ids(campaign_page.pins.all(), NOW) == [stories[2].pk]
    assert titles(listing(campaign_page))[:2] == ["Bài 2", "Bài 0"]


def test_pins_of_unpublished_stories_are_ignored(campaign_page, stories):
    draft = make_story(title="Bản nháp", publish=False)
    pin(campaign_page, draft, 0)
    pin(campaign_page, stories[2], 1)
    stories[4].unpublish()
    pin(campaign_page, stories[4], 2)
    shown = titles(listing(campaign_page))
    assert shown == ["Bài 2", "Bài 0", "Bài 1", "Bài 3"]


def test_a_story_is_never_shown_twice_on_one_page(campaign_page, stories):
    # Two pins of one story can only come from outside the admin form.
    pin(campaign_page, stories[2], 0)
    pin(campaign_page, stories[2], 1)
    shown = titles(listing(campaign_page))
    assert shown.count("Bài 2") == 1
    assert len(shown) == len(set(shown)) == 5


def test_home_page_pins_come_first_without_repeats(home, stories):
    pin(home, stories[4], 0)
    pin(home, stories[0], 1)
    shown = titles(home_stories(home, NOW))
    assert shown[:2] == ["Bài 4", "Bài 0"]
    assert len(shown) == len(set(shown))


# -- through the page editor --------------------------------------------------


def campaign_page_form(page, pins, ids=None):
    ids = ids or [""] * len(pins)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "campaign": page.campaign_id,
            "intro": rich_text(""),
            "pins": inline_formset(
                [
                    {
                        "id": pk,
                        "story": story.pk,
                        "pinned_from": "",
                        "pinned_until": until,
                        "ORDER": n,
                    }
                    for n, ((story, until), pk) in enumerate(zip(pins, ids, strict=True))
                ],
                initial=len([pk for pk in ids if pk]),
            ),
            "comment_notifications": "",
            "action-publish": "1",
        }
    )
    return data


def test_editor_cannot_pin_a_story_twice(client, campaign_page, stories):
    desk = make_desk()
    client.force_login(desk.editor)
    url = reverse("wagtailadmin_pages:edit", args=[campaign_page.pk])
    response = client.post(
        url, campaign_page_form(campaign_page, [(stories[1], ""), (stories[1], "")])
    )
    assert response.status_code == 200
    assert "Mỗi bài chỉ được ghim một lần" in response.content.decode()
    assert not campaign_page.pins.exists()


def test_pin_range_must_end_after_it_starts(client, campaign_page, stories):
    desk = make_desk()
    client.force_login(desk.editor)
    url = reverse("wagtailadmin_pages:edit", args=[campaign_page.pk])
    data = campaign_page_form(campaign_page, [(stories[1], "2024-01-01 00:00")])
    data["pins-0-pinned_from"] = "2024-02-01 00:00"
    response = client.post(url, data)
    assert response.status_code == 200
    assert not campaign_page.pins.exists()


def test_editor_reorders_pins_and_the_public_page_follows(client, campaign_page, stories):
    desk = make_desk()
    client.force_login(desk.editor)
    url = reverse("wagtailadmin_pages:edit", args=[campaign_page.pk])
    order = [stories[3], stories[1]]
    response = client.post(url, campaign_page_form(campaign_page, [(s, "") for s in order]))
    assert response.status_code == 302
    ids = {p.story_id: p.pk for p in campaign_page.pins.all()}
    swapped = order[::-1]
    response = client.post(
        url,
        campaign_page_form(campaign_page, [(s, "") for s in swapped], [ids[s.pk] for s in swapped]),
    )
    assert response.status_code == 302
    assert [p.story_id for p in campaign_page.pins.order_by("sort_order")] == [
        stories[1].pk,
        stories[3].pk,
    ]
    client.logout()
    html = client.get(campaign_page.url).content.decode()
    assert html.index("Bài 1") < html.index("Bài 3") < html.index("Bài 0")


def test_journalist_cannot_curate(client, campaign_page, stories):
    desk = make_desk()
    client.force_login(desk.journalist)
    url = reverse("wagtailadmin_pages:edit", args=[campaign_page.pk])
    client.post(url, campaign_page_form(campaign_page, [(stories[2], "")]))
    assert not campaign_page.pins.exists()
    page = CampaignPage.objects.get(pk=campaign_page.pk)
    assert not page.has_unpublished_changes

    response = client.get(reverse("wagtailadmin_pages:edit", args=[make_home().pk]))
    assert response.status_code == 302, "the home page's pins are the editors' too"
