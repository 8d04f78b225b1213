"""Events as an iCalendar feed (RFC 5545) that calendar applications subscribe to.

Written with the ``icalendar`` package, which folds long lines, escapes text
and ends lines with CRLF. Times are given in UTC (``…Z``): every calendar
application converts them to its user's zone, and no VTIMEZONE is needed.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

PRODID = "-//Exemplars//Dien hinh tien tien//VI"


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def location(event) -> str:
    parts = [event.place, event.locality.name if event.locality_id else ""]
    return ", ".join(p for p in parts if p)


def calendar(events, *, name: str, host: str, url_for) -> bytes:
    """The feed's bytes; ``url_for(event)`` gives each event's absolute address."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_default_timezone_name())
    for event in events:
        item = VEvent()
        item.add("uid", f"event-{event.pk}@{host}")
        item.add("dtstamp", _utc(event.updated_at))
        item.add("last-modified", _utc(event.updated_at))
        item.add("dtstart", _utc(event.starts_at))
        item.add("dtend", _utc(event.ends_at))
        item.add("summary", event.title)
        item.add("categories", [event.get_kind_display()])
        if where := location(event):
            item.add("location", where)
        url = url_for(event)
        item.add("url", url)
        lines = [event.description.strip()] if event.description.strip() else []
        names = [e.name for e in event.exemplars.all() if e.live]
        if names:
            lines.append(_("Điển hình tham gia: %(names)s") % {"names": ", ".join(names)})
        if event.organizer_name:
            lines.append(_("Đơn vị tổ chức: %(name)s") % {"name": event.organizer_name})
        if event.registration_url:
            lines.append(_("Đăng ký: %(url)s") % {"url": event.registration_url})
        lines.append(url)
        item.add("description", "\n\n".join(lines))
        cal.add_component(item)
    return cal.to_ical()
