"""Settings shared by every environment of the newsroom site.

Everything that differs between a laptop and production comes from the
environment, with defaults that give a working site and no server to run.
"""

import os
from email.utils import parseaddr
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/newsroom
BASE_DIR = PROJECT_DIR.parent.parent  # the repository root
VAR_DIR = Path(os.environ.get("EXEMPLARS_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]

INSTALLED_APPS = [
    "exemplars",
    "exemplars_search",
    # This project's demo content and its commands (load_demo, ensure_admin), outside the
    # installed package: demo/ in the repository root.
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above sessions and CSRF, so it sees every cookie a response would set;
    # below it, CSP and Permissions-Policy are kept with the cached page.
    "exemplars.caching.middleware.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "exemplars.reader.middleware.ReaderLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL=postgres://… switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers search while a journalist saves. A deferred transaction
    # that read first cannot wait for the write lock, only fail ("database is
    # locked", about one concurrent publish in six): IMMEDIATE takes the lock at
    # BEGIN, where the busy timeout makes a second save wait its turn.
    # mmap_size: pages are read from the memory-mapped file, not copied in by
    # a read() each into a 2 MB per-connection cache. A story row (its body
    # inline) fills a 4 kB page, so a campaign's 4,000 stories were 4,000 reads
    # a request (facet counts 10 → 7 ms, home 14 → 5 ms at 20,000 stories). The
    # mapping is the OS page cache every worker shares; 1 GiB is an upper bound,
    # only the file's own size is mapped.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A Redis outage is a cache miss (logged once), never a 500: see exemplars.ops.redis_cache.
CACHES = {
    "default": (
        {
            "BACKEND": "exemplars.ops.redis_cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Điển hình tiên tiến"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# An edit during moderation sends the story back through every step, so the
# honour verification always covers the revision that gets published.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Locale formats outrank *_INPUT_FORMATS settings, and Django's read "07/04" month
# first: our format modules make the admin read its dates back as it shows them.
FORMAT_MODULE_PATH = ["newsroom.formats"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# The admin's search (pages, snippets, choosers) stays on Wagtail's own database
# backend, folded so "dien hinh" finds "điển hình"; readers use EXEMPLARS_SEARCH.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "exemplars_search.wagtail_backend"},
}

# Reader search: "auto" picks PostgreSQL full-text search on PostgreSQL and
# SQLite FTS5 otherwise; ELASTICSEARCH_URL (or OPENSEARCH_URL) switches to a cluster.
EXEMPLARS_SEARCH = {
    "BACKEND": os.environ.get("EXEMPLARS_SEARCH_BACKEND", "auto"),
    "ELASTICSEARCH_URL": os.environ.get("ELASTICSEARCH_URL", ""),
    "OPENSEARCH_URL": os.environ.get("OPENSEARCH_URL", ""),
    "INDEX": os.environ.get("EXEMPLARS_SEARCH_INDEX", "exemplars"),
}

# Reader pages: Cache-Control for browsers and shared caches, and our full-page
# cache for anonymous readers (exemplars/caching/conf.py has every key).
EXEMPLARS_PAGE_CACHE = {
    "ENABLED": os.environ.get("EXEMPLARS_PAGE_CACHE", "1") == "1",
    "TIMEOUT": int(os.environ.get("EXEMPLARS_PAGE_CACHE_TIMEOUT", "3600")),
    "MAX_AGE": int(os.environ.get("EXEMPLARS_CACHE_MAX_AGE", "0")),
    "S_MAXAGE": int(os.environ.get("EXEMPLARS_CACHE_S_MAXAGE", "300")),
    "SEARCH_MAX_AGE": int(os.environ.get("EXEMPLARS_CACHE_SEARCH_MAX_AGE", "30")),
    "NEAR_CACHE_BYTES": int(os.environ.get("EXEMPLARS_PAGE_CACHE_NEAR_BYTES", str(32 * 2**20))),
}
# Publishing purges our page cache through Wagtail's front-end cache
# invalidation; a proxy or CDN in front is purged by adding its backend here.
WAGTAILFRONTENDCACHE = {
    "pages": {"BACKEND": "exemplars.caching.backends.PageCacheBackend"},
}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # Varnish or nginx answering HTTP PURGE (e.g. http://127.0.0.1:6081).
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }

# Reader pages run no inline script: JSON-LD blocks are data, which CSP does not
# execute. Styles allow inline because Wagtail's responsive embeds set a
# padding in a style attribute. The admin keeps Wagtail's own scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://www.facebook.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Readers' pages use none of these; an embedded video may go full screen.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
    "fullscreen": ["self", "https://www.youtube.com", "https://player.vimeo.com"],
}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Every log record, request errors with their traceback included, goes to stderr
# (the process manager's or container's log) in every environment. Django's own
# default sends errors to a console that is silent unless DEBUG and to ADMINS, so
# a production 500 was written nowhere. DJANGO_LOG_LEVEL sets the level.
# Reporting on top, from the environment: DJANGO_ADMINS ("Name <a@b.vn>, c@d.vn")
# mails each error to them through Django's mail settings; DJANGO_ERROR_HANDLER is
# the dotted path of a logging.Handler class (an error tracker's) given every error.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO").upper()
ADMINS = [
    parseaddr(address)
    for address in os.environ.get("DJANGO_ADMINS", "").split(",")
    if address.strip()
]
_error_handlers = {}
if ADMINS:
    _error_handlers["mail_admins"] = {
        "class": "django.utils.log.AdminEmailHandler",
        "level": "ERROR",
    }
if os.environ.get("DJANGO_ERROR_HANDLER"):
    _error_handlers["error_hook"] = {
        "class": os.environ["DJANGO_ERROR_HANDLER"],
        "level": "ERROR",
    }
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        },
        **_error_handlers,
    },
    "root": {"handlers": ["console", *_error_handlers], "level": LOG_LEVEL},
    "loggers": {
        # Through the root's handlers only, so nothing is written or mailed twice.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        # One line per request to a search cluster is noise at INFO.
        "elastic_transport": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
        # One line per purged URL (a campaign rename purges hundreds); the
        # backends log their failures as errors.
        "wagtail.frontendcache": {"level": "WARNING"},
        # WeasyPrint logs each step and page of a booklet (hundreds of lines) at INFO;
        # its warnings (a refused address, a missing glyph) still show.
        "weasyprint": {"level": "WARNING"},
    },
}
