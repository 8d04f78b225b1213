#!/usr/bin/env python
"""Snapshot the demo site's reader and admin pages, for a byte-for-byte comparison.

Made for refactors that should change nothing a reader or an editor sees (moving
files between modules): run it on the old checkout and on the new one, then
``diff -r`` the two output folders.

    cd <checkout> && python scripts/snapshot_pages.py --out /tmp/snap-before
    cd <other checkout> && python scripts/snapshot_pages.py --out /tmp/snap-after
    diff -r /tmp/snap-before /tmp/snap-after

It builds the demo the way ``make run`` does (migrate, load_demo, setup_roles,
ensure_admin --demo-staff, set_site_origin http://127.0.0.1:8000) in a throwaway
SQLite database and media folder, so the checkout itself is not written to.
The clock is frozen at one instant: the demo schedules events relative to today
and the news sitemap lists the last 48 hours, so two runs on different days
would otherwise list different things, which no normalising can undo.
Every URL is fetched twice and both answers are kept (``.1`` and ``.2``), so a
difference between a first and a cached answer shows up too.

What still differs between two runs of the same code (CSRF tokens and the like)
is replaced by a placeholder before a file is written: see ``NORMALISERS``. The
script re-runs itself under PYTHONHASHSEED=0 (see ``pin_hash_seed``).
``index.tsv`` lists every fetch: URL, fetch number, status, content type,
sha256 of the saved (normalised) body, redirect target and file name;
``headers.tsv`` the response headers (see ``VOLATILE_HEADERS``).

The page cache is off, as under ``make run`` (settings/dev.py); ``--page-cache``
turns it on, so the second fetch of a reader page is a cached one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.abc
import importlib.util
import io
import os
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode, urlsplit

# The instant the site believes it is: the morning after the newest demo story
# (2026-05-11 08:00), so no story is in the future and the news sitemap has one
# in its 48-hour window. 09:00 in Hà Nội.
FROZEN_NOW = dt.datetime(2026, 5, 12, 2, 0, tzinfo=dt.UTC)

HOST = "127.0.0.1"
PORT = "8000"
ORIGIN = f"http://{HOST}:{PORT}"

# Vietnamese queries with and without diacritics (the reader search folds both).
SEARCH_QUERIES = ["nông thôn", "ma tuy"]


# -- setting up the checkout ------------------------------------------------------


class _SearchAlias(importlib.abc.MetaPathFinder):
    """Import ``exemplars_search`` from this checkout's ``search/``.

    The virtualenv's editable install maps ``exemplars_search`` to one checkout's
    ``search/`` (and puts ``exemplars`` there too, but a folder on ``sys.path``
    wins over the editable finder for that one, which ``search/`` cannot do because
    its folder name differs from its package name). Without this, a run in another
    checkout would quietly snapshot the installed checkout's search app.
    """

    def __init__(self, package_dir: Path):
        self.package_dir = package_dir

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "exemplars_search":
            return None  # submodules follow the package's __path__
        return importlib.util.spec_from_file_location(
            fullname,
            self.package_dir / "__init__.py",
            submodule_search_locations=[str(self.package_dir)],
        )


def set_up_checkout(root: Path, tmp: Path) -> None:
    # The script's own folder (scripts/) is sys.path[0]; nothing there is wanted.
    script_dir = str(Path(__file__).resolve().parent)
    sys.path[:] = [p for p in sys.path if p and Path(p).resolve() != Path(script_dir)]
    # Ahead of the virtualenv, whose editable install points at one checkout only.
    sys.path[:0] = [str(root), str(root / "site")]
    sys.meta_path.insert(0, _SearchAlias(root / "search"))

    # Everything the settings read from the environment is pinned, so the
    # caller's shell (a REDIS_URL, a search cluster) cannot change the pages.
    for name in list(os.environ):
        if name.startswith(("DJANGO_", "EXEMPLARS_", "CLOUDFLARE_")) or name in {
            "DATABASE_URL",
            "DATABASE_CONN_MAX_AGE",
            "REDIS_URL",
            "ELASTICSEARCH_URL",
            "OPENSEARCH_URL",
            "FRONTEND_CACHE_PURGE_URL",
            "WAGTAILADMIN_BASE_URL",
        }:
            del os.environ[name]
    os.environ.update(
        {
            # What `make run` uses (manage.py's default).
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(tmp / "media"),
            "DJANGO_STATIC_ROOT": str(tmp / "static"),
            # ensure_admin keeps its generated password here.
            "EXEMPLARS_VAR_DIR": str(tmp / "var"),
            # Request errors still log (with their traceback); INFO lines are noise.
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )


def freeze_clock() -> None:
    """Make django.utils.timezone.now() (and so localdate(), auto_now fields,
    Wagtail's publication dates) and Django's timesince ("3 days ago") answer
    FROZEN_NOW. Done before django.setup(), so modules that import ``now`` by
    name bind the frozen one."""
    from django.utils import timesince, timezone

    timezone.now = lambda: FROZEN_NOW

    real_timesince = timesince.timesince

    def frozen_timesince(d, now=None, *args, **kwargs):
        return real_timesince(d, now or FROZEN_NOW, *args, **kwargs)

    # timeuntil() calls the module's timesince, so it follows too.
    timesince.timesince = frozen_timesince


def check_imports(root: Path) -> None:
    import exemplars
    import exemplars_search
    import newsroom

    for module in (exemplars, exemplars_search, newsroom):
        where = Path(module.__file__).resolve()
        print(f"{module.__name__}: {where}")
        if not where.is_relative_to(root):
            sys.exit(f"{module.__name__} comes from {where}, outside {root}")


# -- building the demo ------------------------------------------------------------


def build_demo() -> None:
    from django.core.management import call_command

    # As the Makefile's setup-db and run targets. compilemessages is left out:
    # the .mo files are committed, and it would write into the checkout.
    # The commands' chatter (the throwaway admin password included) is dropped.
    quiet = {"stdout": io.StringIO(), "verbosity": 0}
    call_command("migrate", interactive=False, **quiet)
    call_command("load_demo", **quiet)
    call_command("setup_roles", **quiet)
    call_command("ensure_admin", demo_staff=True, **quiet)
    call_command("set_site_origin", ORIGIN, **quiet)


# -- normalising ------------------------------------------------------------------

# Only what differs between two runs of the same code. Each was found by running
# the script twice on one checkout and diffing; add here, not ad hoc elsewhere.
# A placeholder is numbered by first appearance in its file ("<uuid-3>"), so two
# mentions of one value still read as the same value and two values as two.
# Each pattern's group 1 is kept, the rest of the match replaced.
NORMALISERS: list[tuple[str, re.Pattern]] = [
    # Django masks the CSRF secret afresh on every render: in forms, and in the
    # wagtail-config JSON the admin's scripts read.
    ("csrf", re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(?=")')),
    ("csrf", re.compile(r'("CSRF_TOKEN": ")[A-Za-z0-9]{64}(?=")')),
    # Reader forms on cached pages carry a signed token instead (reader_forms.py):
    # its target ("comment:21") stays, its time step (from time.time(), which the
    # frozen clock does not reach) and signature go.
    ("token", re.compile(r'(name="token" value="[a-z]+:\d+\|)\d+:[A-Za-z0-9_-]+(?=")')),
    # Draftail's block keys: Wagtail's rich text converter draws five random
    # characters per block each time an edit form renders (contentstate_models.py).
    # In the stream editor the contentstate is JSON inside JSON, hence the backslashes.
    ("key", re.compile(r"(\\?&quot;key\\?&quot;: \\?&quot;)[a-z0-9]{5}(?=\\?&quot;)")),
    # uuid4s: StreamField block ids (drawn when load_demo saves a page) and
    # Wagtail's translation keys. No other UUIDs exist in the demo.
    ("uuid", re.compile(r"()[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")),
    # Wagtail's site history labels its count with the model of whichever log
    # model comes first out of a set of classes (hashed by address, so the hash
    # seed does not pin it): "99 page log entries" in one run, "99 model log
    # entries" in the next.
    ("log", re.compile(r"(\d+ )(?:page|model)(?= log entries)")),
    # A rendition whose (truncated) file name is already taken gets Django's
    # storage suffix, "_" and seven random characters. Which one is renamed is
    # stable, the characters are not.
    ("rand", re.compile(r"(/media/images/[^\"'\s<>?&]*?_)[A-Za-z0-9]{7}(?=\.)")),
]


def normalise(body: bytes) -> bytes:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body  # binary (a PDF, an image): kept as it is
    for name, pattern in NORMALISERS:
        numbers: dict[str, int] = {}

        def placeholder(match, name=name, numbers=numbers):
            value = match.group(0)[len(match.group(1)) :]
            number = numbers.setdefault(value, len(numbers) + 1)
            return f"{match.group(1)}<{name}-{number}>"

        text = pattern.sub(placeholder, text)
    return text.encode("utf-8")


# -- finding the URLs ---------------------------------------------------------------

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sitemap_urls(body: bytes) -> tuple[list[str], list[str]]:
    """(child sitemaps, pages) in a sitemap or sitemap index, alternates included."""
    root = ET.fromstring(body)
    sitemaps = [
        local_path(loc.text.strip())
        for s in root.iter(f"{SITEMAP_NS}sitemap")
        for loc in s.iter(f"{SITEMAP_NS}loc")
    ]
    pages = []
    for u in root.iter(f"{SITEMAP_NS}url"):
        pages += [local_path(loc.text.strip()) for loc in u.iter(f"{SITEMAP_NS}loc")]
        # hreflang alternates: the /en/ edition of each page.
        pages += [
            local_path(link.get("href")) for link in u.iter(f"{XHTML_NS}link") if link.get("href")
        ]
    return sitemaps, pages


def unique(urls):
    return list(dict.fromkeys(urls))


def reader_urls(client) -> list[str]:
    from django.apps import apps

    # By app label, not module path: the refactors this checks move modules.
    Campaign = apps.get_model("exemplars", "Campaign")
    SectionPage = apps.get_model("exemplars", "SectionPage")
    urls = ["/robots.txt"]
    to_read, seen_sitemaps = ["/sitemap.xml", "/news-sitemap.xml"], set()
    while to_read:
        sitemap = to_read.pop(0)
        if sitemap in seen_sitemaps:
            continue
        seen_sitemaps.add(sitemap)
        urls.append(sitemap)
        response = client.get(sitemap)
        if response.status_code != 200:
            continue
        children, pages = sitemap_urls(response.content)
        to_read += children
        urls += pages
    # The sitemap lists no hreflang alternates, yet every reader page has an
    # English edition at /en/…, translated from the apps' locale folders (which
    # a file move can lose): take the /en/ twin of each page listed.
    urls += [f"/en{url}" for url in urls if url.endswith("/") and not url.startswith("/en/")]

    # Feeds: the site's, each section's, each campaign's, the events calendars.
    urls += ["/rss/", "/atom/", "/su-kien/", "/su-kien/lich.ics"]
    for pk in SectionPage.objects.order_by("pk").values_list("pk", flat=True):
        urls += [f"/rss/chuyen-muc/{pk}/", f"/atom/chuyen-muc/{pk}/"]
    for slug in Campaign.objects.order_by("pk").values_list("slug", flat=True):
        urls += [
            f"/rss/phong-trao/{slug}/",
            f"/atom/phong-trao/{slug}/",
            f"/su-kien/phong-trao/{slug}/lich.ics",
        ]

    for q in SEARCH_QUERIES:
        query = urlencode({"q": q})
        urls += [f"/search/?{query}", f"/en/search/?{query}", f"/api/search/?{query}"]
    urls.append(f"/api/search/suggest/?{urlencode({'q': 'nông'})}")
    urls.append("/api/openapi.json")

    # The API: each endpoint's listing and the first record of each.
    for endpoint in ("pages", "images", "campaigns", "exemplars", "localities", "fields"):
        listing = f"/api/v2/{endpoint}/"
        urls.append(listing)
        response = client.get(listing)
        if response.status_code == 200 and response.json().get("items"):
            urls.append(f"{listing}{response.json()['items'][0]['id']}/")
    return unique(urls)


def admin_urls() -> list[str]:
    from django.apps import apps
    from django.contrib.admin.utils import quote
    from django.urls import reverse
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    def first(model_name):
        model = apps.get_model("exemplars", model_name)
        return model.objects.order_by("path").first()

    home = first("ExemplarHomePage")
    section = first("SectionPage")
    story = first("ExemplarStoryPage")
    campaign_page = first("CampaignPage")

    urls = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/{home.pk}/edit/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{campaign_page.pk}/edit/",
        # The editors' desk (exemplars/wagtail_hooks.py): the story listing, the
        # pipeline, the campaign report, the nomination form. Left out: the
        # booklet (a WeasyPrint PDF, slow and stamped with its build time) and
        # the pipeline's advance view (POST only).
        reverse("exemplar_stories:index"),
        reverse("exemplars_pipeline"),
        reverse("exemplars_campaign_report"),
        reverse("exemplars_nominate", args=[story.pk]),
        # Wagtail's reports (the reports menu has no page of its own).
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        "/admin/snippets/",
    ]
    for model in sorted(get_snippet_models(), key=lambda m: m._meta.label):
        viewset = model.snippet_viewset
        urls.append(reverse(viewset.get_url_name("list")))
        instance = model._default_manager.order_by("pk").first()
        if instance is not None:
            urls.append(reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)]))
    image = get_image_model().objects.order_by("pk").first()
    if image is not None:
        urls.append(reverse("wagtailimages:edit", args=[image.pk]))
    document = get_document_model().objects.order_by("pk").first()
    if document is not None:
        urls.append(reverse("wagtaildocs:edit", args=[document.pk]))
    return unique(urls)


# -- fetching and saving ------------------------------------------------------------


def slug(text: str, limit: int = 80) -> str:
    # The hash keeps two URLs apart whose slugs coincide (diacritics, query strings).
    digest = hashlib.sha1(text.encode()).hexdigest()[:8]
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:limit] or "root"
    return f"{cleaned}-{digest}"


EXTENSIONS = {
    "text/html": "html",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/rss+xml": "xml",
    "application/atom+xml": "xml",
    "text/calendar": "ics",
    "text/plain": "txt",
}


# Headers whose value follows the real clock or the raw (unnormalised) body.
VOLATILE_HEADERS = {
    "Content-Length": None,  # the saved body's size says it, after normalising
    "ETag": "<etag>",  # a hash of the raw body, CSRF tokens and all
    "Expires": "<http-date>",  # Django's cache headers count from time.time()
}


def header_line(response) -> str:
    """The response's headers on one line, minus what changes from run to run."""
    items = []
    for name, value in sorted(response.headers.items()):
        if name in VOLATILE_HEADERS:
            if VOLATILE_HEADERS[name] is None:
                continue
            value = VOLATILE_HEADERS[name]
        items.append(f"{name}: {value}")
    for name, morsel in sorted(response.cookies.items()):
        # A cookie's value is a fresh secret, its expiry counts from time.time().
        attributes = "; ".join(
            f"{k}={v}" for k, v in sorted(morsel.items()) if v and k != "expires"
        )
        items.append(f"Set-Cookie: {name}=<value>; {attributes}")
    return " | ".join(items)


def fetch_all(client, urls, out: Path, kind: str, index: list, headers: list, failures: list):
    folder = out / kind
    folder.mkdir(parents=True, exist_ok=True)
    for url in urls:
        for attempt in (1, 2):
            try:
                response = client.get(url)
            except Exception as exc:  # a view that cannot even answer: say so, go on
                failures.append(f"{url} (fetch {attempt}): {type(exc).__name__}: {exc}")
                index.append(f"{kind}\t{url}\t{attempt}\tERROR\t\t\t\t")
                continue
            content_type = response.get("Content-Type", "")
            mime = content_type.split(";")[0].strip()
            body = normalise(b"".join(response) if response.streaming else response.content)
            name = (
                f"{slug(url)}__{response.status_code}__{slug(content_type or 'none', 40)[:-9]}"
                f".{attempt}.{EXTENSIONS.get(mime, 'bin')}"
            )
            (folder / name).write_bytes(body)
            location = response.get("Location", "")
            headers.append(f"{kind}\t{url}\t{attempt}\t{header_line(response)}")
            index.append(
                f"{kind}\t{url}\t{attempt}\t{response.status_code}\t{content_type}\t"
                f"{hashlib.sha256(body).hexdigest()}\t{location}\t{kind}/{name}"
            )
            if response.status_code >= 500:
                failures.append(f"{url} (fetch {attempt}): {response.status_code}")


def pin_hash_seed() -> None:
    """Re-run this script under PYTHONHASHSEED=0 unless it already is.

    Some of Wagtail's templates join a set of CSS classes, whose order follows
    the string hash, which Python salts per process: without a fixed seed the
    same button reads class="serious bulk-action-btn" in one run and
    class="bulk-action-btn serious" in the next. The seed is read at start-up,
    so it takes a fresh interpreter.
    """
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        # No __pycache__ written into the checkout either.
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
        os.execv(sys.executable, [sys.executable, *sys.argv])


def main() -> None:
    pin_hash_seed()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder for the snapshot")
    parser.add_argument(
        "--checkout", type=Path, default=Path.cwd(), help="repository root (default: here)"
    )
    parser.add_argument(
        "--page-cache",
        action="store_true",
        help="turn the full-page cache on (dev settings, as `make run`, turn it off)",
    )
    parser.add_argument(
        "--keep-tmp", action="store_true", help="keep the temporary database and media"
    )
    args = parser.parse_args()
    root = args.checkout.resolve()
    out = args.out.resolve()
    if out.exists() and any(out.iterdir()):
        sys.exit(f"{out} is not empty")
    out.mkdir(parents=True, exist_ok=True)

    tmp = Path(tempfile.mkdtemp(prefix="snapshot-pages-"))
    started = time.monotonic()
    try:
        set_up_checkout(root, tmp)
        freeze_clock()
        import django

        django.setup()
        check_imports(root)
        if args.page_cache:
            from django.conf import settings

            # Read per request (exemplars/caching/conf.py), so setting it here is enough:
            # the second fetch of a reader page is then served from the cache.
            settings.EXEMPLARS_PAGE_CACHE = {**settings.EXEMPLARS_PAGE_CACHE, "ENABLED": True}
        build_demo()
        print(f"demo built in {time.monotonic() - started:.0f} s")

        from django.contrib.auth import get_user_model
        from django.test import Client

        def new_client():
            # SERVER_PORT as runserver on 127.0.0.1:8000 gives it, so Wagtail
            # matches the Site that set_site_origin configured.
            return Client(
                HTTP_HOST=f"{HOST}:{PORT}", SERVER_PORT=PORT, raise_request_exception=False
            )

        index = ["kind\turl\tfetch\tstatus\tcontent_type\tsha256\tlocation\tfile"]
        headers = ["kind\turl\tfetch\theaders"]
        failures: list[str] = []

        reader = new_client()
        readers = reader_urls(reader)
        fetch_all(reader, readers, out, "reader", index, headers, failures)

        editor = new_client()
        superuser = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        editor.force_login(superuser)
        admins = admin_urls()
        fetch_all(editor, admins, out, "admin", index, headers, failures)

        (out / "index.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
        (out / "headers.tsv").write_text("\n".join(headers) + "\n", encoding="utf-8")
        print(f"reader URLs: {len(readers)}, admin URLs: {len(admins)} (each fetched twice)")
        for failure in failures:
            print(f"FAILED {failure}")
        print(f"done in {time.monotonic() - started:.0f} s: {out}")
    finally:
        if args.keep_tmp:
            print(f"temporary files kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
