"""Validation of reader search parameters (shared by the HTML page and the API)."""

from __future__ import annotations

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from .query import KINDS, MAX_PAGE_SIZE, SORTS, SearchRequest
from .text import MAX_QUERY_CHARS, nfc

MAX_FILTER_VALUES = 20


class MultipleSlugField(forms.Field):
    """A repeatable slug parameter (``?campaign=a&campaign=b``)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        cleaned = []
        for v in values:
            v = nfc(str(v)).strip()
            if not v:
                continue
            if len(v) > 120:
                raise forms.ValidationError(_("Giá trị lọc quá dài."), code="too_long")
            cleaned.append(v)
        if len(cleaned) > MAX_FILTER_VALUES:
            raise forms.ValidationError(_("Quá nhiều giá trị lọc."), code="too_many")
        return list(dict.fromkeys(cleaned))


class QueryField(forms.CharField):
    """Free text where anything goes: NUL bytes are dropped (by ``nfc``), not refused."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


class SearchParamsForm(forms.Form):
    """``q``, ``campaign``*, ``locality``*, ``field``, ``kind``, ``year``, ``sort``, ``page``, ``page_size``."""

    q = QueryField(required=False, strip=True)
    campaign = MultipleSlugField(required=False)
    locality = MultipleSlugField(required=False)
    field = MultipleSlugField(required=False)
    kind = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(k, k) for k in KINDS],
        error_messages={
            "invalid_choice": _("Loại điển hình phải là “individual” hoặc “collective”.")
        },
    )
    year = forms.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        error_messages={
            "invalid": _("Năm phải là một số."),
            "min_value": _("Năm không hợp lệ."),
            "max_value": _("Năm không hợp lệ."),
        },
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(s, s) for s in SORTS],
        error_messages={"invalid_choice": _("Cách sắp xếp phải là “relevance” hoặc “newest”.")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10_000,
        error_messages={
            "invalid": _("Số trang phải là số nguyên từ 1 trở lên."),
            "min_value": _("Số trang phải là số nguyên từ 1 trở lên."),
            "max_value": _("Số trang quá lớn."),
        },
    )
    page_size = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        error_messages={
            "invalid": _("Số kết quả mỗi trang phải là số nguyên từ 1 đến 50."),
            "min_value": _("Số kết quả mỗi trang phải là số nguyên từ 1 đến 50."),
            "max_value": _("Số kết quả mỗi trang phải là số nguyên từ 1 đến 50."),
        },
    )

    @classmethod
    def from_querydict(cls, params):
        data = {}
        for name, field in cls.base_fields.items():
            if isinstance(field, MultipleSlugField):
                data[name] = params.getlist(name)
            elif name in params:
                data[name] = params.get(name)
        return cls(data)

    def clean_q(self):
        # Long input is cut, never refused: readers paste whole paragraphs.
        return nfc(self.cleaned_data.get("q") or "")[:MAX_QUERY_CHARS].strip()

    def error_message(self) -> str:
        """One readable sentence naming the first bad parameter."""
        for name, errors in self.errors.items():
            return f"{name}: {errors[0]}"
        return ""

    def to_request(self, **extra) -> SearchRequest:
        d = self.cleaned_data
        return SearchRequest(
            q=d["q"],
            campaign=d["campaign"],
            locality=d["locality"],
            field=d["field"],
            kind=d["kind"] or None,
            year=d["year"],
            sort=d["sort"] or "relevance",
            page=d["page"] or 1,
            page_size=d["page_size"] or 20,
            **extra,
        )
