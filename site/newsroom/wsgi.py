import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

from exemplars.caching.wsgi import PageCacheApplication  # noqa: E402  (needs the settings)

# Cached reader pages are answered before Django's handler runs (exemplars/caching/wsgi.py).
application = PageCacheApplication(get_wsgi_application())
