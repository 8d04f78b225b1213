"""Admin wiring for contests (imported by ``exemplars/wagtail_hooks.py``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from exemplars.contests.admin_views import export_entries, may_export_entries
from exemplars.contests.models import ContestPage


@hooks.register("register_admin_urls")
def register_contest_export_urls():
    return [
        path(
            "cuoc-thi/<int:page_id>/ket-qua.<str:fmt>",
            export_entries,
            name="exemplars_contest_export",
        )
    ]


@hooks.register("register_page_header_buttons")
def contest_export_buttons(page, user, view_name, next_url=None):
    if page.specific_class is ContestPage and may_export_entries(user):
        for n, fmt in enumerate(("xlsx", "csv")):
            yield PageMenuItem(
                _("Xuất kết quả (%(fmt)s)") % {"fmt": fmt.upper()},
                reverse("exemplars_contest_export", args=[page.pk, fmt]),
                icon_name="download",
                priority=50 + n,
                page=page,
            )
