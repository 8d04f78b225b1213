"""RSS 2.0 and Atom feeds carrying whole stories (``content:encoded``, Atom ``content``).

An RSS item's key is its guid when that is a web address, else its link; an
Atom entry's its id, else its ``alternate`` link. The description (Atom
``summary``) becomes the sapo when the full content is given too, and the
body otherwise. Categories go through the mapping (:mod:`.mapping`).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET

from django.utils import timezone
from django.utils.translation import gettext as _

from exemplars.importing import xml
from exemplars.importing.html import body_paragraphs
from exemplars.importing.records import LineError, StoryLine, Term, make_story

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
ATOM_NS = "http://www.w3.org/2005/Atom"


def plain(markup: str) -> str:
    """HTML as one line of plain text (for a sapo)."""
    return " ".join(body_paragraphs(markup))


def parse_rss_date(value: str) -> dt.datetime | None:
    """An RFC 822 date (``Fri, 10 May 2019 08:30:00 +0700``); naive ones in the site's zone."""
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        raise LineError(_("ngày đăng “%(value)s” không đọc được") % {"value": value[:40]}) from None
    return timezone.make_aware(when) if timezone.is_naive(when) else when


def parse_iso_date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise LineError(_("ngày đăng “%(value)s” không đọc được") % {"value": value[:40]}) from None
    return timezone.make_aware(when) if timezone.is_naive(when) else when


class FeedReader:
    """Reads one RSS or Atom file into numbered entries and parses each into a story."""

    unit = "mục"

    def __init__(self, root: ET.Element):
        self.root = root
        self.atom = xml.local(root.tag) == "feed"

    @classmethod
    def open(cls, path) -> FeedReader:
        root = xml.load(path)
        if xml.local(root.tag) not in ("rss", "feed", "RDF"):
            raise LineError(_("tệp không phải RSS hay Atom"))
        return cls(root)

    def items(self) -> list[tuple[int, ET.Element]]:
        if self.atom:
            entries = xml.children(self.root, "entry")
        else:
            channel = xml.child(self.root, "channel")
            entries = xml.children(channel if channel is not None else self.root, "item")
            if not entries:  # RSS 1.0 keeps items beside the channel
                entries = xml.children(self.root, "item")
        return list(enumerate(entries, start=1))

    def parse(self, entry: ET.Element) -> StoryLine:
        return self._parse_atom(entry) if self.atom else self._parse_rss(entry)

    def _parse_rss(self, item: ET.Element) -> StoryLine:
        content = xml.text(item, "encoded", CONTENT_NS)
        description = xml.text(item, "description")
        authors = [xml.text(item, "creator", DC_NS) or xml.text(item, "author")]
        terms = [
            Term(name=(c.text or "").strip(), slug=c.get("nicename", ""))
            for c in xml.children(item, "category")
        ]
        published = parse_rss_date(xml.text(item, "pubDate")) or parse_iso_date(
            xml.text(item, "date", DC_NS)
        )
        return make_story(
            title=plain(xml.text(item, "title")),
            keys=[xml.text(item, "guid"), xml.text(item, "link")],
            published=published,
            intro=plain(description) if content else "",
            body=content or description,
            authors=authors,
            terms=terms,
        )

    def _parse_atom(self, entry: ET.Element) -> StoryLine:
        links = xml.children(entry, "link")
        alternate = next(
            (link.get("href", "") for link in links if link.get("rel", "alternate") == "alternate"),
            "",
        )
        authors = [xml.text(a, "name") for a in xml.children(entry, "author")]
        terms = [
            Term(name=c.get("label") or c.get("term", ""), slug=c.get("term", ""))
            for c in xml.children(entry, "category")
        ]
        content = _atom_text(xml.child(entry, "content"))
        summary = _atom_text(xml.child(entry, "summary"))
        published = parse_iso_date(xml.text(entry, "published")) or parse_iso_date(
            xml.text(entry, "updated")
        )
        return make_story(
            title=plain(_atom_text(xml.child(entry, "title"))),
            keys=[xml.text(entry, "id"), alternate],
            published=published,
            intro=plain(summary) if content else "",
            body=content or summary,
            authors=authors,
            terms=terms,
        )


def _atom_text(element: ET.Element | None) -> str:
    """An Atom text construct as HTML (``html``, ``xhtml``) or plain text (``text``)."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml":
        div = next(iter(element), None)
        if div is None:
            return ""
        # Plain tag names for the sanitiser, whether or not the feed declared XHTML's namespace.
        for node in div.iter():
            node.tag = xml.local(node.tag)
        inner = (div.text or "") + "".join(ET.tostring(c, encoding="unicode") for c in div)
        return inner.strip()
    return (element.text or "").strip()
