"""The page cache's oracle: a random newsroom, and after every step each reader
page from the production server compared with a fresh render.

Run inside ``deploy/manage.sh shell`` (the server's settings and database) by
``test_cache_coherence.py``: ``run(seed, steps, cached_port, fresh_port)``.
The cached server is ``deploy/serve.sh`` with several workers and Redis; the
fresh one serves the same database with every cache off. Editors act through
the admin's real views on the cached server (an admin session over HTTP),
and operators through the real commands (``deploy/manage.sh``), as in a
newsroom. After each step every address readers can reach (each sitemap
entry, every address seen since the start, the home, section, campaign,
feed and search pages) is fetched twice from the cached server and once from
the fresh one; status, redirect target and normalised body must be equal.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from django.db import close_old_connections
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from exemplars.comments.models import Comment
from exemplars.models import (
    Author,
    Campaign,
    CampaignPage,
    Exemplar,
    ExemplarStoryPage,
    Locality,
    SectionPage,
)
from tests.exemplars.desk import story_post_data
from tests.site.admin_client import AdminClient, messages_in

ROOT = Path(__file__).resolve().parents[2]

# What legitimately differs between two renders of the same content.
PER_RENDER = [
    # A reader form's signed token carries the time step it was made in
    # (exemplars/reader/forms.py): a cached page hands out an older one.
    ("token", re.compile(r'(name="token" value="[a-z]+:\d+\|)\d+:[A-Za-z0-9_-]+(?=")')),
    # Django masks the CSRF secret afresh on every render (a password-protected
    # page's form, which is never cached: it sets the CSRF cookie).
    ("csrf", re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(?=")')),
]
# Two servers rendering one page at the same moment both make its image's
# rendition: the file name one of them wanted is taken, and Django's storage
# gives its copy a suffix ("_" and seven random characters). Both files exist;
# the page is the same. (scripts/snapshot_pages.py names the same value.)
RENDITION_SUFFIX = re.compile(r"(/media/images/[^\"'\s<>?&./]*)_[A-Za-z0-9]{7}(?=\.)")
SEARCH_QUERIES = ["điển hình", "nong dan", "thi đua"]


# A feed with no items has no date of its own: Django's feed generator gives it
# the time of the render (``SyndicationFeed.latest_post_date``).
EMPTY_FEED_DATE = re.compile(r"(<lastBuildDate>|<updated>)[^<]*(?=</)")


def normalise(body: bytes) -> bytes:
    text = body.decode("utf-8", errors="replace")
    if ("<rss" in text and "<item>" not in text) or ("<feed" in text and "<entry>" not in text):
        text = EMPTY_FEED_DATE.sub(lambda m: f"{m.group(1)}<render time>", text)
    text = RENDITION_SUFFIX.sub(lambda m: m.group(1), text)
    for name, pattern in PER_RENDER:
        text = pattern.sub(lambda m, name=name: f"{m.group(1)}<{name}>", text)
    return text.encode()


class Reader:
    def __init__(self, port):
        self.client = AdminClient(port)

    def fetch(self, path):
        # A fresh connection per request, no cookie: an anonymous reader.
        self.client.cookies = {}
        response, body = self.client.get(path)
        return response.status, response.getheader("Location") or "", normalise(body)


class Oracle:
    def __init__(self, seed, cached_port, fresh_port, out=sys.stdout):
        self.rng = random.Random(seed)
        self.seed = seed
        self.cached = Reader(cached_port)
        self.fresh = Reader(fresh_port)
        self.editor = AdminClient(cached_port)
        self.out = out
        self.seen: set[str] = set()
        self.counter = 0
        self.compared = 0
        self.hits = 0
        self.scheduled_due: float | None = None
        self.imports: list[dict] = []

    # -- what readers can reach -------------------------------------------------

    def sitemap_paths(self) -> set[str]:
        paths, queue, done = set(), [reverse("exemplars_sitemap")], set()
        while queue:
            path = queue.pop()
            if path in done:
                continue
            done.add(path)
            status, _, body = self.fresh.fetch(path)
            if status != 200:
                continue
            root = ET.fromstring(body)
            for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
                local = urlsplit(loc.text.strip())
                local = local.path + (f"?{local.query}" if local.query else "")
                if local.endswith(".xml") or "sitemap" in local:
                    queue.append(local)
                else:
                    paths.add(local)
        return paths

    def fixed_paths(self) -> set[str]:
        paths = {"/", reverse("exemplars_feed_rss"), reverse("exemplars_feed_atom")}
        paths.add(reverse("exemplars_news_sitemap"))
        for page in SectionPage.objects.all():
            paths.add(page.url or "/")
            paths.add(reverse("exemplars_section_rss", args=[page.pk]))
        for page in CampaignPage.objects.all():
            paths.add(page.url or "/")
        for slug in Campaign.objects.values_list("slug", flat=True)[:5]:
            paths.add(reverse("exemplars_campaign_rss", args=[slug]))
        search = reverse("exemplars_search:search")
        for q in SEARCH_QUERIES:
            paths.add(f"{search}?q={q.replace(' ', '+')}")
        return {p for p in paths if p}

    def compare_all(self, step, action) -> list[str]:
        close_old_connections()
        paths = self.sitemap_paths() | self.fixed_paths()
        self.seen |= paths
        stale = []

        def check(path):
            first = self.cached.fetch(path)
            again = self.cached.fetch(path)
            fresh = self.fresh.fetch(path)
            wrong = []
            for label, got in (("first", first), ("again", again)):
                if got != fresh:
                    wrong.append(
                        f"step {step} ({action}) {path} [{label}]: cached "
                        f"{got[0]} {got[1]!r} vs fresh {fresh[0]} {fresh[1]!r}"
                        + (f"\n{diff(got[2], fresh[2])}" if got[0] == fresh[0] else "")
                    )
            return wrong

        with ThreadPoolExecutor(4) as pool:
            for wrong in pool.map(check, sorted(self.seen)):
                stale.extend(wrong)
        self.compared += 2 * len(self.seen)
        return stale

    # -- the newsroom ---------------------------------------------------------------

    def stories(self, **filters):
        return list(ExemplarStoryPage.objects.filter(**filters).order_by("pk"))

    def pick(self, items):
        return self.rng.choice(items) if items else None

    def tag(self):
        self.counter += 1
        return f"{self.seed}-{self.counter}"

    def publish_story(self, story, **overrides):
        action = "action-publish"
        data = story_post_data(story, **overrides)
        response, body = self.editor.post_data(
            f"/admin/pages/{story.pk}/edit/", data, action=action
        )
        return self.accepted(response, body)

    def accepted(self, response, body) -> bool:
        """A 302 saved; a 200 is the form shown again with the admin's reasons
        (the story's state refused this edit: it changed nothing, and the step
        picks another action). Anything else fails the run."""
        if response.status == 200:
            print(f"  (the admin refused the edit: {messages_in(body)[:300]})", flush=True)
            return False
        assert response.status == 302, (response.status, messages_in(body))
        return True

    def act_publish_edit(self):
        story = self.pick(self.stories(live=True))
        if story is None:
            return None
        if not self.publish_story(story, title=f"{story.title.split(' ·')[0]} · sửa {self.tag()}"):
            return None
        return f"edit and publish story {story.pk}"

    def act_draft_edit(self):
        story = self.pick(self.stories(live=True))
        if story is None:
            return None
        data = story_post_data(story, title=f"Bản nháp {self.tag()}")
        response, body = self.editor.post_data(f"/admin/pages/{story.pk}/edit/", data)
        if not self.accepted(response, body):
            return None
        return f"save a draft of story {story.pk} (nothing public changes)"

    def act_unpublish(self):
        story = self.pick(self.stories(live=True))
        if story is None:
            return None
        response, body = self.editor.submit(f"/admin/pages/{story.pk}/unpublish/")
        assert response.status == 302, (response.status, messages_in(body))
        return f"unpublish story {story.pk}"

    def act_republish(self):
        story = self.pick(self.stories(live=False))
        if story is None:
            return None
        if not self.publish_story(story):
            return None
        return f"publish unpublished story {story.pk}"

    def act_privacy_on(self):
        pages = self.stories(live=True) + list(SectionPage.objects.live())
        page = self.pick(pages)
        if page is None:
            return None
        kind = self.rng.choice(["login", "password"])
        fields = {"restriction_type": kind, "password": "mat-khau-1" if kind == "password" else ""}
        response, body = self.editor.submit(f"/admin/pages/{page.pk}/privacy/", fields)
        assert response.status == 200 and b"set_privacy_done" in body, (response.status, body[:300])
        return f"make page {page.pk} private ({kind})"

    def act_privacy_off(self):
        restriction = self.pick(list(PageViewRestriction.objects.order_by("pk")))
        if restriction is None:
            return None
        response, body = self.editor.submit(
            f"/admin/pages/{restriction.page_id}/privacy/", {"restriction_type": "none"}
        )
        assert response.status == 200 and b"set_privacy_done" in body, (response.status, body[:300])
        return f"make page {restriction.page_id} public again"

    def act_move(self):
        story = self.pick(self.stories(live=True))
        sections = [
            s for s in SectionPage.objects.live() if story and s.pk != story.get_parent().pk
        ]
        target = self.pick(sections)
        if story is None or target is None:
            return None
        response, body = self.editor.submit(f"/admin/pages/{story.pk}/move/{target.pk}/confirm/")
        assert response.status == 302, (response.status, messages_in(body))
        return f"move story {story.pk} to section {target.pk}"

    def act_rename_slug(self):
        story = self.pick(self.stories(live=True))
        if story is None:
            return None
        if not self.publish_story(story, slug=f"{story.slug[:40]}-{self.tag()}"):
            return None
        return f"rename the slug of story {story.pk}"

    def act_delete(self):
        # Keep a newsroom to play with.
        live = self.stories(live=True)
        if len(live) < 8:
            return None
        story = self.pick(live)
        response, body = self.editor.submit(f"/admin/pages/{story.pk}/delete/")
        assert response.status == 302, (response.status, messages_in(body))
        return f"delete story {story.pk}"

    def snippet_edit(self, obj, changes):
        url = reverse(type(obj).snippet_viewset.get_url_name("edit"), args=[obj.pk])
        action = "action-publish" if hasattr(obj, "live") else None
        response, body = self.editor.submit(url, changes, action=action)
        assert response.status == 302, (url, response.status, messages_in(body))

    def act_approve_comment(self):
        story = self.pick(self.stories(live=True, comments_open=True))
        if story is None:
            return None
        # The reader's part (the form's own checks are tested elsewhere).
        comment = Comment.objects.create(
            story=story, name="Bạn đọc", email="", text=f"Bình luận {self.tag()}"
        )
        self.snippet_edit(comment, {"status": Comment.Status.APPROVED})
        return f"approve a comment on story {story.pk}"

    def act_edit_record(self):
        model = self.rng.choice([Campaign, Exemplar, Locality, Author])
        obj = self.pick(list(model.objects.order_by("pk")[:30]))
        if obj is None:
            return None
        self.snippet_edit(obj, {"name": f"{obj.name.split(' ·')[0]} · {self.tag()}"})
        return f"rename {model.__name__} {obj.pk}"

    def act_import(self):
        tag = self.tag()
        lines = []
        if self.imports and self.rng.random() < 0.5:
            # A correction: the same source, a new title.
            again = dict(self.rng.choice(self.imports), title=f"Đính chính {tag}")
            lines.append(again)
        story = {
            "title": f"Gương sáng nhập từ lưu trữ {tag}",
            "intro": "Một điển hình tiên tiến trong phong trào thi đua yêu nước.",
            "body": "<p>Nội dung bài viết nhập từ kho lưu trữ của tòa soạn.</p>",
            "published": timezone.now().isoformat(),
            "source_url": f"https://lưu-trữ.example/bai/{tag}",
        }
        lines.append(story)
        self.imports.append(story)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
            f.write("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n")
        manage("import_stories", f.name)
        os.unlink(f.name)
        return f"import_stories ({len(lines)} lines)"

    def act_schedule(self):
        story = self.pick(self.stories(live=True))
        if story is None or self.scheduled_due:
            return None
        when = timezone.localtime() + dt.timedelta(seconds=2)
        field = self.rng.choice(["go_live_at", "expire_at"])
        overrides = {field: when.strftime("%d/%m/%Y %H:%M:%S")}
        if field == "go_live_at":
            overrides["title"] = f"Lên lịch {self.tag()}"
        if not self.publish_story(story, **overrides):
            return None
        self.scheduled_due = time.time() + 2.5
        return f"schedule story {story.pk} ({field})"

    def act_publish_scheduled(self):
        if self.scheduled_due:
            time.sleep(max(0.0, self.scheduled_due - time.time()))
            self.scheduled_due = None
        manage("publish_scheduled")
        return "publish_scheduled (deploy/manage.sh)"

    ACTIONS = [
        ("publish_edit", 6),
        ("draft_edit", 2),
        ("unpublish", 2),
        ("republish", 2),
        ("privacy_on", 3),
        ("privacy_off", 3),
        ("move", 2),
        ("rename_slug", 2),
        ("delete", 1),
        ("approve_comment", 2),
        ("edit_record", 4),
        ("import", 2),
        ("schedule", 2),
        ("publish_scheduled", 2),
    ]

    def step(self):
        names = [name for name, _ in self.ACTIONS]
        weights = [weight for _, weight in self.ACTIONS]
        while True:
            name = self.rng.choices(names, weights)[0]
            done = getattr(self, f"act_{name}")()
            if done:
                return done


def manage(*args):
    done = subprocess.run(
        ["bash", "deploy/manage.sh", *args],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def diff(a: bytes, b: bytes) -> str:
    import difflib

    lines = difflib.unified_diff(
        a.decode(errors="replace").splitlines(),
        b.decode(errors="replace").splitlines(),
        "cached",
        "fresh",
        n=0,
        lineterm="",
    )
    return "\n".join(list(lines)[:12])


def run(seed: int, steps: int, cached_port: int, fresh_port: int, password: str) -> int:
    oracle = Oracle(seed, cached_port, fresh_port)
    oracle.editor.login("admin", password)
    print(f"oracle: seed {seed}, {steps} steps", flush=True)
    stale = oracle.compare_all(0, "start")
    started = time.monotonic()
    for n in range(1, steps + 1):
        if stale:
            break
        action = oracle.step()
        stale = oracle.compare_all(n, action)
        print(f"step {n}: {action}: {len(oracle.seen)} addresses, {len(stale)} stale", flush=True)
    print(
        f"oracle: seed {seed}: {n if steps else 0} steps, {oracle.compared} cached responses "
        f"compared in {time.monotonic() - started:.0f} s, {len(stale)} stale",
        flush=True,
    )
    for line in stale[:20]:
        print(line, flush=True)
    return 1 if stale else 0
