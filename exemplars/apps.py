from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "exemplars"
    verbose_name = _("Điển hình tiên tiến")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from exemplars_search.registry import register

        from . import checks, images, signal_handlers  # noqa: F401
        from .caching.signal_handlers import register_signal_handlers
        from .comments import signal_handlers as comment_signal_handlers
        from .events import signal_handlers as event_signal_handlers
        from .models import ExemplarStoryPage
        from .search_adapter import story_adapter

        # Content opts in to search here; the search app never imports our models.
        register(ExemplarStoryPage, story_adapter)
        # What the README's install section asks of the site, named by `manage.py check`.
        checks.register_checks()
        # Uploaded photos lose their EXIF (GPS, camera owner) before they are stored.
        images.connect()
        # Published, moved or renamed content leaves the page caches.
        register_signal_handlers()
        # An approved comment, or one no longer approved, purges its story page.
        comment_signal_handlers.register_signal_handlers()
        # An event shows on its page, the events section, the calendars and its campaign's page.
        event_signal_handlers.register_signal_handlers()
