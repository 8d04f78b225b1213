"""Static file storages of the newsroom site."""

from whitenoise.storage import CompressedManifestStaticFilesStorage as WhiteNoiseStorage


class CompressedManifestStaticFilesStorage(WhiteNoiseStorage):
    """Production static files: hashed names (cached for a year by WhiteNoise) and a
    .gz and .br copy of each text file, all made once by ``collectstatic``.

    Registered in ``settings/production.py`` as ``STORAGES["staticfiles"]``.
    """
