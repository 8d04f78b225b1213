"""Grow a throwaway database to N live stories for ``benchmark_pages --stories N``.

Wagtail's page creation costs about 0.2 s a story (20,000 take over an hour);
the pages benchmark needs rows, not revisions, so each live story's page and
story rows and campaign links are copied in SQL with a fresh tree path, slug,
title and date, spread over the sections. Statistics are refreshed at the end:
with stale ones SQLite picked a plan scanning every page for the related
stories (45 ms instead of 4 at 20,000 stories).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from exemplars.models import ExemplarStoryPage, SectionPage

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, len(ALPHABET))
        out = ALPHABET[r] + out
    return out.rjust(Page.steplen, "0")


def _columns(model, *, skip=()):
    return [f.column for f in model._meta.local_concrete_fields if f.column not in skip]


def _insert(cursor, table, row: dict):
    names = ", ".join(connection.ops.quote_name(c) for c in row)
    cursor.execute(
        f"INSERT INTO {connection.ops.quote_name(table)} ({names}) "
        f"VALUES ({', '.join(['%s'] * len(row))})",
        list(row.values()),
    )


def grow_stories(target: int) -> int:
    """Clone live stories until ``target`` exist; return how many were made."""
    templates = list(ExemplarStoryPage.objects.live().prefetch_related("campaigns").order_by("pk"))
    sections = list(SectionPage.objects.live().order_by("path"))
    have = ExemplarStoryPage.objects.count()
    if target <= have:
        return 0
    if not templates or not sections:
        raise ValueError("no live story or section to clone: load the demo first")
    page_table = Page._meta.db_table
    story_table = ExemplarStoryPage._meta.db_table
    links_table = ExemplarStoryPage.campaigns.through._meta.db_table
    page_cols = _columns(Page, skip=("id",))
    story_cols = _columns(ExemplarStoryPage)
    quote = connection.ops.quote_name
    next_child = {s.pk: s.numchild for s in sections}
    now = timezone.now().replace(microsecond=0)
    made = 0
    with transaction.atomic(), connection.cursor() as cursor:
        for i in range(target - have):
            template = templates[i % len(templates)]
            section = sections[i % len(sections)]
            next_child[section.pk] += 1
            page = {c: _value(template, Page, c) for c in page_cols}
            slug = f"ban-sao-{have + i}"
            when = connection.ops.adapt_datetimefield_value(now - dt.timedelta(hours=7 * i))
            title = f"{template.title} (bản {have + i})"
            page.update(
                path=section.path + _step(next_child[section.pk]),
                depth=section.depth + 1,
                numchild=0,
                slug=slug,
                url_path=section.url_path + slug + "/",
                title=title,
                draft_title=title,
                translation_key=str(uuid.uuid4()),
                latest_revision_id=None,
                live_revision_id=None,
                first_published_at=when,
                last_published_at=when,
                live=True,
                has_unpublished_changes=False,
            )
            _insert(cursor, page_table, page)
            cursor.execute(
                f"SELECT {quote('id')} FROM {quote(page_table)} WHERE {quote('path')} = %s",
                [page["path"]],
            )
            pk = cursor.fetchone()[0]
            story = {c: _value(template, ExemplarStoryPage, c) for c in story_cols}
            story.update(page_ptr_id=pk, published_at=when, original_url=None)
            _insert(cursor, story_table, story)
            for campaign in template.campaigns.all():
                _insert(
                    cursor,
                    links_table,
                    {"exemplarstorypage_id": pk, "campaign_id": campaign.pk},
                )
            made += 1
        for pk, n in next_child.items():
            cursor.execute(
                f"UPDATE {quote(page_table)} SET {quote('numchild')} = %s WHERE {quote('id')} = %s",
                [n, pk],
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return made


def _attname(model, column):
    for f in model._meta.local_concrete_fields:
        if f.column == column:
            return f.name
    raise LookupError(column)


def _value(obj, model, column):
    """The database value of ``column`` on ``obj`` (JSON and stream fields prepared)."""
    f = model._meta.get_field(_attname(model, column))
    return f.get_db_prep_save(getattr(obj, f.attname), connection)
