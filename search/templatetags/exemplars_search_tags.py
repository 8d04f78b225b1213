"""Template filters of the reader search pages.

Our own rather than ``django.contrib.humanize``: an outlet installing the app
should not have to add an app only for digit grouping.
"""

from django import template
from django.utils import numberformat
from django.utils.formats import get_format

register = template.Library()


@register.filter
def grouped(value):
    """An integer grouped by thousands with the active language's separator: 1.234 in
    Vietnamese, 1,234 in English."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    # Django's Vietnamese formats name "." as the separator but no grouping size,
    # so its own number_format (and humanize's intcomma) print 1234567.
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
