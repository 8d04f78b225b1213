"""A campaign report as files for the review meeting: CSV and XLSX.

Both carry the same rows (see :func:`report_rows`): one line per breakdown
row with its story and exemplar counts, then the coverage gaps, so a file
read back gives the numbers the admin page shows.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from exemplars.desk.reports import CampaignReport

GAPS_TABLE = "gaps"
TOTAL_TABLE = "total"


def header() -> list[str]:
    return [_("Bảng"), _("Mã"), _("Mục"), _("Số bài"), _("Số điển hình")]


def report_rows(report: CampaignReport) -> list[list]:
    """[table, key, label, stories, exemplars] for every number of the report."""
    rows = [[TOTAL_TABLE, "", _("Tổng cộng"), report.total_stories, report.total_exemplars]]
    for name, _title, table in report.tables():
        rows += [[name, row.key, row.label, row.stories, row.exemplars] for row in table]
    rows += [[GAPS_TABLE, loc.slug, loc.name, 0, 0] for loc in report.gaps]
    return rows


def filename(report: CampaignReport, ext: str) -> str:
    span = "-".join(d.strftime("%Y%m%d") for d in (report.start, report.end) if d)
    return f"bao-cao-{report.campaign.slug}{'-' + span if span else ''}.{ext}"


def to_csv(report: CampaignReport) -> str:
    """UTF-8 text with a BOM so spreadsheet programs open Vietnamese correctly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header())
    writer.writerows([_cell_safe(v) for v in row] for row in report_rows(report))
    return out.getvalue()


def _cell_safe(value):
    # A label starting with "=", "+", "-" or "@" would run as a formula in a
    # spreadsheet; locality and field names come from editors.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def to_xlsx(report: CampaignReport) -> bytes:
    """A workbook: a summary sheet with every row, one sheet with a chart per breakdown,
    and the coverage gaps."""
    wb = Workbook()
    summary = wb.active
    summary.title = _("Tổng hợp")
    summary.append([_("Phong trào"), report.campaign.name])
    summary.append([_("Thời gian"), report.period_label])
    summary.append([])
    summary.append(header())
    for cell in summary[4]:
        cell.font = Font(bold=True)
    for row in report_rows(report):
        summary.append([_cell_safe(v) for v in row])
    summary.column_dimensions["C"].width = 40

    for name, title, table in report.tables():
        sheet = wb.create_sheet(str(title)[:31])
        sheet.append([_("Mục"), _("Số bài"), _("Số điển hình")])
        for row in table:
            sheet.append([_cell_safe(row.label), row.stories, row.exemplars])
        sheet.column_dimensions["A"].width = 36
        if table:
            chart = BarChart()
            chart.title = str(title)
            chart.type = "col" if name == "month" else "bar"
            data = Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=len(table) + 1)
            cats = Reference(sheet, min_col=1, min_row=2, max_row=len(table) + 1)
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(cats)
            sheet.add_chart(chart, "E2")

    gaps = wb.create_sheet(_("Chưa có bài"))
    gaps.append([_("Địa phương"), _("Trực thuộc")])
    for loc in report.gaps:
        gaps.append([_cell_safe(loc.name), _cell_safe(loc.parent.name if loc.parent else "")])

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
