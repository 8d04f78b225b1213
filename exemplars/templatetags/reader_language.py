"""The footer's language link: the same page in the other language.

The language lives in the address (``/…`` Vietnamese, ``/en/…`` English), so
switching is a plain link a cache can keep, not a form with a CSRF cookie.
"""

from django import template
from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from exemplars.ops.origin import absolute

register = template.Library()


def language_url(path: str, code: str) -> str:
    """``path`` in language ``code``; that language's home when the path is no page."""
    translated = translate_url(path, code)
    if translated != path:
        return translated
    try:
        with translation.override(code):
            return reverse("wagtail_serve", args=("",))
    except NoReverseMatch:
        return "/"


@register.simple_tag(takes_context=True)
def page_languages(context) -> list[dict]:
    """This page in every reader language: code, name, url, absolute url, current."""
    request = context.get("request")
    # A site that installs the extension without i18n_patterns has one language
    # per address, and Django's default LANGUAGES lists a hundred.
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    if request is None or not is_language_prefix_patterns_used(urlconf)[0]:
        return []
    current = translation.get_language()
    path = request.get_full_path()
    languages = []
    for code, name in settings.LANGUAGES:
        url = path if code == current else language_url(path, code)
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": absolute(url, request),
                "current": code == current,
            }
        )
    return languages
