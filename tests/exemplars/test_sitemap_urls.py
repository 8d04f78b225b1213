"""Every page the sitemap lists answers 200, and keeps answering on a second view.

The second request is the one that used to fail: the first view creates the
renditions, the second finds some of them prefetched, asks for one that was
not (the Open Graph image), and Wagtail inserted it again (IntegrityError).
"""

import json
import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from demo.generate_import import generate
from exemplars.models import ExemplarStoryPage

pytestmark = pytest.mark.django_db

_LOC = re.compile(r"<loc>([^<]+)</loc>")


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [urlsplit(url).path for url in _LOC.findall(response.content.decode())]


def assert_every_page_answers_twice(client, paths):
    for view in ("first", "second"):
        failed = {p: client.get(p).status_code for p in paths}
        failed = {p: code for p, code in failed.items() if code != 200}
        assert not failed, f"{view} view: {failed}"


def reader_kinds(paths) -> set[str]:
    return {p.split("/")[1] for p in paths if p.count("/") > 2}


def test_demo_pages_answer_on_first_and_second_view(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    paths = sitemap_paths(client)
    # Home, sections, campaigns, stories and the exemplar, locality, field routes.
    assert len(paths) > 50
    assert {"dien-hinh", "dia-phuong", "linh-vuc"} <= reader_kinds(paths)
    assert_every_page_answers_twice(client, paths)


def test_imported_pages_answer_on_first_and_second_view(client, tmp_path):
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in generate(40)),
        encoding="utf-8",
    )
    # A freshly migrated database: Wagtail's welcome page is the default site's root.
    call_command("import_stories", str(archive), stdout=StringIO(), stderr=StringIO())
    stories = list(ExemplarStoryPage.objects.live())
    assert stories
    paths = sitemap_paths(client)
    assert {s.url for s in stories} <= set(paths)
    assert {"dien-hinh", "dia-phuong", "linh-vuc"} <= reader_kinds(paths)
    assert_every_page_answers_twice(client, paths)
