"""Importing archive stories: one JSON object a line, into published story pages.

The pieces, each usable alone:

* :func:`parse_line` checks one line and returns a :class:`StoryLine`, or raises
  :class:`LineError` with a reason an editor can act on;
* :class:`Lookups` finds or creates the named records a story hangs on
  (campaigns, localities, fields, exemplars, authors, awards), matching names
  case- and NFC/NFD-insensitively, with a per-run cache; ``load_demo`` uses it too;
* :func:`publish_at` gives a saved page a live revision dated to its original
  publication without the full publish machinery (see its docstring for why);
* :class:`StoryImporter` runs lines in batches (one transaction each, a savepoint
  per line, search indexing inside it) and counts.

Input format: ``{"title", "intro", "body", "published", "campaigns", "locality",
"field", "exemplar": {"name", "kind"}, "awards", "tags", "author", "source_url"}``.

What one line may carry is bounded (:func:`limits`, overridable with the
``EXEMPLARS_IMPORT_LIMITS`` setting): a line over ``LINE_BYTES`` is refused
before it is parsed, a body over ``BODY_CHARS`` or an intro over
``INTRO_CHARS`` with a message naming the field, a list over ``LIST_ITEMS``
names likewise. JSON the parser cannot hold (nesting thousands deep, a
number thousands of digits long) and text that cannot be stored (a lone
surrogate such as ``\ud800``) are bad lines like any other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.rich_text import RichText

from . import sites
from .models import (
    Author,
    Award,
    Campaign,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Honour,
    Locality,
    SectionPage,
    StoryByline,
)
from .text import name_key, nfc, slugify_vi

logger = logging.getLogger(__name__)

KINDS = {"individual": Exemplar.Kind.INDIVIDUAL, "collective": Exemplar.Kind.COLLECTIVE}
TITLE_MAX = 255
NAME_MAX = 255
TAG_MAX = 100
SLUG_MAX = 80
# Lines committed (and indexed) together; see StoryImporter.
BATCH_LINES = 100

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


# -- parsing ------------------------------------------------------------------

_url_validator = URLValidator(schemes=["http", "https"])


def _text(data: dict, key: str, *, required=False, max_length=None) -> str:
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


def _names(data: dict, key: str, *, max_length=NAME_MAX) -> tuple[str, ...]:
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


def _check_storable(data) -> None:
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
    _check_storable(data)
    bounds = limits()

    title = _text(data, "title", required=True, max_length=TITLE_MAX)
    source_url = _text(data, "source_url", required=True, max_length=500)
    try:
        _url_validator(source_url)
    except ValidationError:
        raise LineError(
            _("“source_url” không phải địa chỉ web hợp lệ: %(url)s") % {"url": source_url[:80]}
        ) from None

    exemplar = data.get("exemplar") or {}
    if isinstance(exemplar, str):
        exemplar = {"name": exemplar}
    if not isinstance(exemplar, dict):
        raise LineError(_("“exemplar” phải là đối tượng {name, kind}"))
    exemplar_name = _text(exemplar, "name", max_length=NAME_MAX)
    kind = exemplar.get("kind") or "individual"
    if kind not in KINDS:
        raise LineError(
            _("loại điển hình “%(kind)s” không hợp lệ (chỉ nhận individual hoặc collective)")
            % {"kind": str(kind)[:40]}
        )

    author = data.get("author", data.get("authors"))
    return StoryLine(
        title=title,
        intro=_text(data, "intro", max_length=bounds["INTRO_CHARS"]),
        body=_text(data, "body", max_length=bounds["BODY_CHARS"]),
        published=parse_datetime(data.get("published")),
        source_url=source_url,
        campaigns=_names(data, "campaigns"),
        locality=_text(data, "locality", max_length=NAME_MAX),
        field=_text(data, "field", max_length=NAME_MAX),
        exemplar_name=exemplar_name,
        exemplar_kind=KINDS[kind],
        awards=_names(data, "awards"),
        tags=_names(data, "tags", max_length=TAG_MAX),
        authors=_names({"author": author}, "author"),
    )


# -- body ----------------------------------------------------------------------

_BLOCK_SPLIT_RE = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote)\b[^>]*>|<br\s*/?>", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
_HTML_HINT_RE = re.compile(r"<\s*/?\s*(p|br|div|h[1-6])\b", re.I)


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of a body given as HTML paragraphs or as plain text.

    Markup is dropped (archives carry inline styles and scripts we do not
    want); plain text is split on blank lines, or on single line breaks when
    there are none.
    """
    if not text:
        return []
    if _HTML_HINT_RE.search(text):
        chunks = _BLOCK_SPLIT_RE.split(text)
        chunks = [html.unescape(_TAG_RE.sub("", c)) for c in chunks]
    else:
        chunks = (
            re.split(r"\n\s*\n", text) if "\n\n" in text.replace("\r", "") else text.split("\n")
        )
    return [" ".join(c.split()) for c in chunks if c.strip()]


