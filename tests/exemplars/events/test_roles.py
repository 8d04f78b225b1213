"""The newsroom's roles: editors manage events and print booklets, journalists read events."""

import pytest
from django.urls import reverse

from exemplars.models import Event
from tests.exemplars.desk import make_desk
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db


def event_form(campaign):
    return {
        "title": "Giao lưu điển hình",
        "kind": "exchange",
        "slug": "",
        "starts_at": "2030-03-01 08:00",
        "ends_at": "2030-03-01 11:00",
        "place": "Hội trường xã",
        "locality": "",
        "campaign": str(campaign.pk),
        "organizer": "",
        "description": "",
        "registration_url": "",
    }


def test_editors_manage_events_and_print_booklets_journalists_only_read_events(client, home):
    """Each role's answer exactly, and an event saved only by the editor's POST.
    Before: a journalist's GETs answered 302 or 403, and nobody posted."""
    desk = make_desk()
    campaign = make_campaign()
    add = reverse("wagtailsnippets_exemplars_event:add")
    listing = reverse("wagtailsnippets_exemplars_event:list")
    booklet = reverse("exemplars_campaign_booklet", args=[campaign.pk])
    dashboard = reverse("wagtailadmin_home")

    client.force_login(desk.journalist)
    assert client.get(listing).status_code == 200
    for response in (client.get(add), client.post(add, event_form(campaign)), client.get(booklet)):
        assert (response.status_code, response["Location"]) == (302, dashboard)
    assert not Event.objects.exists()

    client.force_login(desk.editor)
    assert client.get(add).status_code == 200
    assert client.get(booklet).status_code == 200
    assert client.post(add, event_form(campaign)).status_code == 302
    assert Event.objects.get().title == "Giao lưu điển hình"
