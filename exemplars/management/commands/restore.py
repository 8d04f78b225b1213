from django.core.management.base import BaseCommand, CommandError

from exemplars.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và media từ một thư mục do `backup` tạo (thay thế dữ liệu hiện "
        "có). Restore the database and media from a folder written by `backup`."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Thư mục sao lưu (exemplars-YYYYMMDD-HHMMSS).")
        parser.add_argument(
            "--database", default="default", help="Cơ sở dữ liệu (mặc định: default)."
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Không hỏi lại trước khi thay thế dữ liệu hiện có.",
        )

    def handle(self, *args, **options):
        if options["interactive"]:
            answer = input(
                "Toàn bộ nội dung và media hiện có sẽ bị thay thế. Gõ 'yes' để tiếp tục: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Đã hủy khôi phục.")
        try:
            manifest = restore_backup(options["backup"], using=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(f"Khôi phục thất bại: {exc}") from None
        self.stdout.write(
            f"Đã khôi phục bản sao lưu {manifest['created']} ({manifest['vendor']}). "
            "Nếu dùng Elasticsearch, chạy rebuild_search_index."
        )
