"""The site under gunicorn's ASGI worker (``make serve``; deploy/gunicorn.conf.py).

Not Django's ASGI handler: cached pages are answered in the event loop, and
everything else runs the WSGI application (``wsgi.py``) in threads, as under
gunicorn's threaded worker (exemplars/caching/asgi.py says why).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

from exemplars.caching.asgi import PageCacheASGI  # noqa: E402
from newsroom.wsgi import application as wsgi_application  # noqa: E402

# As many requests in Django at once per worker as gthread's threads were.
application = PageCacheASGI(wsgi_application, threads=int(os.environ.get("GUNICORN_THREADS", "4")))
