"""The numbers of a campaign report, for the mid-term and final reviews (sơ kết, tổng kết).

A report counts the live, public stories of one campaign whose reader date
falls in a date range (the stories readers and the search index see, see
``listings.live_stories``) and the distinct exemplars those stories are
about, broken down by locality, field, kind, stage and month. A row of a
breakdown counts the stories in it and the distinct exemplars among those
stories, so one exemplar covered in two months counts in both months.

Localities are counted as filed on the story, like the search facets; the
coverage gaps instead follow the administrative history: a story filed under
a commune merged in 2025 covers the commune it became and the units above.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from exemplars.models import Campaign, Exemplar, Locality, Stage
from exemplars.reader.listings import live_stories

UNSET = _("(chưa xác định)")

DIMENSIONS = {
    "locality": _("Theo địa phương"),
    "field": _("Theo lĩnh vực"),
    "kind": _("Theo loại điển hình"),
    "stage": _("Theo giai đoạn"),
    "month": _("Theo tháng"),
}
# Commune level first: it is the default review (which communes have no story yet).
GAP_LEVELS = (Locality.Kind.COMMUNE, Locality.Kind.PROVINCE)


@dataclass
class Row:
    """One line of a breakdown: a value, its label, what was counted under it."""

    key: str
    label: str
    stories: int = 0
    exemplars: int = 0


@dataclass
class CampaignReport:
    """A campaign's report for a date range; build it with :func:`build_report`."""

    campaign: Campaign
    start: dt.date | None
    end: dt.date | None
    total_stories: int = 0
    total_exemplars: int = 0
    breakdowns: dict[str, list[Row]] = field(default_factory=dict)
    gap_level: str = Locality.Kind.COMMUNE
    gap_within: Locality | None = None
    gaps: list[Locality] = field(default_factory=list)
    covered_count: int = 0

    @property
    def period_label(self) -> str:
        fmt = "%d/%m/%Y"
        start = self.start.strftime(fmt) if self.start else "…"
        end = self.end.strftime(fmt) if self.end else "…"
        return f"{start} - {end}"

    def tables(self) -> list[tuple[str, str, list[Row]]]:
        """(name, title, rows) of every breakdown, in report order."""
        return [(name, DIMENSIONS[name], self.breakdowns[name]) for name in DIMENSIONS]

    def counts(self, name: str) -> dict[str, tuple[int, int]]:
        """A breakdown as {key: (stories, exemplars)}: what tests and exports compare."""
        return {row.key: (row.stories, row.exemplars) for row in self.breakdowns[name]}


def _local_bounds(start: dt.date | None, end: dt.date | None):
    tz = timezone.get_current_timezone()
    lo = dt.datetime.combine(start, dt.time.min, tzinfo=tz) if start else None
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz) if end else None
    return lo, hi


def campaign_stories(campaign: Campaign, start: dt.date | None, end: dt.date | None):
    """The live public stories of ``campaign`` dated within [start, end] (local dates)."""
    qs = live_stories().filter(campaigns=campaign)
    lo, hi = _local_bounds(start, end)
    if lo:
        qs = qs.filter(sort_date__gte=lo)
    if hi:
        qs = qs.filter(sort_date__lt=hi)
    return qs


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _breakdown(records, key_of, labels, order=None) -> list[Row]:
    stories: Counter = Counter()
    exemplars: dict = defaultdict(set)
    for rec in records:
        key = key_of(rec)
        stories[key] += 1
        if rec["exemplar_id"]:
            exemplars[key].add(rec["exemplar_id"])
    keys = (
        order
        if order is not None
        else sorted(stories, key=lambda k: (-stories[k], str(labels.get(k, UNSET))))
    )
    rows = []
    for key in keys:
        rows.append(
            Row(
                key="" if key is None else str(key),
                label=str(labels.get(key, UNSET)),
                stories=stories.get(key, 0),
                exemplars=len(exemplars.get(key, ())),
            )
        )
    return rows


