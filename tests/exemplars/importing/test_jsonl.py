import datetime as dt
import json
import re
import unicodedata
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from exemplars.importing import LineError, body_paragraphs, parse_line
from exemplars.models import (
    Author,
    Campaign,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Honour,
    Locality,
    SectionPage,
)
from tests.factories import make_locality

pytestmark = pytest.mark.django_db


def story(n=1, **overrides) -> dict:
    data = {
        "title": f"Chị Đoàn Thị Diệu và mô hình nuôi cá số {n}",
        "intro": "Gương điển hình tiên tiến trong phong trào nông dân giỏi.",
        "body": "<p>Đoạn một về đồng ruộng.</p><p>Đoạn hai &amp; ao cá.</p>",
        "published": "2022-03-15T08:30:00+07:00",
        "campaigns": ["Nông dân sản xuất, kinh doanh giỏi"],
        "locality": "Châu Đốc",
        "field": "thủy sản",
        "exemplar": {"name": "Đoàn Thị Diệu", "kind": "individual"},
        "awards": ["Bằng khen của UBND tỉnh"],
        "tags": ["cá tra", "nông thôn mới"],
        "author": "Hữu Huấn",
        "source_url": f"https://demo.example/bai-{n}.html",
    }
    data.update(overrides)
    return data


def write(tmp_path, lines, name="stories.jsonl"):
    path = tmp_path / name
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_stories", str(path), *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_lines_become_published_pages_at_their_original_date(tmp_path):
    path = write(tmp_path, [story(1), story(2, published="2023-01-02T09:00:00+07:00")])
    out, _ = run(path)
    assert "created 2, updated 0, failed 0" in out
    page = ExemplarStoryPage.objects.get(original_url="https://demo.example/bai-1.html")
    published = dt.datetime(2022, 3, 15, 1, 30, tzinfo=dt.UTC)
    assert page.live and not page.has_unpublished_changes
    assert page.published_at == published
    assert page.first_published_at == published
    assert page.last_published_at == published
    assert page.live_revision_id == page.latest_revision_id
    # The live revision holds the content, so editing in the admin starts from it.
    assert page.live_revision.as_object().title == page.title
    assert [b.block_type for b in page.body] == ["paragraph", "paragraph"]
    assert "ao cá" in page.body[1].value.source
    assert page.exemplar.name == "Đoàn Thị Diệu"
    assert page.locality.name == "Châu Đốc"
    assert [c.name for c in page.campaigns.all()] == ["Nông dân sản xuất, kinh doanh giỏi"]
    assert sorted(t.name for t in page.tags.all()) == ["cá tra", "nông thôn mới"]
    assert [b.author.name for b in page.bylines.all()] == ["Hữu Huấn"]
    assert Honour.objects.filter(exemplar=page.exemplar, award__name__contains="UBND").count() == 1
    assert ExemplarStoryPage.objects.live().count() == 2


def test_reimport_updates_instead_of_duplicating(tmp_path):
    run(write(tmp_path, [story(1), story(2)]))
    revisions = Revision.objects.count()
    changed = story(1, title="Tiêu đề mới của bài một")
    out, _ = run(write(tmp_path, [changed, story(2)], "again.jsonl"))
    assert "created 0, updated 2, failed 0" in out
    assert ExemplarStoryPage.objects.count() == 2
    assert ExemplarStoryPage.objects.filter(title="Tiêu đề mới của bài một").count() == 1
    assert Exemplar.objects.count() == 1 and Campaign.objects.count() == 1
    assert Honour.objects.count() == 1
    assert Revision.objects.count() == revisions + 2


def test_bad_lines_are_reported_with_line_numbers_and_good_ones_still_imported(tmp_path):
    lines = [
        story(1),
        "{not json",
        story(3, title=""),
        story(4, published="15/03/2022"),
        story(5, exemplar={"name": "Tổ hợp tác", "kind": "team"}),
        "",
        story(7),
        story(8, campaigns="Một phong trào", tags=[1, 2]),
        ["a list"],
    ]
    path = write(tmp_path, lines)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="6 dòng"):
        call_command("import_stories", str(path), "--no-progress", stdout=out, stderr=err)
    errors = err.getvalue()
    assert "Dòng 2: JSON không hợp lệ" in errors
    assert "Dòng 3: " in errors and "title" in errors
    assert "Dòng 4: ngày đăng" in errors
    assert "Dòng 5: loại điển hình “team”" in errors
    assert "Dòng 8: " in errors and "tags" in errors
    assert "Dòng 9: " in errors
    assert "Dòng 6" not in errors  # a blank line is not an error
    assert "created 2, updated 0, failed 6" in out.getvalue()
    urls = set(ExemplarStoryPage.objects.values_list("original_url", flat=True))
    assert urls == {"https://demo.example/bai-1.html", "https://demo.example/bai-7.html"}


