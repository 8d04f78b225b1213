from django.urls import path

from . import openapi, views

app_name = "exemplars_search"

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("api/search/", views.search_api, name="api"),
    path("api/search/suggest/", views.suggest_api, name="suggest"),
    path("api/openapi.json", openapi.openapi_document, name="openapi"),
]
