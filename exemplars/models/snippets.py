"""Records the stories hang on: campaigns, exemplars, localities, fields, authors.

All are snippets (registered in ``wagtail_hooks.py``), so editors manage them in
the admin and choose them from stories.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from exemplars.text import name_key, nfc, slugify_vi


class Level(models.TextChoices):
    NATIONAL = "national", _("Toàn quốc")
    PROVINCIAL = "provincial", _("Cấp tỉnh")
    SECTOR = "sector", _("Ngành")
    LOCAL = "local", _("Cơ sở")


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp diễn ra")
    RUNNING = "running", _("Đang diễn ra")
    ENDED = "ended", _("Đã kết thúc")


class NamedRecord(models.Model):
    """A record found by its name: NFC-stored, with a case/NFD-insensitive key and a slug."""

    name = models.CharField(_("tên"), max_length=255)
    name_key = models.CharField(max_length=255, db_index=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True, allow_unicode=False)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name).strip()
        self.name_key = name_key(self.name)
        if not self.slug:
            self.slug = self._unique_slug(slugify_vi(self.name))
        super().save(*args, **kwargs)

    @classmethod
    def _unique_slug(cls, base: str) -> str:
        slug, n = base, 2
        while cls._default_manager.filter(slug=slug).exists():
            slug = f"{base}-{n}"
            n += 1
        return slug

    @classmethod
    def find(cls, name: str):
        """The record with this name however it was typed, or None."""
        return cls._default_manager.filter(name_key=name_key(name)).first()


class Field(index.Indexed, NamedRecord):
    """A field of work (lĩnh vực): nông nghiệp, giáo dục, y tế…"""

    description = models.TextField(_("mô tả"), blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(NamedRecord.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")


class Locality(index.Indexed, NamedRecord):
    """A province, district/town or commune/ward, with its history.

    The 2025 reorganisation merged provinces and abolished districts: an old
    locality keeps its record and points at its ``successor``, so stories filed
    under the old name stay reachable from the new one and the reverse.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố trực thuộc trung ương")
        DISTRICT = "district", _("Huyện, thị xã, thành phố thuộc tỉnh")
        COMMUNE = "commune", _("Xã, phường, thị trấn, đặc khu")

    class Change(models.TextChoices):
        RENAMED = "renamed", _("Đổi tên")
        MERGED = "merged", _("Sáp nhập")
        ABOLISHED = "abolished", _("Giải thể cấp hành chính")

    kind = models.CharField(_("cấp"), max_length=20, choices=Kind.choices, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text=_("Đơn vị mới sau khi đổi tên hoặc sáp nhập."),
    )
    change = models.CharField(
        _("hình thức thay đổi"), max_length=20, choices=Change.choices, blank=True
    )
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        MultiFieldPanel(
            [
                FieldPanel("successor"),
                FieldRowPanel([FieldPanel("change"), FieldPanel("valid_until")]),
            ],
            heading=_("Lịch sử hành chính"),
        ),
    ]

    class Meta(NamedRecord.Meta):
        verbose_name = _("địa phương")
        verbose_name_plural = _("địa phương")

    def clean(self):
        seen, node = {self.pk}, self.successor
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"successor": _("Lịch sử kế thừa không được tạo vòng lặp.")})
            seen.add(node.pk)
            node = node.successor
        seen, node = {self.pk}, self.parent
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": _("Cấp trực thuộc không được tạo vòng lặp.")})
            seen.add(node.pk)
            node = node.parent

    @property
    def is_current(self) -> bool:
        return self.successor_id is None

    def current(self) -> Locality:
        """The locality this one is today (itself if never merged or renamed)."""
        node, seen = self, set()
        while node.successor_id and node.pk not in seen:
            seen.add(node.pk)
            node = node.successor
        return node

    # The administrative map is small (a province has a few hundred units), so
    # history questions load its links once and walk them in Python instead of
    # querying level by level.

    def ancestors(self) -> list[Locality]:
        return _in_order(LocalityLinks.load().chain(self.pk, "parent"))

    def successors(self) -> list[Locality]:
        return _in_order(LocalityLinks.load().chain(self.pk, "successor"))

    def all_predecessors(self) -> list[Locality]:
        return _in_order(LocalityLinks.load().closure([self.pk], "predecessors")[1:])

    def lineage(self) -> list[Locality]:
        """Every locality whose filter should find a story filed under this one.

        Itself, what it became, what became it, and the units above it with
        what they became. Predecessors of the units above are left out: a
        story in Long Xuyên is not a story of Kiên Giang just because both
        provinces merged.
        """
        return _in_order(LocalityLinks.load().lineage(self.pk))

    def reach_ids(self) -> list[int]:
        """Ids of the localities whose stories a page about this one lists: itself,
        what became it, and the units below them, with what became those."""
        return LocalityLinks.load().closure([self.pk], "children", "predecessors")

    def reach(self) -> list[Locality]:
        return _in_order(self.reach_ids())


