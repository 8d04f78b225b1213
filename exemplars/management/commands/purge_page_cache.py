"""Purge reader pages by hand: every page (after a deploy that changed templates
or static files) or the given addresses, from every configured cache."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from exemplars.caching.purge import PurgeSet
from exemplars.caching.store import PageStore


class Command(BaseCommand):
    help = (
        "Purge the page cache: every page, or the given URLs (in each reader language) "
        "from every backend of WAGTAILFRONTENDCACHE."
    )

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="*", help="full URLs or paths (/chuyen-muc/)")
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="every page in our page cache (a proxy or CDN is purged by its own tools)",
        )

    def handle(self, *args, urls, everything, **options):
        if not urls and not everything:
            raise CommandError("Cần --all hoặc ít nhất một địa chỉ (URL or --all required).")
        if everything:
            PageStore().purge_all()
            self.stdout.write("Đã xóa mọi trang trong bộ nhớ đệm trang.")
        if urls:
            ps = PurgeSet()
            root = ps.root()
            for url in urls:
                ps.urls.add(url if "://" in url else root.rstrip("/") + "/" + url.lstrip("/"))
            purged = sorted(ps.in_every_language())
            PurgeBatch(purged).purge()
            for url in purged:
                self.stdout.write(url)
