"""What a reader makes of one archive item: a :class:`StoryLine`, or a :class:`LineError`.

The vocabulary every reader (:mod:`.jsonl`, :mod:`.wxr`, :mod:`.feeds`),
:mod:`.mapping` and the importer in :mod:`.base` share, kept in a module of
its own below them all so that imports go one way (base imports the readers,
never the reverse).

What one item may carry is bounded (:func:`limits`, overridable with the
``EXEMPLARS_IMPORT_LIMITS`` setting): a JSONL line over ``LINE_BYTES`` is
refused before it is parsed, a body over ``BODY_CHARS`` or an intro over
``INTRO_CHARS`` with a message naming the field, a list over ``LIST_ITEMS``
names likewise. Text that cannot be stored (a lone surrogate such as
``\ud800``) makes a bad item like any other (:func:`check_storable`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from exemplars.importing.html import ImagePart
from exemplars.models import Exemplar
from exemplars.text import name_key, nfc

KINDS = {"individual": Exemplar.Kind.INDIVIDUAL, "collective": Exemplar.Kind.COLLECTIVE}
TITLE_MAX = 255
NAME_MAX = 255
TAG_MAX = 100

DEFAULT_LIMITS = {
    # A long newspaper story is 20,000-40,000 characters; ten times that is an error.
    "LINE_BYTES": 2_000_000,
    "BODY_CHARS": 200_000,
    "INTRO_CHARS": 2_000,
    "LIST_ITEMS": 50,
}


def limits() -> dict[str, int]:
    """:data:`DEFAULT_LIMITS` updated with the ``EXEMPLARS_IMPORT_LIMITS`` setting."""
    return DEFAULT_LIMITS | getattr(settings, "EXEMPLARS_IMPORT_LIMITS", {})


class LineError(ValueError):
    """A line that cannot be imported; ``str()`` is the reason shown to the editor."""


@dataclass(frozen=True)
class StoryLine:
    """One validated archive story, NFC-normalised."""

    title: str
    intro: str
    body: str
    published: dt.datetime
    source_url: str
    campaigns: tuple[str, ...] = ()
    locality: str = ""
    field: str = ""
    exemplar_name: str = ""
    exemplar_kind: str = Exemplar.Kind.INDIVIDUAL
    awards: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    # The section (slug) a mapping file filed the story under; empty: the importer's.
    section: str = ""
    hero: ImagePart | None = None
    # The archive's categories and tags, filed by the importer's mapping once decoded.
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Term:
    """A category or tag as the archive names it (slug: WordPress's ``nicename``)."""

    name: str
    slug: str = ""
    kind: str = "category"  # or "post_tag"


# -- parsing ------------------------------------------------------------------

url_validator = URLValidator(schemes=["http", "https"])


def clean_text(data: dict, key: str, *, required=False, max_length=None) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise LineError(_("thiếu trường “%(key)s”") % {"key": key})
        return ""
    if not isinstance(value, str):
        raise LineError(_("“%(key)s” phải là chuỗi ký tự") % {"key": key})
    value = " ".join(nfc(value).split()) if key != "body" else nfc(value).strip()
    if required and not value:
        raise LineError(_("trường “%(key)s” đang để trống") % {"key": key})
    if max_length and len(value) > max_length:
        raise LineError(_("“%(key)s” dài quá %(max)d ký tự") % {"key": key, "max": max_length})
    return value


def clean_names(data: dict, key: str, *, max_length=NAME_MAX) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LineError(_("“%(key)s” phải là danh sách tên") % {"key": key})
    most = limits()["LIST_ITEMS"]
    if len(value) > most:
        raise LineError(
            _("“%(key)s” có quá %(max)d tên (%(n)d)") % {"key": key, "max": most, "n": len(value)}
        )
    out: dict[str, str] = {}
    for raw in value:
        name = " ".join(nfc(raw).split())
        if not name:
            continue
        if len(name) > max_length:
            raise LineError(
                _("một tên trong “%(key)s” dài quá %(max)d ký tự") % {"key": key, "max": max_length}
            )
        out.setdefault(name_key(name), name)
    return tuple(out.values())


def parse_datetime(value) -> dt.datetime:
    """An ISO 8601 timestamp; without an offset it is read in the site's time zone."""
    if not isinstance(value, str) or not value.strip():
        raise LineError(_("thiếu ngày đăng “published”"))
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise LineError(
            _("ngày đăng “%(value)s” không đúng định dạng ISO 8601") % {"value": value[:40]}
        ) from None
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    return when


def check_storable(data) -> None:
    """Refuse text no database can store: a lone UTF-16 surrogate (``\\ud800``).

    Walked without recursion: the parser already accepted whatever depth it holds.
    """
    stack = [(key, value) for key, value in data.items()]
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((key, v) for v in [*value.keys(), *value.values()])
        elif isinstance(value, list):
            stack.extend((key, v) for v in value)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise LineError(
                    _("“%(key)s” chứa ký tự không hợp lệ (nửa cặp UTF-16 \\u%(code)04x)")
                    % {"key": key, "code": ord(value[exc.start])}
                ) from None


def make_story(
    *,
    title: str,
    keys: Iterable[str],
    published: dt.datetime | None,
    intro: str = "",
    body: str = "",
    authors: Iterable[str] = (),
    terms: Iterable[Term] = (),
    hero: ImagePart | None = None,
) -> StoryLine:
    """A :class:`StoryLine` from what an XML reader found, checked as a JSONL line is.

    ``keys`` are the item's identifiers in order of stability (a guid, an id, a
    link); the first that is a web address becomes ``source_url``.
    """
    source_url = next((k.strip() for k in keys if _is_url(k.strip())), "")
    if not source_url:
        raise LineError(_("mục không có guid, id hay link là địa chỉ web để nhận ra khi nhập lại"))
    if len(source_url) > 500:
        raise LineError(_("địa chỉ gốc dài quá 500 ký tự"))
    if published is None:
        raise LineError(_("thiếu ngày đăng"))
    bounds = limits()
    data = {
        "title": title,
        "intro": intro,
        "body": body,
        "authors": [a for a in authors if a],
    }
    check_storable(data)
    intro_text = clean_text(data, "intro")
    if len(intro_text) > bounds["INTRO_CHARS"]:
        # Feeds often repeat the story as its description: a long one is cut, not refused.
        intro_text = intro_text[: bounds["INTRO_CHARS"] - 1].rsplit(" ", 1)[0] + "…"
    return StoryLine(
        title=clean_text(data, "title", required=True, max_length=TITLE_MAX),
        intro=intro_text,
        body=clean_text(data, "body", max_length=bounds["BODY_CHARS"]),
        published=published,
        source_url=source_url,
        authors=clean_names(data, "authors"),
        hero=hero,
        terms=tuple(t for t in terms if t.name.strip() or t.slug.strip()),
    )


def _is_url(value: str) -> bool:
    try:
        url_validator(value)
    except ValidationError:
        return False
    return True
