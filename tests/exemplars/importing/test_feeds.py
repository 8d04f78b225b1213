"""RSS 2.0 and Atom feeds with full content; formats told by content; legacy text."""

import datetime as dt
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from exemplars.importing import LineError, detect_format
from exemplars.models import ExemplarStoryPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
LEGACY = FIXTURES / "legacy"


def run(path, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_stories", str(path), *args, "--no-progress", stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), ""


def paragraphs(page) -> list[str]:
    return [str(b.value.source) for b in page.body if b.block_type == "paragraph"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("feed.rss", "rss"), ("feed.atom", "atom"), ("wordpress.xml", "wxr")],
)
def test_formats_are_told_by_content_not_by_name(tmp_path, name, expected):
    copy = tmp_path / "archive.dat"
    shutil.copy(FIXTURES / name, copy)
    assert detect_format(copy) == expected


def test_an_unknown_format_is_a_clear_error(tmp_path, section):
    odd = tmp_path / "notes.txt"
    odd.write_text("Tiêu đề,ngày\n", encoding="utf-8")
    with pytest.raises(LineError, match="không nhận ra định dạng"):
        detect_format(odd)
    _out, _err, failure = run(odd)
    assert "--format" in failure


def test_rss_items_with_full_content_become_stories(section):
    out, err, failure = run(FIXTURES / "feed.rss")
    assert "Mục 2: " in err and "1 mục không nhập được (mục 2)" in failure
    page = ExemplarStoryPage.objects.get()
    assert page.original_url == "https://ptth.example.vn/tin/nguoi-tho-dien-hien-mau-50-lan.html"
    assert page.published_at == dt.datetime(2021, 6, 14, 0, 15, tzinfo=dt.UTC)
    assert page.intro == "Anh Phạm Văn Long đã 50 lần hiến máu tình nguyện."
    assert paragraphs(page) == [
        "<p>Anh Phạm Văn Long đã <b>50 lần</b> hiến máu tình nguyện.</p>",
        "<p>Anh nói: <i>“Còn sức khỏe là còn hiến.”</i></p>",
    ]
    assert [b.author.name for b in page.bylines.all()] == ["Thu Trang"]
    assert [t.name for t in page.tags.all()] == ["Hiến máu"]


def test_atom_entries_html_and_xhtml_content_become_stories(section):
    out, _err, failure = run(FIXTURES / "feed.atom", "--format", "atom")
    assert not failure and "Đã tạo 2" in out
    soldier = ExemplarStoryPage.objects.get(original_url="https://congthongtin.example.vn/bai/1201")
    assert soldier.intro == "Đồn Biên phòng Thường Phước giúp 12 hộ xóa nhà tạm."
    assert paragraphs(soldier) == [
        "<h3>Mười hai mái ấm</h3>",
        "<p>Đồn Biên phòng Thường Phước giúp <b>12 hộ</b> xóa nhà tạm.</p>",
    ]
    assert soldier.published_at == dt.datetime(2022, 3, 2, 2, 0, tzinfo=dt.UTC)
    # An id that is no web address: the entry is known by its link.
    youth = ExemplarStoryPage.objects.get(
        original_url="https://congthongtin.example.vn/bai/thanh-nien-tinh-nguyen"
    )
    assert youth.title == "Thanh niên tình nguyện"
    assert paragraphs(youth) == [
        "<p>Đoàn viên <i>dọn rác</i> bờ sông.</p>",
        "<ol><li>Ba tấn rác</li><li>Hai trăm cây xanh</li></ol>",
    ]


def test_feeds_imported_twice_are_updated_not_duplicated(section):
    run(FIXTURES / "feed.atom")
    out, _err, _failure = run(FIXTURES / "feed.atom")
    assert "Đã tạo 0, cập nhật 2" in out
    assert ExemplarStoryPage.objects.count() == 2


def test_a_feed_in_legacy_bytes_is_read_and_converted(section):
    out, err, failure = run(FIXTURES / "rss-tcvn3-bytes.xml")
    assert not failure, err
    page = ExemplarStoryPage.objects.get()
    assert page.title == "Nông dân sản xuất giỏi"
    assert paragraphs(page) == ["<p>Anh Trương Văn Hùng được tặng bằng khen.</p>"]


