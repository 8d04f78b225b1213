"""The dashboard's count of comments waiting for moderation (editors only)."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from exemplars.comments.models import Comment
from exemplars.comments.moderation import may_moderate


class PendingCommentsPanel(Component):
    name = "pending_comments"
    order = 110
    template_name = "exemplars/comments/admin/pending_panel.html"

    def get_context_data(self, parent_context=None):
        return {
            "count": Comment.objects.pending().count(),
            "url": reverse("wagtailsnippets_exemplars_comment:list") + "?status=pending",
        }


def add_panel(request, panels) -> None:
    if may_moderate(request.user):
        panels.append(PendingCommentsPanel())
