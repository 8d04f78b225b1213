import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="exemplars-media-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests share one local-memory cache, so a page one test cached would be served
# to the next: the page cache is off here and tests/exemplars/test_caching.py
# turns it on. Its headers are written either way.
EXEMPLARS_PAGE_CACHE = {**EXEMPLARS_PAGE_CACHE, "ENABLED": False}  # noqa: F405
# A search node named in the environment (make test starts one) is for the live
# cluster tests, which build their own backend from it: the rest of the suite
# keeps the database backend, as it would on a machine without the node.
EXEMPLARS_SEARCH = {**EXEMPLARS_SEARCH, "ELASTICSEARCH_URL": "", "OPENSEARCH_URL": ""}  # noqa: F405
