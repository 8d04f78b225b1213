"""The editors' panel on the admin home page (``construct_homepage_panels`` hook).

Three things an editor opens the admin for: stories waiting for review, where
the exemplar work stands (exemplars by stage), and running campaigns or
drives that end within 90 days (time to prepare the review: sơ kết, tổng kết).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, Count, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from exemplars.models import Campaign, CampaignDrive, Exemplar, ExemplarStoryPage, Stage

ENDING_WITHIN_DAYS = 90
REVIEW_LIMIT = 10


@dataclass
class Ending:
    name: str
    campaign: Campaign
    ends_on: dt.date
    is_drive: bool


def stories_awaiting_review(limit: int = REVIEW_LIMIT):
    """(count, the oldest ``limit`` workflow states) of stories in moderation."""
    base_ct = ContentType.objects.get_for_model(Page)
    # object_id is text (generic relation); cast it to join the story table.
    is_story = Exists(
        ExemplarStoryPage.objects.filter(pk=Cast(OuterRef("object_id"), BigIntegerField()))
    )
    states = (
        WorkflowState.objects.filter(
            is_story, status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=base_ct
        )
        .select_related("current_task_state__task", "requested_by")
        .order_by("current_task_state__started_at")
    )
    total = states.count()
    shown = list(states[:limit])
    pages = ExemplarStoryPage.objects.in_bulk([int(s.object_id) for s in shown])
    for state in shown:
        state.story = pages.get(int(state.object_id))
    return total, shown


def exemplars_by_stage() -> list[tuple[Stage, int]]:
    counts = dict(Exemplar.objects.values_list("stage").annotate(n=Count("pk")))
    return [(Stage(s), counts.get(s, 0)) for s in Stage.values]


def ending_soon(today: dt.date | None = None, days: int = ENDING_WITHIN_DAYS) -> list[Ending]:
    """Running campaigns and drives whose last day falls within ``days`` of ``today``.

    A campaign's period is in years, so it ends on 31 December of its end year.
    """
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=days)
    found = [
        Ending(c.name, c, dt.date(c.end_year, 12, 31), False)
        for c in Campaign.objects.filter(end_year__gte=today.year, end_year__lte=horizon.year)
        if c.status_on(today) == "running" and dt.date(c.end_year, 12, 31) <= horizon
    ]
    drives = CampaignDrive.objects.filter(
        start_date__lte=today, end_date__gte=today, end_date__lte=horizon
    ).select_related("campaign")
    found += [Ending(d.name, d.campaign, d.end_date, True) for d in drives]
    return sorted(found, key=lambda e: (e.ends_on, e.name))


class EditorsDeskPanel(Component):
    """Admin home panel for the newsroom's exemplar work."""

    name = "exemplars_editors_desk"
    template_name = "exemplars/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        total, states = stories_awaiting_review()
        context.update(
            awaiting_total=total,
            awaiting=states,
            stages=exemplars_by_stage(),
            ending=ending_soon(),
            days=ENDING_WITHIN_DAYS,
            request=parent_context.get("request"),
        )
        return context
