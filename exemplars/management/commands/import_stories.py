import os
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from exemplars.importing import (
    BATCH_LINES,
    FORMATS,
    LineError,
    StoryImporter,
    open_archive,
    resolve_parent,
)
from exemplars.importing.encodings import LEGACY
from exemplars.importing.mapping import TermMapping
from exemplars.ops import dbstats

# Below this many lines a progress bar is noise.
PROGRESS_MIN_LINES = 200


class Command(BaseCommand):
    help = (
        "Nhập bài điển hình từ kho lưu trữ: JSON Lines (mỗi dòng một bài), bản xuất WordPress "
        "(WXR), RSS 2.0 hoặc Atom, nhận ra theo nội dung tệp. Bài đã nhập (cùng source_url, "
        "guid hay link) được cập nhật, không nhân đôi; mục lỗi được báo kèm số thứ tự, các mục "
        "tốt vẫn được nhập. Import archive stories from JSONL, WordPress WXR, RSS or Atom."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", metavar="FILE", help="Tệp .jsonl, bản xuất WordPress .xml, RSS hoặc Atom."
        )
        parser.add_argument(
            "--format",
            choices=FORMATS,
            help="Định dạng tệp (mặc định: nhận ra theo nội dung).",
        )
        parser.add_argument(
            "--encoding",
            default="auto",
            choices=["auto", "file", "utf-8", *LEGACY],
            help=(
                "Bảng mã tiếng Việt của văn bản: auto (mặc định: nhận ra từng trường), file "
                "(nhận ra một lần cho cả tệp), utf-8, tcvn3 (ABC), vni, viqr, cp1258."
            ),
        )
        parser.add_argument(
            "--uploads",
            metavar="DIR",
            help="Thư mục ảnh của kho (bản sao wp-content/uploads): ảnh trong bài lấy từ đây.",
        )
        parser.add_argument(
            "--mapping",
            metavar="FILE",
            help="Tệp TOML ánh xạ chuyên mục và thẻ sang chuyên mục, phong trào, lĩnh vực "
            "(xem docs/importing.md).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ kiểm tra các dòng, không ghi gì vào cơ sở dữ liệu.",
        )
        parser.add_argument(
            "--parent",
            help="Slug hoặc id của chuyên mục chứa bài (mặc định: chuyên mục đầu tiên).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_LINES,
            help=(
                "Số dòng ghi và lập chỉ mục cùng một lần (mặc định %(default)s): bài đã ghi "
                "là tìm được ngay, kể cả khi lệnh bị dừng giữa chừng."
            ),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Không hiện thanh tiến trình."
        )

    def handle(self, *args, **options):
        try:
            mapping = TermMapping.load(options["mapping"]) if options["mapping"] else None
            archive = open_archive(options["file"], options["format"])
        except LineError as exc:
            raise CommandError(str(exc)[:1].upper() + str(exc)[1:]) from None
        if options["uploads"] and not os.path.isdir(options["uploads"]):
            raise CommandError(f"Không có thư mục ảnh {options['uploads']}")
        lines = archive.items
        unit = "Dòng" if archive.unit == "dòng" else "Mục"
        dry_run = options["dry_run"]
        parent = None
        if not dry_run:
            try:
                parent = resolve_parent(options["parent"])
            except LineError as exc:
                raise CommandError(str(exc)) from None

        importer = StoryImporter(
            parent,
            dry_run=dry_run,
            batch_size=options["batch_size"],
            parse=archive.parse,
            encoding=options["encoding"],
            uploads=options["uploads"],
            mapping=mapping,
        )
        show_bar = (
            not options["no_progress"]
            and options["verbosity"] > 0
            and len(lines) >= PROGRESS_MIN_LINES
        )
        started = time.monotonic()
        with tqdm(
            total=len(lines), file=sys.stderr, disable=not show_bar, unit=f" {archive.unit}"
        ) as bar:
            importer.run(lines, progress=bar.update)
        elapsed = time.monotonic() - started
        if not dry_run and importer.result.created:
            # Plans made for the stories before the import would stay (SQLite).
            dbstats.refresh()

        result = importer.result
        for lineno, reason in result.errors:
            self.stderr.write(f"{unit} {lineno}: {reason}")
        for lineno, note in result.notes:
            self.stderr.write(f"{unit} {lineno}: {note}")
        skipped = archive.skipped
        if skipped:
            self.stdout.write(
                f"Bỏ qua {skipped} mục không phải bài đã đăng (trang, bản nháp, bài trong thùng rác) "
                f"(skipped {skipped} items that are not published posts)"
            )
        done = result.created + result.updated
        verb = "Sẽ tạo" if dry_run else "Đã tạo"
        self.stdout.write(
            f"{verb} {result.created}, cập nhật {result.updated}, lỗi {result.failed} "
            f"(created {result.created}, updated {result.updated}, failed {result.failed})"
        )
        if options["verbosity"] > 1 and done and not dry_run:
            self.stdout.write(
                f"{done} bài trong {elapsed:.1f} s ({done / elapsed:.1f} bài/s, cả lập chỉ mục)"
            )
        if result.failed:
            raise CommandError(
                f"{result.failed} {unit.lower()} không nhập được "
                f"({unit.lower()} {', '.join(str(n) for n, _ in result.errors[:20])}"
                f"{', …' if result.failed > 20 else ''})."
            )
