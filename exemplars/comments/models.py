"""A reader's comment on a story (snippet ``CommentSnippetViewSet``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)


class Comment(models.Model):
    """What a reader wrote under a story; shown once an editor approves it.

    The text is plain text, escaped wherever it is shown. The email is for the
    editors alone (never on a reader page) and goes with the comment; see the
    README's personal data section for how long it is kept.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Từ chối")
        SPAM = "spam", _("Thư rác")

    story = models.ForeignKey(
        "exemplars.ExemplarStoryPage",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField(_("họ tên"), max_length=80)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    text = models.TextField(_("nội dung"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["story", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.excerpt}"

    @property
    def excerpt(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"
