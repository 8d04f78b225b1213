"""Paths that changed what readers see without purging (issue 20, items 1-4),
each through the real view or command: privacy set in the admin, an import,
a workflow approval, a revision reverted and published, an image's focal
point, a redirect, the production settings without a shared cache. The random
oracle (tests/site/test_cache_coherence.py) covers their combinations."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from exemplars.caching import coherence
from exemplars.models import ExemplarStoryPage
from exemplars.ops.checks import check_page_cache
from tests.factories import make_story

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cached(client, url):
    """Fetch twice, anonymously: the second answer comes from the cache."""
    client.cookies.clear()
    client.get(url)
    response = client.get(url)
    assert response.get("X-Page-Cache") == "hit", (url, response.status_code)
    return response


def test_privacy_set_in_the_admin_closes_the_cached_story_and_its_lists(
    client, page_cache, section, admin_user, committed
):
    story = make_story(title="Chuyện riêng của tổ hợp tác")
    cached(client, story.url)
    assert story.title in cached(client, section.url).content.decode()

    client.force_login(admin_user)
    with committed():
        response = client.post(
            f"/admin/pages/{story.pk}/privacy/", {"restriction_type": "login", "password": ""}
        )
    assert b"set_privacy_done" in response.content
    client.logout()
    client.cookies.clear()
    closed = client.get(story.url)
    assert closed.status_code == 302 and "/login" in closed["Location"]
    assert story.title not in client.get(section.url).content.decode()

    # And public again: listed again, readable again.
    client.force_login(admin_user)
    with committed():
        client.post(f"/admin/pages/{story.pk}/privacy/", {"restriction_type": "none"})
    assert not PageViewRestriction.objects.exists()
    client.logout()
    client.cookies.clear()
    assert client.get(story.url).status_code == 200
    assert story.title in client.get(section.url).content.decode()


def test_a_reimported_correction_and_a_new_import_reach_cached_pages(
    client, page_cache, section, tmp_path, committed
):
    line = {
        "title": "Bài gốc từ kho lưu trữ",
        "intro": "Phần mở đầu.",
        "body": "<p>Nội dung.</p>",
        "published": "2024-05-01T08:00:00+07:00",
        "source_url": "https://baocu.example/bai/1",
    }
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps(line, ensure_ascii=False) + "\n")
    call_command("import_stories", str(archive), verbosity=0)
    story = ExemplarStoryPage.objects.get(original_url=line["source_url"])
    assert "Bài gốc" in cached(client, story.url).content.decode()
    home = cached(client, "/").content.decode()

    new = line | {"title": "Một gương mới", "source_url": "https://baocu.example/bai/2"}
    correction = line | {"title": "Bài đã đính chính"}
    archive.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in (correction, new)) + "\n"
    )
    with committed():
        call_command("import_stories", str(archive), verbosity=0)
    page = client.get(story.url)
    assert page["X-Page-Cache"] == "miss"
    assert "<h1" in page.content.decode() and "Bài đã đính chính" in page.content.decode()
    listing = client.get(section.url).content.decode()
    assert "Một gương mới" in listing and "Một gương mới" not in home


def test_a_draft_save_keeps_the_cache_and_a_revert_published_purges_it(
    client, page_cache, section, committed
):
    story = make_story(title="Tiêu đề đầu tiên")
    first = story.latest_revision
    story.title = "Tiêu đề thứ hai"
    with committed():
        story.save_revision().publish()
    cached(client, story.url)
    # A draft changes nothing readers see: the cache is kept.
    story.title = "Bản nháp chưa đăng"
    with committed():
        story.save_revision()
    assert client.get(story.url)["X-Page-Cache"] == "hit"
    # Reverting to the first revision and publishing it, as the admin's revisions view does.
    with committed():
        first.as_object().save_revision(previous_revision=first).publish()
    page = client.get(story.url)
    assert page["X-Page-Cache"] == "miss" and "Tiêu đề đầu tiên" in page.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_focal_point_or_a_redirect_outdates_the_pages(client, page_cache, section):
    # Real commits: each change outdates the pages when it commits, as in the admin.
    story = make_story()
    cached(client, story.url)
    image = Image.objects.create(title="Ảnh", file=get_test_image_file())
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    cached(client, story.url)
    image.focal_point_x = 10
    image.save()
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    cached(client, story.url)
    Redirect.objects.create(old_path="/bai-cu", redirect_page=story)
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    cached(client, story.url)
    # A rendition, made while a page renders, outdates nothing.
    image.get_rendition("fill-80x80")
    assert client.get(story.url)["X-Page-Cache"] == "hit"


def test_a_rendition_made_while_rendering_does_not_outdate_the_page():
    rendition = get_image_model().get_rendition_model()
    assert not coherence.is_seen(rendition)
    assert coherence.is_seen(get_image_model())
    assert coherence.is_seen(ExemplarStoryPage)
    assert coherence.is_seen(PageViewRestriction)


def test_one_outdating_per_transaction(section, page_cache, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        for n in range(5):
            make_story(title=f"Bài {n}")
    assert sum(cb is coherence._outdate_now for cb in callbacks) == 1


def production_settings(**env):
    """The production settings as gunicorn loads them, in a process of their own."""
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "from django.core import checks; "
        "print(json.dumps([settings.EXEMPLARS_PAGE_CACHE['ENABLED'], "
        "[m.id for m in checks.run_checks(include_deployment_checks=False)]]))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "DJANGO_"))}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean
        | {
            "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.production",
            "DJANGO_SECRET_KEY": "test-coherence",
            "DATABASE_URL": "sqlite:///:memory:",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_production_without_redis_serves_no_page_cache():
    # Each gunicorn worker would hold its own copy and miss the others' purges.
    enabled, _ = production_settings()
    assert enabled is False
    enabled, _ = production_settings(REDIS_URL="redis://127.0.0.1:1/0")
    assert enabled is True


def test_a_process_local_page_cache_is_named_by_a_check(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.EXEMPLARS_PAGE_CACHE = {"ENABLED": True}
    assert [w.id for w in check_page_cache()] == ["exemplars.W004"]
    settings.EXEMPLARS_PAGE_CACHE = {"ENABLED": False}
    assert check_page_cache() == []


def test_a_rolled_back_savepoint_does_not_swallow_the_next_change(
    section, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                make_story(title="Bài bị hủy")
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass
        make_story(title="Bài được lưu")
    assert sum(cb is coherence._outdate_now for cb in callbacks) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("alias", [False, True], ids=["copy", "alias"])
def test_a_published_copy_or_an_alias_made_in_the_admin_reaches_the_lists(
    client, page_cache, section, admin_user, alias
):
    # Real commits, as the admin's requests make (an alias sends no page_published).
    story = make_story(title="Bài gốc để sao chép")
    before = cached(client, section.url).content.decode()
    client.force_login(admin_user)
    data = {
        "new_title": "Bản sao của bài",
        "new_slug": "ban-sao-cua-bai",
        "new_parent_page": section.pk,
        "publish_copies": "on",
    }
    if alias:
        data["alias"] = "on"
    response = client.post(f"/admin/pages/{story.pk}/copy/", data)
    assert response.status_code == 302, response.content[:500]
    client.logout()
    client.cookies.clear()
    after = client.get(section.url)
    assert after["X-Page-Cache"] == "miss"
    expected = "Bài gốc để sao chép" if alias else "Bản sao của bài"
    assert after.content.decode().count(expected) > before.count(expected)
