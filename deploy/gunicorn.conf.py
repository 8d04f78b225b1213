"""gunicorn for the newsroom site: `make serve`, or `gunicorn -c deploy/gunicorn.conf.py`.

gunicorn's ASGI worker (asyncio, uvloop when installed) answers the pages a
worker holds in memory from its event loop, and runs everything else, Django
unchanged, in a pool of threads per worker: a page spends much of its time
waiting on the database or Redis, and threads wait cheaply where a process
each would cost memory (site/newsroom/asgi.py). GUNICORN_WORKER_CLASS=gthread
serves the plain WSGI application with gunicorn's threaded workers instead.
Every value can be overridden from the environment (GUNICORN_*).
"""

import multiprocessing
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The Django project package `newsroom` lives in site/ (see manage.py).
sys.path.insert(0, str(ROOT / "site"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "asgi")
if worker_class == "asgi":
    wsgi_app = "newsroom.asgi:application"
else:
    wsgi_app = "newsroom.wsgi:application"
    threads = int(os.environ.get("GUNICORN_THREADS", "4"))
chdir = str(ROOT)
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# One process per core plus one, so a worker busy in Python leaves the others
# a core; threads cover the waits (GUNICORN_THREADS, read by newsroom/asgi.py
# under the ASGI worker). GUNICORN_WORKERS/THREADS tune a larger machine.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
# A worker whose main loop is silent this long (hung, not merely busy: with threads
# a slow request alone does not count) is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycling workers now and then bounds any slow memory growth. Counted in
# requests, so not too often: a worker answers over 10,000 cached pages a
# second, and one recycled during a rush loses its near cache, and drops the
# keep-alive connections that were idle at that instant (a proxy or a browser
# retries; a load tester counts an error), just when readers came. Ten million
# is a quarter of an hour of flat-out load, days of a normal one.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000000"))
max_requests_jitter = max_requests // 20
# Load the app once in the master so a broken configuration fails at start,
# not in every worker; workers fork with it already imported.
preload_app = True
# The control socket (gunicorn 27) is not used, and two servers on one machine
# (a test beside `make serve`) would contend for its one path.
control_socket_disable = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind the proxy on loopback: trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Header names with underscores are dropped, never mapped: X_Forwarded_For would
# otherwise join X-Forwarded-For in HTTP_X_FORWARDED_FOR, which the rate limit and
# SECURE_PROXY_SSL_HEADER read (gunicorn's default, said here so it stays).
header_map = "drop"
# Not even from the trusted proxy: gunicorn would otherwise take SCRIPT_NAME and
# PATH_INFO from headers of those names, and our proxy never sends them.
forwarder_headers = ""


def when_ready(server):
    """In the master, once the application is loaded (preload_app): the objects
    that exist now (Django, Wagtail, templates) are set aside from the garbage
    collector, so workers neither scan them on every collection (about two per
    uncached page) nor copy their memory pages by touching them."""
    import gc

    gc.freeze()
