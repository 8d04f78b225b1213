"""The story lists reader pages show, built so their query count stays flat.

Every list of cards goes through :func:`story_cards`, which joins what a card
prints (hero image, locality, exemplar) and prefetches the card renditions in
one query, so a page of 12 cards and a page of 50 cost the same number of
queries. Editor pins come first (active pins of live stories, in the editors'
order, each story once), then the newest stories not already pinned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache, cached_property, reduce
from operator import or_
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import connection, connections
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.fields import StreamField

from exemplars.images import BODY_SPECS, CARD_SPECS, HERO_SPECS, PORTRAIT_SPECS, prefetch_renditions
from exemplars.models import (
    Campaign,
    Exemplar,
    ExemplarStoryPage,
    Field,
    Honour,
    Locality,
    StoryByline,
)
from exemplars.models.pages import active_pins
from exemplars.models.serving import Restricted
from exemplars.reader import related

PER_PAGE = 12
HOME_LATEST = 13


def public(pages):
    """``pages.public()`` inside the same query.

    Wagtail's ``public()`` first loads every view restriction in a query of its
    own, on every list of every page; here the restriction test is part of the query.
    """
    return pages.exclude(Restricted("path"))


# Newest first by ``published_at``, which saving a live story always fills (see
# ExemplarStoryPage.save): its index gives the newest stories without sorting
# them all (ordering by sort_date sorted every story: 53 → 4 ms at 20,000).
NEWEST = (F("published_at").desc(nulls_last=True), "-pk")


def newest_key(story) -> tuple:
    """NEWEST as a Python sort key, for rows already fetched."""
    when = story.published_at
    return (when is None, -(when.timestamp() if when else 0), -story.pk)


def live_stories():
    """Live, public stories, newest first by the date readers see."""
    return (
        public(ExemplarStoryPage.objects.live())
        .annotate(sort_date=Coalesce("published_at", "first_published_at"))
        .order_by(*NEWEST)
    )


def story_cards(qs, *, renditions=True, via=""):
    """``qs`` with everything a story card prints fetched in a fixed number of queries.

    ``renditions=False`` leaves the card renditions to the caller, which fetches
    them with the page's other images in one query (:func:`prefetch_images`).
    ``via`` names the relation to the story when ``qs`` holds other rows (pins).
    """
    prefix = f"{via}__" if via else ""
    qs = qs.select_related(*(prefix + name for name in ("hero_image", "locality", "exemplar")))
    qs = qs.defer(*(prefix + name for name in STORY_STREAMFIELDS))
    if renditions:
        qs = qs.prefetch_related(prefetch_renditions(prefix + "hero_image", CARD_SPECS))
    return qs


# What ``defer_streamfields()`` leaves out of a story, spelt out so that a
# query through a relation (``via``) can leave it out too.
STORY_STREAMFIELDS = [
    field.name
    for field in ExemplarStoryPage._meta.concrete_fields
    if isinstance(field, StreamField)
]


def with_portraits(qs, *, renditions=True):
    """Exemplars with their portrait (and its renditions, unless ``renditions=False``)."""
    qs = qs.select_related("portrait", "locality", "field")
    return (
        qs.prefetch_related(prefetch_renditions("portrait", PORTRAIT_SPECS)) if renditions else qs
    )


class PinnedFirst:
    """A sliceable list: pinned stories, then a queryset of the rest.

    Django's Paginator takes it like a queryset (``count()`` and slicing), so
    a paginated list keeps pins on its first page without loading the rest.
    """

    def __init__(self, pinned: list, rest, *, renditions=True):
        self.pinned = pinned
        self.rest = rest  # newest first, without the cards' joins
        self.renditions = renditions

    @cached_property
    def _rest_count(self) -> int:
        return self.rest.count()

    def count(self) -> int:
        return len(self.pinned) + self._rest_count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start = key.start or 0
        stop = key.stop if key.stop is not None else self.count()
        head = self.pinned[start:stop]
        n = len(self.pinned)
        rest_start, rest_stop = max(0, start - n), max(0, stop - n)
        if rest_stop <= rest_start:
            return head
        # The page's stories are chosen by id first, their cards fetched after:
        # sorting a campaign's 4,000 stories with every column a card prints
        # cost twice the sort of their ids (3.6 → 2.4 ms at 20,000 stories).
        ids = self.rest.values("pk")[rest_start:rest_stop]
        tail = story_cards(
            ExemplarStoryPage.objects.filter(pk__in=ids).order_by(*NEWEST),
            renditions=self.renditions,
        )
        return head + list(tail)


def active_pin_story_ids(pins, now=None) -> list[int]:
    """Story ids of the active pins in editors' order, each once."""
    return list(dict.fromkeys(active_pins(pins, now).values_list("story_id", flat=True)))


