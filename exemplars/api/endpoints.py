"""Read-only endpoints of the syndication API: pages, images and our snippets.

Only what a reader may see: live pages outside every view restriction, live
exemplars, and images shown by those. Nobody is authenticated here, so an
editor's session never widens an answer and every answer is the same for
everyone (safe for shared caches).
"""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.cache import patch_cache_control
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from exemplars.api.fields import api_fields
from exemplars.api.parameters import (
    BoundedPagination,
    check_find_id,
    check_pk,
    check_request,
    checked_filters,
)
from exemplars.api.serializers import HERO_RENDITION, PORTRAIT_RENDITION
from exemplars.caching.conf import page_cache_settings
from exemplars.models import Campaign, Exemplar, ExemplarStoryPage, Field, Honour, Locality


class PublicAPIMixin:
    """Anonymous, JSON only, briefly cacheable.

    Answers change whenever anything is published and the page cache's purges
    do not know API addresses, so they are kept as briefly as search answers
    (``SEARCH_MAX_AGE``) by browsers and shared caches alike, and the
    ``Cache-Control`` set here keeps them out of our own page cache.
    """

    authentication_classes: list = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination

    def __init_subclass__(cls, **kwargs):
        # Upstream's filters, with the ones that let bad values through swapped
        # for checked ones (exemplars/api/parameters.py), wherever a view lists them.
        super().__init_subclass__(**kwargs)
        cls.filter_backends = checked_filters(cls.filter_backends)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_request(request)

    def perform_content_negotiation(self, request, force=False):
        # DRF answers an unknown ?format= with a bare 404; it is a bad parameter.
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as e:
            raise BadRequestError("format must be 'json'") from e

    def handle_exception(self, exc):
        # DRF's get_object_or_404 drops the reason (e.g. a detail view whose
        # ?search= leaves nothing to get): every 4xx here says something.
        if isinstance(exc, Http404) and not str(exc):
            exc = Http404("not found")
        return super().handle_exception(exc)

    def detail_view(self, request, pk):
        check_pk(self.get_queryset().model, pk)
        return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        check_find_id(request, queryset.model)
        return super().find_object(queryset, request)

    @classmethod
    def get_body_fields(cls, model):
        # Our models' fields are declared in fields.py, not on the models.
        return cls._convert_api_fields(cls.body_fields + api_fields(model))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code < 500 and not response.has_header("Cache-Control"):
            age = page_cache_settings()["SEARCH_MAX_AGE"]
            patch_cache_control(response, public=True, max_age=age, s_maxage=age)
        return response


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint over live pages under no view restriction."""

    def get_base_queryset(self):
        # Upstream hides pages restricted for *this* request; ``public()`` hides
        # every restricted page, whoever asks.
        try:
            base = super().get_base_queryset()
        except Http404 as e:
            # Wagtail's ?site= lookup is its only 404 here: a bad parameter.
            raise BadRequestError("site doesn't exist") from e
        return base.public()

    def get_queryset(self):
        queryset = super().get_queryset()
        if queryset.model is ExemplarStoryPage:
            heroes = get_image_model().objects.prefetch_renditions(HERO_RENDITION)
            queryset = queryset.select_related(
                "locale", "exemplar", "locality", "field"
            ).prefetch_related(
                Prefetch("hero_image", queryset=heroes), "campaigns", "awards", "bylines__author"
            )
        return queryset


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    """Images shown on public pages: story heroes and live exemplars' portraits."""

    def get_queryset(self):
        stories = ExemplarStoryPage.objects.live().public()
        return (
            get_image_model()
            .objects.filter(
                Q(pk__in=stories.filter(hero_image__isnull=False).values("hero_image"))
                | Q(
                    pk__in=Exemplar.objects.live().filter(portrait__isnull=False).values("portrait")
                )
            )
            .order_by("id")
        )


class SnippetAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
    """A snippet endpoint: its ``api_fields``, filterable by them, ordered by ``?order=``."""

    filter_backends = [FieldsFilter, OrderingFilter]
    # No full-text search here: refused as unknown rather than silently ignored.
    known_query_parameters = BaseAPIViewSet.known_query_parameters - {
        "search",
        "search_operator",
    }
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["name", "slug", "html_url"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "slug"]

    def get_queryset(self):
        return self.model.objects.all().order_by("id")


class CampaignsAPIViewSet(SnippetAPIViewSet):
    name = "campaigns"
    model = Campaign

    def get_queryset(self):
        return super().get_queryset().select_related("parent", "page").prefetch_related("drives")


class ExemplarsAPIViewSet(SnippetAPIViewSet):
    name = "exemplars"
    model = Exemplar

    def get_queryset(self):
        honours = Honour.objects.select_related("award", "campaign")
        portraits = get_image_model().objects.prefetch_renditions(PORTRAIT_RENDITION)
        return (
            Exemplar.objects.live()
            .select_related("locality", "field")
            .prefetch_related(
                Prefetch("honours", queryset=honours),
                Prefetch("portrait", queryset=portraits),
            )
            .order_by("id")
        )


class LocalitiesAPIViewSet(SnippetAPIViewSet):
    name = "localities"
    model = Locality

    def get_queryset(self):
        return super().get_queryset().select_related("parent", "successor")


class FieldsAPIViewSet(SnippetAPIViewSet):
    name = "fields"
    model = Field