def test_a_line_failing_in_the_database_leaves_nothing_behind(tmp_path, monkeypatch):
    from django.db import DatabaseError

    from exemplars.importing import base as importing

    real_publish = importing.publish_at

    def flaky_publish(page, when, **kwargs):
        if "hỏng" in page.title:
            raise DatabaseError("disk I/O error")
        return real_publish(page, when, **kwargs)

    monkeypatch.setattr(importing, "publish_at", flaky_publish)
    broken = story(1, title="Bài hỏng", campaigns=["Phong trào chỉ có ở dòng lỗi"])
    # Line 3 reuses the campaign line 1 created and lost: it must be created again.
    path = write(tmp_path, [broken, story(2), story(3, campaigns=["Phong trào chỉ có ở dòng lỗi"])])
    with pytest.raises(CommandError):
        run(path)
    assert ExemplarStoryPage.objects.count() == 2
    assert not ExemplarStoryPage.objects.filter(title="Bài hỏng").exists()
    assert Campaign.objects.filter(name="Phong trào chỉ có ở dòng lỗi").count() == 1
    assert ExemplarStoryPage.objects.get(original_url__endswith="bai-3.html").campaigns.count() == 1


def test_nfd_and_case_variants_are_one_record(tmp_path):
    nfd = unicodedata.normalize("NFD", "Châu Đốc")
    assert nfd != "Châu Đốc"
    lines = [
        story(1),
        story(
            2,
            locality=nfd,
            field="THỦY SẢN",
            campaigns=[unicodedata.normalize("NFD", "nông dân sản xuất, kinh doanh giỏi")],
            exemplar={"name": unicodedata.normalize("NFD", "Đoàn Thị Diệu"), "kind": "individual"},
            author="hữu huấn",
        ),
    ]
    run(write(tmp_path, lines))
    assert Locality.objects.count() == 1
    assert Locality.objects.get().name == "Châu Đốc"  # stored NFC
    assert Field.objects.count() == 1 and Campaign.objects.count() == 1
    assert Exemplar.objects.count() == 1 and Author.objects.count() == 1
    titles = ExemplarStoryPage.objects.values_list("title", flat=True)
    assert all(unicodedata.is_normalized("NFC", t) for t in titles)


def test_existing_locality_typed_in_nfd_is_reused(tmp_path):
    existing = make_locality("Châu Đốc")
    run(write(tmp_path, [story(1, locality=unicodedata.normalize("NFD", "châu đốc"))]))
    assert ExemplarStoryPage.objects.get().locality == existing


def test_namesake_localities_resolve_by_the_story_date(tmp_path):
    old = Locality.objects.create(
        name="An Giang", slug="an-giang-cu", valid_until=dt.date(2025, 6, 30)
    )
    new = Locality.objects.create(name="An Giang", slug="an-giang")
    old.successor = new
    old.save()
    lines = [
        story(1, locality="An Giang", published="2022-05-01T08:00:00+07:00"),
        story(2, locality="An Giang", published="2026-01-10T08:00:00+07:00"),
    ]
    run(write(tmp_path, lines))
    by_url = {p.original_url: p.locality for p in ExemplarStoryPage.objects.all()}
    assert by_url["https://demo.example/bai-1.html"] == old
    assert by_url["https://demo.example/bai-2.html"] == new


def test_dry_run_validates_and_writes_nothing(tmp_path):
    path = write(tmp_path, [story(1), "{oops"])
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_stories", str(path), "--dry-run", stdout=out, stderr=err)
    assert "Dòng 2" in err.getvalue()
    assert "created 1, updated 0, failed 1" in out.getvalue()
    assert ExemplarStoryPage.objects.count() == 0
    assert Campaign.objects.count() == 0 and Locality.objects.count() == 0


def test_parent_option_and_missing_parent(tmp_path, section):
    from tests.factories import make_section

    other = make_section(title="Người tốt việc tốt", slug="nguoi-tot-viec-tot")
    run(write(tmp_path, [story(1)]), "--parent", "nguoi-tot-viec-tot")
    assert ExemplarStoryPage.objects.get().get_parent().specific == other
    with pytest.raises(CommandError, match="khong-co"):
        run(write(tmp_path, [story(2)]), "--parent", "khong-co")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Không đọc được"):
        run(tmp_path / "missing.jsonl")


