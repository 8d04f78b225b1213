from django.db import models
from django.utils.translation import gettext_lazy as _


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
