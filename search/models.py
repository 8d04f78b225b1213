from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import words


class PendingIndexOperation(models.Model):
    """A change the remote search index (Elasticsearch) has not received yet.

    Written by :class:`exemplars_search.fallback.FallbackSearchBackend` when the
    cluster is unreachable, and drained in order by
    :func:`exemplars_search.fallback.replay` (``manage.py replay_search_queue``,
    after the next successful write, and after a rebuild). ``document`` holds
    the document as it was when queued, and ``version`` when that was, so a
    replay can never overwrite a newer edit the cluster already has.
    """

    class Action(models.TextChoices):
        INDEX = "index", _("Đánh chỉ mục")
        DELETE = "delete", _("Xoá khỏi chỉ mục")

    object_id = models.BigIntegerField(_("mã đối tượng"), db_index=True)
    model = models.CharField(
        _("kiểu nội dung"),
        max_length=100,
        blank=True,
        help_text=_("app_label.model của đối tượng, khi biết được."),
    )
    action = models.CharField(_("thao tác"), max_length=10, choices=Action.choices)
    document = models.JSONField(_("tài liệu"), null=True, blank=True)
    version = models.BigIntegerField(_("phiên bản"))
    created = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("số lần thử"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("thao tác chỉ mục đang chờ")
        verbose_name_plural = _("thao tác chỉ mục đang chờ")

    def __str__(self):
        return f"{self.action} #{self.object_id}"


class Synonym(models.Model):
    """An abbreviation and its full forms, added by editors to the built-in list.

    Read at query time (``exemplars_search.synonyms``): a saved change applies
    to the next search, with no index rebuild.
    """

    abbreviation = models.CharField(
        _("viết tắt"),
        max_length=40,
        unique=True,
        help_text=_("Ví dụ: UBND, TP.HCM. Dấu chấm, gạch nối không phân biệt."),
    )
    full_forms = models.TextField(
        _("dạng đầy đủ"),
        help_text=_("Mỗi dòng một dạng đầy đủ, ví dụ: ủy ban nhân dân."),
    )

    class Meta:
        ordering = ["abbreviation"]
        verbose_name = _("viết tắt")
        verbose_name_plural = _("viết tắt")

    def __str__(self):
        return self.abbreviation

    @property
    def forms(self) -> list[str]:
        return [line.strip() for line in self.full_forms.splitlines() if line.strip()]

    def clean(self):
        if not words(self.abbreviation):
            raise ValidationError({"abbreviation": _("Chữ viết tắt phải có chữ hoặc số.")})
        if not any(words(f) for f in self.forms):
            raise ValidationError({"full_forms": _("Cần ít nhất một dạng đầy đủ có chữ.")})
