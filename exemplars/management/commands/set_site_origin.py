from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from exemplars.ops.origin import parse_origin
from exemplars.ops.sites import default_site


class Command(BaseCommand):
    help = (
        "Point the default Site at the address readers use (http://127.0.0.1:8000, "
        "https://dienhinh.baoangiang.vn): every canonical link, feed, sitemap, robots.txt "
        "line, Open Graph and JSON-LD URL is built from it."
    )

    def add_arguments(self, parser):
        parser.add_argument("origin", help="scheme://host[:port]; https only on port 443")

    def handle(self, *args, origin, **options):
        try:
            hostname, port = parse_origin(origin)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        with transaction.atomic():
            site = default_site()
            if site is None:
                raise CommandError(
                    "Chưa có Site mặc định: chạy load_demo hoặc tạo Site trong Cài đặt → Sites."
                )
            site.hostname, site.port = hostname, port
            site.save()
        self.stdout.write(f"Site mặc định: {site.root_url}/")
