import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demo superuser 'admin' if missing and print its credentials. "
        "The password is generated once and kept in var/admin-password.txt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        secret_file = settings.VAR_DIR / "admin-password.txt"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if secret_file.exists():
            password = secret_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            secret_file.parent.mkdir(parents=True, exist_ok=True)
            secret_file.write_text(password + "\n")
            secret_file.chmod(0o600)
            if user:
                # The file was lost: give the existing account the new password.
                user.set_password(password)
                user.save(update_fields=["password"])
        if user is None:
            User.objects.create_superuser(username, "admin@example.com", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Quản trị / Admin: http://127.0.0.1:8000/admin/  {username} / {password}"
            )
        )
