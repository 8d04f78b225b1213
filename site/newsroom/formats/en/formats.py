# Day first in every admin language: see newsroom.formats.
from newsroom.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401
