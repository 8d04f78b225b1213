"""The exemplars app: every room's signal handlers and checks are wired here, once."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "exemplars"
    verbose_name = _("Điển hình tiên tiến")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Each of these imports models, which exist only once the app registry is ready:
        # the one place our modules are imported inside a function (docs/architecture.md).
        from exemplars import images
        from exemplars.caching import signal_handlers as caching
        from exemplars.comments import signal_handlers as comments
        from exemplars.events import signal_handlers as events
        from exemplars.indexing import signal_handlers as indexing
        from exemplars.ops import checks
        from exemplars.reader import pages

        # What the README's install section asks of the site, named by `manage.py check`.
        checks.register_checks()
        # Uploaded photos lose their EXIF (GPS, camera owner) before they are stored.
        images.register_signal_handlers()
        # Published, moved or renamed content leaves the page caches.
        caching.register_signal_handlers()
        # An approved comment, or one no longer approved, purges its story page.
        comments.register_signal_handlers()
        # An event shows on its page, the events section, the calendars and its campaign's page.
        events.register_signal_handlers()
        # Page models render through the reader layer's views (exemplars.models.presenters).
        pages.register_page_views()
        # Stories opt in to search; renamed records reindex the stories they label.
        indexing.register_signal_handlers()
