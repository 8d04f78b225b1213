"""WordPress eXtended RSS (WXR) exports: ``Tools → Export`` of a WordPress site.

Every published post becomes a story; pages, menus, drafts, trashed and
password-protected posts are skipped (counted). A post's key is its guid (``https://site/?p=ID``,
which holds the post id and survives slug changes), else its link. Its
categories and tags go through the mapping file (:mod:`.mapping`), its
author's display name becomes the byline, its featured image (the
``_thumbnail_id`` attachment) the hero image with the attachment's caption
and alt text, and its date is ``post_date_gmt`` (UTC), else ``pubDate``, else
``post_date`` in the site's time zone. WordPress stores bodies without
paragraph tags (it adds them on display) and with ``[caption]`` shortcodes:
both are turned into HTML here before the sanitiser sees them.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from django.utils import timezone
from django.utils.translation import gettext as _

from exemplars.importing import xml
from exemplars.importing.feeds import CONTENT_NS, DC_NS, parse_rss_date, plain
from exemplars.importing.html import ImagePart
from exemplars.importing.records import LineError, StoryLine, Term, make_story

WP_NS = "http://wordpress.org/export/"
EXCERPT_NS = "http://wordpress.org/export/1."  # ".../1.2/excerpt/"
ZERO_DATE = "0000-00-00 00:00:00"

_CAPTION_RE = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
_SHORTCODE_RE = re.compile(r"\[/?[a-z_][\w-]*(?:\s[^\]]*)?\]", re.I)
_IMG_RE = re.compile(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", re.I | re.S)
_BLOCK_START_RE = re.compile(
    r"<\s*(p|div|h[1-6]|ul|ol|blockquote|figure|table|section|article)\b", re.I
)


def _caption_to_figure(match: re.Match) -> str:
    inner = match.group(1)
    image = _IMG_RE.search(inner)
    if not image:
        return inner
    caption = (inner[: image.start()] + inner[image.end() :]).strip()
    return f"<figure>{image.group(0)}<figcaption>{caption}</figcaption></figure>"


def autop(content: str) -> str:
    """WordPress's stored body as HTML, as ``wpautop`` shows it.

    Captions become figures and other shortcodes go; each run of text between
    blank lines becomes a paragraph (single line breaks inside it ``<br>``)
    unless it opens with a block element of its own.
    """
    content = _CAPTION_RE.sub(_caption_to_figure, content)
    content = _SHORTCODE_RE.sub("", content).replace("\r\n", "\n")
    out = []
    for chunk in re.split(r"\n\s*\n", content):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START_RE.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br/>") + "</p>")
    return "".join(out)


def _gmt(value: str) -> dt.datetime | None:
    if not value or value == ZERO_DATE:
        return None
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
    except ValueError:
        raise LineError(_("ngày đăng “%(value)s” không đọc được") % {"value": value[:40]}) from None


def _local(value: str) -> dt.datetime | None:
    when = _gmt(value)
    return timezone.make_aware(when.replace(tzinfo=None)) if when else None


class WxrReader:
    """Reads a WXR file: the posts to import, and what they refer to (authors, attachments)."""

    unit = "mục"

    def __init__(self, root: ET.Element):
        channel = xml.child(root, "channel")
        if channel is None:
            raise LineError(_("tệp WXR không có thẻ <channel>"))
        self.channel = channel
        self.authors = {}
        for author in xml.children(channel, "author", WP_NS):
            login = xml.text(author, "author_login", WP_NS)
            name = xml.text(author, "author_display_name", WP_NS) or " ".join(
                filter(
                    None,
                    [
                        xml.text(author, "author_first_name", WP_NS),
                        xml.text(author, "author_last_name", WP_NS),
                    ],
                )
            )
            self.authors[login] = name or login
        self.attachments: dict[str, ET.Element] = {}
        self.skipped = 0
        self._items = []
        for number, item in enumerate(xml.children(channel, "item"), start=1):
            kind = xml.text(item, "post_type", WP_NS)
            if kind == "attachment":
                self.attachments[xml.text(item, "post_id", WP_NS)] = item
            elif (
                kind == "post"
                and xml.text(item, "status", WP_NS) == "publish"
                # A password-protected post is not for every reader.
                and not xml.text(item, "post_password", WP_NS)
            ):
                self._items.append((number, item))
            else:
                self.skipped += 1

    @classmethod
    def open(cls, path) -> WxrReader:
        return cls(xml.load(path))

    def items(self) -> list[tuple[int, ET.Element]]:
        """The published posts, numbered by their place among the file's items."""
        return list(self._items)

    def _meta(self, item: ET.Element) -> dict[str, str]:
        return {
            xml.text(meta, "meta_key", WP_NS): xml.text(meta, "meta_value", WP_NS)
            for meta in xml.children(item, "postmeta", WP_NS)
        }

    def _hero(self, item: ET.Element) -> ImagePart | None:
        attachment = self.attachments.get(self._meta(item).get("_thumbnail_id", ""))
        if attachment is None:
            return None
        meta = self._meta(attachment)
        src = xml.text(attachment, "attachment_url", WP_NS)
        if meta.get("_wp_attached_file"):
            src = src or f"/wp-content/uploads/{meta['_wp_attached_file']}"
        caption = plain(xml.text(attachment, "encoded", EXCERPT_NS))
        return ImagePart(
            src=src,
            alt=meta.get("_wp_attachment_image_alt", "") or plain(xml.text(attachment, "title")),
            caption=caption,
        )

    def parse(self, item: ET.Element) -> StoryLine:
        terms = [
            Term(
                name=(c.text or "").strip(),
                slug=c.get("nicename", ""),
                kind=c.get("domain", "category"),
            )
            for c in xml.children(item, "category")
            if c.get("domain", "category") in ("category", "post_tag")
        ]
        login = xml.text(item, "creator", DC_NS)
        published = (
            _gmt(xml.text(item, "post_date_gmt", WP_NS))
            or parse_rss_date(xml.text(item, "pubDate"))
            or _local(xml.text(item, "post_date", WP_NS))
        )
        post_id = xml.text(item, "post_id", WP_NS)
        return make_story(
            title=plain(xml.text(item, "title")),
            keys=[xml.text(item, "guid"), xml.text(item, "link")],
            published=published,
            intro=plain(xml.text(item, "encoded", EXCERPT_NS)),
            body=autop(xml.text(item, "encoded", CONTENT_NS)),
            authors=[self.authors.get(login, login)],
            terms=terms,
            hero=self._hero(item) if post_id else None,
        )
