"""The syndication API's endpoints, under one URL namespace."""

from wagtail.api.v2.router import WagtailAPIRouter

from exemplars.api.endpoints import (
    CampaignsAPIViewSet,
    ExemplarsAPIViewSet,
    FieldsAPIViewSet,
    LocalitiesAPIViewSet,
    PublicImagesAPIViewSet,
    PublicPagesAPIViewSet,
)

api_router = WagtailAPIRouter("exemplars_api")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("campaigns", CampaignsAPIViewSet)
api_router.register_endpoint("exemplars", ExemplarsAPIViewSet)
api_router.register_endpoint("localities", LocalitiesAPIViewSet)
api_router.register_endpoint("fields", FieldsAPIViewSet)
