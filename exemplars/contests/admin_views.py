from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from exemplars.contests.exports import as_csv, as_xlsx
from exemplars.contests.models import ContestPage

FORMATS = {
    "csv": (as_csv, "text/csv; charset=utf-8"),
    "xlsx": (as_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def may_export_entries(user) -> bool:
    return user.has_perm("exemplars.view_contestentry")


def export_entries(request, page_id: int, fmt: str):
    if not may_export_entries(request.user):
        raise PermissionDenied
    if fmt not in FORMATS:
        raise Http404
    contest = get_object_or_404(ContestPage, pk=page_id)
    build, content_type = FORMATS[fmt]
    response = HttpResponse(build(contest), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="cuoc-thi-{contest.pk}-ket-qua.{fmt}"'
    return response
