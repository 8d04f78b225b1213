"""Production settings: no 500 for a forgotten collectstatic, errors in the log, an
optional reporting hook, and a 500 page that claims nothing more.

The production settings module is imported in a subprocess (it reads its secret
from the environment and must not touch this process's settings).
"""

import importlib
import json
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.test import override_settings

from tests.factories import make_story

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **extra) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "REDIS_", "EXEMPLARS_"))
        and k not in ("DATABASE_URL", "ELASTICSEARCH_URL", "OPENSEARCH_URL")
    }
    env.update(
        DJANGO_SECRET_KEY="production-test-" + "x" * 40,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(tmp_path / "static-never-collected"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT / "site"), str(ROOT)]),
    )
    env.update(extra)
    return env


def python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_production_without_collectstatic_serves_pages_and_logs_the_missing_file(
    tmp_path, client, section, caplog
):
    result = python(
        "import json, newsroom.settings.production as p; print(json.dumps(p.STORAGES))",
        production_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    storages = json.loads(result.stdout)
    story = make_story(title="Người giữ hồn lụa Tân Châu")
    with override_settings(
        STORAGES=storages, STATIC_ROOT=tmp_path / "static-never-collected", DEBUG=False
    ):
        with caplog.at_level(logging.ERROR, logger="newsroom.storage"):
            first = client.get(story.url)
            second = client.get(story.url)
    assert first.status_code == second.status_code == 200
    assert 'href="/static/exemplars/css/site.css"' in first.content.decode()
    missing = [r.getMessage() for r in caplog.records if r.name == "newsroom.storage"]
    assert any("exemplars/css/site.css" in m and "collectstatic" in m for m in missing)
    # Once per file, not once per request.
    assert len(missing) == len(set(missing))


BOOM = """
import logging
import os

from django.urls import path


def boom(request):
    raise RuntimeError("boom-4f2c: the printing press jammed")


urlpatterns = [path("boom/", boom)]


class Collect(logging.Handler):
    # Stands for an error tracker's handler named in DJANGO_ERROR_HANDLER.
    def emit(self, record):
        with open(os.environ["BOOM_HOOK_FILE"], "a", encoding="utf-8") as out:
            out.write(f"{record.levelname} {record.getMessage()}\\n")
"""

REQUEST_BOOM = """
import django
django.setup()
from django.test import Client
response = Client(raise_request_exception=False).get("/boom/", headers={"host": "localhost"})
print(response.status_code)
print(response.content.decode())
"""


@pytest.fixture
def boom_site(tmp_path):
    (tmp_path / "boom_urls.py").write_text(BOOM, encoding="utf-8")
    (tmp_path / "boom_settings.py").write_text(
        'from newsroom.settings.production import *  # noqa\nROOT_URLCONF = "boom_urls"\n',
        encoding="utf-8",
    )
    return tmp_path


def request_boom(boom_site, **env):
    env = production_env(boom_site, DJANGO_SETTINGS_MODULE="boom_settings", **env)
    result = python(REQUEST_BOOM, env)
    status, _, body = result.stdout.partition("\n")
    return int(status), body, result.stderr


def test_a_production_error_is_written_to_stderr_with_its_traceback(boom_site):
    status, body, stderr = request_boom(boom_site)
    assert status == 500
    assert "ERROR django.request" in stderr
    assert "Internal Server Error: /boom/" in stderr
    assert "Traceback" in stderr
    assert "RuntimeError: boom-4f2c: the printing press jammed" in stderr


def test_the_500_page_says_only_that_the_error_was_logged(boom_site):
    status, body, _ = request_boom(boom_site)
    assert status == 500
    assert "lỗi đã được ghi vào nhật ký của máy chủ" in body
    assert "written to its log" in body
    # Nobody is notified unless a reporting hook is configured: the page must not say so.
    for claim in ("báo lỗi", "notified", "đã được báo"):
        assert claim not in body


def test_the_error_reporting_hook_from_the_environment_receives_each_error(boom_site):
    hook_file = boom_site / "hook.log"
    status, _, stderr = request_boom(
        boom_site,
        DJANGO_ERROR_HANDLER="boom_urls.Collect",
        BOOM_HOOK_FILE=str(hook_file),
    )
    assert status == 500
    assert hook_file.read_text(encoding="utf-8") == "ERROR Internal Server Error: /boom/\n"
    assert "Internal Server Error: /boom/" in stderr, "the hook is added to stderr, not instead"


def test_the_log_level_comes_from_the_environment(boom_site):
    status, _, stderr = request_boom(boom_site, DJANGO_LOG_LEVEL="critical")
    assert status == 500
    assert "Internal Server Error" not in stderr


def reload_base(monkeypatch, **env):
    for key in ("DJANGO_ADMINS", "DJANGO_ERROR_HANDLER", "DJANGO_LOG_LEVEL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    import newsroom.settings.base as base

    return importlib.reload(base)


def test_admins_from_the_environment_are_mailed_each_error(monkeypatch):
    base = reload_base(
        monkeypatch, DJANGO_ADMINS="Tòa soạn <loi@baoangiang.vn>, kythuat@baoangiang.vn"
    )
    assert base.ADMINS == [("Tòa soạn", "loi@baoangiang.vn"), ("", "kythuat@baoangiang.vn")]
    assert base.LOGGING["handlers"]["mail_admins"]["class"] == "django.utils.log.AdminEmailHandler"
    assert base.LOGGING["root"]["handlers"] == ["console", "mail_admins"]


def test_without_a_hook_errors_go_to_stderr_only(monkeypatch):
    base = reload_base(monkeypatch)
    assert base.ADMINS == []
    assert base.LOGGING["root"] == {"handlers": ["console"], "level": "INFO"}
    assert base.LOGGING["handlers"]["console"]["stream"] == "ext://sys.stderr"


@pytest.fixture(autouse=True)
def _restore_base_settings():
    yield
    import newsroom.settings.base as base

    importlib.reload(base)


def test_deploy_manage_runs_commands_with_the_servers_environment_and_settings(tmp_path):
    """Cron's `deploy/manage.sh publish_scheduled`: the variables of the env file
    and the production settings, where `manage.py` alone would take the
    development ones (page cache off, so nothing purged)."""
    from tests.site.test_production_server import manage

    env_file = tmp_path / "exemplars.env"
    secret = "from-the-env-file-" + "y" * 40
    # With the server's Redis: production keeps no page cache without a shared one.
    env_file.write_text(
        f"DJANGO_SECRET_KEY={secret}\nDATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n"
        "REDIS_URL=redis://127.0.0.1:1/0\n"
    )
    env = production_env(tmp_path, EXEMPLARS_ENV_FILE=str(env_file))
    del env["DJANGO_SECRET_KEY"], env["DATABASE_URL"]
    env["VENV"] = str(Path(sys.executable).parent.parent)
    code = (
        "from django.conf import settings\n"
        "from exemplars.caching.conf import page_cache_settings\n"
        f"print(settings.SETTINGS_MODULE, settings.SECRET_KEY == {secret!r},"
        " page_cache_settings()['ENABLED'])"
    )
    result = manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["newsroom.settings.production", "True", "True"]
