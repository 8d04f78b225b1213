"""Readers' personal data is kept only as long as the README says."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from exemplars.models import Comment, ContestEntry, ContestPage
from tests.factories import make_story

pytestmark = pytest.mark.django_db


def _aged(comment, days):
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days)
    )


def _contest(section, closed_days_ago, slug):
    closes = timezone.now() - dt.timedelta(days=closed_days_ago)
    contest = ContestPage(
        title=slug, slug=slug, opens_at=closes - dt.timedelta(days=30), closes_at=closes
    )
    section.add_child(instance=contest)
    return ContestEntry.objects.create(
        contest=contest, name="An", phone="0912345678", email="an@example.vn", answers={}
    )


def test_the_purge_blanks_old_contacts_and_deletes_old_discards(section):
    story = make_story()
    old = Comment.objects.create(
        story=story, name="A", email="a@x.vn", text="cũ", status="approved"
    )
    _aged(old, 91)
    recent = Comment.objects.create(story=story, name="B", email="b@x.vn", text="mới")
    _aged(recent, 89)
    spam = Comment.objects.create(story=story, name="C", text="rác", status="spam")
    _aged(spam, 31)
    fresh_spam = Comment.objects.create(story=story, name="D", text="rác mới", status="spam")
    old_entry = _contest(section, 181, "cu")
    recent_entry = _contest(section, 179, "moi")

    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "Would purge: 1 comment emails" in out.getvalue()
    assert Comment.objects.filter(email="a@x.vn").exists()

    call_command("purge_personal_data", stdout=StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.text) == ("", "cũ")
    assert recent.email == "b@x.vn"
    assert not Comment.objects.filter(pk=spam.pk).exists()
    assert Comment.objects.filter(pk=fresh_spam.pk).exists()
    old_entry.refresh_from_db()
    recent_entry.refresh_from_db()
    assert (old_entry.phone, old_entry.email, old_entry.name) == ("", "", "An")
    assert recent_entry.phone == "0912345678"
