import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from exemplars.desk.roles import EDITORS, JOURNALISTS

# Demo newsroom accounts beside the superuser, so the moderation workflow can be
# tried end to end: a journalist submits, an editor verifies honours and approves.
DEMO_STAFF = (("phongvien", JOURNALISTS), ("bientap", EDITORS))


class Command(BaseCommand):
    help = (
        "Create the demo superuser 'admin' (and, with --demo-staff, a journalist and an "
        "editor) if missing, and print the credentials. The password is generated once "
        "and kept in var/admin-password.txt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--demo-staff",
            action="store_true",
            help="Also create 'phongvien' (Phóng viên) and 'bientap' (Biên tập viên).",
        )

    def handle(self, *args, username, demo_staff, **options):
        secret_file = settings.VAR_DIR / "admin-password.txt"
        User = get_user_model()
        fresh = not secret_file.exists()
        if fresh:
            secret_file.parent.mkdir(parents=True, exist_ok=True)
            secret_file.write_text(secrets.token_urlsafe(12) + "\n")
            secret_file.chmod(0o600)
        password = secret_file.read_text().strip()

        accounts = [(username, None)] + (list(DEMO_STAFF) if demo_staff else [])
        for name, group_name in accounts:
            user = User.objects.filter(username=name).first()
            if user is None:
                if group_name is None:
                    user = User.objects.create_superuser(name, f"{name}@example.com", password)
                else:
                    user = User.objects.create_user(name, f"{name}@example.com", password)
            elif fresh:
                # The password file was lost: give the existing account the new one.
                user.set_password(password)
                user.save(update_fields=["password"])
            if group_name:
                group = Group.objects.filter(name=group_name).first()
                if group is None:
                    self.stderr.write(f"Group {group_name} is missing: run setup_roles first.")
                    continue
                user.groups.add(group)
            label = group_name or "Quản trị / Admin"
            self.stdout.write(self.style.SUCCESS(f"{label}: {name} / {password}"))
        # No address here: `make run` and `make serve` print theirs ($(HOST)).
