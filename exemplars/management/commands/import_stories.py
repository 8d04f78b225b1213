import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from exemplars.importing import BATCH_LINES, LineError, StoryImporter, read_lines, resolve_parent

# Below this many lines a progress bar is noise.
PROGRESS_MIN_LINES = 200


class Command(BaseCommand):
    help = (
        "Nhập bài điển hình từ tệp JSON Lines (mỗi dòng một bài). Bài trùng source_url được "
        "cập nhật, không nhân đôi; dòng lỗi được báo kèm số dòng, các dòng tốt vẫn được nhập. "
        "Import archive stories from a JSON Lines file."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="Tệp .jsonl, mỗi dòng một bài.")
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
            lines = read_lines(options["file"])
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {options['file']}: {exc.strerror}") from None
        dry_run = options["dry_run"]
        parent = None
        if not dry_run:
            try:
                parent = resolve_parent(options["parent"])
            except LineError as exc:
                raise CommandError(str(exc)) from None

        importer = StoryImporter(parent, dry_run=dry_run, batch_size=options["batch_size"])
        show_bar = (
            not options["no_progress"]
            and options["verbosity"] > 0
            and len(lines) >= PROGRESS_MIN_LINES
        )
        started = time.monotonic()
        with tqdm(total=len(lines), file=sys.stderr, disable=not show_bar, unit=" dòng") as bar:
            importer.run(lines, progress=bar.update)
        elapsed = time.monotonic() - started

        result = importer.result
        for lineno, reason in result.errors:
            self.stderr.write(f"Dòng {lineno}: {reason}")
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
                f"{result.failed} dòng không nhập được "
                f"(dòng {', '.join(str(n) for n, _ in result.errors[:20])}"
                f"{', …' if result.failed > 20 else ''})."
            )
