"""Which reader a file needs, told by its first bytes (or named with ``--format``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from exemplars.importing.feeds import FeedReader
from exemplars.importing.jsonl import parse_line, read_lines
from exemplars.importing.records import LineError, StoryLine
from exemplars.importing.wxr import WxrReader

FORMATS = ("jsonl", "wxr", "rss", "atom")
# Enough of a file to see its root element past the declaration and comments.
SNIFF_BYTES = 8192


@dataclass
class Archive:
    """A file opened for import: its numbered items and how to parse one."""

    format: str
    items: list[tuple[int, object]]
    parse: Callable[[object], StoryLine]
    # Items the reader passes over on purpose (WordPress pages, drafts).
    skipped: int = 0
    unit: str = "dòng"


def detect_format(path) -> str:
    """``jsonl``, ``wxr``, ``rss`` or ``atom`` from the file's first bytes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise LineError(
            _("không đọc được tệp %(path)s: %(err)s") % {"path": path, "err": exc}
        ) from None
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{") or not head:
        return "jsonl"
    if head.startswith(b"<"):
        if re.search(rb"xmlns:wp=\"http://wordpress\.org/export/|<wp:wxr_version", head):
            return "wxr"
        if re.search(rb"<feed\b", head):
            return "atom"
        if re.search(rb"<rss\b|<rdf:RDF\b", head):
            return "rss"
    raise LineError(
        _(
            "không nhận ra định dạng tệp %(path)s (JSONL, WordPress WXR, RSS hay Atom); "
            "hãy chỉ rõ bằng --format"
        )
        % {"path": path}
    )


def open_archive(path, fmt: str | None = None) -> Archive:
    """The items of the archive at ``path`` in format ``fmt`` (detected when None)."""
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        try:
            lines = read_lines(path)
        except OSError as exc:
            raise LineError(
                _("không đọc được tệp %(path)s: %(err)s") % {"path": path, "err": exc.strerror}
            ) from None
        return Archive("jsonl", lines, parse_line)
    if fmt == "wxr":
        reader = WxrReader.open(path)
        return Archive("wxr", reader.items(), reader.parse, reader.skipped, reader.unit)
    if fmt in ("rss", "atom"):
        reader = FeedReader.open(path)
        return Archive(fmt, reader.items(), reader.parse, unit=reader.unit)
    raise LineError(_("định dạng “%(fmt)s” không được hỗ trợ") % {"fmt": fmt})
