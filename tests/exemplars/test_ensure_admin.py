from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_accounts_are_created_once_and_their_credentials_printed(settings, tmp_path, home):
    settings.VAR_DIR = tmp_path
    call_command("setup_roles", stdout=StringIO())
    out = StringIO()
    call_command("ensure_admin", "--demo-staff", stdout=out)
    password = (tmp_path / "admin-password.txt").read_text().strip()
    assert f"admin / {password}" in out.getvalue()
    admin = authenticate(username="admin", password=password)
    assert admin is not None and admin.is_superuser
    journalist = authenticate(username="phongvien", password=password)
    assert [g.name for g in journalist.groups.all()] == ["Phóng viên"]
    assert not journalist.is_superuser

    again = StringIO()
    call_command("ensure_admin", "--demo-staff", stdout=again)
    assert f"admin / {password}" in again.getvalue()
    assert authenticate(username="admin", password=password) is not None
