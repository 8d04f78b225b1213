"""The site under gunicorn's ASGI worker (``make serve``; deploy/gunicorn.conf.py).

Not Django's ASGI handler: cached pages are answered in the event loop, and
everything else runs the WSGI application (``wsgi.py``) in threads, as under
gunicorn's threaded worker (exemplars/caching/asgi.py says why). Request bodies
are read, and held to their limits, in the event loop (exemplars/caching/limits.py).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

from exemplars.caching.asgi import PageCacheASGI  # noqa: E402
from newsroom.wsgi import page_cache_application  # noqa: E402

# As many requests in Django at once per worker as gthread's threads were.
application = PageCacheASGI(
    page_cache_application, threads=int(os.environ.get("GUNICORN_THREADS", "4"))
)
