"""JSON Lines archives: one story a line, ``{"title", "intro", "body", "published",
"campaigns", "locality", "field", "exemplar": {"name", "kind"}, "awards", "tags",
"author", "source_url"}``.

JSON the parser cannot hold (nesting thousands deep, a number thousands of
digits long) and a line over ``LINE_BYTES`` are bad lines like any other.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from exemplars.importing.records import (
    KINDS,
    NAME_MAX,
    TAG_MAX,
    TITLE_MAX,
    LineError,
    StoryLine,
    check_storable,
    clean_names,
    clean_text,
    limits,
    parse_datetime,
    url_validator,
)


def _load_json(raw: str):
    """``json.loads`` whose every failure is a :class:`LineError`.

    Besides malformed JSON the parser raises ``RecursionError`` on deep
    nesting and ``ValueError`` on an integer longer than Python converts
    (4,300 digits); both would otherwise stop the whole run.
    """
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LineError(_("JSON không hợp lệ: %(err)s") % {"err": exc.msg}) from None
    except RecursionError:
        raise LineError(_("JSON lồng nhau quá sâu")) from None
    except ValueError:
        raise LineError(_("JSON có số quá dài")) from None


def parse_line(raw: str | bytes) -> StoryLine:
    """Validate one line of the archive file; raise :class:`LineError` with the reason."""
    most = limits()["LINE_BYTES"]
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > most:
        raise LineError(
            _("dòng dài %(size)d byte, quá giới hạn %(max)d byte") % {"size": size, "max": most}
        )
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LineError(_("dòng không phải UTF-8 (%(err)s)") % {"err": exc.reason}) from None
    data = _load_json(raw)
    if not isinstance(data, dict):
        raise LineError(_("mỗi dòng phải là một đối tượng JSON {…}"))
    check_storable(data)
    bounds = limits()

    title = clean_text(data, "title", required=True, max_length=TITLE_MAX)
    source_url = clean_text(data, "source_url", required=True, max_length=500)
    try:
        url_validator(source_url)
    except ValidationError:
        raise LineError(
            _("“source_url” không phải địa chỉ web hợp lệ: %(url)s") % {"url": source_url[:80]}
        ) from None

    exemplar = data.get("exemplar") or {}
    if isinstance(exemplar, str):
        exemplar = {"name": exemplar}
    if not isinstance(exemplar, dict):
        raise LineError(_("“exemplar” phải là đối tượng {name, kind}"))
    exemplar_name = clean_text(exemplar, "name", max_length=NAME_MAX)
    kind = exemplar.get("kind") or "individual"
    if kind not in KINDS:
        raise LineError(
            _("loại điển hình “%(kind)s” không hợp lệ (chỉ nhận individual hoặc collective)")
            % {"kind": str(kind)[:40]}
        )

    author = data.get("author", data.get("authors"))
    return StoryLine(
        title=title,
        intro=clean_text(data, "intro", max_length=bounds["INTRO_CHARS"]),
        body=clean_text(data, "body", max_length=bounds["BODY_CHARS"]),
        published=parse_datetime(data.get("published")),
        source_url=source_url,
        campaigns=clean_names(data, "campaigns"),
        locality=clean_text(data, "locality", max_length=NAME_MAX),
        field=clean_text(data, "field", max_length=NAME_MAX),
        exemplar_name=exemplar_name,
        exemplar_kind=KINDS[kind],
        awards=clean_names(data, "awards"),
        tags=clean_names(data, "tags", max_length=TAG_MAX),
        authors=clean_names({"author": author}, "author"),
    )


def read_lines(path) -> list[tuple[int, bytes]]:
    """The numbered raw lines of a file (bytes, so a bad byte fails one line, not all)."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return [(i, line.rstrip(b"\r")) for i, line in enumerate(data.split(b"\n"), start=1)]
