"""Input formats that read back the dates the admin shows (``FORMAT_MODULE_PATH``).

The admin shows dates day first (``WAGTAIL_DATE_FORMAT``), whatever the
editor's language. Django's own formats read ``07/04/2026`` month first (English,
and Vietnamese, which falls back to Django's defaults), so a re-saved form moved
the date to 4 July and a day after the 12th could not be saved. No month-first
format appears here, so a slashed date has one reading.

ISO stays first: widgets without a format of their own (``<input type="date">``)
render with the first entry, and browsers accept only ISO there.
"""

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2026-04-13
    "%d/%m/%Y",  # 13/04/2026 (WAGTAIL_DATE_FORMAT)
    "%d/%m/%y",  # 13/04/26
    "%d-%m-%Y",  # 13-04-2026 (Vietnamese SHORT_DATE_FORMAT)
    "%d.%m.%Y",  # 13.04.2026
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",  # 13/04/2026 09:30 (WAGTAIL_DATETIME_FORMAT)
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%y %H:%M",
    "%d-%m-%Y %H:%M",
    "%H:%M %d-%m-%Y",  # Vietnamese SHORT_DATETIME_FORMAT
    "%d/%m/%Y",
]