def pinned_then_newest(pins, stories, now=None, *, renditions=True) -> PinnedFirst:
    """Active pins of stories in ``stories`` (live ones only), then the rest, newest first.

    The pinned stories come in one query driven by the few active pins, each
    pin with its story's card (editors' order; a story pinned twice keeps its
    first place). Selecting the stories with each one's first pin in two
    subqueries instead cost three times as much Python to compose and compile.
    ``pins=None``: the caller knows that no pin is active, and no query is made.
    """
    if pins is None:  # the caller knows no pin is active
        found = []
    elif isinstance(pins, QuerySet):
        found = [
            pin.story
            for pin in story_cards(
                active_pins(pins, now).filter(Exists(stories.filter(pk=OuterRef("story_id")))),
                renditions=renditions,
                via="story",
            )
        ]
    else:
        # A preview: the editor's unsaved pins, in memory.
        ids = active_pin_story_ids(pins, now)
        cards = {s.pk: s for s in story_cards(stories.filter(pk__in=ids), renditions=renditions)}
        found = [cards[pk] for pk in ids if pk in cards]
    pinned, seen = [], set()
    for story in found:
        if story.pk not in seen:
            seen.add(story.pk)
            story.is_pinned = True
            pinned.append(story)
    rest = stories.exclude(pk__in=[s.pk for s in pinned])
    return PinnedFirst(pinned, rest, renditions=renditions)


def paginate(items, request, per_page=PER_PAGE):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


@cache
def _fixed_offset(zone) -> int | None:
    """Seconds east of UTC if ``zone`` kept one offset from 1980 to 2040, else None."""
    offsets = {
        dt.datetime(year, month, 1, tzinfo=dt.UTC).astimezone(zone).utcoffset()
        for year in range(1980, 2041)
        for month in (1, 7)
    }
    return int(offsets.pop().total_seconds()) if len(offsets) == 1 else None


class _ShiftedYear(Func):
    """The local year of a datetime SQLite keeps as UTC text, in a zone of one fixed offset.

    Read from the text: the UTC year, one more from the moment the zone's new
    year begins (one less until it does, west of Greenwich). ``strftime`` parsed
    and formatted every row (0.6 ms of a campaign of 4,000 stories' facets).
    """

    output_field = IntegerField()

    def __init__(self, expression, offset: int):
        super().__init__(expression)
        self.offset = offset
        # The zone's midnight of 1 January, in UTC, as the text after "YYYY-".
        new_year = dt.datetime(2001, 1, 1) - dt.timedelta(seconds=offset)
        self.boundary = new_year.strftime("%m-%d %H:%M:%S")

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        year = f"CAST(SUBSTR({sql}, 1, 4) AS INTEGER)"
        if self.offset > 0:
            return f"({year} + (SUBSTR({sql}, 6) >= %s))", (*params, *params, self.boundary)
        if self.offset < 0:
            return f"({year} - (SUBSTR({sql}, 6) < %s))", (*params, *params, self.boundary)
        return year, tuple(params)


