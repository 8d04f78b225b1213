"""What a booklet prints: the campaign's chosen exemplars, their honours and story.

A booklet shows what anonymous readers may read: a story under a view
restriction (login or password, on it or any page above it) is left out, and
the chapter falls back to the next public story or the exemplar's bio, unless
the editor opts in (``include_restricted``), which the colophon then says."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.html import strip_tags

from exemplars.models import Campaign, Exemplar, ExemplarStoryPage, Honour
from exemplars.models.serving import Restricted


@dataclass
class Chapter:
    exemplar: Exemplar
    honours: list[Honour]
    story: ExemplarStoryPage | None
    # (kind, html) pairs: "paragraph" holds rich text, "quote" plain text.
    blocks: list[tuple[str, str]] = field(default_factory=list)


def candidates(campaign: Campaign):
    """Published exemplars an editor may choose: honoured in the campaign or the
    subject of one of its stories."""
    story_exemplars = ExemplarStoryPage.objects.live().filter(campaigns=campaign)
    return (
        Exemplar.objects.filter(live=True)
        .filter(Q(honours__campaign=campaign) | Q(pk__in=story_exemplars.values("exemplar_id")))
        .distinct()
        .select_related("locality", "field")
        .order_by("name")
    )


def chosen_exemplars(campaign: Campaign) -> list[Exemplar]:
    """The editor's saved choice in order, else every candidate by name."""
    booklet = getattr(campaign, "booklet", None) if campaign.pk else None
    if booklet is not None:
        ids = list(booklet.entries.order_by("sort_order").values_list("exemplar_id", flat=True))
        if ids:
            by_id = {e.pk: e for e in Exemplar.objects.filter(pk__in=ids, live=True)}
            return [by_id[pk] for pk in ids if pk in by_id]
    return list(candidates(campaign))


def _story_blocks(story) -> list[tuple[str, str]]:
    blocks = []
    for block in story.body:
        if block.block_type == "paragraph":
            blocks.append(("paragraph", str(block.value)))
        elif block.block_type == "quote":
            blocks.append(("quote", strip_tags(block.value["quote"])))
    return blocks


def chapters(
    campaign: Campaign, exemplars: list[Exemplar], *, include_restricted: bool = False
) -> list[Chapter]:
    """One chapter per exemplar: honours (with decision numbers) and the newest
    published story about them, in this campaign when there is one; public
    stories only unless ``include_restricted``."""
    ids = [e.pk for e in exemplars]
    loaded = {
        e.pk: e
        for e in Exemplar.objects.filter(pk__in=ids)
        .select_related("locality", "field", "portrait")
        .prefetch_related(
            Prefetch(
                "honours",
                queryset=Honour.objects.select_related("award", "campaign").order_by(
                    "date", "sort_order"
                ),
            )
        )
    }
    published = ExemplarStoryPage.objects.live().filter(exemplar_id__in=ids)
    if not include_restricted:
        published = published.exclude(Restricted("path"))
    stories: dict[int, ExemplarStoryPage] = {}
    for story in published.order_by("-published_at", "-pk").prefetch_related("campaigns"):
        in_campaign = any(c.pk == campaign.pk for c in story.campaigns.all())
        current = stories.get(story.exemplar_id)
        if current is None or (in_campaign and not getattr(current, "_in_campaign", False)):
            story._in_campaign = in_campaign
            stories[story.exemplar_id] = story
    result = []
    for exemplar in exemplars:
        exemplar = loaded.get(exemplar.pk, exemplar)
        story = stories.get(exemplar.pk)
        result.append(
            Chapter(
                exemplar=exemplar,
                honours=list(exemplar.honours.all()),
                story=story,
                blocks=_story_blocks(story) if story else [],
            )
        )
    return result
