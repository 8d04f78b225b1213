"""Wagtail reads ``wagtail_hooks`` only at an app's root: this loads each room's own.

Every room wires its admin screens in its own ``wagtail_hooks.py`` (the desk's
pages, menus and guards; comments, contests, booklets, events); the order below
is the order their menu items and panels register in.
"""

# Registration order is menu and panel order: the desk's come last, as they always have.
# isort: off
from exemplars.booklets import wagtail_hooks as booklets  # noqa: F401
from exemplars.comments import wagtail_hooks as comments  # noqa: F401
from exemplars.contests import wagtail_hooks as contests  # noqa: F401
from exemplars.events import wagtail_hooks as events  # noqa: F401
from exemplars.desk import wagtail_hooks as desk  # noqa: F401

# isort: on