def test_plain_text_body_becomes_paragraphs():
    assert body_paragraphs("Dòng một.\n\nDòng hai\nvẫn đoạn hai.") == [
        "Dòng một.",
        "Dòng hai vẫn đoạn hai.",
    ]
    # A script goes with its content (it used to survive as a paragraph "x").
    assert body_paragraphs("<p>Một <b>đậm</b></p><script>x</script><p>Hai</p>") == [
        "Một đậm",
        "Hai",
    ]


def test_parse_line_rejects_bad_input_with_reasons():
    with pytest.raises(LineError, match="source_url"):
        parse_line(json.dumps({"title": "Bài", "published": "2022-01-01T00:00:00+07:00"}))
    with pytest.raises(LineError, match="UTF-8"):
        parse_line(b'{"title": "\xff"}')
    line = parse_line(json.dumps(story(1, published="2022-03-15T08:30:00")))
    assert line.published.tzinfo is not None  # naive times read in the site's zone


def test_imported_stories_are_searchable_after_the_run(tmp_path):
    # Indexing is deferred during the import and caught up in batches at the end.
    from exemplars_search import service
    from exemplars_search.query import SearchRequest

    run(write(tmp_path, [story(1), story(2, title="Nhóm hiến máu Châu Đốc")]))
    results = service.search(SearchRequest(q="hien mau"))
    assert [h.title for h in results.hits] == ["Nhóm hiến máu Châu Đốc"]
    admin_hits = ExemplarStoryPage.objects.search("hiến máu")
    assert [p.title for p in admin_hits] == ["Nhóm hiến máu Châu Đốc"]


# -- a freshly migrated database ------------------------------------------------


def test_import_alone_into_a_fresh_database_makes_every_story_reachable(client, tmp_path):
    from demo.generate_import import generate

    # What `migrate` leaves: Wagtail's welcome page as the default Site's root.
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is Page
    run(write(tmp_path, list(generate(30))))
    stories = list(ExemplarStoryPage.objects.live())
    assert len(stories) == 30
    rss = client.get("/rss/")
    assert rss.status_code == 200
    for story_ in stories:
        assert story_.url, story_.title
        assert client.get(story_.url).status_code == 200
    api = client.get("/api/search/", {"q": stories[0].title, "page_size": 50}).json()
    hits = {hit["id"]: hit["url"] for hit in api["results"]}
    assert hits[stories[0].pk] == stories[0].url
    newest = sorted(stories, key=lambda s: s.published_at, reverse=True)[0]
    # Links carry the Site's origin (exemplars.ops.origin), not the request's host.
    assert f"<link>{newest.full_url}</link>" in rss.content.decode()


def test_a_home_page_already_outside_every_site_is_given_the_default_site(tmp_path):
    # What the old importer left behind: home and section beside the welcome page.
    home = Page.get_first_root_node().add_child(
        instance=ExemplarHomePage(title="Trang chủ", slug="trang-chu")
    )
    home.add_child(instance=SectionPage(title="Điển hình", slug="dien-hinh-tien-tien"))
    run(write(tmp_path, [story(1)]))
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert ExemplarStoryPage.objects.get().url.startswith("/dien-hinh-tien-tien/")


def test_a_site_with_a_real_home_page_keeps_it(tmp_path):
    site = Site.objects.get(is_default_site=True)
    real = Page.get_first_root_node().add_child(instance=Page(title="Báo", slug="bao"))
    real.add_child(
        instance=Page(title="Giới thiệu", slug="gioi-thieu")
    )  # in use: not a placeholder
    site.root_page = real
    site.save()
    run(write(tmp_path, [story(1)]))
    site.refresh_from_db()
    assert site.root_page_id == real.pk
    assert ExemplarStoryPage.objects.get().url.startswith("/trang-chu/dien-hinh-tien-tien/")


# -- an interrupted import ---------------------------------------------------------


def test_an_interrupted_import_leaves_every_live_story_searchable(tmp_path, monkeypatch):
    from exemplars.importing import base as importing
    from exemplars_search import service
    from exemplars_search.query import SearchRequest

    real_save = importing.StoryImporter.save_story

    def interrupted(self, line):
        if line.title.endswith("số 8"):
            raise KeyboardInterrupt  # Ctrl-C, or the process being stopped
        return real_save(self, line)

    monkeypatch.setattr(importing.StoryImporter, "save_story", interrupted)
    path = write(tmp_path, [story(n) for n in range(1, 11)])
    with pytest.raises(KeyboardInterrupt):
        run(path, "--batch-size", "3")
    live = set(ExemplarStoryPage.objects.live().values_list("pk", flat=True))
    # Batches of three: lines 1-6 were committed; line 7 went with the batch in progress.
    assert len(live) == 6
    found = service.search(SearchRequest(q="nuôi cá", page_size=50))
    assert {hit.id for hit in found.hits} == live
    assert {page.pk for page in ExemplarStoryPage.objects.search("nuôi cá")} == live


