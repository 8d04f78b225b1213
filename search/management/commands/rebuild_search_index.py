import sys
import time

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from exemplars_search import backends, service
from exemplars_search.backends.base import BackendUnavailable
from exemplars_search.fallback import with_fallback


class Command(BaseCommand):
    help = (
        "Dựng lại chỉ mục tìm kiếm điển hình từ các trang đã xuất bản. Rebuild the reader "
        "search index from every registered, live story, on any backend. Readers keep "
        "searching meanwhile; an interrupted rebuild is simply run again (stories are "
        "upserted in batches and the ones no longer published are dropped at the end)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            help="sqlite, postgres, elasticsearch, opensearch, database or a dotted path "
            "(default: EXEMPLARS_SEARCH['BACKEND']).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Không hiện thanh tiến trình."
        )

    def handle(self, *args, **options):
        try:
            # A remote backend comes with its database mirror and queue replay.
            backend = with_fallback(backends.get_backend(options["backend"]))
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        total = service.count_all()
        show_bar = not options["no_progress"] and options["verbosity"] > 0
        started = time.monotonic()
        with tqdm(
            total=total, file=sys.stderr, disable=not show_bar, unit=" bài", desc=backend.name
        ) as bar:
            try:
                written = service.rebuild(backend=backend, progress=bar.update)
            except BackendUnavailable as exc:
                raise CommandError(f"{exc}. Run the command again once it is back.") from exc
        elapsed = time.monotonic() - started
        rate = written / elapsed if elapsed else 0.0
        self.stdout.write(
            f"Đã lập chỉ mục {written} bài ({backend.name}) trong {elapsed:.1f} s "
            f"({rate:.0f} bài/s). Indexed {written} stories."
        )