def test_each_field_is_detected_on_its_own(tmp_path, section):
    tcvn3 = (LEGACY / "tcvn3.txt").read_bytes().decode("cp1252").splitlines()[0]
    vni = (LEGACY / "vni.txt").read_bytes().decode("cp1252").splitlines()[1]
    viqr = (LEGACY / "viqr.txt").read_text(encoding="ascii").splitlines()[1]
    line = {
        "title": tcvn3,
        "intro": vni,
        "body": f"<p>{viqr}</p>",
        "published": "2002-03-05T09:00:00+07:00",
        "campaigns": ["Lao ®éng giái"],
        "source_url": "https://luutru.example.vn/bai/2",
    }
    path = tmp_path / "legacy.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    run(path)
    page = ExemplarStoryPage.objects.get()
    assert page.title == "Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc."
    assert page.intro == "Người lao động được tặng bằng khen."
    assert paragraphs(page) == ["<p>Người lao động được tặng bằng khen.</p>"]
    assert [c.name for c in page.campaigns.all()] == ["Lao động giỏi"]


def test_a_named_encoding_applies_to_every_field(tmp_path, section):
    line = {
        "title": "Ng­êi tèt",
        "body": "ViÖc tèt",
        "published": "2002-03-05T09:00:00+07:00",
        "source_url": "https://luutru.example.vn/bai/3",
    }
    path = tmp_path / "legacy.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    run(path, "--encoding", "tcvn3")
    page = ExemplarStoryPage.objects.get()
    assert (page.title, paragraphs(page)) == ("Người tốt", ["<p>Việc tốt</p>"])


def test_one_detection_for_the_whole_file(tmp_path, section):
    # "Hµ" alone reads as TCVN3; the file's other lines settle it for "µ" too.
    lines = [
        {
            "title": title,
            "published": "2002-03-05T09:00:00+07:00",
            "source_url": f"https://luutru.example.vn/bai/{n}",
        }
        for n, title in enumerate(["Hµ Néi", "Ng­êi lao ®éng", "ViÖt Nam"], start=10)
    ]
    path = tmp_path / "legacy.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    run(path, "--encoding", "file")
    assert sorted(ExemplarStoryPage.objects.values_list("title", flat=True)) == [
        "Hà Nội",
        "Người lao động",
        "Việt Nam",
    ]


def test_hostile_or_broken_xml_is_refused_with_a_message_and_nothing_written(tmp_path, section):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<rss><channel><item><title>&b;</title></item></channel></rss>",
        encoding="utf-8",
    )
    _out, _err, failure = run(bomb)
    assert "Tệp XML bị từ chối vì không an toàn" in failure
    broken = tmp_path / "broken.xml"
    broken.write_text('<rss version="2.0"><channel><item><title>Mở', encoding="utf-8")
    _out, _err, failure = run(broken)
    assert "Tệp XML hỏng" in failure
    assert not ExemplarStoryPage.objects.exists()


def test_a_dry_run_of_a_feed_counts_and_writes_nothing(section):
    out, _err, failure = run(FIXTURES / "feed.atom", "--dry-run")
    assert "Sẽ tạo 2, cập nhật 0, lỗi 0" in out and not failure
    assert not ExemplarStoryPage.objects.exists()


def test_a_long_feed_shows_a_progress_bar_counting_entries(tmp_path, section, capsys):
    entries = "".join(
        f"<entry><title>Bài {n}</title><id>https://a.example.vn/{n}</id>"
        f"<published>2022-01-01T08:00:00+07:00</published>"
        f'<content type="html">&lt;p&gt;Đoạn {n}&lt;/p&gt;</content></entry>'
        for n in range(1, 251)
    )
    feed = tmp_path / "long.atom"
    feed.write_text(f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>', encoding="utf-8")
    call_command("import_stories", str(feed), "--dry-run", stdout=StringIO(), stderr=StringIO())
    assert "250/250" in capsys.readouterr().err
