"""The read-only Wagtail API v2 for syndication (provincial portal, radio-TV).

``router.api_router`` holds the endpoints (``endpoints.py``); the fields that
describe campaigns, exemplars, localities, honours and bylines are in
``serializers.py``. A site mounts it with
``path("api/v2/", include("exemplars.api.urls"))`` (namespace ``exemplars_api``).
"""
