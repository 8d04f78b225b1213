"""The entry form, built from the contest's questions.

Who a participant is (one phone number, one email, in a canonical form) is
``contests.identity``: the form checks with it and tells the reader what is
wrong; either one already in the contest refuses the entry.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from exemplars.contests.identity import InvalidPhone, normalize_email, normalize_phone
from exemplars.models import Locality
from exemplars.reader.forms import GuardedForm, PlainTextField

TIEBREAK_MAX = 10_000_000


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
        try:
            phone = normalize_phone(self.cleaned_data.get("phone", ""))
        except InvalidPhone as error:
            raise forms.ValidationError(error.message, code="phone") from None
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
