"""Renditions readers get: modern formats with a JPEG fallback, sizes, focal
points, and no personal EXIF (GPS, camera owner) in any published file."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from exemplars.images import CARD_SPECS, clean_image_bytes
from tests.exemplars.reader import build_site

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
ARTIST = 0x013B


def jpeg_with_gps(size=(600, 400), orientation=1) -> bytes:
    img = PILImage.new("RGB", size, (30, 120, 60))
    exif = img.getexif()
    exif[ARTIST] = "Nguyen Van Phong Vien"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (10.0, 42.0, 30.0)
    gps[3] = "E"
    gps[4] = (105.0, 7.0, 12.0)
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def upload(data: bytes, name="phong-vien.jpg") -> Image:
    return Image.objects.create(
        title="Ảnh từ điện thoại", file=ImageFile(io.BytesIO(data), name=name)
    )


def exif_of(path_or_file):
    with PILImage.open(path_or_file) as img:
        exif = img.getexif()
        return exif, img.info.get("exif")


def test_the_fixture_really_carries_gps():
    exif, raw = exif_of(io.BytesIO(jpeg_with_gps()))
    assert raw and exif.get_ifd(GPS_IFD) and exif[ARTIST]


def test_uploaded_original_loses_gps_and_owner():
    image = upload(jpeg_with_gps())
    exif, raw = exif_of(image.file.path)
    assert not raw and not exif.get_ifd(GPS_IFD) and ARTIST not in exif
    assert (image.width, image.height) == (600, 400)


def test_no_rendition_carries_exif():
    image = upload(jpeg_with_gps())
    for spec in [*CARD_SPECS, "width-800|format-jpeg", "fill-1200x630-c100|format-jpeg"]:
        rendition = image.get_rendition(spec)
        exif, raw = exif_of(rendition.file.path)
        assert not raw, spec
        assert not exif.get_ifd(GPS_IFD), spec


def test_orientation_is_applied_before_exif_is_dropped():
    image = upload(jpeg_with_gps(size=(600, 400), orientation=6))  # rotated 90° on the phone
    assert (image.width, image.height) == (400, 600)
    with PILImage.open(image.file.path) as img:
        assert img.size == (400, 600)


def test_images_without_metadata_are_left_alone():
    buf = io.BytesIO()
    PILImage.new("RGB", (50, 40)).save(buf, "PNG")
    assert clean_image_bytes(buf.getvalue()) is None
    assert clean_image_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None


def test_story_markup_offers_webp_with_jpeg_fallback_and_sizes(client):
    site = build_site(2)
    page = client.get(site["stories"][0].url).content.decode()
    hero = re.search(r'<figure class="hero">\s*(<picture>.*?</picture>)', page, re.S).group(1)
    assert '<source sizes="' in hero and 'type="image/webp"' in hero
    img = re.search(r"<img [^>]+>", hero).group(0)
    assert 'src="/media/images/' in img and ".jpg" in img
    assert 'alt="Ông Hai trên ruộng lúa"' in img and 'width="' in img and 'height="' in img
    assert "loading=" not in img and 'fetchpriority="high"' in img  # above the fold
    body_img = re.search(r'<div class="story-body">.*?(<img [^>]+>)', page, re.S).group(1)
    assert 'loading="lazy"' in body_img and 'alt="Lễ trao"' in body_img


def test_cards_are_lazy_and_cropped(client):
    site = build_site(3)
    page = client.get(site["section"].url).content.decode()
    cards = re.findall(r'<article class="card">.*?</article>', page, re.S)
    assert cards
    for card in cards:
        img = re.search(r"<img [^>]+>", card).group(0)
        assert 'loading="lazy"' in img and 'width="320"' in img and 'height="200"' in img


def test_fill_crops_keep_the_focal_point():
    # Left half red, right half blue; the editor marks the right side as the subject.
    img = PILImage.new("RGB", (1000, 400), (220, 0, 0))
    img.paste((0, 0, 220), (500, 0, 1000, 400))
    buf = io.BytesIO()
    img.save(buf, "JPEG")
    image = upload(buf.getvalue(), name="focal.jpg")
    image.focal_point_x, image.focal_point_y = 850, 200
    image.focal_point_width, image.focal_point_height = 100, 100
    image.save()
    rendition = image.get_rendition("format-jpeg|fill-320x200-c100")
    with PILImage.open(rendition.file.path) as out:
        r, g, b = out.convert("RGB").resize((1, 1)).getpixel((0, 0))
    assert b > r * 2, (r, g, b)


@pytest.mark.parametrize("ask", ["get_rendition", "get_renditions"])
def test_a_spec_that_was_not_prefetched_is_found_not_inserted_again(ask):
    from django.core.cache import cache

    from exemplars.images import OG_SPEC, PORTRAIT_SPECS, prefetch_renditions
    from exemplars.models import Exemplar
    from tests.factories import make_exemplar, make_image

    # Renditions are cached by image id, which an earlier test's rolled-back image had too.
    cache.clear()
    image = make_image()
    make_exemplar(portrait=image)
    for spec in [*PORTRAIT_SPECS, OG_SPEC, "width-100"]:
        image.get_rendition(spec)
    for _view in range(2):
        exemplar = Exemplar.objects.prefetch_related(
            prefetch_renditions("portrait", PORTRAIT_SPECS)
        ).get()
        if ask == "get_rendition":
            exemplar.portrait.get_rendition(OG_SPEC)
        else:
            exemplar.portrait.get_renditions(OG_SPEC, "width-100")
    assert image.renditions.count() == len(PORTRAIT_SPECS) + 2


def test_our_image_tags_print_wagtails_markup_and_parse_their_filters_once(monkeypatch):
    from django.template import Context, Template
    from wagtail.images import models as image_models

    from tests.factories import make_image

    image = make_image()
    tags = (
        '{% picture img format-{webp,jpeg} fill-{320x200,640x400}-c100 alt="" loading="lazy" %}'
        "{% srcset_image img width-{480,800} sizes='100vw' %}"
        "{% image img width-480 format-jpeg alt=img.title %}"
        "{% image img fill-160x160-c100 as thumb %}{{ thumb.url }}"
    )
    wagtails = Template("{% load wagtailimages_tags %}" + tags)
    ours = Template("{% load exemplars_images %}" + tags)
    expected = wagtails.render(Context({"img": image}))
    assert "<picture>" in expected and "srcset=" in expected
    parsed = []
    monkeypatch.setattr(
        image_models.Filter,
        "__init__",
        lambda self, spec=None: (parsed.append(spec), setattr(self, "spec", spec))[-1],
    )
    assert ours.render(Context({"img": image})) == expected
    built = len(parsed)
    assert built == 4 + 2 + 1 + 1  # each node's filters, once
    assert ours.render(Context({"img": image})) == expected
    assert len(parsed) == built  # the second render builds none