def body_blocks(text: str) -> list[tuple[str, RichText]]:
    """StreamField paragraph blocks for a body (see :func:`body_paragraphs`)."""
    return [
        ("paragraph", RichText(f"<p>{html.escape(p, quote=False)}</p>"))
        for p in body_paragraphs(text)
    ]


# -- lookups -----------------------------------------------------------------


def find_or_create(model, name: str, **defaults):
    """The ``model`` record named ``name`` however it was typed; created with ``defaults``.

    Returns ``(obj, created)``. Existing records are never modified, so running
    a loader twice changes nothing.
    """
    obj = model.find(name)
    if obj is not None:
        return obj, False
    return model.objects.create(name=nfc(name).strip(), **defaults), True


class Lookups:
    """Find-or-create by name, cached for one run.

    Records created inside a line's transaction are remembered separately so
    :meth:`forget_line` can drop them when that line is rolled back; otherwise
    a later line would point at a row that no longer exists.
    """

    def __init__(self):
        self._cache: dict[tuple[type, str], object] = {}
        self._localities: dict[str, list[Locality]] = {}
        self._line_keys: list = []
        self.created: dict[str, int] = {}

    def _get(self, model, name: str, **defaults):
        key = (model, name_key(name))
        obj = self._cache.get(key)
        if obj is None:
            obj, created = find_or_create(model, name, **defaults)
            self._cache[key] = obj
            if created:
                self._line_keys.append(key)
                label = model._meta.model_name
                self.created[label] = self.created.get(label, 0) + 1
        return obj

    def campaign(self, name: str) -> Campaign:
        return self._get(Campaign, name)

    def field(self, name: str) -> Field:
        return self._get(Field, name)

    def author(self, name: str) -> Author:
        return self._get(Author, name)

    def award(self, name: str) -> Award:
        return self._get(Award, name)

    def exemplar(self, name: str, kind: str, **defaults) -> Exemplar:
        return self._get(Exemplar, name, kind=kind, **defaults)

    def locality(self, name: str, on: dt.date | None = None) -> Locality:
        """The locality of that name as it was on ``on``.

        Names repeat across the 2025 reorganisation (the new An Giang keeps the
        old name), so among namesakes the one still existing on that date and
        ending soonest wins: a 2022 story is filed under the old province, a
        2026 story under the new one.
        """
        key = name_key(name)
        candidates = self._localities.get(key)
        if candidates is None:
            candidates = list(Locality.objects.filter(name_key=key).order_by("pk"))
            self._localities[key] = candidates
        if not candidates:
            loc = Locality.objects.create(name=nfc(name).strip())
            candidates.append(loc)
            self._line_keys.append(("locality", key))
            self.created["locality"] = self.created.get("locality", 0) + 1
            return loc
        if len(candidates) == 1:
            return candidates[0]
        if on is None:
            return next((c for c in candidates if c.is_current), candidates[-1])
        valid = [c for c in candidates if c.valid_until is None or c.valid_until >= on]
        if not valid:
            return max(candidates, key=lambda c: c.valid_until)
        return min(valid, key=lambda c: c.valid_until or dt.date.max)

    def start_line(self):
        self._line_keys = []

    def forget_line(self):
        """Drop records created during a line that was rolled back."""
        for key in self._line_keys:
            if key[0] == "locality":
                self._localities.pop(key[1], None)
            else:
                self._cache.pop(key, None)
        self._line_keys = []


