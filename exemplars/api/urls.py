"""Mount with ``path("api/v2/", include("exemplars.api.urls"))`` in the site's ``urls.py``."""

from exemplars.api.router import api_router

app_name = api_router.url_namespace
urlpatterns = api_router.get_urlpatterns()
