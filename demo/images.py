"""Demo pictures drawn with Pillow at load time, so the demo needs no downloads.

Each picture is a gradient with a few shapes and its caption lettered on it,
saved as JPEG into a Wagtail image. The image title is the lookup key, so a
second ``load_demo`` finds the picture instead of drawing it again.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

_FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]


def _font(size: int):
    # A font with Vietnamese glyphs if the machine has one; Pillow's own otherwise.
    for path in _FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _palette(seed: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    digest = hashlib.sha256(seed.encode()).digest()
    top = (40 + digest[0] % 150, 60 + digest[1] % 140, 40 + digest[2] % 150)
    bottom = (digest[3] % 90, digest[4] % 90, 30 + digest[5] % 100)
    return top, bottom


def draw_picture(text: str, *, size=(1200, 675), seed: str = "", footer: str = "") -> bytes:
    """A JPEG: vertical gradient, a sun, rolling fields, ``text`` lettered on a band."""
    width, height = size
    top, bottom = _palette(seed or text)
    img = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(img)
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    digest = hashlib.sha256((seed or text).encode()).digest()
    cx, r = width * (0.15 + digest[6] / 400), height // 7
    draw.ellipse([cx - r, height * 0.12, cx + r, height * 0.12 + 2 * r], fill=(250, 214, 120))
    for i in range(4):
        y0 = int(height * (0.55 + i * 0.09))
        shade = tuple(max(0, c - 25 * i) for c in (70, 140 + digest[7] % 60, 70))
        draw.polygon(
            [
                (0, y0 + 40),
                (width * 0.35, y0),
                (width * 0.7, y0 + 30),
                (width, y0 - 10),
                (width, height),
                (0, height),
            ],
            fill=shade,
        )
    band_top = int(height * 0.62)
    overlay = PILImage.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(overlay).rectangle([0, band_top, width, height], fill=(0, 0, 0, 120))
    img = PILImage.alpha_composite(img.convert("RGBA"), overlay).convert("RGB")
    draw = ImageDraw.Draw(img)
    font = _font(max(18, width // 30))
    lines = _wrap(draw, text, font, width - 2 * (width // 24))[:3]
    y = band_top + height // 25
    for line in lines:
        draw.text((width // 24, y), line, font=font, fill=(255, 255, 255))
        y += int(font.size * 1.3)
    if footer:
        small = _font(max(12, width // 60))
        draw.text((width // 24, height - small.size * 2), footer, font=small, fill=(235, 235, 235))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=82)
    return buf.getvalue()


def _wrap(draw, text: str, font, max_width: int) -> list[str]:
    """Greedy word wrap measured in pixels (Vietnamese marks make glyph widths vary)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= max_width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def draw_portrait(initials: str, colour: tuple[int, int, int], size: int = 400) -> bytes:
    """A square JPEG with the initials on a coloured disc (author photos, logos)."""
    img = PILImage.new("RGB", (size, size), (245, 241, 232))
    draw = ImageDraw.Draw(img)
    draw.ellipse([size * 0.06, size * 0.06, size * 0.94, size * 0.94], fill=colour)
    font = _font(size // 3)
    box = draw.textbbox((0, 0), initials, font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    draw.text(((size - w) / 2 - box[0], (size - h) / 2 - box[1]), initials, font=font, fill="white")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def get_or_create_image(title: str, filename: str, render) -> tuple[Image, bool]:
    """The Wagtail image titled ``title``, drawing it with ``render()`` only if missing."""
    image = Image.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        return image, False
    data = render()
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image, True


def initials(name: str) -> str:
    words = [w for w in name.replace(".", " ").split() if w]
    return "".join(w[0] for w in words[-2:]).upper() or "?"
