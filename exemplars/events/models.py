"""An event of a campaign (tọa đàm, giao lưu, tham quan thực tế, lễ trao thưởng),
and the stories that cover it. Registered in the admin by ``events/admin.py``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from exemplars.models.pages import ExemplarStoryPage
from exemplars.models.snippets import Campaign, Exemplar, Locality
from exemplars.text import nfc, slugify_vi


class EventQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        """Not over yet: an event under way is still upcoming for a reader."""
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(ClusterableModel):
    """A talk, exchange, field visit or award ceremony with exemplars, announced to readers.

    Times are stored in UTC and shown in the newsroom's zone (+07:00).
    """

    class Kind(models.TextChoices):
        TALK = "talk", _("Tọa đàm")
        EXCHANGE = "exchange", _("Giao lưu")
        FIELD_VISIT = "field_visit", _("Tham quan thực tế")
        AWARD_CEREMONY = "award_ceremony", _("Lễ trao thưởng")

    title = models.CharField(_("tên sự kiện"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True)
    kind = models.CharField(_("loại sự kiện"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("bắt đầu"), db_index=True)
    ends_at = models.DateTimeField(_("kết thúc"), db_index=True)
    place = models.CharField(
        _("địa điểm"), max_length=255, help_text=_("Ví dụ: Hội trường UBND tỉnh, 16 Lê Lợi.")
    )
    locality = models.ForeignKey(
        Locality,
        verbose_name=_("địa phương"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("phong trào thi đua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    organizer = models.CharField(
        _("đơn vị tổ chức"),
        max_length=255,
        blank=True,
        help_text=_("Để trống: cơ quan phát động phong trào."),
    )
    exemplars = ParentalManyToManyField(
        Exemplar, verbose_name=_("điển hình tham gia"), blank=True, related_name="events"
    )
    description = models.TextField(_("giới thiệu"), blank=True)
    registration_url = models.URLField(_("đường dẫn đăng ký"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("locality")]),
        MultiFieldPanel(
            [FieldPanel("campaign"), FieldPanel("organizer"), FieldPanel("exemplars")],
            heading=_("Phong trào và điển hình"),
        ),
        FieldPanel("description"),
        FieldPanel("registration_url"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        if not self.slug:
            base, n = slugify_vi(self.title)[:100] or "su-kien", 2
            self.slug = base
            while Event.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
                self.slug, n = f"{base}-{n}", n + 1
        super().save(*args, **kwargs)

    @property
    def organizer_name(self) -> str:
        return self.organizer or (self.campaign.authority if self.campaign_id else "")

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("exemplars_event", args=[self.slug])


class StoryEvent(Orderable):
    """A story citing the event it covers (listed on the event's page)."""

    page = ParentalKey(ExemplarStoryPage, on_delete=models.CASCADE, related_name="event_citations")
    event = models.ForeignKey(
        Event, verbose_name=_("sự kiện"), on_delete=models.CASCADE, related_name="citations"
    )

    panels = [FieldPanel("event")]

    class Meta(Orderable.Meta):
        verbose_name = _("sự kiện được đưa tin")
        verbose_name_plural = _("sự kiện được đưa tin")