class LocalityLinks:
    """The parent and successor links of every locality, loaded in one query."""

    def __init__(self, rows):
        self.parent, self.successor = {}, {}
        self.children, self.predecessors = {}, {}
        for pk, parent_id, successor_id in rows:
            self.parent[pk], self.successor[pk] = parent_id, successor_id
            if parent_id:
                self.children.setdefault(parent_id, []).append(pk)
            if successor_id:
                self.predecessors.setdefault(successor_id, []).append(pk)

    @classmethod
    def load(cls) -> LocalityLinks:
        return cls(Locality.objects.values_list("pk", "parent_id", "successor_id"))

    def chain(self, pk: int, link: str) -> list[int]:
        """Follow a single link (parent or successor) upwards, stopping at a cycle."""
        out, seen, node = [], {pk}, getattr(self, link).get(pk)
        while node and node not in seen:
            out.append(node)
            seen.add(node)
            node = getattr(self, link).get(node)
        return out

    def closure(self, start: list[int], *links: str) -> list[int]:
        """``start`` and everything reachable from it through the many-valued links."""
        out, seen, frontier = list(start), set(start), list(start)
        while frontier:
            nxt = []
            for pk in frontier:
                for link in links:
                    for other in getattr(self, link).get(pk, ()):
                        if other not in seen:
                            seen.add(other)
                            nxt.append(other)
            out.extend(nxt)
            frontier = nxt
        return out

    def lineage(self, pk: int) -> list[int]:
        found = dict.fromkeys(self.closure([pk], "predecessors"))
        for unit in [pk, *self.chain(pk, "parent")]:
            found.setdefault(unit)
            for later in self.chain(unit, "successor"):
                found.setdefault(later)
                found.update(dict.fromkeys(self.chain(later, "parent")))
        return list(found)


def _in_order(ids: list[int]) -> list[Locality]:
    by_pk = Locality.objects.in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


