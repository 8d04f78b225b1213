"""The entry form, built from the contest's questions, and who a participant is.

A participant is identified by their phone number (digits, national form:
``+84 91 234 5678`` and ``0912345678`` are one number) or their email
(NFC, case-folded); either one already in the contest refuses the entry.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from exemplars.models import Locality
from exemplars.reader.forms import GuardedForm, PlainTextField, plain_text

PHONE = re.compile(r"^0\d{9,10}$")
TIEBREAK_MAX = 10_000_000


def normalize_phone(value: str) -> str:
    digits = re.sub(r"[\s.\-()]", "", plain_text(value, single_line=True))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def normalize_email(value: str) -> str:
    return plain_text(value, single_line=True).casefold()


def entry_target(contest) -> str:
    return f"contest:{contest.pk}"


class EntryForm(GuardedForm):
    name = PlainTextField(
        label=_("Họ tên"),
        max_length=80,
        single_line=True,
        error_messages={
            "required": _("Vui lòng nhập họ tên."),
            "max_length": _("Họ tên dài quá %(limit_value)d ký tự."),
        },
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        required=False,
        max_length=20,
        error_messages={"max_length": _("Số điện thoại không hợp lệ: quá dài.")},
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ email không hợp lệ.")},
    )
    locality = forms.ModelChoiceField(
        label=_("Xã, phường, đặc khu"),
        queryset=Locality.objects.none(),
        empty_label=_("— Chọn xã, phường —"),
        error_messages={
            "required": _("Vui lòng chọn xã, phường nơi bạn sống hoặc làm việc."),
            "invalid_choice": _("Xã, phường không có trong danh sách."),
        },
    )

    def __init__(self, *args, contest, **kwargs):
        self.contest = contest
        super().__init__(*args, target=entry_target(contest), **kwargs)
        self.fields["locality"].queryset = Locality.objects.filter(
            kind=Locality.Kind.COMMUNE, successor__isnull=True
        ).order_by("name")
        for question in contest.question_list:
            self.fields[f"q_{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[(str(n), c) for n, c in enumerate(question.choice_list, 1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Vui lòng trả lời câu hỏi này."),
                    "invalid_choice": _("Phương án không hợp lệ."),
                },
            )
        if contest.tiebreak_question:
            self.fields["tiebreak_guess"] = forms.IntegerField(
                label=contest.tiebreak_question,
                min_value=0,
                max_value=TIEBREAK_MAX,
                error_messages={
                    "required": _("Vui lòng trả lời câu hỏi phụ."),
                    "invalid": _("Câu hỏi phụ cần một số nguyên."),
                    "min_value": _("Câu hỏi phụ cần một số không âm."),
                    "max_value": _("Con số dự đoán quá lớn."),
                },
            )

    def question_fields(self):
        return [self[f"q_{q.pk}"] for q in self.contest.question_list]

    def clean_phone(self):
        phone = normalize_phone(self.cleaned_data.get("phone", ""))
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Số điện thoại không hợp lệ: 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84.")
            )
        if phone and self.contest.entries.filter(phone=phone).exists():
            raise forms.ValidationError(
                _("Số điện thoại này đã dự thi. Mỗi người chỉ được gửi một bài dự thi.")
            )
        return phone

    def clean_email(self):
        email = normalize_email(self.cleaned_data.get("email", ""))
        if email and self.contest.entries.filter(email=email).exists():
            raise forms.ValidationError(
                _("Email này đã dự thi. Mỗi người chỉ được gửi một bài dự thi.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if (
            "phone" in cleaned
            and "email" in cleaned
            and not cleaned["phone"]
            and not cleaned["email"]
        ):
            raise forms.ValidationError(
                _("Vui lòng nhập số điện thoại hoặc email để ban tổ chức liên hệ khi trao giải.")
            )
        return cleaned

    def answers(self) -> dict[str, int]:
        return {str(q.pk): self.cleaned_data[f"q_{q.pk}"] for q in self.contest.question_list}
