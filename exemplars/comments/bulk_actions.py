"""Approve, reject or mark as spam many comments at once, from the moderation queue."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from exemplars.comments.models import Comment
from exemplars.comments.moderation import moderate


class ModerateBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "exemplars/comments/admin/confirm_bulk_moderate.html"
    status: str = ""

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return moderate(objects, cls.status, user), 0

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Đã chuyển %(count)d bình luận sang “%(status)s”.",
            "Đã chuyển %(count)d bình luận sang “%(status)s”.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": Comment.Status(self.status).label}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "status_label": Comment.Status(self.status).label,
        }


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Duyệt")
    action_type = "approve_comments"
    aria_label = _("Duyệt các bình luận đã chọn")
    action_priority = 10
    status = Comment.Status.APPROVED


class RejectBulkAction(ModerateBulkAction):
    display_name = _("Từ chối")
    action_type = "reject_comments"
    aria_label = _("Từ chối các bình luận đã chọn")
    action_priority = 20
    status = Comment.Status.REJECTED


class SpamBulkAction(ModerateBulkAction):
    display_name = _("Thư rác")
    action_type = "spam_comments"
    aria_label = _("Đánh dấu thư rác các bình luận đã chọn")
    action_priority = 25
    status = Comment.Status.SPAM


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, SpamBulkAction]