# -- pages ---------------------------------------------------------------------


def default_parent() -> SectionPage:
    """The first section, creating a home page and a section when the site has none.

    Either way its home page is given a URL when the default Site is free to
    serve it (see :mod:`exemplars.sites`): stories filed outside every Site
    could not be reached, linked from search or listed in feeds.
    """
    section = SectionPage.objects.order_by("path").first()
    if section:
        home = ExemplarHomePage.objects.ancestor_of(section).first()
        if home is not None:
            sites.ensure_served(home)
        return section
    home = ExemplarHomePage.objects.order_by("path").first()
    if home is None:
        home = sites.home_parent().add_child(
            instance=ExemplarHomePage(title=_("Trang chủ"), slug="trang-chu")
        )
        publish_at(home, timezone.now())
    sites.ensure_served(home)
    section = home.add_child(
        instance=SectionPage(title=_("Điển hình tiên tiến"), slug="dien-hinh-tien-tien")
    )
    publish_at(section, timezone.now())
    return section


def resolve_parent(value: str | None) -> SectionPage:
    """The section a ``--parent`` value (id or slug) names; a clear error if none."""
    if not value:
        return default_parent()
    qs = SectionPage.objects.all()
    section = qs.filter(pk=int(value)).first() if value.isdigit() else None
    section = section or qs.filter(slug=value).order_by("path").first()
    if section is None:
        raise LineError(_("không có chuyên mục nào có id hoặc slug “%(v)s”") % {"v": value})
    return section


def publish_at(page: Page, when: dt.datetime, *, user=None) -> Revision:
    """Give a saved ``page`` a live revision and mark it published at ``when``.

    What ``save_revision().publish()`` leaves behind (a revision holding the
    content, ``live_revision``/``latest_revision`` pointing at it, publication
    dates, a "wagtail.publish" log entry), written with one insert and one
    update. The full path saves the page twice more and sends
    ``page_published``, whose handlers index each page on its own; an import
    indexes each batch of pages at once instead.
    """
    now = timezone.now()
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=user,
        content=page.serializable_data(),
        object_str=str(page),
        created_at=now,
    )
    first = page.first_published_at or when
    changes = {
        "live": True,
        "has_unpublished_changes": False,
        "live_revision": revision,
        "latest_revision": revision,
        "latest_revision_created_at": now,
        "first_published_at": first,
        "last_published_at": when,
        "draft_title": page.title,
        "expired": False,
    }
    Page.objects.filter(pk=page.pk).update(**changes)
    for attr, value in changes.items():
        setattr(page, attr, value)
    log(instance=page, action="wagtail.publish", user=user, revision=revision)
    return revision


@contextlib.contextmanager
def deferred_indexing():
    """Switch off index-on-save for the duration; yield what was saved, by model.

    Two ``post_save`` handlers make each page save expensive on a large site:
    modelsearch's (behind ``wagtail.search``), which re-indexes the object,
    and Wagtail's reference index, which re-reads the page's relations. An
    import saves a story several times (page, tags, honours of its exemplar),
    so the caller catches up once per object with :func:`index_in_batches`.
    """
    from modelsearch import index as ms_index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    touched: dict[type, set] = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            touched.setdefault(type(instance), set()).add(instance.pk)

    models = [m for m in ms_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    models += [m for m in ReferenceIndex.tracked_models if m not in models]
    disconnected = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    for model in models:
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"import-{model}")
    try:
        with disable_reference_index_auto_update():
            yield touched
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=f"import-{model}")
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_in_batches(touched: dict[type, set], batch_size: int = 500, progress=None) -> int:
    """Catch up on what :func:`deferred_indexing` saw: references, then search.

    Wagtail's reference index gets each object once; Wagtail's search
    backends (the admin search) get ``add_bulk`` per model; the reader search
    (``exemplars_search``) gets every story page in batches. ``progress(n)``
    is called after each batch with the number of objects it held.
    """
    from modelsearch.backends import get_search_backends
    from modelsearch.index import class_is_indexed
    from wagtail.models import ReferenceIndex

    count = 0
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in touched.items():
        pks = sorted(pks)
        for start in range(0, len(pks), batch_size):
            batch = list(model._default_manager.filter(pk__in=pks[start : start + batch_size]))
            if model in ReferenceIndex.tracked_models:
                for obj in batch:
                    ReferenceIndex.create_or_update_for_object(obj)
            if class_is_indexed(model):
                indexed = list(model.get_indexed_objects().filter(pk__in=[o.pk for o in batch]))
                for backend in backends:
                    backend.add_bulk(model, indexed)
            count += len(batch)
            if progress:
                progress(len(batch))
    story_ids = sorted(
        pk for model, pks in touched.items() if issubclass(model, ExemplarStoryPage) for pk in pks
    )
    if story_ids:
        try:
            from exemplars_search import service
        except ImportError:  # the reader search is optional for the import itself
            return count
        for start in range(0, len(story_ids), batch_size):
            ids = story_ids[start : start + batch_size]
            service.index_objects(ExemplarStoryPage.objects.filter(pk__in=ids))
    return count


