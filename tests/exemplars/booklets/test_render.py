"""A campaign booklet read back by a PDF text extractor."""

import unicodedata

import pytest

from exemplars.booklets.render import render_booklet

from .pdf import fonts, images, page_texts, reader, toc_entries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", ["a5", "a4"])
def test_every_chosen_exemplar_is_printed_in_nfc_in_the_chosen_order(booklet_campaign, size):
    campaign, exemplars = booklet_campaign
    chosen = [exemplars[2], exemplars[0]]
    booklet = render_booklet(campaign, chosen, size=size)
    text = "\n".join(page_texts(booklet.pdf))
    for exemplar in chosen:
        nfc = unicodedata.normalize("NFC", exemplar.name)
        assert nfc in text
    assert "Trần Văn Đức Ự" in text and "Nguyễn Thị Ắ Nguyệt" in text
    assert "Hợp tác xã Dừa Lửa Đỏ" not in text  # not chosen
    assert [title for title, _ in toc_entries(booklet.pdf)][:2] == [
        "Trần Văn Đức Ự",
        "Nguyễn Thị Ắ Nguyệt",
    ]
    # Decision numbers may wrap at their hyphen.
    flat = "".join(text.split())
    assert "450/QĐ-UBND" in flat and "452/QĐ-UBND" in flat and "451/QĐ-UBND" not in flat
    assert booklet.pages == len(reader(booklet.pdf).pages)


def test_page_size(booklet_campaign):
    campaign, exemplars = booklet_campaign
    a5 = reader(render_booklet(campaign, exemplars[:1], size="a5").pdf).pages[0].mediabox
    a4 = reader(render_booklet(campaign, exemplars[:1], size="a4").pdf).pages[0].mediabox
    assert round(float(a5.width) / 72 * 25.4) == 148 and round(float(a5.height) / 72 * 25.4) == 210
    assert round(float(a4.width) / 72 * 25.4) == 210 and round(float(a4.height) / 72 * 25.4) == 297


def test_table_of_contents_numbers_are_the_chapters_pages(booklet_campaign):
    campaign, exemplars = booklet_campaign
    booklet = render_booklet(campaign, exemplars)
    texts = page_texts(booklet.pdf)
    entries = toc_entries(booklet.pdf)
    assert [t for t, _ in entries] == [e.name for e in exemplars] + ["Thông tin xuất bản"]
    numbers = [n for _, n in entries]
    # The first chapter's story fills several pages: the next ones start later.
    assert numbers[1] - numbers[0] >= 3
    for title, number in entries:
        # The printed number is the page's own (the cover is page 1).
        assert texts[number - 1].lstrip().startswith(title), (title, number)
        assert title not in texts[number - 2] or "Mục lục" in texts[number - 2]
    # The last page's own printed number ends the page.
    assert texts[-1].rstrip().endswith(str(len(texts)))


def test_every_font_is_embedded_and_covers_vietnamese(booklet_campaign):
    campaign, exemplars = booklet_campaign
    used = fonts(render_booklet(campaign, exemplars).pdf)
    assert used and all(embedded for _, embedded in used), used
    names = [name.split("+")[-1].replace("-", "") for name, _ in used]
    assert "NotoSansBold" in names and "NotoSerif" in names
    # No glyph fell back to a font outside the booklet's two families.
    assert all(n.startswith(("NotoSans", "NotoSerif")) for n in names), used


def test_portrait_is_printed_from_the_original(booklet_campaign):
    campaign, exemplars = booklet_campaign
    # The full 1200×1600 upload, not a web rendition (pages share one resource dictionary).
    assert set(images(render_booklet(campaign, exemplars[:1]).pdf)) == {(1200, 1600)}


def test_links_in_story_text_are_not_fetched(booklet_campaign, monkeypatch):
    from exemplars.booklets import content

    campaign, exemplars = booklet_campaign
    real = content._story_blocks

    def with_remote_image(story):
        return real(story) + [("paragraph", '<p><img src="http://169.254.169.254/x.png">x</p>')]

    monkeypatch.setattr(content, "_story_blocks", with_remote_image)

    import urllib.request

    def refuse(*args, **kwargs):
        raise AssertionError("the typesetter went to the network")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    assert render_booklet(campaign, exemplars[:1]).pages >= 3
