"""Until when a page being rendered stays true by the clock alone.

Publishing purges, but some pages change with no save at all: an event
listed as upcoming is past once it ends, a pinned story drops from the top
when its pin ends. Code that shows such a thing notes the moment
(``changes_at``); the page cache then keeps the page no longer than that, and
tells shared caches the same through ``s-maxage``. A context variable, so the
code deep in a template tag needs no request.
"""

from __future__ import annotations

import datetime as dt
from contextvars import ContextVar

from django.utils import timezone

_until: ContextVar[dt.datetime | None] = ContextVar("exemplars_page_fresh_until", default=None)


def changes_at(*moments) -> None:
    """The page shows something that changes at each of these moments (None: never)."""
    now = timezone.now()
    current = _until.get()
    for moment in moments:
        if moment is not None and moment > now and (current is None or moment < current):
            current = moment
    _until.set(current)


def begin():
    """Start a request's account; hand the token to ``end``."""
    return _until.set(None)


def seconds_left() -> int | None:
    """Seconds until the earliest noted change (at least 1), or None."""
    until = _until.get()
    if until is None:
        return None
    return max(1, int((until - timezone.now()).total_seconds()))


def end(token) -> None:
    _until.reset(token)
