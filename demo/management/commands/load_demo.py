import time

from django.core.management.base import BaseCommand

from demo.loader import STORIES, DemoLoader


class Command(BaseCommand):
    help = (
        "Tạo trang mẫu của Báo An Giang: trang chủ, chuyên mục, phong trào thi đua, địa phương "
        "trước và sau sáp nhập, tác giả, điển hình và các bài viết có ảnh. Chạy lại không thay "
        "đổi gì. Build the demo site (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-root",
            action="store_true",
            help=(
                "Giữ trang chủ của site ở /, đặt trang mẫu bên dưới (/trang-chu/). Keep the "
                "default Site's home page at / and build the demo under it; without this "
                "option the demo home page becomes the default Site's root."
            ),
        )

    def handle(self, *args, keep_root=False, **options):
        verbose = options["verbosity"] > 1
        quiet = options["verbosity"] == 0

        def say(message: str) -> None:
            if message.startswith("  +") and not verbose:
                return
            if not quiet:
                self.stdout.write(message)

        started = time.monotonic()
        created = DemoLoader(say, keep_root=keep_root).run()
        elapsed = time.monotonic() - started
        if created:
            summary = ", ".join(f"{label} {n}" for label, n in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Đã tạo: {summary} ({elapsed:.1f} s)."))
        else:
            self.stdout.write(
                f"Dữ liệu mẫu đã có đủ ({len(STORIES)} bài), không thay đổi gì ({elapsed:.1f} s)."
            )
