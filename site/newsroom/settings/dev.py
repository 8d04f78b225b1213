from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A template edited on a laptop shows at once, not after the page cache's timeout.
EXEMPLARS_PAGE_CACHE = {**EXEMPLARS_PAGE_CACHE, "ENABLED": False}  # noqa: F405
