"""Wagtail's ``publish_scheduled``, then the pages whose pins started or ended.

Named as Wagtail's, so the cron line stays ``manage.py publish_scheduled``
(README, "Periodic jobs"); see ``exemplars/caching/schedule.py``. It also
refreshes SQLite's planner statistics (``exemplars/dbstats.py``).
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from exemplars import dbstats
from exemplars.caching.schedule import purge_pin_changes


class Command(WagtailCommand):
    help = (
        "Xuất bản/gỡ bài đến giờ hẹn và làm mới các trang có bài ghim vừa bắt đầu hoặc hết hạn. "
        "Publish and unpublish scheduled pages (Wagtail), then purge the pages whose pins "
        "started or ended since the last run, and refresh SQLite's query statistics."
    )

    def handle(self, *args, **options):
        super().handle(*args, **options)
        if options["dryrun"]:
            return
        for url in purge_pin_changes():
            self.stdout.write(f"Đã làm mới (bài ghim): {url}")
        # The one periodic job every site runs: SQLite's plans follow its growth.
        dbstats.refresh()
