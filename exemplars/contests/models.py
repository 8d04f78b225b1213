"""A contest page, its questions, and the participants' entries."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from exemplars.contests.identity import InvalidPhone, normalize_email, normalize_phone
from exemplars.models.serving import ReaderPageMixin
from exemplars.policy import NewsroomPagePermissionsMixin

MIN_CHOICES, MAX_CHOICES = 2, 6


class ContestPage(ReaderPageMixin, NewsroomPagePermissionsMixin, Page):
    """A contest (cuộc thi): open between two date-times, one entry per participant.

    While open it lists the questions and the entry form; once closed, the
    correct answers with their explanations and the winners (``ranking``).
    Filed under a section (``SectionPage.subpage_types``).
    """

    intro = RichTextField(_("thể lệ, giới thiệu"), blank=True, features=["bold", "italic", "link"])
    opens_at = models.DateTimeField(_("mở lúc"))
    closes_at = models.DateTimeField(_("đóng lúc"))
    tiebreak_question = models.CharField(
        _("câu hỏi phụ"),
        max_length=255,
        blank=True,
        help_text=_(
            "Để trống nếu không dùng. Ví dụ: “Có bao nhiêu người trả lời đúng tất cả câu hỏi?”"
        ),
    )
    winners_count = models.PositiveSmallIntegerField(_("số giải"), default=10)

    parent_page_types = ["exemplars.SectionPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("winners_count"), FieldPanel("tiebreak_question")]),
            ],
            heading=_("Thời gian và giải thưởng (giờ Việt Nam, +07:00)"),
        ),
        InlinePanel("questions", label=_("Câu hỏi"), min_num=1),
    ]

    class Meta:
        verbose_name = _("cuộc thi")
        verbose_name_plural = _("cuộc thi")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Thời điểm đóng phải sau thời điểm mở.")})

    def state(self, now: dt.datetime | None = None) -> str:
        """``upcoming``, ``open`` or ``closed``: open from ``opens_at`` included to
        ``closes_at`` excluded."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"

    def is_open(self, now=None) -> bool:
        return self.state(now) == "open"

    @cached_property
    def question_list(self) -> list[ContestQuestion]:
        return list(self.questions.all())


class ContestQuestion(Orderable):
    """One question: 2–6 choices, one line each, and which one is correct."""

    page = ParentalKey(ContestPage, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("câu hỏi"))
    choices = models.TextField(
        _("các phương án"), help_text=_("Mỗi dòng một phương án, từ 2 đến 6 phương án.")
    )
    correct = models.PositiveSmallIntegerField(
        _("phương án đúng"), help_text=_("Số thứ tự của phương án đúng: 1 là dòng đầu tiên.")
    )
    explanation = models.TextField(
        _("giải thích"),
        help_text=_(
            "Trích dẫn điều khoản, ví dụ: “Theo khoản 1 Điều 23 Luật Thi đua, khen thưởng 2022…”"
        ),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("choices"),
        FieldPanel("correct"),
        FieldPanel("explanation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")

    def __str__(self):
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]

    @property
    def correct_choice(self) -> str:
        choices = self.choice_list
        return choices[self.correct - 1] if 1 <= (self.correct or 0) <= len(choices) else ""

    def clean(self):
        n = len(self.choice_list)
        if not MIN_CHOICES <= n <= MAX_CHOICES:
            raise ValidationError(
                {
                    "choices": _("Cần từ %(min)d đến %(max)d phương án (hiện có %(n)d).")
                    % {"min": MIN_CHOICES, "max": MAX_CHOICES, "n": n}
                }
            )
        if not 1 <= (self.correct or 0) <= n:
            raise ValidationError({"correct": _("Phương án đúng phải từ 1 đến %(n)d.") % {"n": n}})


class ContestEntry(models.Model):
    """One participant's answers. A participant is their phone number or email,
    in the canonical form of ``contests.identity`` (``save`` stores nothing
    else): each may enter a contest once, enforced by the unique constraints
    below. Contact details are for the editors alone."""

    contest = models.ForeignKey(
        ContestPage, verbose_name=_("cuộc thi"), on_delete=models.CASCADE, related_name="entries"
    )
    name = models.CharField(_("họ tên"), max_length=80)
    phone = models.CharField(_("điện thoại"), max_length=15, blank=True)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    locality = models.ForeignKey(
        "exemplars.Locality",
        verbose_name=_("xã, phường"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {question pk (str): chosen choice number, 1-based}
    answers = models.JSONField(_("trả lời"), default=dict)
    tiebreak_guess = models.PositiveIntegerField(_("dự đoán câu hỏi phụ"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("bài dự thi")
        verbose_name_plural = _("bài dự thi")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "phone"],
                condition=~models.Q(phone=""),
                name="exemplars_contest_entry_unique_phone",
            ),
            models.UniqueConstraint(
                fields=["contest", "email"],
                condition=~models.Q(email=""),
                name="exemplars_contest_entry_unique_email",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Whoever saves (the form, the admin, a script): the unique constraints
        # compare canonical forms only. An invalid number raises InvalidPhone.
        self.phone = normalize_phone(self.phone)
        self.email = normalize_email(self.email)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        try:
            self.phone = normalize_phone(self.phone)
        except InvalidPhone as error:
            raise ValidationError({"phone": error.message}) from None
        self.email = normalize_email(self.email)
