"""The editors' desk in Wagtail's admin: its screens, menus, buttons and guards.

Only wiring: the rules are in ``permissions.py``, the screens in ``views/``,
``viewsets.py`` and ``dashboard.py``. Loaded by ``exemplars/wagtail_hooks.py``.
"""

from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied, user_passes_test
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from exemplars import images
from exemplars.desk.dashboard import EditorsDeskPanel
from exemplars.desk.permissions import (
    may_create_desk_page,
    may_edit_desk_page,
    may_export_reports,
    may_nominate,
    may_view_reports,
)
from exemplars.desk.views.nominate import NominateView
from exemplars.desk.views.pipeline import AdvanceStageView, PipelineView
from exemplars.desk.views.reports import CampaignReportView
from exemplars.desk.viewsets import ExemplarsSnippetViewSetGroup, StoryListingViewSet
from exemplars.models import ExemplarStoryPage

register_snippet(ExemplarsSnippetViewSetGroup)


hooks.register("register_image_operations", images.image_operations)


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


# -- who edits the home, sections and campaign pages: logic in permissions.py -----


@hooks.register("before_edit_page")
def only_publishers_edit_desk_pages(request, page):
    if not may_edit_desk_page(request.user, page):
        return permission_denied(request)


@hooks.register("before_create_page")
def only_publishers_create_desk_pages(request, parent_page, page_class):
    if not may_create_desk_page(request.user, parent_page, page_class):
        return permission_denied(request)


@hooks.register("register_admin_urls")
def guard_wagtail_reports():
    """Wagtail opens its reports to anyone with a page permission; hiding the menu
    items would leave the URLs (and the CSV exports) open, so the views themselves
    are decorated, the way Wagtail decorates every admin URL with its access check."""
    # wagtail.admin.urls is importing the hooks when it calls this one: its reports
    # module is read now, not when this module loads.
    from wagtail.admin.urls import reports

    decorate_urlpatterns(reports.urlpatterns, user_passes_test(may_view_reports))
    return []


# The names Wagtail gives its report menu items.
WAGTAIL_REPORTS = {
    "locked-pages",
    "workflows",
    "workflow-tasks",
    "site-history",
    "aging-pages",
    "page-types-usage",
}


@hooks.register("construct_reports_menu")
def hide_wagtail_reports(request, menu_items):
    if not may_view_reports(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in WAGTAIL_REPORTS]


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [
        path("dien-hinh/cong-tac/", PipelineView.as_view(), name="exemplars_pipeline"),
        path(
            "dien-hinh/cong-tac/<int:pk>/chuyen-giai-doan/",
            AdvanceStageView.as_view(),
            name="exemplars_pipeline_advance",
        ),
        path("dien-hinh/de-cu/<int:page_id>/", NominateView.as_view(), name="exemplars_nominate"),
        path("dien-hinh/bao-cao/", CampaignReportView.as_view(), name="exemplars_campaign_report"),
    ]


class PipelineMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("exemplars.view_exemplar")


class CampaignReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_export_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_pipeline_menu_item():
    return PipelineMenuItem(
        _("Công tác điển hình"), reverse_lazy("exemplars_pipeline"), icon_name="pick", order=210
    )


@hooks.register("register_reports_menu_item")
def register_campaign_report_menu_item():
    return CampaignReportMenuItem(
        _("Báo cáo phong trào"), reverse_lazy("exemplars_campaign_report"), icon_name="table"
    )


@hooks.register("register_page_header_buttons")
def nominate_button(page, user, view_name, next_url=None):
    if page.specific_class is ExemplarStoryPage and may_nominate(user):
        yield PageMenuItem(
            _("Đề cử điển hình"),
            reverse("exemplars_nominate", args=[page.pk]),
            icon_name="pick",
            priority=40,
            page=page,
        )


@hooks.register("construct_homepage_panels")
def add_editors_desk_panel(request, panels):
    panels.append(EditorsDeskPanel())
