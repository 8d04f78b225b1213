"""The moderation queue: comments as a snippet, filtered by status and story.

Editors (``change_comment``) approve, reject or mark as spam, one at a time
in the edit form or many at once with the bulk actions (``bulk_actions``).
Journalists (``view_comment`` only) see, read-only, the comments on their own
stories, without the readers' emails.
"""

from __future__ import annotations

import django_filters
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import EditView, InspectView, SnippetViewSet

from exemplars.comments.models import Comment
from exemplars.comments.moderation import may_moderate, visible_to
from exemplars.models import ExemplarStoryPage


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=Comment.Status.choices, empty_label=_("Tất cả")
    )

    # Only stories that have comments: a choice of every story in the archive
    # would be a select of a hundred thousand options.
    story = django_filters.ModelChoiceFilter(
        label=_("Bài viết"),
        queryset=lambda request: ExemplarStoryPage.objects.filter(
            pk__in=visible_to(request.user).values("story_id")
        ).order_by("-first_published_at"),
    )

    class Meta:
        model = Comment
        fields = ["status", "story"]


class CommentInspectView(InspectView):
    def get_object(self, queryset=None):
        comment = visible_to(self.request.user).filter(pk=self.pk).first()
        if comment is None:
            raise Http404
        return comment

    def get_fields(self):
        fields = super().get_fields()
        if not may_moderate(self.request.user):
            fields = [f for f in fields if f != "email"]
        return fields


class CommentEditView(EditView):
    def save_instance(self):
        comment = self.form.instance
        if self.form.initial.get("status") != comment.status:
            comment.moderated_at = timezone.now()
            comment.moderated_by = self.request.user
        return super().save_instance()


class CommentSnippetViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Bình luận")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        Column("excerpt", label=_("Nội dung")),
        "name",
        "story",
        "status",
        DateColumn("created_at", label=_("Gửi lúc")),
    ]
    filterset_class = CommentFilterSet
    inspect_view_enabled = True
    inspect_view_fields = ["story", "name", "email", "text", "status", "created_at", "moderated_at"]
    inspect_view_class = CommentInspectView
    edit_view_class = CommentEditView
    # Readers' words are theirs: editors decide on them, never rewrite them.
    panels = [
        FieldPanel("story", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("status"),
    ]

    def get_queryset(self, request):
        return visible_to(request.user, Comment.objects.select_related("story"))
