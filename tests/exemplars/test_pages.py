import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone

from exemplars.models import Exemplar, HomePagePin
from tests.exemplars.reader import build_site, pin
from tests.factories import (
    make_campaign,
    make_campaign_page,
    make_exemplar,
    make_home,
    make_locality,
    make_section,
    make_story,
)

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[2] / "exemplars" / "static"


def html(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def campaign_titles(page_html):
    """Story titles in a campaign page's list (not the honoured exemplars below it)."""
    return titles(page_html.split('id="stories-title"')[1].split('id="honoured-title"')[0])


def titles(page_html):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', page_html)


class TestBase:
    def test_landmarks_language_and_search_box(self, client):
        site = build_site(1)
        page = html(client, site["stories"][0].url)
        assert '<html lang="vi">' in page
        for landmark in ("<header", "<nav", "<main", "<footer", 'role="search"'):
            assert landmark in page
        assert 'action="/search/"' in page and 'name="q"' in page
        assert 'href="#main"' in page  # skip link
        assert "Gương sáng nông thôn" in page  # section in the nav
        # Nothing is fetched from another site: every script, style, font, icon is ours.
        fetched = re.findall(r'\ssrc="([^"]+)"', page) + re.findall(
            r'<link rel="(?:stylesheet|preload|icon)"[^>]*href="([^"]+)"', page
        )
        assert fetched and all(url.startswith("/") and not url.startswith("//") for url in fetched)

    def test_every_img_has_alt_width_and_height(self, client):
        site = build_site(3)
        for url in ("/", site["campaign_page"].url, site["stories"][0].url):
            for tag in re.findall(r"<img [^>]+>", html(client, url)):
                assert " alt=" in tag and " width=" in tag and " height=" in tag, tag


class TestHome:
    def test_pinned_story_first_then_newest_without_duplicates(self, client):
        site = build_site(4)
        oldest = site["stories"][-1]
        home = site["home"]
        HomePagePin.objects.create(page=home, story=oldest, sort_order=0)
        HomePagePin.objects.create(page=home, story=oldest, sort_order=1)  # pinned twice
        page = html(client, "/")
        lead = re.search(r'<article class="lead-story">.*?<h2><a [^>]+>([^<]+)</a>', page, re.S)
        assert lead.group(1) == oldest.title
        assert titles(page).count(oldest.title) == 0  # not repeated among the latest
        assert titles(page)[0] == site["stories"][0].title

    def test_expired_pin_and_pinned_draft_are_ignored(self, client):
        site = build_site(2)
        draft = make_story(parent=site["section"], title="Bản nháp ghim", publish=False)
        now = timezone.now()
        HomePagePin.objects.create(page=site["home"], story=draft, sort_order=0)
        HomePagePin.objects.create(
            page=site["home"],
            story=site["stories"][1],
            pinned_until=now - dt.timedelta(hours=1),
            sort_order=1,
        )
        page = html(client, "/")
        assert "Bản nháp ghim" not in page
        lead = re.search(r'<article class="lead-story">.*?<h2><a [^>]+>([^<]+)</a>', page, re.S)
        assert lead.group(1) == site["stories"][0].title

    def test_running_campaigns_and_featured_exemplars(self, client):
        build_site(2)
        ended = make_campaign("Phong trào đã xong", start_year=2001, end_year=2005)
        make_campaign_page(ended)
        page = html(client, "/")
        assert "Chung sức xây dựng NTM" in page
        assert "Phong trào đã xong" not in page
        assert 'href="/dien-hinh/nguyen-van-hai/"' in page

    def test_empty_home(self, client):
        make_home()
        page = html(client, "/")
        assert "Chưa có bài viết." in page
        assert "Chưa có phong trào đang diễn ra." in page


class TestSection:
    def test_newest_first_and_paginated(self, client):
        section = make_section(title="Người tốt việc tốt", slug="nguoi-tot")
        now = timezone.now()
        for i in range(14):
            make_story(
                parent=section, title=f"Bài số {i:02d}", published_at=now - dt.timedelta(days=i)
            )
        make_story(parent=section, title="Bài nháp", publish=False)
        first = html(client, section.url)
        assert titles(first) == [f"Bài số {i:02d}" for i in range(12)]
        second = html(client, section.url + "?page=2")
        assert titles(second) == ["Bài số 12", "Bài số 13"]
        assert "Bài nháp" not in first + second
        assert "Trang 1/2" in first

    def test_bad_page_number_is_not_an_error(self, client):
        section = make_section()
        make_story(parent=section)
        assert client.get(section.url + "?page=abc").status_code == 200
        assert client.get(section.url + "?page=999").status_code == 200

    def test_empty_section(self, client):
        section = make_section(title="Chuyên mục trống", slug="trong")
        assert "Chưa có bài viết." in html(client, section.url)


class TestCampaignPage:
    def test_record_pins_then_newest_and_feed_link(self, client):
        site = build_site(5)
        cp, stories = site["campaign_page"], site["stories"]
        pin(cp, stories[3], sort_order=0)
        pin(cp, stories[1], sort_order=1)
        pin(cp, stories[3], sort_order=2)
        pin(cp, stories[4], sort_order=3, pinned_from=timezone.now() + dt.timedelta(days=1))
        page = html(client, cp.url)
        for text in ("UBND tỉnh An Giang", "2021 - 2030", "Đang diễn ra", "Cấp tỉnh"):
            assert text in page
        listed = campaign_titles(page)
        expected = [stories[3], stories[1], stories[0], stories[2], stories[4]]
        assert listed == [s.title for s in expected]
        assert page.count("Tiêu điểm") == 2
        assert f'href="/rss/phong-trao/{site["campaign"].slug}/"' in page

    def test_filter_by_locality_includes_merged_predecessor(self, client):
        site = build_site(4)
        page = html(client, site["campaign_page"].url + "?locality=chau-doc")
        listed = campaign_titles(page)
        assert len(listed) == 4, "Châu Phú (cũ) merged into Châu Đốc: its stories count too"
        page = html(client, site["campaign_page"].url + "?locality=chau-phu-cu")
        assert len(campaign_titles(page)) == 2

    def test_facets_have_counts_and_combine(self, client):
        site = build_site(4)
        url = site["campaign_page"].url
        page = html(client, url)
        assert re.search(r"Châu Đốc <span class=\"count\">\(2\)</span>", page)
        assert re.search(r"Cá nhân <span class=\"count\">\(2\)</span>", page)
        assert re.search(r"Tập thể <span class=\"count\">\(2\)</span>", page)
        year = str(timezone.localdate().year)
        page = html(client, f"{url}?kind=collective&year={year}")
        listed = campaign_titles(page)
        assert listed and all(s.title in listed for s in site["stories"][1::2])
        assert all(s.title not in listed for s in site["stories"][0::2])

    def test_bad_filters_give_a_notice_not_an_error(self, client):
        site = build_site(2)
        for query in ("?year=abc", "?locality=khong-co", "?kind=%3Cscript%3E", "?field=x&page=-1"):
            response = client.get(site["campaign_page"].url + query)
            assert response.status_code == 200
            assert 'class="notice"' in response.content.decode()
            assert "<script>" not in response.content.decode().split("<main")[1].split("</main>")[0]

    def test_campaign_with_no_story(self, client):
        campaign = make_campaign("Vì người nghèo - Không để ai bị bỏ lại phía sau")
        page = html(client, make_campaign_page(campaign).url)
        assert "Phong trào chưa có bài viết." in page
        assert "Chưa có điển hình được khen thưởng." in page

    def test_honoured_exemplars(self, client):
        site = build_site(2)
        section = html(client, site["campaign_page"].url).split('id="honoured-title"')[1]
        assert "Nguyễn Văn Hai" in section and "02/05/2023" in section
        assert "HTX Thạnh Mỹ Tây" not in section


class TestStoryPage:
    def test_story_parts(self, client):
        site = build_site(3)
        story = site["stories"][0]
        story.published_at = dt.datetime(2024, 4, 12, 6, 38, tzinfo=dt.UTC)
        story.save()
        story.save_revision().publish()
        page = html(client, story.url)
        assert f"<h1>{story.title}</h1>" in page
        assert '<p class="lead">' in page
        assert "12/04/2024 13:38" in page  # Asia/Ho_Chi_Minh
        assert 'datetime="2024-04-12T13:38:00+07:00"' in page
        assert "Ông Hai trên ruộng" in page and "Ảnh: M.L" in page
        assert "Làm theo gương Bác." in page and "6 ha cá tra" in page
        assert '<p class="bylines"><a href="/tac-gia/m-l/" rel="author">M.L</a></p>' in page
        assert 'class="chip" href="/an-giang-chung-suc-xay-dung-nong-thon-moi/"' in page
        assert "facebook.com/sharer" in page and "sp.zalo.me" in page and "data-copy-url" in page
        assert 'aria-label="Đường dẫn"' in page and "Gương sáng nông thôn" in page
        box = page.split('class="exemplar-box"')[1]
        assert "Nguyễn Văn Hai" in box and "Bằng khen của Thủ tướng Chính phủ" in box

    def test_related_same_exemplar_first_never_itself(self, client):
        site = build_site(6)
        story = site["stories"][0]  # exemplar: person (stories 0, 2, 4)
        related = titles(html(client, story.url).split('id="related-title"')[1])
        assert story.title not in related
        assert len(related) == len(set(related)) == 4
        assert set(related[:2]) == {site["stories"][2].title, site["stories"][4].title}

    def test_story_without_image_or_exemplar(self, client):
        section = make_section()
        story = make_story(parent=section, title="Bài không ảnh", campaigns=[])
        page = html(client, story.url)
        assert "<picture" not in page and "exemplar-box" not in page
        assert "Bài liên quan" not in page

    def test_exemplar_without_honours(self, client):
        exemplar = make_exemplar("Trần Thị Ba")
        story = make_story(title="Chị Ba", exemplar=exemplar)
        page = html(client, story.url)
        assert "Chưa có khen thưởng được ghi nhận." in page

    def test_page_weight_without_images_under_100_kb(self, client):
        site = build_site(6, with_images=False)
        page = html(client, site["stories"][0].url)
        assets = re.findall(r'(?:href|src)="/static/([^"]+)"', page)
        assert assets, "the page links its own CSS and JS"
        total = len(page.encode()) + sum((STATIC / a).stat().st_size for a in set(assets))
        # Fonts are loaded through CSS, not linked: count every font file too.
        total += sum(p.stat().st_size for p in (STATIC / "exemplars" / "fonts").glob("*.woff2"))
        assert total < 100 * 1024, total


class TestExemplarLocalityFieldPages:
    def test_exemplar_page(self, client):
        site = build_site(4)
        page = html(client, "/dien-hinh/nguyen-van-hai/")
        assert "<h1>Nguyễn Văn Hai</h1>" in page and "Nông dân giỏi." in page
        assert 'aria-current="step"' in page and "Phát hiện" in page
        assert "02/05/2023" in page
        listed = titles(page)
        assert set(listed) == {site["stories"][0].title, site["stories"][2].title}

    def test_exemplar_with_no_honours_and_no_story(self, client):
        make_home()
        make_exemplar("Lê Văn Bốn", kind=Exemplar.Kind.INDIVIDUAL)
        page = html(client, "/dien-hinh/le-van-bon/")
        assert "Chưa có khen thưởng được ghi nhận." in page
        assert "Chưa có bài viết về điển hình này." in page

    def test_unknown_records_are_404(self, client):
        make_home()
        for url in ("/dien-hinh/khong-co/", "/dia-phuong/khong-co/", "/linh-vuc/khong-co/"):
            assert client.get(url).status_code == 404

    def test_merged_locality_lists_predecessor_stories(self, client):
        site = build_site(4)
        page = html(client, "/dia-phuong/chau-doc/")
        assert set(titles(page)) == {s.title for s in site["stories"]}
        assert "Châu Phú (cũ)" in page
        old = html(client, "/dia-phuong/chau-phu-cu/")
        assert "nay thuộc" in old and 'href="/dia-phuong/chau-doc/"' in old

    def test_province_page_lists_its_districts(self, client):
        site = build_site(2)
        make_locality("Tịnh Biên", kind="district", parent=site["province"])
        assert len(titles(html(client, "/dia-phuong/an-giang/"))) == 2

    def test_field_page(self, client):
        build_site(3)
        page = html(client, "/linh-vuc/nong-nghiep/")
        assert len(titles(page)) == 3


class TestEnglish:
    def test_interface_in_english_when_the_reader_chooses_it(self, client):
        from django.conf import settings

        site = build_site(2)
        page = html(client, "/en" + site["stories"][0].url)
        assert '<html lang="en">' in page
        assert "Related stories" in page and "Copy link" in page
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        vi = html(client, site["stories"][0].url, HTTP_ACCEPT_LANGUAGE="en")
        assert "Bài liên quan" in vi


class TestPreview:
    def test_editors_can_preview_saved_and_new_stories(self):
        from exemplars.models import ExemplarStoryPage

        site = build_site(1)
        story = site["stories"][0]
        story.title = "Tiêu đề đang sửa"
        response = story.make_preview_request()
        assert response.status_code == 200 and "Tiêu đề đang sửa" in response.content.decode()
        new = ExemplarStoryPage(title="Bài mới chưa lưu", slug="bai-moi", intro="Sapo")
        new.set_url_path(site["section"])
        new.depth = site["section"].depth + 1
        response = new.make_preview_request()
        assert response.status_code == 200 and "Bài mới chưa lưu" in response.content.decode()

    def test_campaign_and_home_previews(self):
        site = build_site(1)
        assert site["campaign_page"].make_preview_request().status_code == 200
        assert site["home"].make_preview_request().status_code == 200


def test_previews_show_the_editors_unsaved_pins_first():
    from exemplars.models import CampaignPagePin

    site = build_site(3)
    page, oldest = site["campaign_page"], site["stories"][-1]
    page.pins = [CampaignPagePin(story=oldest, sort_order=0)]  # in memory, as the editor's form
    response = page.make_preview_request()
    assert response.status_code == 200
    assert campaign_titles(response.content.decode())[0] == oldest.title
    home = site["home"]
    home.pins = [HomePagePin(story=oldest, sort_order=0)]
    response = home.make_preview_request()
    assert response.status_code == 200
    lead = re.search(
        r'<article class="lead-story">.*?<h2><a [^>]+>([^<]+)</a>', response.content.decode(), re.S
    )
    assert lead.group(1) == oldest.title
