"""The newsroom's roles: editors manage events and print booklets, journalists read events."""

import pytest
from django.urls import reverse

from tests.exemplars.desk import make_desk
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db


def test_editors_manage_events_and_print_booklets_journalists_only_read_events(client, home):
    desk = make_desk()
    campaign = make_campaign()
    add = reverse("wagtailsnippets_exemplars_event:add")
    listing = reverse("wagtailsnippets_exemplars_event:list")
    booklet = reverse("exemplars_campaign_booklet", args=[campaign.pk])

    client.force_login(desk.editor)
    assert client.get(add).status_code == 200
    assert client.get(booklet).status_code == 200

    client.force_login(desk.journalist)
    assert client.get(listing).status_code == 200
    assert client.get(add).status_code in (302, 403)
    assert client.get(booklet).status_code in (302, 403)
