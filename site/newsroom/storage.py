"""Static file storages of the newsroom site."""

import functools
import logging

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage as WhiteNoiseStorage

logger = logging.getLogger(__name__)


class UnhashedFallbackMixin:
    """A file the manifest does not know gets its plain name, logged once, instead of
    ``{% static %}`` raising and every page answering 500.

    That happens when a release forgot ``collectstatic``, or a template names a file
    added since: readers then get the page (perhaps unstyled until the file is
    collected) and the log says which file and why.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._unhashed = set()

    def stored_name(self, name):
        if name in self._unhashed:
            return name
        try:
            return super().stored_name(name)
        except ValueError as exc:
            # Manifest storages raise ValueError for a missing manifest entry and for
            # a file absent from STATIC_ROOT (WhiteNoise's MissingFileError subclasses it).
            self._unhashed.add(name)
            logger.error(
                "Static file %r has no hashed name (%s); it is linked unhashed. "
                "Run `manage.py collectstatic` for this release.",
                name,
                exc,
            )
            return name


class CompressedManifestStaticFilesStorage(UnhashedFallbackMixin, WhiteNoiseStorage):
    """Production static files: hashed names (cached for a year by WhiteNoise) and a
    .gz and .br copy of each text file, all made once by ``collectstatic``.

    Registered in ``settings/production.py`` as ``STORAGES["staticfiles"]``.
    """


@functools.cache
def _manifest_names():
    from django.contrib.staticfiles.storage import staticfiles_storage

    return frozenset(getattr(staticfiles_storage, "hashed_files", {}).values())


def is_hashed_static_url(path, url):
    """``WHITENOISE_IMMUTABLE_FILE_TEST``: cache a file forever when its name is one
    the manifest hands out (read once: WhiteNoise scans the files at start).

    WhiteNoise's own test strips a would-be hash from every file name and asks the
    storage for the result, so ``core.js.LICENSE.txt`` has it look up ``core.js.txt``,
    which exists nowhere: the fallback above would log each as a missing file.
    """
    return url.removeprefix(settings.STATIC_URL) in _manifest_names()
