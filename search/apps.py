from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsSearchConfig(AppConfig):
    # The label is not "search": every `wagtail start` site already has one.
    name = "exemplars_search"
    label = "exemplars_search"
    verbose_name = _("Tìm kiếm điển hình")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, Django's idiom: the handlers import wagtail.models, which
        # needs the app registry this module is loaded to fill.
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