def local_year(expression):
    """``ExtractYear`` in the current time zone.

    On SQLite Django extracts through a Python function called for every row
    (15 ms for a campaign of 4,000 stories); a zone with one fixed offset (Asia/Ho_Chi_Minh)
    is read from the stored text instead.
    """
    offset = _fixed_offset(timezone.get_current_timezone())
    if connection.vendor != "sqlite" or offset is None:
        return ExtractYear(expression)
    return _ShiftedYear(expression, offset)


# -- home ------------------------------------------------------------------


def running_campaigns(today=None):
    """Campaigns running today that have a live landing page."""
    year = (today or timezone.localdate()).year
    return (
        Campaign.objects.filter(page__live=True)
        .filter(Q(start_year__isnull=True) | Q(start_year__lte=year))
        .filter(Q(end_year__isnull=True) | Q(end_year__gte=year))
        .select_related("page")
        .order_by("-start_year", "name")
    )


def featured_exemplars(limit=6, *, renditions=True):
    """Exemplars with live stories: furthest in the stage work first, then most recent."""
    # NEWEST, not the newest sort_date: the same story (a live story always has
    # published_at), found as the first entry of the exemplar's index instead
    # of by sorting all its stories (migration 0008).
    latest = live_stories().filter(exemplar=OuterRef("pk")).values("sort_date")[:1]
    return with_portraits(
        Exemplar.objects.live()
        .filter(Exists(live_stories().filter(exemplar=OuterRef("pk"))))
        .annotate(latest=latest)
        .order_by("-stage", "-latest", "name"),
        renditions=renditions,
    )[:limit]


def home_stories(home, now=None, *, renditions=True) -> list:
    stories = pinned_then_newest(home.pins.all(), live_stories(), now, renditions=renditions)
    return stories[:HOME_LATEST]


# -- sections, exemplars, localities, fields --------------------------------


def section_stories(section):
    return story_cards(live_stories().descendant_of(section))


def author_stories(author):
    return story_cards(live_stories().filter(bylines__author=author))


def exemplar_stories(exemplar, *, renditions=True):
    return story_cards(live_stories().filter(exemplar=exemplar), renditions=renditions)


def honours_in_order():
    """Honours oldest first (undated last), with their award and campaign."""
    return Honour.objects.select_related("award", "campaign").order_by(
        F("date").asc(nulls_last=True), "sort_order"
    )


def honours_timeline(exemplar):
    return honours_in_order().filter(exemplar=exemplar)


def locality_stories(locality):
    """Stories of this locality, its predecessors (merged or renamed) and the units under it."""
    return story_cards(live_stories().filter(locality__in=locality.reach_ids()))


def field_stories(field_):
    return story_cards(live_stories().filter(field=field_))


# -- story page ------------------------------------------------------------


def prefetch_images(images, specs):
    """The ``specs`` renditions of every image in ``images``, in one query."""
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(images, prefetch_renditions("", sorted(set(specs))))


def prefetch_story(story):
    """Fetch what a story page prints beyond its own row, in a fixed number of queries.

    The page's own row comes with its hero image, locality, field and exemplar
    (``ExemplarStoryPage.reader_select_related``); the images are left to
    :func:`prefetch_story_images`, once the related stories are known.
    """
    prefetch_related_objects(
        [story],
        Prefetch("bylines", queryset=StoryByline.objects.select_related("author")),
        Prefetch("campaigns", queryset=Campaign.objects.select_related("page").order_by("name")),
    )
    if story.exemplar_id and not story.exemplar.live:
        # A draft profile is not for readers yet: no exemplar box (nor JSON-LD
        # "about") until an editor publishes it.
        story.exemplar = None
    if story.exemplar_id:
        if not ExemplarStoryPage.exemplar.is_cached(story):
            story.exemplar = (
                Exemplar.objects.select_related("portrait", "locality", "field")
                .filter(pk=story.exemplar_id)
                .first()
            )
        if story.exemplar is not None:
            prefetch_related_objects(
                [story.exemplar], Prefetch("honours", queryset=honours_in_order())
            )
    return story


