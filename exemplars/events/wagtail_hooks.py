"""Events in the admin (imported by ``exemplars/wagtail_hooks.py``)."""

from wagtail.snippets.models import register_snippet

from exemplars.events.viewsets import EventSnippetViewSet

register_snippet(EventSnippetViewSet)
