"""Moderating comments: one place that changes a comment's status, so the story
page is purged whichever admin screen the editor used."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from exemplars.comments.models import Comment


def may_moderate(user) -> bool:
    return user.has_perm("exemplars.change_comment")


@transaction.atomic
def moderate(comments, status: str, user=None) -> int:
    """Set ``status`` on ``comments``; each save purges its story page if readers
    see the change (``signal_handlers``). Returns how many changed."""
    changed = 0
    for comment in comments:
        if comment.status == status:
            continue
        comment.status = status
        comment.moderated_at = timezone.now()
        comment.moderated_by = user
        comment.save(update_fields=["status", "moderated_at", "moderated_by"])
        changed += 1
    return changed


def visible_to(user, queryset=None):
    """Editors see every comment; journalists those on the stories they own."""
    queryset = Comment.objects.all() if queryset is None else queryset
    if may_moderate(user):
        return queryset
    return queryset.filter(story__owner=user)
