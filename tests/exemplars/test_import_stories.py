import datetime as dt
import json
import unicodedata
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from exemplars.importing import LineError, body_paragraphs, parse_line
from exemplars.models import (
    Author,
    Campaign,
    Exemplar,
    ExemplarStoryPage,
    Field,
    Honour,
    Locality,
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

    from exemplars import importing

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
    assert body_paragraphs("<p>Một <b>đậm</b></p><script>x</script><p>Hai</p>") == [
        "Một đậm",
        "x",
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
