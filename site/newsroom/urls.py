from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Feeds, sitemaps and robots.txt
    path("", include("exemplars.reader.urls")),
    # Wagtail API v2 for syndication (exemplars/api/): one address in every language.
    path("api/v2/", include("exemplars.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "EXEMPLARS_SERVE_MEDIA", False):
    # `make serve` without a proxy (a local demo): Django serves uploads itself.
    # Production leaves /media/ to the proxy (deploy/nginx.conf).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# Reader pages in Vietnamese at /…, in English at /en/…: the address alone picks
# the language (no cookie, no form), so every page can be cached as it is.
urlpatterns += i18n_patterns(
    # /search/, /api/search/ and /api/search/suggest/
    path("", include("exemplars_search.urls")),
    # The events section (/su-kien/, /en/su-kien/).
    path("su-kien/", include("exemplars.events.urls")),
    # Wagtail's page serving takes whatever is left; keep it last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
