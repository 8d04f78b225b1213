"""What every archive importer shares: parsed stories become published, searchable pages.

A reader (:mod:`.jsonl`, :mod:`.wxr`, :mod:`.feeds`) turns its file into
numbered items and a ``parse`` function that makes each a :class:`StoryLine`
or raises :class:`LineError` (both in :mod:`.records`, with the limits and
checks every reader applies). The rest is here, each piece usable alone:

* :class:`Lookups` finds or creates the named records a story hangs on
  (campaigns, localities, fields, exemplars, authors, awards), matching names
  case- and NFC/NFD-insensitively, with a per-run cache; ``load_demo`` uses it too;
* :func:`publish_at` gives a saved page a live revision dated to its original
  publication without the full publish machinery (see its docstring for why);
* :class:`StoryImporter` runs items in batches (one transaction each, a savepoint
  per item, search indexing inside it), converts legacy Vietnamese encodings
  (:mod:`.encodings`), turns bodies into blocks (:mod:`.html`) and counts.

An item re-imported updates the page with the same ``source_url`` (the
archive's stable key: a JSONL line's ``source_url``, a WordPress post's
guid, a feed entry's guid or id, else its link) instead of adding another.

What one item may carry is bounded: see :mod:`.records`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.rich_text import RichText

from exemplars.caching.signal_handlers import stories_imported
from exemplars.importing import encodings
from exemplars.importing.html import ImagePart, TextPart, body_parts
from exemplars.importing.jsonl import parse_line
from exemplars.importing.mapping import TermMapping
from exemplars.importing.records import (
    NAME_MAX,
    TAG_MAX,
    LineError,
    StoryLine,
    clean_names,
    clean_text,
)
from exemplars.importing.uploads import UploadsFolder
from exemplars.models import (
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
from exemplars.ops import sites
from exemplars.text import name_key, nfc, slugify_vi
from exemplars_search import service

logger = logging.getLogger(__name__)

SLUG_MAX = 80
# Lines committed (and indexed) together; see StoryImporter.
BATCH_LINES = 100


# Fields :meth:`StoryImporter.recode` converts from a legacy encoding.
TEXT_FIELDS = ("title", "intro", "body", "locality", "field", "exemplar_name")
NAME_FIELDS = ("campaigns", "awards", "tags", "authors")


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
    serve it (see :mod:`exemplars.ops.sites`): stories filed outside every Site
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
    # What was imported but not whole (an image the uploads folder lacks), by item number.
    notes: list[tuple[int, str]] = field(default_factory=list)
    story_ids: list[int] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


class StoryImporter:
    """Imports parsed items under one section (or the section a mapping names).

    Items are committed in batches of ``batch_size``, each item in a savepoint
    of its batch (a bad item rolls back alone), and a batch's stories are
    indexed for search inside the batch's transaction: a story is live exactly
    when it is searchable, however the run ends (an error, Ctrl-C, a killed
    process loses at most the batch in progress, index and pages together).
    Index-on-save is switched off meanwhile (:func:`deferred_indexing`), so
    each object is indexed once per batch rather than on each of its saves.

    ``parse`` makes a :class:`StoryLine` of one item (a JSONL line by default);
    ``encoding`` is ``"auto"`` (each field detected on its own), ``"file"``
    (one detection over every item's text) or a name :mod:`.encodings` knows;
    ``uploads`` is the folder images are taken from; ``mapping`` (a
    :class:`~.mapping.TermMapping`) files the archive's categories and tags.
    """

    def __init__(
        self,
        parent: SectionPage | None = None,
        *,
        dry_run=False,
        user=None,
        batch_size: int = BATCH_LINES,
        parse: Callable[[object], StoryLine] | None = None,
        encoding: str = "auto",
        uploads: UploadsFolder | str | None = None,
        mapping: TermMapping | None = None,
    ):
        parse = parse or parse_line
        self.mapping = mapping or TermMapping()
        self.parent = parent
        self.dry_run = dry_run
        self.user = user
        self.batch_size = max(1, batch_size)
        self.parse = parse
        self.encoding = encoding
        self.uploads = uploads if isinstance(uploads, UploadsFolder) else UploadsFolder(uploads)
        self.lookups = Lookups()
        self.result = ImportResult()
        self._slugs: dict[int, set[str]] = {}
        self._sections: dict[str, SectionPage] = {}

    def run(
        self,
        lines: Iterable[tuple[int, str | bytes]],
        progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """Import ``(number, item)`` pairs; ``progress(n)`` after each ``n`` items done."""
        if self.encoding == "file":
            lines = list(lines)
            self.encoding = self._detect_file_encoding(lines)
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
        self.uploads.written.clear()
        try:
            with transaction.atomic():
                for lineno, raw in batch:
                    if (saved := self.import_line(lineno, raw)) is not None:
                        done.append((lineno, *saved))
                index_in_batches(touched)
        except DatabaseError as exc:
            # The whole batch is gone, pages and index alike; say so line by line.
            self._reset_after_rollback()
            self.uploads.discard()
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
            if done:
                # Published without ``page_published``: readers' caches are told here.
                stories_imported([pk for _lineno, pk, _created in done])
        finally:
            touched.clear()
        if progress:
            progress(len(batch))

    def _detect_file_encoding(self, items) -> str:
        """One encoding for the whole file, from the text of every item that parses."""
        texts = []
        for _number, raw in items:
            with contextlib.suppress(Exception):
                story = self.parse(raw)
                texts += [getattr(story, name) for name in TEXT_FIELDS]
                texts += [n for name in NAME_FIELDS for n in getattr(story, name)]
                texts += [term.name for term in story.terms]
        return encodings.detect("\n".join(t for t in texts if t))

    def recode(self, story: StoryLine) -> StoryLine:
        """``story`` with its text converted from a legacy Vietnamese encoding to NFC."""

        def convert(text: str) -> str:
            return encodings.to_unicode(text, self.encoding) if text else text

        changes: dict[str, object] = {}
        for name in TEXT_FIELDS:
            changes[name] = convert(getattr(story, name))
        # A body is one field: detected on all its text together, tags left alone.
        changes["body"] = _recode_markup(story.body, self.encoding)
        for name in NAME_FIELDS:
            changes[name] = tuple(convert(n) for n in getattr(story, name))
        if story.hero is not None:
            hero = story.hero
            changes["hero"] = dataclasses.replace(
                hero, alt=convert(hero.alt), caption=convert(hero.caption)
            )
        changes["terms"] = tuple(dataclasses.replace(t, name=convert(t.name)) for t in story.terms)
        changes["title"] = " ".join(changes["title"].split())
        return dataclasses.replace(story, **changes)

    def file_terms(self, story: StoryLine) -> StoryLine:
        """``story`` with its decoded terms filed by the mapping (section, campaigns, field, tags)."""
        if not story.terms:
            return story
        filing = self.mapping.file(list(story.terms))
        data = {
            "campaigns": [*story.campaigns, *filing.campaigns],
            "tags": [*story.tags, *filing.tags],
        }
        return dataclasses.replace(
            story,
            section=story.section or filing.section,
            campaigns=clean_names(data, "campaigns"),
            field=story.field or clean_text({"field": filing.field}, "field", max_length=NAME_MAX),
            tags=clean_names(data, "tags", max_length=TAG_MAX),
        )

    def _reset_after_rollback(self) -> None:
        self.lookups = Lookups()
        # treebeard counts children on the in-memory parent; re-read it.
        self._refresh_parents()

    def _refresh_parents(self) -> None:
        if self.parent is not None:
            self.parent.refresh_from_db()
        for section in self._sections.values():
            section.refresh_from_db()
        self._slugs = {}

    def import_line(self, lineno: int, raw) -> tuple[int, bool] | None:
        """Import one item inside the caller's transaction; ``(page id, created)`` or None.

        An item that fails is recorded in ``result.errors``; nothing it wrote survives.
        """
        if isinstance(raw, str | bytes) and not raw.strip():
            self.result.skipped += 1
            return None
        try:
            story = self.file_terms(self.recode(self.parse(raw)))
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
        self._notes: list[str] = []
        files = self.uploads.mark()
        try:
            with transaction.atomic():
                page, created = self.save_story(story)
        except Exception as exc:
            self.lookups.forget_line()
            self.uploads.discard(files)
            self._refresh_parents()
            if not isinstance(exc, (LineError, ValidationError, DatabaseError)):
                logger.exception("Import line %s could not be saved", lineno)
            self.result.errors.append((lineno, _reason(exc)))
            return None
        self.result.notes.extend((lineno, note) for note in self._notes)
        return page.pk, created

    def section_for(self, story: StoryLine) -> SectionPage:
        """The section a new story is filed under: its mapped one, else the importer's."""
        if not story.section:
            if self.parent is None:
                self.parent = default_parent()
            return self.parent
        if story.section not in self._sections:
            self._sections[story.section] = resolve_parent(story.section)
        return self._sections[story.section]

    def _free_slug(self, parent: SectionPage, title: str) -> str:
        taken = self._slugs.get(parent.pk)
        if taken is None:
            taken = self._slugs[parent.pk] = set(
                parent.get_children().values_list("slug", flat=True)
            )
        base = slugify_vi(title)[:SLUG_MAX].strip("-") or "bai-viet"
        slug, n = base, 2
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        taken.add(slug)
        return slug

    def _note(self, text: str) -> None:
        self._notes.append(text)

    def image_block(self, part: ImagePart) -> dict | None:
        """The value of an image block for ``part``, or None (noted) without its file."""
        path = self.uploads.find(part.src)
        if path is None:
            self._note(
                _("bỏ ảnh %(src)s: không có trong thư mục ảnh (--uploads)")
                % {"src": part.src[:200]}
            )
            return None
        try:
            image = self.uploads.image(path, part.caption or part.alt)
        except (OSError, ValidationError, ValueError) as exc:
            self._note(_("bỏ ảnh %(src)s: %(err)s") % {"src": part.src[:200], "err": exc})
            return None
        alt = (part.alt or part.caption or image.title)[:250]
        return {
            "image": image,
            "caption": part.caption[:500],
            "credit": part.credit[:120],
            "alt_text": alt,
        }

    def body_stream(self, body: str) -> list[tuple[str, object]]:
        """The story's StreamField value: paragraph blocks and image blocks."""
        blocks: list[tuple[str, object]] = []
        for part in body_parts(body):
            if isinstance(part, TextPart):
                blocks.append(("paragraph", RichText(part.html)))
            elif (value := self.image_block(part)) is not None:
                blocks.append(("image", value))
        return blocks

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
        parent = self.section_for(story) if created else None
        if created:
            page = ExemplarStoryPage(
                slug=self._free_slug(parent, story.title), original_url=story.source_url
            )
        page.title = story.title
        page.draft_title = story.title
        page.intro = story.intro
        page.body = self.body_stream(story.body)
        hero = self.image_block(story.hero) if story.hero else None
        if hero is not None:
            page.hero_image = hero["image"]
            page.hero_caption = hero["caption"]
            page.hero_credit = hero["credit"]
            page.hero_alt = hero["alt_text"]
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
            parent.add_child(instance=page)
        else:
            page.save()
        if exemplar is not None:
            for award in awards:
                Honour.objects.get_or_create(exemplar=exemplar, award=award)
        publish_at(page, story.published, user=self.user)
        return page, created


def _recode_markup(markup: str, encoding: str) -> str:
    """The text between tags converted from ``encoding``; tags and addresses left alone."""
    if not markup:
        return markup
    pieces = re.split(r"(<[^>]*>)", markup)
    if encoding == "auto":
        encoding = encodings.detect(" ".join(p for p in pieces if not p.startswith("<")))
    return "".join(p if p.startswith("<") else encodings.decode(p, encoding) for p in pieces)


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
