"""The rule that keeps our page cache true: a committed change to anything a
reader can see outdates every page we hold.

The purge sets in ``purge`` name the addresses a change shows on, for the
caches that can only be purged address by address (nginx, Varnish, a CDN).
They cannot be exact: a story sits in weaker related-story boxes than they
reach, and every path that writes without the signals they listen to (an
import, a privacy setting, an image's focal point, a redirect, a translation)
is one more special case to find. Our own cache has a cheaper way to be always
right, the one wagtail-cache and most newsroom caches take: any change to a
record readers see moves the site's generation (``PageStore.purge_all``), and
every page is rendered again on its next request. A provincial newsroom
publishes tens of times a day; a page costs milliseconds to render once.

What counts as seen is listed here, in one place: every model of the
``exemplars`` app but the ones only editors or the desk read, Wagtail's pages
(not their drafts), view restrictions, collections, locales, sites, images,
documents, redirects, embeds, tags and the search synonyms. Drafts, revisions,
logs, workflow states, renditions, sessions and users are not.

Marked during the transaction, outdated once after it commits (a page rendered
before the commit is stored under the old generation and never served).
"""

from __future__ import annotations

import logging
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page

from exemplars.caching.conf import page_cache_settings
from exemplars.caching.store import PageStore

logger = logging.getLogger("exemplars.caching")

# Models of our own app that no reader page shows. Comments have their own,
# narrower rule (comments.signal_handlers: a reader's post must not empty the
# cache, only an editor's approval changes a page). A record readers write at
# their own pace (an entry, a read count) belongs here, with a narrower rule of
# its own if a page shows it: otherwise every reader would empty the cache.
UNSEEN_OWN_MODELS = frozenset(
    {"comment", "contestentry", "booklet", "bookletentry", "honourverificationtask"}
)
# Other apps' models that reader pages show, by app label.
SEEN_ELSEWHERE = {
    "wagtailcore": frozenset(
        {"pageviewrestriction", "collectionviewrestriction", "collection", "locale", "site"}
    ),
    "wagtailredirects": frozenset({"redirect"}),
    "wagtailembeds": frozenset({"embed"}),
    "taggit": frozenset({"tag", "taggeditem"}),
    "exemplars_search": frozenset({"synonym"}),
}
# A page saved with only these fields changed its draft, not what is live.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)


@cache
def is_seen(model) -> bool:
    """Whether readers see rows of ``model`` (directly or through a page)."""
    meta = model._meta
    if issubclass(model, AbstractRendition):
        # Made while a page renders: a rendering must not outdate itself.
        return False
    if issubclass(model, Page | AbstractImage | AbstractDocument):
        return True
    if meta.app_label == "exemplars":
        return meta.model_name not in UNSEEN_OWN_MODELS
    return meta.model_name in SEEN_ELSEWHERE.get(meta.app_label, ())


def _only_draft(instance, created, update_fields) -> bool:
    if not isinstance(instance, Page):
        return update_fields is not None and set(update_fields) <= DRAFT_FIELDS
    if created and not instance.live:
        # A new draft: on no reader page until it is published.
        return True
    return update_fields is not None and set(update_fields) <= DRAFT_FIELDS


def outdate_pages(using: str = DEFAULT_DB_ALIAS) -> None:
    """Outdate every page we hold once the current transaction commits (at once
    outside one). Called by the signals below and by the writers that bypass
    them (an import's bulk publication)."""
    if not page_cache_settings()["ENABLED"]:
        return
    connection = connections[using]
    if connection.in_atomic_block:
        # Once per transaction (an import saves thousands of rows): where we
        # registered is remembered, and checked, since a rolled-back savepoint
        # or transaction drops what was registered in it.
        pending = getattr(connection, "_exemplars_outdate_at", None)
        hooks = connection.run_on_commit
        if pending is not None and pending < len(hooks) and hooks[pending][1] is _outdate_now:
            return
        connection._exemplars_outdate_at = len(hooks)
    transaction.on_commit(_outdate_now, using=using)


def _outdate_now() -> None:
    try:
        PageStore().purge_all()
    except Exception:
        # Never fail the editor's save. The cache's timeout bounds the damage;
        # the warning is what an operator sees.
        logger.exception("Page cache could not be outdated after a change")


def saved(sender, instance, created=False, raw=False, update_fields=None, using=None, **kwargs):
    if raw or not is_seen(sender) or _only_draft(instance, created, update_fields):
        return
    outdate_pages(using or DEFAULT_DB_ALIAS)


def deleted(sender, instance, using=None, **kwargs):
    if is_seen(sender):
        outdate_pages(using or DEFAULT_DB_ALIAS)


def relations_changed(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and is_seen(type(instance)):
        outdate_pages(using or DEFAULT_DB_ALIAS)


def register_signal_handlers() -> None:
    # Every sender: ``is_seen`` decides, once per model.
    post_save.connect(saved, dispatch_uid="exemplars.caching.coherence.saved")
    post_delete.connect(deleted, dispatch_uid="exemplars.caching.coherence.deleted")
    m2m_changed.connect(relations_changed, dispatch_uid="exemplars.caching.coherence.m2m")