def _covered_locality_ids(locality_ids: set[int]) -> set[int]:
    """Every locality a story filed under one of ``locality_ids`` counts for.

    ``Locality.reach()`` walks down (predecessors, units below); a story
    therefore covers everything reachable upwards: what its locality became
    and the units above, repeatedly. One query for the whole tree.
    """
    links = {
        pk: (successor, parent)
        for pk, successor, parent in Locality.objects.values_list("pk", "successor_id", "parent_id")
    }
    covered, frontier = set(), [i for i in locality_ids if i in links]
    while frontier:
        pk = frontier.pop()
        if pk in covered:
            continue
        covered.add(pk)
        frontier.extend(x for x in links[pk] if x is not None and x not in covered)
    return covered


def current_localities(level: str, within: Locality | None = None, today: dt.date | None = None):
    """Localities of ``level`` that exist today, optionally only those under ``within``."""
    today = today or timezone.localdate()
    qs = Locality.objects.filter(kind=level, successor__isnull=True).exclude(valid_until__lt=today)
    locs = list(qs.select_related("parent").order_by("name"))
    if within is not None:
        locs = [loc for loc in locs if within.pk in {a.pk for a in loc.ancestors()}]
    return locs


def build_report(
    campaign: Campaign,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    gap_level: str = Locality.Kind.COMMUNE,
    gap_within: Locality | None = None,
) -> CampaignReport:
    """Count a campaign's stories and exemplars for [start, end] and list coverage gaps."""
    records = list(
        campaign_stories(campaign, start, end).values(
            "pk",
            "sort_date",
            "locality_id",
            "locality__name",
            "field_id",
            "field__name",
            "exemplar_id",
            "exemplar__kind",
            "exemplar__stage",
        )
    )
    for rec in records:
        local = timezone.localtime(rec["sort_date"])
        rec["month"] = (local.year, local.month)

    report = CampaignReport(
        campaign=campaign, start=start, end=end, gap_level=gap_level, gap_within=gap_within
    )
    report.total_stories = len(records)
    report.total_exemplars = len({r["exemplar_id"] for r in records if r["exemplar_id"]})

    locality_labels = {r["locality_id"]: r["locality__name"] for r in records if r["locality_id"]}
    field_labels = {r["field_id"]: r["field__name"] for r in records if r["field_id"]}
    kind_labels = dict(Exemplar.Kind.choices)
    stage_labels = dict(Stage.choices)
    seen_months = [r["month"] for r in records]
    first = start or (dt.date(*min(seen_months), 1) if seen_months else None)
    last = end or (dt.date(*max(seen_months), 1) if seen_months else None)
    months = _months(first, last) if first and last else []
    month_labels = {m: f"{m[1]:02d}/{m[0]}" for m in months}

    # Stories about no exemplar get their own kind/stage row, so rows add up to the total.
    no_exemplar = [None] if any(r["exemplar_id"] is None for r in records) else []
    report.breakdowns = {
        "locality": _breakdown(records, lambda r: r["locality_id"], locality_labels),
        "field": _breakdown(records, lambda r: r["field_id"], field_labels),
        "kind": _breakdown(
            records,
            lambda r: r["exemplar__kind"],
            kind_labels,
            order=[*Exemplar.Kind.values, *no_exemplar],
        ),
        "stage": _breakdown(
            records,
            lambda r: r["exemplar__stage"],
            stage_labels,
            order=[*Stage.values, *no_exemplar],
        ),
        "month": _breakdown(records, lambda r: r["month"], month_labels, order=months),
    }
    # Month keys read "2024-03" rather than the tuple's repr.
    for row, month in zip(report.breakdowns["month"], months, strict=True):
        row.key = f"{month[0]}-{month[1]:02d}"

    covered = _covered_locality_ids({r["locality_id"] for r in records if r["locality_id"]})
    places = current_localities(gap_level, gap_within)
    report.gaps = [loc for loc in places if loc.pk not in covered]
    report.covered_count = len(places) - len(report.gaps)
    return report
