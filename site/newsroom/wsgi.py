import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

from exemplars.caching.limits import WholeBodyApplication  # noqa: E402  (needs the settings)
from exemplars.caching.wsgi import PageCacheApplication  # noqa: E402

# Cached reader pages are answered before Django's handler runs (exemplars/caching/wsgi.py).
# The ASGI worker (asgi.py) runs this one, reading bodies itself.
page_cache_application = PageCacheApplication(get_wsgi_application())
# Under gunicorn's threaded worker: Django gets a body only once it has arrived
# whole and within its limit (exemplars/caching/limits.py).
application = WholeBodyApplication(page_cache_application)
