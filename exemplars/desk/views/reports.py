"""The campaign report in the admin, with CSV/XLSX export.

Not a Wagtail ``ReportView``: that view lists objects one per row, and a
campaign report is five breakdowns, charts and a gap list of one campaign.
It keeps the admin furniture through ``WagtailAdminTemplateMixin``.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from exemplars.desk import report_exports, svg_charts
from exemplars.desk.permissions import may_export_reports
from exemplars.desk.reports import GAP_LEVELS, build_report
from exemplars.models import Campaign, Locality

MAX_SPAN_DAYS = 366 * 20


class CampaignReportForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Phong trào"), queryset=Campaign.objects.all())
    start = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    gap_level = forms.ChoiceField(
        label=_("Rà soát địa phương cấp"),
        choices=[(k.value, k.label) for k in GAP_LEVELS],
        initial=Locality.Kind.COMMUNE,
        required=False,
    )
    gap_within = forms.ModelChoiceField(
        label=_("Trong phạm vi"),
        queryset=Locality.objects.filter(kind=Locality.Kind.PROVINCE, successor__isnull=True),
        required=False,
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        elif start and end and (end - start).days > MAX_SPAN_DAYS:
            self.add_error("end", _("Khoảng thời gian tối đa 20 năm."))
        data["gap_level"] = data.get("gap_level") or Locality.Kind.COMMUNE
        return data


def default_range(campaign: Campaign) -> tuple[dt.date | None, dt.date | None]:
    start = dt.date(campaign.start_year, 1, 1) if campaign.start_year else None
    end = dt.date(campaign.end_year, 12, 31) if campaign.end_year else None
    return start, end


class CampaignReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "exemplars/admin/campaign_report.html"
    page_title = _("Báo cáo phong trào")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_export_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        self.form = CampaignReportForm(request.GET or None)
        self.report = None
        if self.form.is_bound and self.form.is_valid():
            data = self.form.cleaned_data
            start, end = data["start"], data["end"]
            if not (start or end):
                start, end = default_range(data["campaign"])
            self.report = build_report(
                data["campaign"],
                start,
                end,
                gap_level=data["gap_level"],
                gap_within=data["gap_within"],
            )
            export = request.GET.get("export")
            if export in ("csv", "xlsx"):
                return self.export(export)
        return super().get(request, *args, **kwargs)

    def export(self, fmt: str) -> HttpResponse:
        if fmt == "csv":
            response = HttpResponse(
                report_exports.to_csv(self.report), content_type="text/csv; charset=utf-8"
            )
        else:
            response = HttpResponse(
                report_exports.to_xlsx(self.report),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        name = report_exports.filename(self.report, fmt)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["report"] = self.report
        if self.report:
            charts = []
            for name, title, rows in self.report.tables():
                items = [(row.label, row.stories) for row in rows]
                draw = svg_charts.columns if name == "month" else svg_charts.horizontal_bars
                charts.append(
                    {
                        "name": name,
                        "title": title,
                        "rows": rows,
                        "svg": draw(items, title=str(title)),
                    }
                )
            context["tables"] = charts
            query = self.request.GET.copy()
            query.pop("export", None)
            base = reverse("exemplars_campaign_report") + "?" + query.urlencode()
            context["export_urls"] = {"csv": base + "&export=csv", "xlsx": base + "&export=xlsx"}
        return context
