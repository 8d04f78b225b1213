"""Who may delete or move a page: the newsroom's rule, asked by the page models.

Journalists hold ``change`` on the home page so they can write in every section;
``change`` also lets Wagtail delete and move any unpublished page, so a
journalist could delete or move an editor's draft. Our page types test
permissions with :class:`NewsroomPagePermissionTester`, which every admin view
(delete, move, their bulk actions, the move chooser) asks.

Page models import this module, so it imports no model and nothing of the desk:
the desk's own rules (who edits the home, sections and campaign pages, who sees
reports) are in ``exemplars.desk.permissions``.
"""

from __future__ import annotations

from wagtail.models import PagePermissionTester


class NewsroomPagePermissionTester(PagePermissionTester):
    """Wagtail's rules, except that without ``publish`` a user deletes or moves only
    pages they own that were never put online, with all their subpages."""

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or "publish" in self.permissions:
            return True
        subtree = self.page.get_descendants(inclusive=True)
        return not subtree.exclude(live=False, owner=self.user).exists()


class NewsroomPagePermissionsMixin:
    """Mixed into our page types so Wagtail tests them with the newsroom's rules."""

    def permissions_for_user(self, user):
        return NewsroomPagePermissionTester(user, self)
