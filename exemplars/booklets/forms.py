"""The editor's choice for a booklet: which exemplars, in which order, which size."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from exemplars.booklets.render import SIZES


class BookletForm(forms.Form):
    """One order box per candidate exemplar: a number includes it at that place."""

    size = forms.ChoiceField(
        label=_("Khổ giấy"), choices=[(k, v) for k, v in SIZES.items()], initial="a5"
    )
    colophon = forms.CharField(
        label=_("Thông tin xuất bản (trang cuối)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Off unless ticked for this download: never remembered with the choice.
    include_restricted = forms.BooleanField(
        label=_("In cả bài viết không công khai (có giới hạn xem trên trang)"),
        help_text=_(
            "Mặc định ấn phẩm chỉ in những gì bạn đọc xem được trên trang. Nếu chọn, "
            "trang cuối ghi rõ ấn phẩm có bài viết không công khai."
        ),
        required=False,
    )

    def __init__(self, *args, candidates, order: dict[int, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        order = order or {}
        for exemplar in self.candidates:
            self.fields[self.field_name(exemplar)] = forms.IntegerField(
                label=exemplar.name,
                required=False,
                min_value=1,
                max_value=999,
                initial=order.get(exemplar.pk),
                widget=forms.NumberInput(attrs={"size": 3}),
            )

    @staticmethod
    def field_name(exemplar) -> str:
        return f"order_{exemplar.pk}"

    def rows(self):
        return [(exemplar, self[self.field_name(exemplar)]) for exemplar in self.candidates]

    def clean(self):
        data = super().clean()
        chosen = [
            (data[self.field_name(e)], e.name, e)
            for e in self.candidates
            if data.get(self.field_name(e)) is not None
        ]
        if not chosen and not self.errors:
            raise forms.ValidationError(
                _("Chọn ít nhất một điển hình: ghi số thứ tự vào ô bên cạnh tên.")
            )
        # Equal numbers keep the names' order, so no choice is lost to a tie.
        data["exemplars"] = [e for _, _, e in sorted(chosen, key=lambda t: (t[0], t[1]))]
        return data