def prefetch_story_images(story, related=()):
    """Hero, body, portrait and related-card renditions of a story page, in one query."""
    images = [story.hero_image, *body_images(story.body)]
    if story.exemplar_id and story.exemplar is not None:
        images.append(story.exemplar.portrait)
    images += [card.hero_image for card in related]
    prefetch_images(images, HERO_SPECS + BODY_SPECS + PORTRAIT_SPECS + CARD_SPECS)


def body_images(body) -> list:
    """The images of a story body (image blocks and galleries), in order."""
    found = []
    for block in body:
        if block.block_type == "image":
            found.append(block.value["image"])
        elif block.block_type == "gallery":
            found.extend(item["image"] for item in block.value["images"])
    return [image for image in found if image is not None]


def related_stories(story, limit=4, *, renditions=True):
    """The ``limit`` stories most related to ``story`` (``related.SIGNALS``), never itself."""
    tests = related.tests(story, campaign_ids=[c.pk for c in story.campaigns.all()])
    near_signals = reduce(or_, (tests[s.name] for s in related.SIGNALS if s.narrow))
    broad_signals = reduce(or_, (tests[s.name] for s in related.SIGNALS if not s.narrow))
    others = live_stories().exclude(pk=story.pk)
    # The answer is always among the best ``limit`` of the stories sharing the
    # exemplar or the locality (few, scored in full) and the newest ``limit`` of
    # the rest sharing a campaign (all scoring the same, found by the date
    # index): scoring every story of a big campaign cost 33 ms at 20,000 stories.
    near = (
        others.filter(near_signals)
        .annotate(score=related.score_expression(tests))
        .order_by("-score", *NEWEST)
        .values("pk")[:limit]
    )
    broad_only = (
        others.filter(broad_signals).exclude(near_signals).order_by(*NEWEST).values("pk")[:limit]
    )
    if connections[near.db].features.supports_slicing_ordering_in_compound:
        # PostgreSQL: one list of both. Given an OR of the two, it tested every
        # story against both (23 ms at 20,000 stories, the story page's slowest).
        chosen = Q(pk__in=near.union(broad_only, all=True))
    else:
        # SQLite takes no LIMIT inside a UNION, and looks each list up by id anyway.
        chosen = Q(pk__in=near) | Q(pk__in=broad_only)
    candidates = story_cards(
        ExemplarStoryPage.objects.filter(chosen).annotate(
            **{s.name: tests[s.name] for s in related.SIGNALS if s.annotated}
        ),
        renditions=renditions,
    )
    # At most 2 × ``limit`` rows: ranked here rather than by the score again in SQL.
    return sorted(candidates, key=lambda card: _related_rank(story, card))[:limit]


def _related_rank(story, card):
    """The sort key of a related-story candidate: best score, then NEWEST."""
    return (-related.score(related.held(story, card)), *newest_key(card))


# -- campaign page ---------------------------------------------------------


@dataclass
class Facet:
    """One filter of a campaign page: its options with story counts."""

    name: str
    label: str
    options: list[dict] = field(default_factory=list)
    selected: str = ""
    clear_query: str = "?"


