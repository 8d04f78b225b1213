from django.core.management.base import BaseCommand, CommandError

from exemplars_search import backends, fallback


class Command(BaseCommand):
    help = (
        "Send the search index changes queued while the search cluster was unreachable, "
        "oldest first, the last change to each story only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=fallback.REPLAY_BATCH, help="Changes per request."
        )

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        pending = fallback.pending_count()
        if not pending:
            self.stdout.write("Nothing queued.")
            return
        backend = backends.get_backend()
        if not getattr(backend, "remote", False):
            # Queued for a remote backend the settings no longer use: the
            # database index already has these changes (it was written first).
            raise CommandError(
                f"{pending} changes are queued, but the search backend is {backend.name!r}, "
                "which keeps no queue. Set ELASTICSEARCH_URL or OPENSEARCH_URL, "
                "or run rebuild_search_index."
            )
        if fallback.rebuilding(backend.name):
            # Replaying now would write into the index about to be replaced;
            # the rebuild replays the queue itself when it swaps.
            self.stdout.write(f"A rebuild is running; {pending} changes wait for it.")
            return
        report = fallback.replay(backend, batch_size=batch_size)
        self.stdout.write(
            f"Replayed {report.replayed} changes ({report.coalesced} superseded by later ones); "
            f"{report.remaining} left."
        )
        if report.failed:
            raise CommandError(f"{report.failed} changes stay queued: {report.error}")
