"""System checks: what an outlet's site must provide for the extension to work.

An outlet adds our apps to a site it made with ``wagtail start``; whatever the
README's install section asks for is checked here, so a missing piece is named
by ``manage.py check`` (and at every ``runserver``) instead of surfacing as a
500 on some reader page. Registered in ``ExemplarsConfig.ready()``.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning
from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from exemplars.caching.conf import page_cache_settings
from exemplars_search.backends import load_backend_class, resolve_name

INSTALL_HINT = 'See "Adding the extension to a Wagtail site" in the README.'

# Every one of these is imported or served by our pages, feeds, sitemaps or
# roles; `wagtail start` provides the Wagtail core ones, the README the rest.
REQUIRED_APPS = (
    "exemplars_search",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "taggit",
)

REQUIRED_CONTEXT_PROCESSORS = ("django.template.context_processors.request",)

# URL name -> the view that must answer it. Checked by resolving, so the starter
# `search/` route of `wagtail start` left above ours is caught, not only a
# missing include.
READER_URLS = {
    "exemplars_search:search": "exemplars_search.views.search_page",
    "exemplars_search:api": "exemplars_search.views.search_api",
    "exemplars_feed_rss": "exemplars.reader.feeds.StoryFeed",
    "exemplars_sitemap": "exemplars.reader.sitemaps.sitemap",
}
# URL name -> the include that provides it. Feeds and sitemaps go under a prefix the
# site chooses: an outlet's root already has its own /rss/ and /sitemap.xml.
URL_INCLUDES = {
    "exemplars_search:search": 'path("", include("exemplars_search.urls"))',
    "exemplars_search:api": 'path("", include("exemplars_search.urls"))',
    "exemplars_feed_rss": 'path("dien-hinh/", include("exemplars.reader.urls.feeds"))',
    "exemplars_sitemap": 'path("dien-hinh/", include("exemplars.reader.urls.seo"))',
}

READER_TIME_ZONES = {"Asia/Ho_Chi_Minh", "Asia/Saigon"}
FOLDED_ADMIN_SEARCH = "exemplars_search.wagtail_backend"


def check_installed_apps(app_configs=None, **kwargs):
    return [
        Error(
            f'"{dotted}" is not in INSTALLED_APPS; the Exemplars extension needs it.',
            hint=f'Add "{dotted}" to INSTALLED_APPS. {INSTALL_HINT}',
            obj="settings.INSTALLED_APPS",
            id="exemplars.E001",
        )
        for dotted in REQUIRED_APPS
        if not apps.is_installed(dotted)
    ]


def check_templates(app_configs=None, **kwargs):
    django_engines = [
        engine
        for engine in settings.TEMPLATES
        if engine.get("BACKEND") == "django.template.backends.django.DjangoTemplates"
    ]
    if not django_engines:
        return [
            Error(
                "No DjangoTemplates engine in TEMPLATES; the reader pages are Django templates.",
                hint=INSTALL_HINT,
                obj="settings.TEMPLATES",
                id="exemplars.E002",
            )
        ]
    processors = django_engines[0].get("OPTIONS", {}).get("context_processors", [])
    return [
        Error(
            f'The template context processor "{name}" is missing; the reader pages read '
            "the query and the current path from the request.",
            hint=f"Add it to TEMPLATES[0]['OPTIONS']['context_processors']. {INSTALL_HINT}",
            obj="settings.TEMPLATES",
            id="exemplars.E002",
        )
        for name in REQUIRED_CONTEXT_PROCESSORS
        if name not in processors
    ]


def check_search_backend(app_configs=None, **kwargs):
    try:
        load_backend_class(resolve_name())
    except ImproperlyConfigured as exc:
        return [
            Error(
                f"The reader search backend cannot be loaded: {exc}",
                hint='Set EXEMPLARS_SEARCH = {"BACKEND": "auto"} (SQLite or PostgreSQL), or '
                "install the elasticsearch (or opensearch) extra for a search cluster.",
                obj="settings.EXEMPLARS_SEARCH",
                id="exemplars.E003",
            )
        ]
    return []


def check_urls(app_configs=None, **kwargs):
    errors = []
    for name, view in READER_URLS.items():
        try:
            url = reverse(name)
        except NoReverseMatch:
            include = URL_INCLUDES[name]
            errors.append(
                Error(
                    f"The reader URL {name!r} is not in the site's URLconf.",
                    hint=f"Add {include} before Wagtail's catch-all in urls.py. {INSTALL_HINT}",
                    obj=settings.ROOT_URLCONF,
                    id="exemplars.E004",
                )
            )
            continue
        try:
            match = resolve(url)
        except Resolver404:
            match = None
        found = _dotted(match.func) if match else None
        if found != view:
            errors.append(
                Error(
                    f"{url} is answered by {found or 'nothing'}, not by {view}: an earlier "
                    "URL pattern takes it (the starter search view of `wagtail start`?).",
                    hint=f"Remove that pattern or move our includes above it. {INSTALL_HINT}",
                    obj=settings.ROOT_URLCONF,
                    id="exemplars.E005",
                )
            )
    return errors


def check_reader_settings(app_configs=None, **kwargs):
    warnings = []
    if not settings.LANGUAGE_CODE.lower().startswith("vi"):
        warnings.append(
            Warning(
                f"LANGUAGE_CODE is {settings.LANGUAGE_CODE!r}: dates, numbers and the reader "
                "pages' language follow it, and Vietnamese readers expect Vietnamese.",
                hint='Set LANGUAGE_CODE = "vi".',
                obj="settings.LANGUAGE_CODE",
                id="exemplars.W001",
            )
        )
    if not settings.USE_TZ or settings.TIME_ZONE not in READER_TIME_ZONES:
        warnings.append(
            Warning(
                f"TIME_ZONE is {settings.TIME_ZONE!r} (USE_TZ={settings.USE_TZ}): publication "
                "times and 'today' in feeds and the news sitemap are shown in this zone.",
                hint='Set TIME_ZONE = "Asia/Ho_Chi_Minh" and USE_TZ = True.',
                obj="settings.TIME_ZONE",
                id="exemplars.W002",
            )
        )
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}) or {}
    admin_backend = backends.get("default", {}).get("BACKEND")
    if admin_backend != FOLDED_ADMIN_SEARCH:
        warnings.append(
            Warning(
                f"The admin's search backend is {admin_backend or 'Wagtail’s default'}: "
                'editors typing "dien hinh" will not find "điển hình", nor "d" find "đ".',
                hint=f'Set WAGTAILSEARCH_BACKENDS = {{"default": {{"BACKEND": '
                f'"{FOLDED_ADMIN_SEARCH}"}}}}.',
                obj="settings.WAGTAILSEARCH_BACKENDS",
                id="exemplars.W003",
            )
        )
    return warnings


# Caches each server process holds alone: a purge in one never reaches another.
PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def check_page_cache(app_configs=None, **kwargs):
    conf = page_cache_settings()
    backend = settings.CACHES.get(conf["CACHE"], {}).get("BACKEND", "")
    if settings.DEBUG or not conf["ENABLED"] or backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            f"The page cache keeps pages in {backend.rsplit('.', 1)[-1]}, which each "
            "server process holds alone: a publication purges the pages of the process "
            "that handled it (or of none, from a command or cron), and the other "
            "processes keep serving the old page until it expires.",
            hint=f"Point CACHES[{conf['CACHE']!r}] at Redis (REDIS_URL), or set "
            'EXEMPLARS_PAGE_CACHE = {"ENABLED": False}.',
            obj="settings.EXEMPLARS_PAGE_CACHE",
            id="exemplars.W004",
        )
    ]


def _dotted(func) -> str:
    view = getattr(func, "view_class", None) or func
    # A Feed instance is the view itself; name it by its class.
    if not hasattr(view, "__qualname__"):
        view = type(view)
    return f"{view.__module__}.{view.__qualname__}"


def register_checks() -> None:
    from django.core.checks import register

    register(check_installed_apps, Tags.compatibility)
    register(check_templates, Tags.templates)
    register(check_search_backend, Tags.compatibility)
    register(check_urls, Tags.urls)
    register(check_reader_settings, Tags.compatibility)
    register(check_page_cache, Tags.caches)
