from django.core.management.base import BaseCommand

from exemplars.ops.personal_data import purge_expired, retention_settings


class Command(BaseCommand):
    help = (
        "Blank readers' emails and contest participants' phones and emails past their "
        "retention, and delete old rejected or spam comments (see EXEMPLARS_PERSONAL_DATA)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be purged, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        purged = purge_expired(dry_run=dry_run)
        conf = retention_settings()
        verb = "Would purge" if dry_run else "Purged"
        self.stdout.write(
            f"{verb}: {purged.comment_emails} comment emails older than "
            f"{conf['COMMENT_EMAIL_DAYS']} days, {purged.discarded_comments} rejected or spam "
            f"comments older than {conf['DISCARDED_COMMENT_DAYS']} days, "
            f"{purged.contest_contacts} contest contacts of contests closed more than "
            f"{conf['CONTEST_CONTACT_DAYS']} days ago."
        )
