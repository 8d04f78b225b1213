from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    """Abbreviations editors add to search (Tìm kiếm › Viết tắt)."""

    model = Synonym
    icon = "search"
    menu_label = _("Viết tắt")
    add_to_admin_menu = False
    list_display = ["abbreviation", "full_forms"]
    search_fields = ["abbreviation", "full_forms"]


register_snippet(SynonymViewSet)
