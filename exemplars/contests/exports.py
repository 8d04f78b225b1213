"""A contest's entries in rank order, as CSV or XLSX, for the editors.

Cells a reader wrote are neutralised against formula injection: a spreadsheet
would run ``=HYPERLINK(…)`` typed as a name.
"""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from exemplars.contests.ranking import ranking

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def rows(contest):
    """The header, then one row per entry in rank order."""
    questions = contest.question_list
    ranked, perfect = ranking(contest)
    header = [
        _("Hạng"),
        _("Họ tên"),
        _("Điện thoại"),
        _("Email"),
        _("Xã, phường"),
        _("Số câu đúng"),
        _("Dự đoán câu hỏi phụ"),
        _("Chênh lệch"),
        _("Gửi lúc (+07:00)"),
    ] + [_("Câu %(n)d") % {"n": n} for n in range(1, len(questions) + 1)]
    yield header
    for r in ranked:
        e = r.entry
        yield [
            r.rank,
            safe_cell(e.name),
            safe_cell(e.phone),
            safe_cell(e.email),
            safe_cell(e.locality.name if e.locality else ""),
            r.score,
            e.tiebreak_guess if e.tiebreak_guess is not None else "",
            r.distance if r.distance is not None else "",
            timezone.localtime(e.submitted_at).strftime("%Y-%m-%d %H:%M:%S"),
        ] + [e.answers.get(str(q.pk), "") for q in questions]


def as_csv(contest) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(rows(contest))
    # A BOM so that Excel opens the Vietnamese text as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(contest) -> bytes:
    from openpyxl import Workbook

    # Write-only: rows stream to the file instead of a cell object each in memory.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Xếp hạng")[:31])
    for row in rows(contest):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
