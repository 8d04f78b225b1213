"""Permission rules the page tree cannot express on its own.

Journalists hold ``add`` and ``change`` on the home page so they can write in
every section; Wagtail would therefore also let them save drafts of the home
page, the sections and the campaign pages. Those pages carry the editors'
curation (pins) and the campaign set-up, so only a user who may publish a
page may edit it, and only one who may publish under a parent may create one
of them there. Wired in by ``wagtail_hooks.py`` (``before_edit_page``,
``before_create_page``).

``change`` also lets Wagtail delete and move any unpublished page, so a
journalist could delete or move an editor's draft. Our page types test
permissions with ``exemplars.policy.NewsroomPagePermissionTester``, which every
admin view (delete, move, their bulk actions, the move chooser) asks.
"""

from __future__ import annotations

from wagtail.models import Page
from wagtail.permissions import policy_registry

from exemplars.contests.models import ContestPage
from exemplars.models import CampaignPage, ExemplarHomePage, SectionPage

EXPORT_REPORT_PERMISSION = "exemplars.export_campaign_report"
# Moving an exemplar's stage is the desk's call: journalists may draft a profile
# (change) but only those who may publish it move it on.
MANAGE_PIPELINE_PERMISSION = "exemplars.publish_exemplar"
NOMINATE_PERMISSION = "exemplars.add_exemplar"


def is_desk_page_class(page_class) -> bool:
    """Pages that shape the site (home, sections, campaign pages, contests), not stories."""
    return issubclass(page_class, ExemplarHomePage | SectionPage | CampaignPage | ContestPage)


def may_edit_desk_page(user, page) -> bool:
    return (
        not is_desk_page_class(page.specific_class) or page.permissions_for_user(user).can_publish()
    )


def may_create_desk_page(user, parent, page_class) -> bool:
    return (
        not is_desk_page_class(page_class)
        or parent.permissions_for_user(user).can_publish_subpage()
    )


def may_export_reports(user) -> bool:
    return user.is_active and user.has_perm(EXPORT_REPORT_PERMISSION)


def may_view_reports(user) -> bool:
    """Wagtail's reports (site history and its CSV, ageing pages, workflows, locked
    pages) show the whole newsroom's work and who did what: a desk tool, for those
    who may publish."""
    return user.is_active and (
        user.is_superuser or policy_registry.get_by_type(Page).user_has_permission(user, "publish")
    )


def may_manage_pipeline(user) -> bool:
    return user.is_active and user.has_perm(MANAGE_PIPELINE_PERMISSION)


def may_nominate(user) -> bool:
    return user.is_active and user.has_perm(NOMINATE_PERMISSION)
