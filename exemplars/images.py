"""Image sizes the reader pages ask for, and privacy for uploaded photos.

The rendition specs live here so templates, listings (which prefetch the
renditions) and feeds agree on them: a spec a template uses but a listing does
not prefetch costs one query per image.

Photos from reporters' phones carry GPS coordinates, the camera's serial number
and the owner's name in their EXIF block, and Willow copies EXIF into every
rendition. ``strip_personal_metadata`` runs before an image is first saved so
neither the original (served from ``/media/original_images/``) nor any rendition
carries it.
"""

from __future__ import annotations

import functools
import io
import logging

from django.core.files.base import ContentFile
from django.db.models import Prefetch
from django.db.models.signals import pre_save
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

# `{% picture %}` expands the braces: one rendition per format and size.
IMAGE_FORMATS = "format-{webp,jpeg}"
CARD_SIZES = "fill-{320x200,640x400}-c100"
HERO_SIZES = "width-{480,800,1200}"
BODY_SIZES = "width-{480,800}"
PORTRAIT_SIZES = "fill-{160x160,320x320}-c100"
FEED_SPEC = "width-800|format-jpeg"
# Social cards are exactly 1200×630 (``exactfill``, below), whatever the focal point.
OG_SPEC = "exactfill-1200x630-c100|format-jpeg"
OG_SIZE = (1200, 630)


# Built once: Wagtail calls the hook for every filter of every image it renders
# (a new ``Filter`` per ``{% picture %}``), and a class statement each time showed
# in the profile of a story page.
@functools.cache
def _fill_operation():
    from wagtail.images.image_operations import FillOperation

    class ExactFillOperation(FillOperation):
        """Wagtail's ``fill``, ending at exactly the size asked for.

        ``fill`` rounds the crop box's edges one by one, so a focal point can
        leave a 1200-pixel-wide photo cropped to 1200×631; with nothing to
        scale down it is never resized, and Facebook and Zalo reject or
        re-crop a card that is not 1.91:1. The last pixel is resized away.
        """

        def run(self, transform, image):
            transform = super().run(transform, image)
            if transform.size != (self.width, self.height):
                transform = transform.resize((self.width, self.height))
            return transform

    return ExactFillOperation


def image_operations():
    """``register_image_operations`` hook: ``exactfill-WxH`` beside Wagtail's own."""
    return [("exactfill", _fill_operation())]


def expand(*bits: str) -> list[str]:
    """The filter specs `{% picture img BITS… %}` asks for, in the tag's own spelling.

    Prefetched renditions are matched by spec string, so the order of the bits
    here must be the order in the template: format first, then size.
    """
    from wagtail.images.models import Filter

    return Filter.expand_spec(list(bits))


CARD_SPECS = expand(IMAGE_FORMATS, CARD_SIZES)
HERO_SPECS = expand(IMAGE_FORMATS, HERO_SIZES) + [OG_SPEC, FEED_SPEC]
BODY_SPECS = expand(IMAGE_FORMATS, BODY_SIZES)
PORTRAIT_SPECS = expand(IMAGE_FORMATS, PORTRAIT_SIZES)


def prefetch_renditions(lookup: str, specs) -> Prefetch:
    """Prefetch the ``specs`` renditions of the images at ``lookup`` (``"hero_image"``…).

    They go to ``prefetched_renditions``, where Wagtail's own
    ``ImageQuerySet.prefetch_renditions`` puts them, never into the cache of the
    ``renditions`` manager: a filtered prefetch there becomes what
    ``image.renditions`` means, so asking for any other spec (the Open Graph
    image on a page whose portraits were prefetched) looked for the existing
    rendition inside the filtered set, missed it, and inserted it again.
    """
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    path = f"{lookup}__renditions" if lookup else "renditions"
    return Prefetch(path, queryset=renditions, to_attr="prefetched_renditions")


# The EXIF tags a newspaper has no business publishing. Orientation is applied
# to the pixels before everything else is dropped, so nothing turns sideways.
_SAVE_FORMATS = {"JPEG": {"quality": 95, "optimize": True}, "PNG": {}, "WEBP": {"quality": 95}}


def clean_image_bytes(data: bytes) -> bytes | None:
    """The photo re-encoded without EXIF/XMP, or None when it carries none.

    ICC colour profiles are kept: they are not personal and dropping them
    shifts colours.
    """
    try:
        img = PILImage.open(io.BytesIO(data))
        fmt = img.format
        has_meta = bool(img.info.get("exif") or img.info.get("xmp") or img.getexif())
    except Exception:  # not an image Pillow reads (SVG…): Wagtail's validation decides
        return None
    if not has_meta or fmt not in _SAVE_FORMATS or getattr(img, "n_frames", 1) > 1:
        return None
    img = ImageOps.exif_transpose(img)
    out = io.BytesIO()
    kwargs = dict(_SAVE_FORMATS[fmt])
    if icc := img.info.get("icc_profile"):
        kwargs["icc_profile"] = icc
    img.info = {}  # Pillow writes only what is passed; clear it so nothing rides along
    img.save(out, fmt, **kwargs)
    return out.getvalue()


def strip_personal_metadata(sender, instance, raw=False, **kwargs):
    """``pre_save`` of the image model: drop EXIF from a newly uploaded file."""
    if raw or not instance.file or getattr(instance.file, "_committed", True):
        # Only an upload not yet written to storage can be cleaned before anyone
        # can fetch it; files already stored were cleaned when they arrived.
        return
    instance.file.seek(0)
    cleaned = clean_image_bytes(instance.file.read())
    instance.file.seek(0)
    if cleaned is None:
        return
    name = instance.file.name
    instance.file = ContentFile(cleaned, name=name)
    with PILImage.open(io.BytesIO(cleaned)) as img:
        instance.width, instance.height = img.size
    instance.file_size = len(cleaned)
    instance.file_hash = ""
    logger.info("Removed EXIF metadata from uploaded image %s", name)


def register_signal_handlers() -> None:
    pre_save.connect(
        strip_personal_metadata,
        sender=get_image_model(),
        dispatch_uid="exemplars.strip_personal_metadata",
    )
