from django.core.management.base import BaseCommand, CommandError

from exemplars.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (SQLite hoặc PostgreSQL) và thư mục media vào một thư mục mới "
        "trong OUTPUT. Back up the database and media into a new folder inside OUTPUT."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="Thư mục chứa các bản sao lưu.")
        parser.add_argument(
            "--database", default="default", help="Cơ sở dữ liệu (mặc định: default)."
        )

    def handle(self, *args, **options):
        try:
            path = create_backup(options["output"], using=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(f"Sao lưu thất bại: {exc}") from None
        self.stdout.write(str(path))
