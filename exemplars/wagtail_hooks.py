from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import ExemplarsSnippetViewSetGroup, StoryListingViewSet

register_snippet(ExemplarsSnippetViewSetGroup)


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet()


# -- the editors' desk (roles, curation): logic in permissions.py -------------


@hooks.register("before_edit_page")
def only_publishers_edit_desk_pages(request, page):
    from wagtail.admin.auth import permission_denied

    from .permissions import may_edit_desk_page

    if not may_edit_desk_page(request.user, page):
        return permission_denied(request)


@hooks.register("before_create_page")
def only_publishers_create_desk_pages(request, parent_page, page_class):
    from wagtail.admin.auth import permission_denied

    from .permissions import may_create_desk_page

    if not may_create_desk_page(request.user, parent_page, page_class):
        return permission_denied(request)
