"""The system checks name what an outlet's site is missing (exemplars/ops/checks.py)."""

import sys
import types

import pytest
from django.core import checks
from django.http import HttpResponse
from django.test import override_settings
from django.urls import Resolver404, include, path, resolve, reverse

from exemplars.ops import checks as exemplar_checks


def ids(messages):
    return sorted(m.id for m in messages)


def our_messages():
    return [
        m
        for m in checks.run_checks(include_deployment_checks=False)
        if m.id.startswith("exemplars.")
    ]


def test_the_configured_site_passes_every_check():
    assert our_messages() == []


def test_a_missing_required_app_is_named(monkeypatch):
    from django.apps import apps

    installed = apps.is_installed
    monkeypatch.setattr(
        apps,
        "is_installed",
        lambda name: name != "wagtail.contrib.routable_page" and installed(name),
    )
    [error] = [m for m in our_messages() if m.id == "exemplars.E001"]
    assert error.level == checks.ERROR
    assert '"wagtail.contrib.routable_page" is not in INSTALLED_APPS' in error.msg


def test_every_app_the_readme_asks_for_is_checked():
    from tests.test_install_into_wagtail_site import readme_block

    block = readme_block("install-settings")
    for dotted in exemplar_checks.REQUIRED_APPS:
        if dotted.startswith(("wagtail.contrib.", "django.contrib.", "exemplars")):
            assert f'"{dotted}"' in block, f"{dotted} is required but the README never says so"


def test_missing_request_context_processor_is_an_error(settings):
    engine = dict(settings.TEMPLATES[0])
    engine["OPTIONS"] = {
        **engine["OPTIONS"],
        "context_processors": [
            p
            for p in engine["OPTIONS"]["context_processors"]
            if p != "django.template.context_processors.request"
        ],
    }
    with override_settings(TEMPLATES=[engine]):
        assert ids(exemplar_checks.check_templates()) == ["exemplars.E002"]


def test_an_unloadable_search_backend_is_an_error():
    with override_settings(EXEMPLARS_SEARCH={"BACKEND": "no.such.backend"}):
        [error] = exemplar_checks.check_search_backend()
    assert error.id == "exemplars.E003"
    assert "no.such.backend" in error.msg


@pytest.fixture
def urlconf(monkeypatch):
    """Installs a throwaway URLconf module and returns its name."""
    module = types.ModuleType("exemplars_checks_test_urls")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    return module


def test_reader_urls_not_included_are_named(urlconf):
    urlconf.urlpatterns = [path("", include("exemplars_search.urls"))]
    with override_settings(ROOT_URLCONF=urlconf.__name__):
        errors = exemplar_checks.check_urls()
    assert ids(errors) == ["exemplars.E004", "exemplars.E004"]
    assert 'include("exemplars.reader.urls.feeds")' in errors[0].hint
    assert 'include("exemplars.reader.urls.seo")' in errors[1].hint


def test_an_outlet_mounts_feeds_and_sitemaps_under_its_prefix_and_keeps_its_root(urlconf):
    """The README's URL lines: every check passes, and /rss/, /atom/, /sitemap.xml and
    /robots.txt stay the outlet's own."""
    urlconf.urlpatterns = [
        path("", include("exemplars_search.urls")),
        path("", include("exemplars.reader.urls.reader")),
        path("dien-hinh/", include("exemplars.reader.urls.feeds")),
        path("dien-hinh/", include("exemplars.reader.urls.seo")),
    ]
    with override_settings(ROOT_URLCONF=urlconf.__name__):
        assert exemplar_checks.check_urls() == []
        assert reverse("exemplars_feed_rss") == "/dien-hinh/rss/"
        assert reverse("exemplars_sitemap") == "/dien-hinh/sitemap.xml"
        for taken in ("/rss/", "/atom/", "/sitemap.xml", "/robots.txt", "/news-sitemap.xml"):
            with pytest.raises(Resolver404):
                resolve(taken)


def test_the_starter_search_view_left_above_ours_is_named(urlconf):
    def starter_search(request):
        return HttpResponse("Wagtail's starter search")

    urlconf.urlpatterns = [
        path("search/", starter_search, name="search"),
        path("", include("exemplars_search.urls")),
        path("", include("exemplars.reader.urls")),
    ]
    with override_settings(ROOT_URLCONF=urlconf.__name__):
        [error] = exemplar_checks.check_urls()
    assert error.id == "exemplars.E005"
    assert "/search/ is answered by" in error.msg and "starter_search" in error.msg


@override_settings(
    LANGUAGE_CODE="en-us",
    TIME_ZONE="UTC",
    WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "wagtail.search.backends.database"}},
)
def test_reader_settings_that_do_not_suit_a_vietnamese_newsroom_are_warnings():
    warnings = exemplar_checks.check_reader_settings()
    assert ids(warnings) == ["exemplars.W001", "exemplars.W002", "exemplars.W003"]
    assert all(w.level == checks.WARNING for w in warnings)
