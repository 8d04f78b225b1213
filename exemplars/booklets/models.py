"""The exemplars an editor chose, in order, for a campaign's booklet."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from exemplars.models.snippets import Campaign, Exemplar


class Booklet(ClusterableModel):
    """A campaign's booklet: the chosen exemplars and the colophon. Built from the
    campaign's admin (``booklets/views.py``) or ``manage.py campaign_booklet``."""

    campaign = models.OneToOneField(
        Campaign,
        verbose_name=_("phong trào thi đua"),
        on_delete=models.CASCADE,
        related_name="booklet",
    )
    colophon = models.TextField(
        _("thông tin xuất bản"),
        blank=True,
        help_text=_("In ở trang cuối: đơn vị biên soạn, chịu trách nhiệm xuất bản, số lượng in…"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ấn phẩm điển hình")
        verbose_name_plural = _("ấn phẩm điển hình")

    def __str__(self):
        return str(self.campaign)


class BookletEntry(Orderable):
    """One chapter of a booklet: an exemplar, at the place the editor set."""

    booklet = ParentalKey(Booklet, on_delete=models.CASCADE, related_name="entries")
    exemplar = models.ForeignKey(
        Exemplar, verbose_name=_("điển hình"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("chương")
        verbose_name_plural = _("chương")
        constraints = [
            models.UniqueConstraint(fields=["booklet", "exemplar"], name="booklet_exemplar_once")
        ]
