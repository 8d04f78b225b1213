import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings

from demo.benchmark_corpus import grow_stories
from exemplars.models import CampaignPage, ExemplarStoryPage


class Command(BaseCommand):
    help = (
        "Đo thời gian máy chủ trả trang bài viết và trang phong trào (trung vị, p90) và số "
        "truy vấn SQL. Measure server time and SQL queries of a story page and a campaign page "
        "on the current database (run `load_demo` first), uncached and with DEBUG off."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=50, help="requests per page (default 50)")
        parser.add_argument("--host", default="localhost", help="Host header (a Wagtail site)")
        parser.add_argument(
            "--stories",
            type=int,
            default=0,
            help="first grow THIS (throwaway) database to N live stories by cloning its stories "
            "in SQL (20,000 in about a minute), then measure",
        )

    def handle(self, *args, runs, host, stories, **options):
        if runs < 1:
            raise CommandError("--runs must be at least 1")
        if stories:
            try:
                made = grow_stories(stories)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"cloned {made} stories")
        story = (
            ExemplarStoryPage.objects.live()
            .annotate(n_campaigns=Count("campaigns"))
            .order_by("-n_campaigns", "-published_at")
            .first()
        )
        campaign = (
            CampaignPage.objects.live()
            .annotate(n=Count("campaign__stories"))
            .order_by("-n")
            .first()
        )
        if story is None or campaign is None:
            raise CommandError("No live story or campaign page: run `manage.py load_demo` first.")
        client = Client(HTTP_HOST=host)
        self.stdout.write(
            f"database: {connection.vendor}, {ExemplarStoryPage.objects.live().count()} live "
            f"stories, {runs} requests per page, DEBUG off, page cache off"
        )
        # What a reader's first request costs: DEBUG's query log and template
        # debugging are production overhead, and a page cache hit measures nothing.
        uncached = {**getattr(settings, "EXEMPLARS_PAGE_CACHE", {}), "ENABLED": False}
        with override_settings(DEBUG=False, EXEMPLARS_PAGE_CACHE=uncached):
            for label, url in (
                ("story page", story.url),
                ("campaign page", campaign.url),
                ("campaign page, filtered", campaign.url + "?kind=individual"),
                ("home page", "/"),
            ):
                self._measure(client, label, url, runs)

    def _measure(self, client, label, url, runs):
        response = client.get(url)  # warm-up: renditions, caches
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        queries = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        # An execute wrapper, not CaptureQueriesContext: request_started resets the query log.
        with connection.execute_wrapper(count):
            client.get(url)
        timings, cpu = [], []
        for _ in range(runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        timings.sort()
        p90 = timings[min(len(timings) - 1, int(len(timings) * 0.9))]
        # CPU time of this process is the server time a loaded machine cannot
        # inflate (the database is SQLite in-process; PostgreSQL's own time is not in it).
        self.stdout.write(
            f"{label:<26} {url}\n"
            f"{'':<26} median {statistics.median(timings):6.1f} ms  p90 {p90:6.1f} ms  "
            f"cpu median {statistics.median(cpu):6.1f} ms  "
            f"{len(queries)} queries  {len(response.content) / 1024:.1f} kB HTML"
        )
