"""The demo shows events: past and coming, with exemplars and a story covering one."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from exemplars.models import Event

pytestmark = pytest.mark.django_db


def test_demo_has_past_and_coming_events_with_exemplars_and_coverage(client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "event 3" in out.getvalue()
    assert Event.objects.upcoming().count() == 1 and Event.objects.past().count() == 2
    assert all(event.exemplars.exists() for event in Event.objects.all())
    talk = Event.objects.get(kind=Event.Kind.TALK)
    html = client.get(reverse("exemplars_event", args=[talk.slug])).content.decode()
    story = talk.citations.get().page
    assert story.title in html and story.live
    campaign_page = client.get(talk.campaign.page.url).content.decode()
    assert talk.title in campaign_page
