"""Production: gunicorn (deploy/gunicorn.conf.py) behind the outlet's proxy, or alone.

Everything secret or site-specific comes from the environment; the README's
"Deploying" section lists every variable.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env_flag(name, default):
    return os.environ.get(name, default) == "1"


DEBUG = False
try:
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
except KeyError:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set: production settings need a secret key "
        "(`make serve` generates one in var/ for a local demo)."
    ) from None
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

# A connection kept per gunicorn thread saves a PostgreSQL handshake per request;
# the health check makes a connection that a database restart killed reconnect
# at the next request instead of failing it.
if "DATABASE_CONN_MAX_AGE" not in os.environ:
    DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Our page cache must be one all gunicorn workers share: in each worker's own
# memory (no REDIS_URL) a purge made by one worker, a cron job or an import
# reaches none of the others, which serve the old page until it expires. So
# without Redis the page cache is off (README, "Caching"; `make serve` starts Redis).
if EXEMPLARS_PAGE_CACHE["ENABLED"] and not os.environ.get("REDIS_URL"):  # noqa: F405
    EXEMPLARS_PAGE_CACHE = {**EXEMPLARS_PAGE_CACHE, "ENABLED": False}  # noqa: F405
    EXEMPLARS_PAGE_CACHE_OFF_REASON = (
        "no REDIS_URL: each worker would keep its own copy of a page and miss the "
        "other workers' purges"
    )

# WhiteNoise serves /static/ from gunicorn: hashed names cached for a year
# (immutable), .gz and .br made once by collectstatic. It goes right after
# SecurityMiddleware so static requests skip sessions, auth and the page cache.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_after_security:_after_security] = [
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML is compressed here so `make serve` alone sends gzip; a proxy in front
    # passes it through. Public pages are compressed once per version, not per
    # reader. BREACH: reader pages carry no CSRF token or other secret, and every
    # other response gets Django's random padding ("Heal the BREACH").
    "newsroom.compression.SharedPageGZipMiddleware",
]
# A copy, not base's dict changed in place: importing these settings beside another
# module (a test, a tool) must not switch that module's storage too. The storage
# links a file missing from the manifest unhashed and logs it, never a 500.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "newsroom.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = False  # templates outside {% static %} may still name originals


def WHITENOISE_IMMUTABLE_FILE_TEST(path, url):  # noqa: N802 (a setting)
    # storage.py imports django.conf.settings, which is being built while this module runs.
    from newsroom.storage import is_hashed_static_url

    return is_hashed_static_url(path, url)


# Media (uploaded images and documents) is the proxy's job (README, deploy/nginx.conf);
# a demo without a proxy may let Django serve it.
EXEMPLARS_SERVE_MEDIA = env_flag("DJANGO_SERVE_MEDIA", "0")

# HTTPS is terminated at the outlet's proxy; these follow it. HSTS starts short so a
# misconfigured certificate does not lock readers out for a year.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", "1")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "3600"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Secure cookies unless the site is really reached over plain HTTP (a local demo):
# behind a TLS proxy on loopback keep them, even with the redirect off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_flag("DJANGO_SECURE_COOKIES", "1")

# Mail for workflow notifications and password resets. Without EMAIL_HOST mail is
# written to the server log, so nothing is lost silently to an unreachable relay.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    # Port 465 speaks SSL from the start, 587 upgrades with STARTTLS: never both.
    EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL", "0")
    EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", "0" if EMAIL_USE_SSL else "1")
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