# -- the importer ----------------------------------------------------------------


@dataclass
class ImportResult:
    """Counts of one run and the reasons lines failed, keyed by line number."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    story_ids: list[int] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


class StoryImporter:
    """Imports parsed lines under one section.

    Lines are committed in batches of ``batch_size``, each line in a savepoint
    of its batch (a bad line rolls back alone), and a batch's stories are
    indexed for search inside the batch's transaction: a story is live exactly
    when it is searchable, however the run ends (an error, Ctrl-C, a killed
    process loses at most the batch in progress, index and pages together).
    Index-on-save is switched off meanwhile (:func:`deferred_indexing`), so
    each object is indexed once per batch rather than on each of its saves.
    """

    def __init__(
        self,
        parent: SectionPage | None = None,
        *,
        dry_run=False,
        user=None,
        batch_size: int = BATCH_LINES,
    ):
        self.parent = parent
        self.dry_run = dry_run
        self.user = user
        self.batch_size = max(1, batch_size)
        self.lookups = Lookups()
        self.result = ImportResult()
        self._slugs: set[str] | None = None

    def run(
        self,
        lines: Iterable[tuple[int, str | bytes]],
        progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """Import ``(line_number, text)`` pairs; ``progress(n)`` after each ``n`` lines done."""
        with deferred_indexing() as touched:
            batch: list[tuple[int, str | bytes]] = []
            for line in lines:
                batch.append(line)
                if len(batch) >= self.batch_size:
                    self._run_batch(batch, touched, progress)
                    batch = []
            if batch:
                self._run_batch(batch, touched, progress)
        return self.result

    def _run_batch(self, batch, touched: dict, progress) -> None:
        if self.dry_run:
            for lineno, raw in batch:
                self.import_line(lineno, raw)
            if progress:
                progress(len(batch))
            return
        done: list[tuple[int, int, bool]] = []
        try:
            with transaction.atomic():
                for lineno, raw in batch:
                    if (saved := self.import_line(lineno, raw)) is not None:
                        done.append((lineno, *saved))
                index_in_batches(touched)
        except DatabaseError as exc:
            # The whole batch is gone, pages and index alike; say so line by line.
            self._reset_after_rollback()
            reason = _reason(exc)
            self.result.errors.extend((lineno, reason) for lineno, _pk, _created in done)
            self.result.errors.sort()
        else:
            for _lineno, pk, created in done:
                self.result.story_ids.append(pk)
                if created:
                    self.result.created += 1
                else:
                    self.result.updated += 1
        finally:
            touched.clear()
        if progress:
            progress(len(batch))

    def _reset_after_rollback(self) -> None:
        self.lookups = Lookups()
        # treebeard counts children on the in-memory parent; re-read it.
        self.parent.refresh_from_db()
        self._slugs = None

    def import_line(self, lineno: int, raw: str | bytes) -> tuple[int, bool] | None:
        """Import one line inside the caller's transaction; ``(page id, created)`` or None.

        A line that fails is recorded in ``result.errors``; nothing it wrote survives.
        """
        if not raw.strip():
            self.result.skipped += 1
            return None
        try:
            story = parse_line(raw)
        except LineError as exc:
            self.result.errors.append((lineno, str(exc)))
            return None
        except Exception as exc:  # a parser surprise is one bad line, not a stopped run
            logger.exception("Import line %s could not be parsed", lineno)
            self.result.errors.append((lineno, _unexpected(exc)))
            return None
        if self.dry_run:
            exists = ExemplarStoryPage.objects.filter(original_url=story.source_url).exists()
            if exists:
                self.result.updated += 1
            else:
                self.result.created += 1
            return None
        self.lookups.start_line()
        try:
            with transaction.atomic():
                page, created = self.save_story(story)
        except Exception as exc:
            self.lookups.forget_line()
            self.parent.refresh_from_db()
            self._slugs = None
            if not isinstance(exc, (LineError, ValidationError, DatabaseError)):
                logger.exception("Import line %s could not be saved", lineno)
            self.result.errors.append((lineno, _reason(exc)))
            return None
        return page.pk, created

    def _free_slug(self, title: str) -> str:
        if self._slugs is None:
            self._slugs = set(self.parent.get_children().values_list("slug", flat=True))
        base = slugify_vi(title)[:SLUG_MAX].strip("-") or "bai-viet"
        slug, n = base, 2
        while slug in self._slugs:
            slug = f"{base}-{n}"
            n += 1
        self._slugs.add(slug)
        return slug

    def save_story(self, story: StoryLine) -> tuple[ExemplarStoryPage, bool]:
        """Create or update the page for ``story`` and publish it at its date."""
        lk = self.lookups
        on = timezone.localtime(story.published).date()
        locality = lk.locality(story.locality, on) if story.locality else None
        field_ = lk.field(story.field) if story.field else None
        exemplar = None
        if story.exemplar_name:
            exemplar = lk.exemplar(
                story.exemplar_name, story.exemplar_kind, locality=locality, field=field_
            )
        campaigns = [lk.campaign(n) for n in story.campaigns]
        awards = [lk.award(n) for n in story.awards]
        authors = [lk.author(n) for n in story.authors]

        page = ExemplarStoryPage.objects.filter(original_url=story.source_url).first()
        created = page is None
        if created:
            page = ExemplarStoryPage(
                slug=self._free_slug(story.title), original_url=story.source_url
            )
        page.title = story.title
        page.draft_title = story.title
        page.intro = story.intro
        page.body = body_blocks(story.body)
        page.locality = locality
        page.field = field_
        page.exemplar = exemplar
        page.published_at = story.published
        page.first_published_at = story.published
        page.last_published_at = story.published
        page.go_live_at = story.published
        # Saved as a draft first: Wagtail then checks only title and slug (our
        # parsing checked the rest) instead of a full_clean that queries every
        # foreign key; publish_at makes it live in the same transaction.
        page.live = False
        page.has_unpublished_changes = False
        page.campaigns.set(campaigns)
        page.awards.set(awards)
        page.tags.set(list(story.tags))
        page.bylines = [StoryByline(author=a, sort_order=i) for i, a in enumerate(authors)]
        if created:
            self.parent.add_child(instance=page)
        else:
            page.save()
        if exemplar is not None:
            for award in awards:
                Honour.objects.get_or_create(exemplar=exemplar, award=award)
        publish_at(page, story.published, user=self.user)
        return page, created


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        return " ".join(exc.messages)
    if isinstance(exc, DatabaseError):
        return _("lỗi cơ sở dữ liệu: %(err)s") % {"err": (str(exc).splitlines() or [""])[0][:200]}
    if isinstance(exc, LineError):
        return str(exc)
    return _unexpected(exc)


def _unexpected(exc: Exception) -> str:
    return _("lỗi không lường trước (%(type)s): %(err)s") % {
        "type": type(exc).__name__,
        "err": str(exc)[:200],
    }


def read_lines(path) -> list[tuple[int, bytes]]:
    """The numbered raw lines of a file (bytes, so a bad byte fails one line, not all)."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return [(i, line.rstrip(b"\r")) for i, line in enumerate(data.split(b"\n"), start=1)]
