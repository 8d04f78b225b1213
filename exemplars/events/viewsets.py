"""Events in the admin (Sự kiện), registered by ``events/wagtail_hooks.py``."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from exemplars.events.models import Event


class EventSnippetViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Sự kiện")
    menu_order = 205
    add_to_admin_menu = True
    list_display = ["title", "kind", "starts_at", "place", "campaign"]
    list_filter = ["kind", "campaign", "locality"]
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        return Event.objects.select_related("campaign", "locality")
