from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import ExemplarsSnippetViewSetGroup, StoryListingViewSet

register_snippet(ExemplarsSnippetViewSetGroup)


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()
