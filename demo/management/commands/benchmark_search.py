import json
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

from demo.search_benchmark import runner


class Command(BaseCommand):
    help = (
        "Đo tốc độ tìm kiếm. Benchmark reader search on N synthetic Vietnamese stories: "
        "index them, run a fixed mix of reader queries through the search service (facets "
        "and excerpts included), through a bare full-text table (the floor) and, for a "
        "sample, through Wagtail's own database backend (each query capped). Runs in a "
        "THROWAWAY database on the engine the settings point at (a temporary SQLite file, "
        "or a temporary PostgreSQL database) that is dropped at the end: your data is never "
        "touched. Our backends are fed documents directly; Wagtail's comparison gets real "
        "page rows, bulk-inserted, indexed by Wagtail itself."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=20_000)
        parser.add_argument("--output", help="Write the numbers to this JSON file.")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument(
            "--wagtail-sample",
            type=int,
            default=10,
            help="Queries run through Wagtail's backend (0 to skip).",
        )
        parser.add_argument("--wagtail-cap", type=float, default=30.0, help="Seconds per query.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        if options["stories"] < 1 or options["queries"] < 1:
            raise CommandError("--stories and --queries must be at least 1")
        old_name = connection.settings_dict["NAME"]
        test = connection.settings_dict.setdefault("TEST", {})
        saved_test_name = test.get("NAME")
        tmpdir = None
        if connection.vendor == "sqlite":
            # A file, not the in-memory default: 100,000 stories do not fit in 600 MB.
            tmpdir = tempfile.mkdtemp(prefix="exemplars-bench-")
            test["NAME"] = str(Path(tmpdir) / "bench.sqlite3")
        else:
            test["NAME"] = f"{old_name}_bench_{os.getpid()}"
        self.stderr.write(f"Throwaway database: {test['NAME']} (migrating…)")
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False, keepdb=False
        )
        try:
            # DEBUG keeps the text of the last 9,000 queries: bulk inserts of
            # whole stories would count as our memory.
            with override_settings(DEBUG=False):
                result = self._measure(options)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
            test["NAME"] = saved_test_name
            if tmpdir:
                for leftover in Path(tmpdir).glob("*"):
                    leftover.unlink()
                os.rmdir(tmpdir)
        text = json.dumps(result, ensure_ascii=False, indent=2)
        if options["output"]:
            Path(options["output"]).write_text(text + "\n", encoding="utf-8")
        self.stdout.write(text)

    def _measure(self, options) -> dict:
        return runner.run(
            options["stories"],
            seed=options["seed"],
            n_queries=options["queries"],
            wagtail_sample=options["wagtail_sample"],
            wagtail_cap_s=options["wagtail_cap"],
            quiet=options["no_progress"] or options["verbosity"] == 0,
            log=lambda line: self.stderr.write(line),
        )
