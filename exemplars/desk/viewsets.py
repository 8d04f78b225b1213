"""Admin viewsets: the snippets editors manage and the story listing journalists filter.

Wired into the admin by ``wagtail_hooks.py``.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from exemplars.booklets.views import CampaignEditView
from exemplars.models import (
    Author,
    Award,
    Campaign,
    Exemplar,
    ExemplarStoryPage,
    Field,
    Locality,
    Stage,
)


class CampaignSnippetViewSet(SnippetViewSet):
    model = Campaign
    icon = "flag"
    # Its header menu prints the campaign's booklet (exemplars/booklets/).
    edit_view_class = CampaignEditView
    menu_label = _("Phong trào thi đua")
    list_display = [
        "name",
        "period",
        "level",
        "authority",
        Column("get_status_display", label=_("Trạng thái")),
    ]
    list_filter = ["level", "parent"]
    ordering = ["-start_year", "name"]


class ExemplarSnippetViewSet(SnippetViewSet):
    model = Exemplar
    icon = "user"
    menu_label = _("Điển hình")
    list_display = ["name", "kind", "locality", "field", "stage"]
    # Drafts (nominations, journalists' profiles) are what editors come to review.
    list_filter = ["live", "kind", "stage", "locality", "field"]

    def get_queryset(self, request):
        return Exemplar.objects.select_related("locality", "field")


class LocalitySnippetViewSet(SnippetViewSet):
    model = Locality
    icon = "site"
    menu_label = _("Địa phương")
    list_display = ["name", "kind", "parent", "successor", "valid_until"]
    list_filter = ["kind"]

    def get_queryset(self, request):
        return Locality.objects.select_related("parent", "successor")


class FieldSnippetViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "slug"]


class AuthorSnippetViewSet(SnippetViewSet):
    model = Author
    icon = "edit"
    menu_label = _("Tác giả")
    list_display = ["name", "full_name"]


class AwardSnippetViewSet(SnippetViewSet):
    model = Award
    icon = "pick"
    menu_label = _("Hình thức khen thưởng")
    list_display = ["name", "level", "issuing_body"]


class ExemplarsSnippetViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Điển hình tiên tiến")
    menu_icon = "pick"
    menu_order = 200
    items = (
        CampaignSnippetViewSet,
        ExemplarSnippetViewSet,
        LocalitySnippetViewSet,
        FieldSnippetViewSet,
        AuthorSnippetViewSet,
        AwardSnippetViewSet,
    )


def _by_ids(queryset, story_filter: dict):
    """Filter through the story ids, so the filter also works beside an admin search:
    Wagtail's search can filter on ``id`` but not across many-to-many or related rows."""
    ids = ExemplarStoryPage.objects.filter(**story_filter).values_list("pk", flat=True)
    return queryset.filter(pk__in=list(ids))


class StoryFilterSet(PageFilterSet):
    campaigns = django_filters.ModelMultipleChoiceFilter(
        label=_("Phong trào"),
        queryset=Campaign.objects.all(),
        method=lambda qs, name, value: _by_ids(qs, {"campaigns__in": value}) if value else qs,
    )
    locality = django_filters.ModelChoiceFilter(
        label=_("Địa phương"), queryset=Locality.objects.all()
    )
    field = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=Field.objects.all())
    exemplar__stage = django_filters.ChoiceFilter(
        label=_("Giai đoạn điển hình"),
        choices=Stage.choices,
        method=lambda qs, name, value: _by_ids(qs, {name: value}) if value else qs,
    )
    exemplar__kind = django_filters.ChoiceFilter(
        label=_("Cá nhân / tập thể"),
        choices=Exemplar.Kind.choices,
        method=lambda qs, name, value: _by_ids(qs, {name: value}) if value else qs,
    )

    class Meta:
        model = ExemplarStoryPage
        fields = []


class StoryListingViewSet(PageListingViewSet):
    model = ExemplarStoryPage
    icon = "doc-full"
    menu_label = _("Bài điển hình")
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = StoryFilterSet
    name = "exemplar_stories"
