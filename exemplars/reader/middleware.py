"""Vietnamese for readers unless the address asks for English.

Django's LocaleMiddleware follows the browser's Accept-Language, and many
Vietnamese readers' phones are set to English: they would get an English page
around Vietnamese articles. Here only the address chooses: reader pages are
Vietnamese at ``/…`` and English at ``/en/…`` (``i18n_patterns`` with the
default language unprefixed). No cookie and no header is read, so one address
always gives the same page and any cache may keep it. The admin keeps each
user's own preference, which Wagtail applies itself.
"""

from django.conf import settings
from django.utils import translation


class ReaderLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        # Scoped to this request: a reader's English must not leak into whatever
        # the thread handles next.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