@dataclass
class CampaignListing:
    """The stories of a campaign page for one request: filters, counts, pins, page."""

    campaign_page: object
    params: dict
    now: object = None
    errors: list[str] = field(default_factory=list)

    FILTERS = ("locality", "field", "year", "kind")

    def __post_init__(self):
        self.campaign = self.campaign_page.campaign
        self.base = live_stories().filter(campaigns=self.campaign)
        # Each filter twice: as SQL for the stories, and as a test on one row of
        # the facet counts, so that all facets come from one grouped query.
        self.tests: dict[str, object] = {}
        self.conditions = self._conditions()

    def _conditions(self) -> dict[str, Q]:
        out: dict[str, Q] = {}
        slug = (self.params.get("locality") or "").strip()
        if slug:
            loc = Locality.objects.filter(slug=slug).first()
            if loc is None:
                self.errors.append(_("Không tìm thấy địa phương “%(v)s”.") % {"v": slug[:60]})
            else:
                self.locality = loc
                reach = set(loc.reach_ids())
                out["locality"] = Q(locality__in=reach)
                self.tests["locality"] = lambda row: row["locality_id"] in reach
        slug = (self.params.get("field") or "").strip()
        if slug:
            fld = Field.objects.filter(slug=slug).first()
            if fld is None:
                self.errors.append(_("Không tìm thấy lĩnh vực “%(v)s”.") % {"v": slug[:60]})
            else:
                out["field"] = Q(field=fld)
                self.tests["field"] = lambda row: row["field_id"] == fld.pk
        year = (self.params.get("year") or "").strip()
        if year:
            if year.isdigit() and 1900 <= int(year) <= 2100:
                out["year"] = Q(sort_date__year=int(year))
                self.tests["year"] = lambda row: row["year"] == int(year)
            else:
                self.errors.append(_("Năm “%(v)s” không hợp lệ.") % {"v": year[:10]})
        kind = (self.params.get("kind") or "").strip()
        if kind:
            if kind in Exemplar.Kind.values:
                out["kind"] = Q(exemplar__kind=kind)
                self.tests["kind"] = lambda row: row["exemplar__kind"] == kind
            else:
                self.errors.append(_("Loại “%(v)s” không hợp lệ.") % {"v": kind[:20]})
        return out

    FACET_KEYS = (
        "locality_id",
        "locality__slug",
        "locality__name",
        "field_id",
        "field__slug",
        "field__name",
        "year",
        "exemplar__kind",
        "n",
    )

    @cached_property
    def _facet_rows(self) -> list[dict]:
        """Story counts of the whole campaign per (locality, field, year, kind): one query.

        The stories are grouped by the locality's and the field's ids, and
        their names joined to the few groups afterwards: joined to every story
        before grouping (all the ORM can say), they were a third of the
        query's time (7.0 → 4.9 ms for a campaign of 4,000 stories).
        """
        counts = (
            self.base.annotate(year=local_year("sort_date"))
            .values("locality_id", "field_id", "year", "exemplar__kind")
            .annotate(n=Count("pk"))
            .order_by()
        )
        grouped, params = counts.query.sql_with_params()
        db = connections[counts.db]
        q = db.ops.quote_name
        locality_id, field_id = q("locality_id"), q("field_id")
        sql = (
            f"SELECT c.{locality_id}, l.{q('slug')}, l.{q('name')},"
            f" c.{field_id}, f.{q('slug')}, f.{q('name')},"
            f" c.{q('year')}, c.{q('exemplar__kind')}, c.{q('n')}"
            f" FROM ({grouped}) c"
            f" LEFT JOIN {q(Locality._meta.db_table)} l ON l.{q('id')} = c.{locality_id}"
            f" LEFT JOIN {q(Field._meta.db_table)} f ON f.{q('id')} = c.{field_id}"
        )
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            return [dict(zip(self.FACET_KEYS, row, strict=True)) for row in cursor.fetchall()]

    def _rows(self, *, skip: str = "") -> list[dict]:
        tests = [test for name, test in self.tests.items() if name != skip]
        return [row for row in self._facet_rows if all(test(row) for test in tests)]

    @cached_property
    def total(self) -> int:
        """How many stories the current filters keep."""
        return sum(row["n"] for row in self._rows())

    @staticmethod
    def _count(rows, key, label) -> list[tuple[object, str, int]]:
        counts: dict = {}
        for row in rows:
            if row[key] is not None:
                value = (row[key], row[label])
                counts[value] = counts.get(value, 0) + row["n"]
        return [(value, text, n) for (value, text), n in counts.items()]

    def _filtered(self, *, skip: str = ""):
        qs = self.base
        for name, cond in self.conditions.items():
            if name != skip:
                qs = qs.filter(cond)
        return qs

    @property
    def is_filtered(self) -> bool:
        return bool(self.conditions)

    def selected(self, name: str) -> str:
        return (self.params.get(name) or "").strip() if name in self.conditions else ""

    @cached_property
    def facets(self) -> list[Facet]:
        """Each facet counts the stories every other filter keeps (its own is ignored)."""

        def by_count(item):
            return (-item[2], item[1])

        def options(items):
            return [{"value": str(v), "label": str(label), "count": n} for v, label, n in items]

        locs = self._count(self._rows(skip="locality"), "locality__slug", "locality__name")
        fields = self._count(self._rows(skip="field"), "field__slug", "field__name")
        years = self._count(self._rows(skip="year"), "year", "year")
        kinds = self._count(self._rows(skip="kind"), "exemplar__kind", "exemplar__kind")
        kind_labels = dict(Exemplar.Kind.choices)
        facets = [
            Facet(
                "locality",
                _("Địa phương"),
                options(sorted(locs, key=by_count)),
                self.selected("locality"),
            ),
            Facet(
                "field",
                _("Lĩnh vực"),
                options(sorted(fields, key=by_count)),
                self.selected("field"),
            ),
            Facet(
                "year",
                _("Năm"),
                options(sorted((y for y in years if y[0]), key=lambda y: -y[0])),
                self.selected("year"),
            ),
            Facet(
                "kind",
                _("Loại điển hình"),
                options((k, kind_labels.get(k, k), n) for k, _label, n in sorted(kinds)),
                self.selected("kind"),
            ),
        ]
        for facet in facets:
            facet.clear_query = self.query_with(facet.name, "")
            for option in facet.options:
                option["selected"] = option["value"] == facet.selected
                option["query"] = self.query_with(facet.name, option["value"])
        return facets

    @cached_property
    def stories(self) -> PinnedFirst:
        """Renditions are left to the page, which fetches them with the portraits."""
        # Routing read whether the page has an active pin (CampaignPage.reader_annotations).
        active = getattr(self.campaign_page, "has_active_pins", True)
        pins = self.campaign_page.pins.all() if active else None
        stories = pinned_then_newest(pins, self._filtered(), self.now, renditions=False)
        # The facet counts already hold the total: the paginator needs no COUNT query.
        stories.__dict__["_rest_count"] = self.total - len(stories.pinned)
        return stories

    def page(self, request):
        return paginate(self.stories, request)

    @cached_property
    def honoured_exemplars(self) -> list:
        """Live exemplars honoured in this campaign, by name, each with those honours.

        One query read from the honours' side (each with its award and
        exemplar), not the exemplars and then their honours in a second.
        """
        honours = (
            Honour.objects.filter(campaign=self.campaign, exemplar__live=True)
            .select_related("award", "exemplar__portrait", "exemplar__locality", "exemplar__field")
            .order_by("exemplar__name", "exemplar_id", "sort_order", "pk")
        )
        exemplars: dict = {}
        for honour in honours:
            exemplar = exemplars.setdefault(honour.exemplar_id, honour.exemplar)
            exemplar.__dict__.setdefault("campaign_honours", []).append(honour)
        return list(exemplars.values())

    def query_with(self, name: str, value: str) -> str:
        """``?…`` for the current valid filters with ``name`` set to ``value`` (or removed).

        The page number is dropped: a new filter starts from page one.
        """
        keep = {k: self.selected(k) for k in self.FILTERS if k != name and self.selected(k)}
        if value:
            keep[name] = value
        return "?" + urlencode(keep) if keep else "?"
