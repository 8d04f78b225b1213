"""Wagtail's ``publish_scheduled``, then the pages whose pins started or ended.

Named as Wagtail's, so the cron line stays ``manage.py publish_scheduled``
(README, "Periodic jobs"); see ``exemplars/caching/schedule.py``. It also
refreshes SQLite's planner statistics (``exemplars/ops/dbstats.py``).
"""

import os

from django.conf import settings
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from exemplars.caching.conf import page_cache_settings
from exemplars.caching.schedule import purge_pin_changes
from exemplars.ops import dbstats


class Command(WagtailCommand):
    help = (
        "Xuất bản/gỡ bài đến giờ hẹn và làm mới các trang có bài ghim vừa bắt đầu hoặc hết hạn. "
        "Publish and unpublish scheduled pages (Wagtail), then purge the pages whose pins "
        "started or ended since the last run, and refresh SQLite's query statistics."
    )

    def handle(self, *args, **options):
        if not page_cache_settings()["ENABLED"] and os.environ.get("REDIS_URL"):
            # A server's environment, but not its settings (cron running
            # `manage.py` alone gets the development ones): what this run
            # publishes would stay out of the cached pages until they expire.
            self.stderr.write(
                f"Cảnh báo: bộ nhớ đệm trang đang tắt trong {settings.SETTINGS_MODULE}, nên các "
                "trang đã lưu sẽ không được làm mới. Hãy chạy bằng deploy/manage.sh "
                "(DJANGO_SETTINGS_MODULE=newsroom.settings.production).\n"
                f"Warning: the page cache is off in {settings.SETTINGS_MODULE}: cached pages will "
                "not be purged. Run it through deploy/manage.sh (the production settings)."
            )
        super().handle(*args, **options)
        if options["dryrun"]:
            return
        for url in purge_pin_changes():
            self.stdout.write(f"Đã làm mới (bài ghim): {url}")
        # The one periodic job every site runs: SQLite's plans follow its growth.
        dbstats.refresh()
