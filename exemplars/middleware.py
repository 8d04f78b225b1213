"""Vietnamese for readers unless they choose English.

Django's LocaleMiddleware follows the browser's Accept-Language, and many
Vietnamese readers' phones are set to English: they would get an English page
around Vietnamese articles. Here only an explicit choice (the language cookie
set by Django's ``set_language`` view) switches the language; the admin keeps
each user's own preference, which Wagtail applies itself.
"""

from django.conf import settings
from django.utils import translation


class ReaderLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        # Scoped to this request: a reader's English must not leak into whatever
        # the thread handles next.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