class Author(index.Indexed, NamedRecord):
    """A byline: the pen name readers see ("M.L"), with a short bio."""

    full_name = models.CharField(_("họ tên"), max_length=255, blank=True)
    bio = models.TextField(_("giới thiệu"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profiles",
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("full_name"),
        index.AutocompleteField("name"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("full_name"),
        FieldPanel("slug"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]

    class Meta(NamedRecord.Meta):
        verbose_name = _("tác giả")
        verbose_name_plural = _("tác giả")


class Award(index.Indexed, NamedRecord):
    """A form of honour: Cờ thi đua của Chính phủ, Bằng khen của Thủ tướng Chính phủ…"""

    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices, blank=True)
    issuing_body = models.CharField(_("cơ quan trao tặng"), max_length=255, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("level"),
        FieldPanel("issuing_body"),
    ]

    class Meta(NamedRecord.Meta):
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")


def _status_for(start: dt.date | None, end: dt.date | None, today: dt.date) -> str:
    if start and today < start:
        return Status.UPCOMING
    if end and today > end:
        return Status.ENDED
    return Status.RUNNING


class Campaign(index.Indexed, ClusterableModel, NamedRecord):
    """An emulation campaign (phong trào thi đua) with its period.

    The status is derived from the period and today's date, never stored.
    A provincial campaign that carries out a national one names it as parent.
    """

    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    start_year = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(
        _("đến năm"), null=True, blank=True, help_text=_("Để trống nếu phong trào thường xuyên.")
    )
    level = models.CharField(_("cấp phát động"), max_length=20, choices=Level.choices, blank=True)
    authority = models.CharField(_("cơ quan phát động"), max_length=255, blank=True)
    decision_number = models.CharField(_("số quyết định, kế hoạch"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    description = RichTextField(_("mô tả"), blank=True, features=["bold", "italic", "link", "ul"])
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện phong trào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("Phong trào cấp trên mà phong trào này cụ thể hóa."),
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
    ]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldRowPanel([FieldPanel("level"), FieldPanel("authority")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("parent"),
        FieldPanel("description"),
        InlinePanel("drives", label=_("Đợt thi đua ngắn hạn")),
    ]

    class Meta(NamedRecord.Meta):
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải sau năm bắt đầu.")})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Phong trào không thể thực hiện chính nó.")})

    @property
    def period(self) -> str:
        if self.start_year and self.end_year:
            return f"{self.start_year} - {self.end_year}"
        if self.start_year:
            return _("từ %(year)s") % {"year": self.start_year}
        return ""

    def status_on(self, today: dt.date) -> str:
        start = dt.date(self.start_year, 1, 1) if self.start_year else None
        end = dt.date(self.end_year, 12, 31) if self.end_year else None
        return _status_for(start, end, today)

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return Status(self.status).label


class CampaignDrive(Orderable):
    """A short-term drive (đợt thi đua ngắn hạn) inside a campaign, for an occasion."""

    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="drives")
    name = models.CharField(_("tên đợt thi đua"), max_length=255)
    occasion = models.CharField(_("chào mừng sự kiện"), max_length=255, blank=True)
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("occasion"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("đợt thi đua ngắn hạn")
        verbose_name_plural = _("đợt thi đua ngắn hạn")

    def __str__(self):
        return self.name

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    @property
    def status(self) -> str:
        return _status_for(self.start_date, self.end_date, timezone.localdate())


class Stage(models.IntegerChoices):
    """The four steps of exemplar work the seed names, in order."""

    DISCOVERED = 1, _("Phát hiện")
    NURTURED = 2, _("Bồi dưỡng")
    SUMMED_UP = 3, _("Tổng kết")
    REPLICATED = 4, _("Nhân rộng")


class ExemplarQuerySet(models.QuerySet):
    def live(self):
        """Exemplars an editor has published: the only ones readers may see."""
        return self.filter(live=True)


class Exemplar(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
    NamedRecord,
):
    """A person or a collective honoured as điển hình tiên tiến.

    ``stage`` is where the newsroom's exemplar work stands; every move is kept
    in ``stage_changes`` with who made it and when (see :meth:`advance_to`).

    A profile is published content: a journalist's record or nomination is a
    draft until an editor publishes it (directly or by approving it in the
    moderation workflow); readers see only ``live`` exemplars.
    """

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh chân dung, biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locality = models.ForeignKey(
        Locality,
        verbose_name=_("địa phương"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exemplars",
    )
    field = models.ForeignKey(
        Field,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exemplars",
    )
    bio = models.TextField(_("tiểu sử, giới thiệu"), blank=True)
    stage = models.PositiveSmallIntegerField(
        _("giai đoạn"), choices=Stage.choices, default=Stage.DISCOVERED, db_index=True
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("kind"),
        index.FilterField("stage"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("locality"), FieldPanel("field")]),
        FieldPanel("portrait"),
        FieldPanel("bio"),
        FieldPanel("stage", read_only=True),
        InlinePanel("honours", label=_("Khen thưởng")),
    ]

    objects = ExemplarQuerySet.as_manager()

    class Meta(NamedRecord.Meta):
        verbose_name = _("điển hình")
        verbose_name_plural = _("điển hình")

    # The stage and its history are recorded as they happen (``advance_to``), not
    # edited in the form: publishing an older draft must not take them back.
    def serializable_data(self):
        data = super().serializable_data()
        data.pop("stage_changes", None)
        return data

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        obj.stage = self.stage
        return obj

    @cached_property
    def stage_dates(self) -> dict[int, dt.date]:
        """The date each stage was first reached."""
        dates: dict[int, dt.date] = {}
        for change in sorted(self.stage_changes.all(), key=lambda c: c.reached_on):
            dates.setdefault(change.stage, change.reached_on)
        return dates

    @property
    def last_stage_change(self) -> ExemplarStageChange | None:
        """The latest move, from prefetched ``stage_changes`` when the caller prefetched them."""
        changes = list(self.stage_changes.all())
        return changes[-1] if changes else None

    def advance_to(self, stage: int, *, user=None, on: dt.date | None = None, note: str = ""):
        """Move to ``stage`` and record who moved it and when, in one transaction."""
        stage = Stage(stage)
        with transaction.atomic():
            self.stage = stage
            if self.pk:
                type(self).objects.filter(pk=self.pk).update(stage=stage)
            else:
                self.save()
            change = ExemplarStageChange.objects.create(
                exemplar=self,
                stage=stage,
                reached_on=on or timezone.localdate(),
                recorded_by=user,
                note=note,
            )
        self.__dict__.pop("stage_dates", None)
        return change


class ExemplarStageChange(models.Model):
    """A step in an exemplar's stage history: which stage, when, who recorded it."""

    exemplar = ParentalKey(Exemplar, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.PositiveSmallIntegerField(_("giai đoạn"), choices=Stage.choices)
    reached_on = models.DateField(_("ngày"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["reached_on", "recorded_at"]
        verbose_name = _("chuyển giai đoạn")
        verbose_name_plural = _("lịch sử giai đoạn")

    def __str__(self):
        return f"{self.exemplar}: {self.get_stage_display()} ({self.reached_on:%d/%m/%Y})"


class Honour(Orderable):
    """An honour an exemplar received: the award, who gave it, the decision."""

    exemplar = ParentalKey(Exemplar, on_delete=models.CASCADE, related_name="honours")
    award = models.ForeignKey(
        Award,
        verbose_name=_("hình thức khen thưởng"),
        on_delete=models.PROTECT,
        related_name="honours",
    )
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices, blank=True)
    issuing_body = models.CharField(_("cơ quan trao tặng"), max_length=255, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("trong phong trào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="honours",
    )

    panels = [
        FieldRowPanel([FieldPanel("award"), FieldPanel("level")]),
        FieldRowPanel(
            [FieldPanel("issuing_body"), FieldPanel("decision_number"), FieldPanel("date")]
        ),
        FieldPanel("campaign"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")

    def __str__(self):
        return f"{self.award} ({self.date:%Y})" if self.date else str(self.award)
