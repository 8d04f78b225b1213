"""How long readers' personal data is kept, and the purge that enforces it.

- A comment's email: until ``COMMENT_EMAIL_DAYS`` after it was posted (time for
  an editor to answer the reader), then blanked; the comment stays.
- Rejected comments and spam: deleted ``DISCARDED_COMMENT_DAYS`` after posting.
- A contest entry's phone and email: until ``CONTEST_CONTACT_DAYS`` after the
  contest closed (prizes handed out, complaints settled), then blanked; the
  name, commune and answers stay for the published results.

``manage.py purge_personal_data`` applies it (daily, from cron).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from exemplars.models import Comment, ContestEntry

DEFAULTS = {"COMMENT_EMAIL_DAYS": 90, "DISCARDED_COMMENT_DAYS": 30, "CONTEST_CONTACT_DAYS": 180}


def retention_settings() -> dict:
    return DEFAULTS | getattr(settings, "EXEMPLARS_PERSONAL_DATA", {})


@dataclass
class Purged:
    comment_emails: int = 0
    discarded_comments: int = 0
    contest_contacts: int = 0


@transaction.atomic
def purge_expired(now: dt.datetime | None = None, dry_run: bool = False) -> Purged:
    now = now or timezone.now()
    conf = retention_settings()
    emails = Comment.objects.exclude(email="").filter(
        created_at__lt=now - dt.timedelta(days=conf["COMMENT_EMAIL_DAYS"])
    )
    discarded = Comment.objects.filter(
        status__in=[Comment.Status.REJECTED, Comment.Status.SPAM],
        created_at__lt=now - dt.timedelta(days=conf["DISCARDED_COMMENT_DAYS"]),
    )
    contacts = ContestEntry.objects.filter(
        contest__closes_at__lt=now - dt.timedelta(days=conf["CONTEST_CONTACT_DAYS"])
    ).exclude(phone="", email="")
    purged = Purged(emails.count(), discarded.count(), contacts.count())
    if not dry_run:
        # Discarded comments are never shown: deleting them purges no page.
        discarded.delete()
        emails.update(email="")
        contacts.update(phone="", email="")
    return purged