def test_a_batch_failing_at_commit_is_reported_line_by_line(tmp_path, monkeypatch):
    from django.db import DatabaseError

    from exemplars.importing import base as importing

    calls = []

    def index_fails_once(touched, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseError("database is locked")
        return real_index(touched, **kwargs)

    real_index = importing.index_in_batches
    monkeypatch.setattr(importing, "index_in_batches", index_fails_once)
    path = write(tmp_path, [story(n) for n in range(1, 6)])
    with pytest.raises(CommandError, match="2 dòng"):
        out, err = run(path, "--batch-size", "2")
    assert ExemplarStoryPage.objects.count() == 3
    assert set(ExemplarStoryPage.objects.values_list("original_url", flat=True)) == {
        f"https://demo.example/bai-{n}.html" for n in (3, 4, 5)
    }


# -- hostile lines and oversized stories ---------------------------------------------


def test_hostile_lines_are_reported_and_the_rest_imports(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    huge_number = '{"title": "Số", "n": ' + "9" * 5000 + "}"
    lone_surrogate = json.dumps(story(3), ensure_ascii=False).replace(
        "nuôi cá", "nuôi \\ud800 cá", 1
    )
    path = write(tmp_path, [story(1), deep, huge_number, lone_surrogate, story(5)])
    err = StringIO()
    with pytest.raises(CommandError, match="3 dòng"):
        call_command("import_stories", str(path), "--no-progress", stdout=StringIO(), stderr=err)
    errors = err.getvalue()
    assert "Dòng 2: JSON lồng nhau quá sâu" in errors
    assert "Dòng 3: JSON có số quá dài" in errors
    assert "Dòng 4: “title” chứa ký tự không hợp lệ" in errors
    assert ExemplarStoryPage.objects.live().count() == 2


def test_oversized_fields_are_refused_with_the_limit(tmp_path, settings):
    path = write(
        tmp_path,
        [
            story(1, body="<p>" + "chữ " * 60_000 + "</p>"),
            story(2, body="x " * 100_001),
            story(3, intro="y" * 2_001),
            story(4, tags=[f"thẻ {n}" for n in range(51)]),
            story(5),
        ],
    )
    settings.EXEMPLARS_IMPORT_LIMITS = {"LINE_BYTES": 210_000}
    err = StringIO()
    with pytest.raises(CommandError, match="4 dòng"):
        call_command("import_stories", str(path), "--no-progress", stdout=StringIO(), stderr=err)
    errors = err.getvalue()
    assert re.search(r"Dòng 1: dòng dài \d+ byte, quá giới hạn 210000 byte", errors)
    assert "Dòng 2: “body” dài quá 200000 ký tự" in errors
    assert "Dòng 3: “intro” dài quá 2000 ký tự" in errors
    assert "Dòng 4: “tags” có quá 50 tên" in errors
    assert ExemplarStoryPage.objects.get().original_url.endswith("bai-5.html")


@pytest.mark.slow
@pytest.mark.sqlite_file
def test_a_killed_import_leaves_every_live_story_searchable(tmp_path):
    """SIGKILL, which no ``finally`` survives, in the middle of a run on a SQLite file."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    from demo.generate_import import generate
    from exemplars_search.backends.sqlite import DOC

    root = Path(__file__).resolve().parents[3]
    database = tmp_path / "killed.sqlite3"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "EXEMPLARS_SEARCH_BACKEND": "auto",
    }
    manage = [sys.executable, str(root / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=root, check=True, timeout=600)
    archive = write(tmp_path, list(generate(2_000)))
    command = [*manage, "import_stories", str(archive), "--batch-size", "7", "--no-progress"]
    importer = subprocess.Popen(command, env=env, cwd=root, stderr=subprocess.DEVNULL)

    def live_ids() -> set[int]:
        with sqlite3.connect(database, timeout=30) as db:
            rows = db.execute(
                "SELECT p.id FROM wagtailcore_page p JOIN exemplars_exemplarstorypage s"
                " ON s.page_ptr_id = p.id WHERE p.live"
            )
            return {pk for (pk,) in rows}

    give_up = time.monotonic() + 600
    while len(live_ids()) < 30:
        assert importer.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < give_up, "no stories went live in 10 minutes"
        time.sleep(0.2)
    importer.send_signal(signal.SIGKILL)
    importer.wait(timeout=60)

    live = live_ids()
    with sqlite3.connect(database) as db:
        indexed = {pk for (pk,) in db.execute(f"SELECT id FROM {DOC}")}
    assert 30 <= len(live) < 2_000
    assert indexed == live
