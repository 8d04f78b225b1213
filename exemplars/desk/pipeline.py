"""The exemplar pipeline: exemplars in their stage columns, and nominating one from a story.

Stages are the seed's four steps (discovered, nurtured, summed up,
replicated); a move is always to the next stage and is recorded by
``Exemplar.advance_to`` with who made it and when.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from exemplars.models import Exemplar, ExemplarStoryPage, Honour, Stage


@dataclass
class Column:
    stage: Stage
    exemplars: list


def board(*, campaign=None, locality=None, field=None) -> list[Column]:
    """Exemplars in four columns by stage, with their stories and honours prefetched.

    ``campaign`` keeps exemplars with a story in it or an honour from it;
    ``locality`` keeps those of that locality, its predecessors and the units below.
    """
    qs = Exemplar.objects.select_related("locality", "field").prefetch_related(
        Prefetch(
            "stories",
            queryset=ExemplarStoryPage.objects.order_by("-first_published_at", "-pk").only(
                "pk", "title", "live", "exemplar_id", "first_published_at", "published_at"
            ),
        ),
        Prefetch("honours", queryset=Honour.objects.select_related("award").order_by("date")),
        "stage_changes",
    )
    if campaign is not None:
        qs = qs.filter(Q(stories__campaigns=campaign) | Q(honours__campaign=campaign)).distinct()
    if locality is not None:
        qs = qs.filter(locality__in=locality.reach_ids())
    if field is not None:
        qs = qs.filter(field=field)
    by_stage: dict[int, list] = {stage: [] for stage in Stage.values}
    for exemplar in qs.order_by("name"):
        by_stage.setdefault(exemplar.stage, []).append(exemplar)
    return [Column(Stage(stage), by_stage[stage]) for stage in Stage.values]


def next_stage(exemplar: Exemplar) -> Stage | None:
    return Stage(exemplar.stage + 1) if exemplar.stage < Stage.REPLICATED else None


def advance(exemplar: Exemplar, *, user, note: str = ""):
    """Move ``exemplar`` one stage on; refuses past the last stage."""
    stage = next_stage(exemplar)
    if stage is None:
        raise ValidationError(_("Điển hình đã ở giai đoạn cuối (nhân rộng)."))
    return exemplar.advance_to(stage, user=user, note=note[:500])


@transaction.atomic
def nominate(story: ExemplarStoryPage, *, user, name: str, kind: str, note: str = "") -> Exemplar:
    """Make the person or collective of ``story`` a candidate exemplar and link the story.

    An exemplar of the same name is reused (and not moved back a stage); a
    new one starts at "discovered" with the note in its history, as a draft
    profile submitted to the editors' approval: readers see it only once an
    editor publishes it. The link is saved as a new revision of the story,
    published at once only when the user may publish, the story had no other
    unpublished changes and the exemplar's profile is already public.
    """
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Cần nhập tên điển hình."))
    if kind not in Exemplar.Kind.values:
        raise ValidationError(_("Loại điển hình không hợp lệ."))
    exemplar = Exemplar.find(name)
    if exemplar is None:
        exemplar = _draft_candidate(story, user=user, name=name, kind=kind)
        exemplar.advance_to(Stage.DISCOVERED, user=user, note=note[:500] or _("Đề cử từ bài viết"))

    had_changes = story.has_unpublished_changes
    draft = story.get_latest_revision_as_object()
    draft.exemplar = exemplar
    revision = draft.save_revision(user=user, log_action=True)
    if (
        exemplar.live
        and story.live
        and not had_changes
        and story.permissions_for_user(user).can_publish()
    ):
        revision.publish(user=user)
    return exemplar


def _draft_candidate(story, *, user, name: str, kind: str) -> Exemplar:
    exemplar = Exemplar(
        name=name, kind=kind, locality=story.locality, field=story.field, live=False
    )
    exemplar.save()
    exemplar.save_revision(user=user, log_action=True)
    workflow = exemplar.get_workflow()
    if workflow is not None:
        workflow.start(exemplar, user)
    return exemplar
