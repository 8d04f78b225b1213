"""``manage.py benchmark_booklet``: how long a campaign booklet takes to typeset."""

from __future__ import annotations

import datetime as dt
import io
import random
import statistics
import tempfile
import time

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from exemplars.booklets.render import SIZES, render_booklet
from exemplars.models import Award, Campaign, Exemplar, ExemplarStoryPage, Honour, SectionPage

PARAGRAPH = (
    "<p>Từ những ngày đầu khởi nghiệp, chị đã vượt qua bao khó khăn để xây dựng mô hình "
    "trồng lúa hữu cơ, liên kết với hợp tác xã, giúp nhiều hộ nông dân trong ấp nâng cao thu "
    "nhập, góp phần xây dựng nông thôn mới nâng cao, đô thị văn minh.</p>"
)


class Rollback(Exception):
    pass


def _portrait(n: int) -> ImageFile:
    # Smoothed noise, so the JPEG weighs about what a photo does (not a flat colour's few kB).
    rng = random.Random(n)
    image = PILImage.frombytes("RGB", (120, 160), rng.randbytes(120 * 160 * 3))
    image = image.resize((1200, 1600), PILImage.Resampling.BICUBIC)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=85)
    return ImageFile(buf, name=f"chan-dung-{n}.jpg")


class Command(BaseCommand):
    help = (
        "Đo thời gian dàn trang ấn phẩm điển hình (mặc định 30 điển hình, mỗi người một ảnh chân "
        "dung 1200×1600, hai khen thưởng và một bài khoảng 1.000 chữ), khổ A5 và A4. The content "
        "is created in a transaction that is rolled back, its images in a temporary folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--exemplars", type=int, default=30)
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, exemplars, runs, **options):
        if exemplars < 1 or runs < 1:
            raise CommandError("--exemplars and --runs must be at least 1")
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            try:
                with transaction.atomic():
                    campaign, chosen = self._content(exemplars)
                    for size in SIZES:
                        self._measure(campaign, chosen, size, runs)
                    raise Rollback
            except Rollback:
                pass

    def _content(self, n):
        campaign = Campaign.objects.create(
            name="Phong trào đo thời gian ấn phẩm", authority="UBND tỉnh", start_year=2021
        )
        award = Award.objects.create(name="Bằng khen đo thời gian ấn phẩm")
        root = Page.get_first_root_node()
        section = root.add_child(instance=SectionPage(title="Đo ấn phẩm", slug="do-an-pham-tmp"))
        chosen = []
        for i in range(n):
            portrait = get_image_model().objects.create(title=f"Chân dung {i}", file=_portrait(i))
            exemplar = Exemplar.objects.create(
                name=f"Điển hình đo thời gian số {i}", portrait=portrait
            )
            for k in range(2):
                Honour.objects.create(
                    exemplar=exemplar,
                    award=award,
                    decision_number=f"{i}{k}/QĐ-UBND",
                    date=dt.date(2024, 1, 1 + k),
                    campaign=campaign,
                )
            story = ExemplarStoryPage(
                title=f"Bài viết về điển hình số {i}",
                slug=f"bai-do-an-pham-{i}",
                intro="Một tấm gương sáng trong phong trào thi đua yêu nước.",
                body=[("paragraph", PARAGRAPH * 25)],
                exemplar=exemplar,
            )
            section.add_child(instance=story)
            story.campaigns.set([campaign])
            story.save()
            chosen.append(exemplar)
        return campaign, chosen

    def _measure(self, campaign, chosen, size, runs):
        times, pages, size_bytes = [], 0, 0
        for _ in range(runs):
            start = time.perf_counter()
            booklet = render_booklet(campaign, chosen, size=size)
            times.append(time.perf_counter() - start)
            pages, size_bytes = booklet.pages, len(booklet.pdf)
        self.stdout.write(
            f"{len(chosen)} exemplars, {SIZES[size]}: {pages} pages, "
            f"{size_bytes / 1_000_000:.1f} MB, median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s ({runs} runs)"
        )
