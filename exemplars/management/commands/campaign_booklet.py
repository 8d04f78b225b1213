"""``manage.py campaign_booklet SLUG --output FILE.pdf [--size a5|a4] [--include-restricted]``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exemplars.booklets.content import chosen_exemplars
from exemplars.booklets.render import SIZES, BookletUnavailable, render_booklet
from exemplars.models import Campaign


class Command(BaseCommand):
    help = (
        "In ấn phẩm giới thiệu điển hình của một phong trào ra tệp PDF: các điển hình biên tập "
        "viên đã chọn theo thứ tự đã sắp xếp (chưa chọn: mọi điển hình của phong trào). "
        "Chỉ in bài viết công khai, trừ khi có --include-restricted. Prints the page count."
    )

    def add_arguments(self, parser):
        parser.add_argument("campaign", help="slug của phong trào")
        parser.add_argument("--output", "-o", required=True, help="tệp PDF ghi ra")
        parser.add_argument("--size", choices=sorted(SIZES), default="a5")
        parser.add_argument(
            "--include-restricted",
            action="store_true",
            help=(
                "in cả bài viết có giới hạn xem (đăng nhập, mật khẩu); trang cuối ghi rõ điều đó "
                "(include view-restricted stories; the colophon says so)"
            ),
        )

    def handle(self, *args, campaign, output, size, include_restricted=False, **options):
        found = Campaign.objects.filter(slug=campaign).first()
        if found is None:
            raise CommandError(f"Không có phong trào nào có slug “{campaign}”.")
        exemplars = chosen_exemplars(found)
        if not exemplars:
            raise CommandError(f"Phong trào “{found.name}” chưa có điển hình nào để in.")
        try:
            booklet = render_booklet(
                found, exemplars, size=size, include_restricted=include_restricted
            )
        except BookletUnavailable as error:
            raise CommandError(
                f"Chưa cài WeasyPrint hoặc Pango ({error}): pip install weasyprint; "
                "apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core"
            ) from error
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Thư mục “{target.parent}” không tồn tại.")
        # Written beside the target and renamed: a reader never opens half a booklet.
        fd, partial = tempfile.mkstemp(dir=target.parent, suffix=".pdf.part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(booklet.pdf)
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        self.stdout.write(
            f"{target}: {booklet.pages} trang ({booklet.pages} pages), "
            f"{len(exemplars)} điển hình, khổ {SIZES[size]}"
        )
