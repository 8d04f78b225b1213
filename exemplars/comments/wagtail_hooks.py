"""Admin wiring for comments (imported by ``exemplars/wagtail_hooks.py``)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from exemplars.comments.bulk_actions import BULK_ACTIONS
from exemplars.comments.panels import add_panel
from exemplars.comments.viewsets import CommentSnippetViewSet

register_snippet(CommentSnippetViewSet)

for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)

hooks.register("construct_homepage_panels", add_panel)
