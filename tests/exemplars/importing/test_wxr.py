"""WordPress exports: posts, mapping, bylines, images from the uploads folder, dates."""

import datetime as dt
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from exemplars.importing import detect_format
from exemplars.models import ExemplarStoryPage
from tests.factories import make_section

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
WXR = FIXTURES / "wordpress.xml"


@pytest.fixture
def uploads(tmp_path):
    folder = tmp_path / "uploads" / "2019" / "05"
    folder.mkdir(parents=True)
    PILImage.new("RGB", (80, 60), "teal").save(folder / "ca-tra.jpg")
    return tmp_path / "uploads"


def run(path, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_stories", str(path), *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), ""


def test_a_wxr_export_is_recognised_by_its_content(tmp_path):
    copy = tmp_path / "export.txt"
    shutil.copy(WXR, copy)
    assert detect_format(copy) == "wxr"


def test_posts_become_stories_filed_by_the_mapping(section, uploads):
    target = make_section(title="Người tốt việc tốt", slug="nguoi-tot-viec-tot")
    out, err, failure = run(WXR, "--mapping", FIXTURES / "mapping.toml", "--uploads", uploads)

    # The third post has no title: reported by its place in the file, the others imported.
    assert "Mục 3: thiếu trường “title”" in err
    assert "1 mục không nhập được (mục 3)" in failure
    assert "Bỏ qua 1 mục" in out  # the page; the attachment serves post 1
    stories = {p.original_url: p for p in ExemplarStoryPage.objects.all()}
    assert set(stories) == {
        "https://baodongthap.example.vn/?p=101",
        "https://baodongthap.example.vn/?p=102",
    }

    farmer = stories["https://baodongthap.example.vn/?p=101"]
    assert farmer.live and farmer.get_parent().specific == target
    assert farmer.published_at == dt.datetime(2019, 5, 10, 1, 30, tzinfo=dt.UTC)
    assert farmer.intro == "Gương nông dân làm giàu trên đất Tháp Mười."
    assert [b.author.name for b in farmer.bylines.all()] == ["Mai Linh"]
    assert [c.name for c in farmer.campaigns.all()] == ["Phong trào thi đua yêu nước"]
    assert sorted(t.name for t in farmer.tags.all()) == ["cá tra"]

    # Featured image: the attachment's file, caption and alt text.
    assert farmer.hero_image is not None
    assert farmer.hero_caption == "Ao cá tra đạt chuẩn ASC của anh Tư."
    assert farmer.hero_alt == "Ao cá tra nhìn từ trên cao"

    kinds = [block.block_type for block in farmer.body]
    assert kinds == ["paragraph", "image", "paragraph", "paragraph", "paragraph"]
    image = farmer.body[1].value
    assert image["image"] == farmer.hero_image  # one Wagtail image per file
    assert image["caption"] == "Ao cá tra ở xã Mỹ Hòa."
    assert image["credit"] == "Ảnh: M.L"
    assert image["alt_text"] == "Ao cá tra của anh Tư"
    body = "".join(str(b.value.source) for b in farmer.body if b.block_type == "paragraph")
    assert "<b>6 ha cá tra</b>" in body
    assert "<h2>Làm giàu từ con cá</h2>" in body
    assert '<a href="https://example.vn/bao-cao">1 tỷ đồng</a>' in body
    assert "<ul><li>20 lao động</li><li>Hỗ trợ 5 hộ nghèo</li></ul>" in body
    assert "quảng cáo" not in body and "onclick" not in body
    # The inline image the folder lacks is dropped with a report line.
    assert (
        "Mục 1: bỏ ảnh https://baodongthap.example.vn/wp-content/uploads/2019/05/khong-co.jpg"
        in err
    )

    teacher = stories["https://baodongthap.example.vn/?p=102"]
    assert teacher.get_parent().specific == section  # "giao-duc" has no section in the mapping
    assert teacher.field.name == "Giáo dục"
    assert [c.name for c in teacher.campaigns.all()] == ["Dạy tốt, học tốt"]
    assert [b.author.name for b in teacher.bylines.all()] == ["Trần Văn"]
    paragraphs = [str(b.value.source) for b in teacher.body]
    assert paragraphs == [
        "<p>Cô Lê Thị Hoa dạy học ở <i>Hồng Ngự</i> hai mươi năm.</p>",
        "<p>Cô được tặng bằng khen.</p>",
    ]


def test_a_second_run_updates_instead_of_duplicating(section, uploads, tmp_path):
    make_section(title="Người tốt việc tốt", slug="nguoi-tot-viec-tot")
    run(WXR, "--mapping", FIXTURES / "mapping.toml", "--uploads", uploads)
    first = dict(ExemplarStoryPage.objects.values_list("original_url", "pk"))

    edited = tmp_path / "edited.xml"
    edited.write_text(
        WXR.read_text(encoding="utf-8").replace("Cô giáo vùng biên", "Cô giáo vùng biên giới"),
        encoding="utf-8",
    )
    out, _err, _failure = run(edited, "--mapping", FIXTURES / "mapping.toml", "--uploads", uploads)
    assert "Đã tạo 0, cập nhật 2" in out
    assert dict(ExemplarStoryPage.objects.values_list("original_url", "pk")) == first
    assert ExemplarStoryPage.objects.get(
        pk=first["https://baodongthap.example.vn/?p=102"]
    ).title == ("Cô giáo vùng biên giới")
    assert get_image_model().objects.count() == 1


def test_imported_posts_are_searchable(section, uploads):
    from exemplars_search import service
    from exemplars_search.query import SearchRequest

    run(WXR, "--uploads", uploads)
    hits = service.search(SearchRequest(q="ca tra thap muoi"))
    assert [h.title for h in hits.hits] == ["Nông dân sản xuất giỏi ở Tháp Mười"]
    assert [p.title for p in ExemplarStoryPage.objects.search("cô giáo")] == ["Cô giáo vùng biên"]


def test_without_a_mapping_categories_and_tags_become_tags(section):
    run(WXR)
    farmer = ExemplarStoryPage.objects.get(original_url="https://baodongthap.example.vn/?p=101")
    assert sorted(t.name for t in farmer.tags.all()) == ["Gương sáng", "Thi đua yêu nước", "cá tra"]
    assert farmer.hero_image is None  # no uploads folder: the story imports without photos
    assert not farmer.campaigns.exists()


def test_a_bad_mapping_file_is_a_clear_error(section, tmp_path):
    bad = tmp_path / "mapping.toml"
    bad.write_text("[sections\n", encoding="utf-8")
    with pytest.raises(CommandError, match="không đúng TOML"):
        call_command("import_stories", str(WXR), "--mapping", str(bad), stdout=StringIO())
    assert not ExemplarStoryPage.objects.exists()


def test_a_section_the_mapping_names_but_the_site_lacks_fails_that_post_only(section):
    out, err, failure = run(WXR, "--mapping", FIXTURES / "mapping.toml")
    assert "Mục 1: không có chuyên mục nào có id hoặc slug “nguoi-tot-viec-tot”" in err
    assert ExemplarStoryPage.objects.get().original_url == "https://baodongthap.example.vn/?p=102"


def test_a_post_failing_after_its_images_were_stored_leaves_no_image_behind(
    section, uploads, monkeypatch, settings, tmp_path
):
    from django.db import DatabaseError

    from exemplars.importing import base

    settings.MEDIA_ROOT = str(tmp_path / "media")
    real_publish = base.publish_at

    def failing_publish(page, when, **kwargs):
        if page.original_url.endswith("?p=101"):
            raise DatabaseError("ổ đĩa đầy")
        return real_publish(page, when, **kwargs)

    monkeypatch.setattr(base, "publish_at", failing_publish)
    _out, err, _failure = run(WXR, "--uploads", uploads)
    assert "Mục 1: lỗi cơ sở dữ liệu: ổ đĩa đầy" in err
    assert ExemplarStoryPage.objects.get().original_url.endswith("?p=102")
    assert not get_image_model().objects.exists()
    stored = [p.name for p in (tmp_path / "media").rglob("*") if p.is_file()]
    assert stored == []


def test_wordpress_bodies_get_their_paragraphs_as_wpautop_gives_them():
    from exemplars.importing.wxr import autop

    stored = 'Một\nvẫn một\n\nHai [gallery ids="1,2"]\n\n<h2>Tựa</h2>\nBa\n\n<ul><li>x</li></ul>'
    assert autop(stored) == ("<p>Một<br/>vẫn một</p><p>Hai</p><h2>Tựa</h2>\nBa<ul><li>x</li></ul>")


def test_a_password_protected_post_is_not_imported(section, tmp_path):
    protected = tmp_path / "protected.xml"
    protected.write_text(
        WXR.read_text(encoding="utf-8").replace(
            "<wp:post_id>102</wp:post_id>",
            "<wp:post_id>102</wp:post_id><wp:post_password><![CDATA[bi-mat]]></wp:post_password>",
        ),
        encoding="utf-8",
    )
    out, _err, _failure = run(protected)
    assert "Bỏ qua 2 mục" in out
    assert list(ExemplarStoryPage.objects.values_list("original_url", flat=True)) == [
        "https://baodongthap.example.vn/?p=101"
    ]


def test_categories_in_a_legacy_encoding_are_decoded_before_the_mapping_files_them(
    section, tmp_path
):
    legacy = tmp_path / "legacy.xml"
    legacy.write_text(
        WXR.read_text(encoding="utf-8").replace(
            '<category domain="category" nicename="giao-duc"><![CDATA[Giáo dục]]></category>',
            '<category domain="category" nicename="gd"><![CDATA[Gi¸o dôc]]></category>'
            '<category domain="post_tag" nicename="hn"><![CDATA[Hµ Néi]]></category>',
        ),
        encoding="utf-8",
    )
    run(legacy, "--mapping", FIXTURES / "mapping.toml")
    teacher = ExemplarStoryPage.objects.get(original_url="https://baodongthap.example.vn/?p=102")
    assert [c.name for c in teacher.campaigns.all()] == ["Dạy tốt, học tốt"]
    assert [t.name for t in teacher.tags.all()] == ["Hà Nội"]
