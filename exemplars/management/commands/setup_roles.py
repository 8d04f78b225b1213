from django.core.management.base import BaseCommand, CommandError

from exemplars.desk.roles import ROLES, WORKFLOW_NAME, setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the groups Phóng viên, Biên tập viên, Quản trị, their permissions "
        "and the moderation workflow with honour verification. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--page",
            type=int,
            help="Id of the page the permissions and workflow attach to (default: the home page).",
        )

    def handle(self, *args, page=None, **options):
        from wagtail.models import Page

        root = None
        if page is not None:
            root = Page.objects.filter(pk=page).first()
            if root is None:
                raise CommandError(f"No page with id {page}.")
        try:
            groups = setup_roles(root)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        for role in ROLES:
            group = groups[role.name]
            self.stdout.write(
                f"{role.name}: {group.permissions.count()} permissions, "
                f"page actions {', '.join(role.page_actions)}"
            )
        self.stdout.write(f"Workflow: {WORKFLOW_NAME}")
