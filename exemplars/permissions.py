"""Permission rules the page tree cannot express on its own.

Journalists hold ``add`` and ``change`` on the home page so they can write in
every section; Wagtail would therefore also let them save drafts of the home
page, the sections and the campaign pages. Those pages carry the editors'
curation (pins) and the campaign set-up, so only a user who may publish a
page may edit it, and only one who may publish under a parent may create one
of them there. Wired in by ``wagtail_hooks.py`` (``before_edit_page``,
``before_create_page``).
"""

from __future__ import annotations

EXPORT_REPORT_PERMISSION = "exemplars.export_campaign_report"
MANAGE_PIPELINE_PERMISSION = "exemplars.change_exemplar"
NOMINATE_PERMISSION = "exemplars.add_exemplar"


def is_desk_page_class(page_class) -> bool:
    """Pages that shape the site (home, sections, campaign pages), not stories."""
    from .models import CampaignPage, ExemplarHomePage, SectionPage

    return issubclass(page_class, ExemplarHomePage | SectionPage | CampaignPage)


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


def may_manage_pipeline(user) -> bool:
    return user.is_active and user.has_perm(MANAGE_PIPELINE_PERMISSION)


def may_nominate(user) -> bool:
    return user.is_active and user.has_perm(NOMINATE_PERMISSION)
