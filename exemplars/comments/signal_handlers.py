"""Purge a story's page when what readers see of its comments changes: a comment
approved, unapproved, edited while approved, or deleted while approved."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import post_delete, post_init, post_save

from exemplars.caching import purge
from exemplars.caching.signal_handlers import purge_after_commit, purging
from exemplars.comments.models import Comment

SHOWN = Comment.Status.APPROVED


def remember_loaded(sender, instance, **kwargs):
    instance._loaded_shown = (instance.status == SHOWN, instance.name, instance.text)


def _purge_story(comment):
    if not purging():
        return
    ps = purge.PurgeSet()
    try:
        story = comment.story
    except ObjectDoesNotExist:
        # Deleted with its story, whose own deletion purges the page.
        return
    if story.live:
        ps.add_page(story)
    purge_after_commit(ps)


def comment_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_loaded_shown", (False, None, None))
    now = (instance.status == SHOWN, instance.name, instance.text)
    if (before[0] or now[0]) and before != now:
        _purge_story(instance)
    instance._loaded_shown = now


def comment_deleted(sender, instance, **kwargs):
    if instance.status == SHOWN:
        _purge_story(instance)


def register_signal_handlers() -> None:
    post_init.connect(remember_loaded, sender=Comment, dispatch_uid="exemplars.comments.init")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="exemplars.comments.saved")
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid="exemplars.comments.deleted")
