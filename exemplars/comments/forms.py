from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from exemplars.reader.forms import GuardedForm, PlainTextField

TEXT_MAX = 2000
NAME_MAX = 80
# A reader may cite a source; more links than this is what spam looks like.
LINKS_MAX = 2
LINK = re.compile(r"(https?://|www\.|\b[\w-]+\.(com|net|org|info|xyz|top|vn|io|ru)\b)", re.I)


class CommentForm(GuardedForm):
    name = PlainTextField(
        label=_("Họ tên"),
        max_length=NAME_MAX,
        single_line=True,
        error_messages={
            "required": _("Vui lòng nhập họ tên."),
            "max_length": _("Họ tên dài quá %(limit_value)d ký tự."),
        },
    )
    email = forms.EmailField(
        label=_("Email (không hiển thị)"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ email không hợp lệ.")},
    )
    text = PlainTextField(
        label=_("Nội dung bình luận"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Vui lòng nhập nội dung bình luận."),
            "max_length": _("Bình luận dài quá %(limit_value)d ký tự (hiện có %(show_value)d)."),
        },
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        links = len(LINK.findall(text))
        if links > LINKS_MAX:
            raise forms.ValidationError(
                ngettext(
                    "Bình luận chứa quá nhiều liên kết (tối đa %(max)d).",
                    "Bình luận chứa quá nhiều liên kết (tối đa %(max)d).",
                    LINKS_MAX,
                )
                % {"max": LINKS_MAX},
                code="links",
            )
        return text
