"""Reading the XML archives come in (WordPress exports, RSS, Atom) safely.

``defusedxml`` refuses entity expansion bombs and external entities. A file
whose bytes are not the UTF-8 it claims (an old export in a legacy
Vietnamese encoding) is read byte for byte as Windows-1252, the state
:mod:`.encodings` converts from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from exemplars.importing.records import LineError

_DECLARATION_RE = re.compile(rb"^\s*<\?xml[^>]*\?>")


def load(path) -> ET.Element:
    """The root element of the XML file at ``path``; a :class:`LineError` if unreadable."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise LineError(
            _("không đọc được tệp %(path)s: %(err)s") % {"path": path, "err": exc}
        ) from None
    try:
        return fromstring(data)
    except DefusedXmlException as exc:
        raise LineError(_("tệp XML bị từ chối vì không an toàn: %(err)s") % {"err": exc}) from None
    except ET.ParseError as first:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            # Legacy bytes: each byte as the Windows-1252 character of that number.
            text = _DECLARATION_RE.sub(b"", data).decode("cp1252", errors="replace")
            try:
                return fromstring(text)
            except (ET.ParseError, DefusedXmlException):
                pass
        raise LineError(_("tệp XML hỏng: %(err)s") % {"err": first}) from None


def local(tag: str) -> str:
    """A tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def child(element: ET.Element, name: str, ns_prefix: str | None = None) -> ET.Element | None:
    """The first child named ``name`` whose namespace starts with ``ns_prefix`` (None: any)."""
    for item in element:
        if local(item.tag) == name and (
            ns_prefix is None or namespace(item.tag).startswith(ns_prefix)
        ):
            return item
    return None


def children(element: ET.Element, name: str, ns_prefix: str | None = None) -> list[ET.Element]:
    return [
        item
        for item in element
        if local(item.tag) == name
        and (ns_prefix is None or namespace(item.tag).startswith(ns_prefix))
    ]


def text(element: ET.Element, name: str, ns_prefix: str | None = None) -> str:
    """The text of the first such child, or ``""``."""
    found = child(element, name, ns_prefix)
    return (found.text or "").strip() if found is not None else ""
