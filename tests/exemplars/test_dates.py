"""Every date the admin shows parses back to the same date.

The admin shows dates day first (``WAGTAIL_DATE_FORMAT = "%d/%m/%Y"``); Django's
own input formats read ``07/04/2026`` month first and refuse ``13/04/2026``, so
re-saving a form moved dates and dates after the 12th could not be saved.
"""

import datetime as dt
import re

import pytest
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.panels import get_edit_handler
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from exemplars.blocks import HonourBlock
from exemplars.models import Campaign, ExemplarStoryPage
from tests.exemplars.test_admin_authoring import story_form
from tests.factories import make_campaign

ADMIN_LANGUAGES = [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
# A day that could be a month (the swap) and days that cannot (refused as months).
DAYS = [dt.date(2026, 4, 7), dt.date(2026, 4, 13), dt.date(2025, 12, 31)]


def newsroom_time(day: dt.date, hour=9, minute=30) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def shown(bound_field) -> str:
    """The text the admin puts in the input, as the browser would post it back."""
    return bound_field.field.widget.format_value(bound_field.value())


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_admin_widgets_read_back_what_they_show(language, day):
    with translation.override(language):
        date_field = forms.DateField(widget=AdminDateInput())
        text = date_field.widget.format_value(day)
        assert text == day.strftime("%d/%m/%Y")
        assert date_field.clean(text) == day

        moment = newsroom_time(day)
        datetime_field = forms.DateTimeField(widget=AdminDateTimeInput())
        text = datetime_field.widget.format_value(datetime_field.prepare_value(moment))
        assert text == day.strftime("%d/%m/%Y 09:30")
        assert datetime_field.clean(text) == moment


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
@pytest.mark.parametrize("day", DAYS, ids=str)
def test_page_snippet_and_block_forms_read_back_what_they_show(language, day, section):
    story = section.add_child(
        instance=ExemplarStoryPage(
            title="Ngày giờ", slug="ngay-gio", intro="x", published_at=newsroom_time(day)
        )
    )
    campaign = make_campaign(decision_date=day)
    with translation.override(language):
        page_form = get_edit_handler(ExemplarStoryPage).get_form_class()(
            instance=story, parent_page=section
        )
        for name in ("published_at", "go_live_at"):
            assert isinstance(page_form[name].field.widget, AdminDateTimeInput)
        text = shown(page_form["published_at"])
        assert page_form["published_at"].field.clean(text) == story.published_at

        snippet_form = get_edit_handler(Campaign).get_form_class()(instance=campaign)
        text = shown(snippet_form["decision_date"])
        assert text == day.strftime("%d/%m/%Y")
        assert snippet_form["decision_date"].field.clean(text) == day

        date_block = HonourBlock().child_blocks["date"]
        text = date_block.field.widget.format_value(day)
        assert date_block.field.clean(text) == day


def displayed_published_at(client, story) -> str:
    page = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert page.status_code == 200
    match = re.search(r'<input[^>]*name="published_at"[^>]*>', page.content.decode())
    return re.search(r'value="([^"]*)"', match.group(0)).group(1)


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_resaving_a_story_in_the_admin_keeps_its_date(client, admin_user, section, day):
    client.force_login(admin_user)
    typed = day.strftime("%d/%m/%Y 10:45")
    add = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarstorypage", section.pk))
    response = client.post(add, story_form(published_at=typed))
    assert response.status_code == 302, response.context["form"].errors
    story = ExemplarStoryPage.objects.get(slug="neang-sa-ry-tho-cam")
    expected = newsroom_time(day, 10, 45)
    assert story.get_latest_revision_as_object().published_at == expected

    # Re-save exactly what the edit form shows, as an editor who changes nothing would.
    story.published_at = expected
    story.save_revision().publish()
    assert displayed_published_at(client, story) == typed
    edit = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    response = client.post(
        edit,
        story_form(published_at=displayed_published_at(client, story)) | {"action-publish": "1"},
    )
    assert response.status_code == 302, response.context["form"].errors
    story.refresh_from_db()
    assert story.published_at == expected
    assert displayed_published_at(client, story) == typed
