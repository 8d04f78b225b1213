"""The extension installs into a site it did not create.

`wagtail start` makes a project that already has its own `search` app; we add
our apps exactly as the README tells an outlet to, migrate, publish a story and
fetch it from a running server.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.slow

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_block(name: str) -> str:
    """The code block of the README that follows the marker comment ``name``."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- {name} -->\s*```\w*\n(.*?)```", text, re.S)
    assert match, f"README.md has no block marked <!-- {name} -->"
    return match.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args, cwd, **kwargs):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, **kwargs
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


PUBLISH_STORY = """
from wagtail.models import Page, Site
from exemplars.models import ExemplarHomePage, SectionPage, ExemplarStoryPage, Campaign
outlet_home = Site.objects.get(is_default_site=True).root_page
landing = outlet_home.add_child(instance=ExemplarHomePage(title="Điển hình tiên tiến", slug="dien-hinh"))
section = landing.add_child(instance=SectionPage(title="Gương sáng", slug="guong-sang"))
story = section.add_child(instance=ExemplarStoryPage(
    title="Người giữ hồn lụa Tân Châu", slug="lua-tan-chau",
    intro="Bà Đàm Thị Lệ giữ nghề dệt lụa.",
    body=[("paragraph", "<p>Điển hình tiên tiến trong phong trào thi đua.</p>")]))
for page in (landing, section, story):
    page.save_revision().publish()
story.campaigns.add(Campaign.objects.create(name="Phụ nữ tích cực học tập, lao động sáng tạo"))
story.save_revision().publish()
print(Page.objects.get(pk=story.pk).specific.url)
"""


def test_extension_installs_into_a_fresh_wagtail_start_site(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the generated site uses its own SQLite file; this runs in the SQLite pass")
    bin_dir = Path(sys.executable).parent
    run([str(bin_dir / "wagtail"), "start", "outlet"], cwd=tmp_path)
    site = tmp_path / "outlet"
    assert (site / "search" / "views.py").exists(), "wagtail start no longer makes a search app"

    settings_file = site / "outlet" / "settings" / "base.py"
    settings_file.write_text(
        settings_file.read_text() + "\n" + readme_block("install-settings"), encoding="utf-8"
    )
    urls_file = site / "outlet" / "urls.py"
    urls = urls_file.read_text()
    # The README's step: our search takes /search/ instead of the starter one.
    urls = urls.replace('    path("search/", search_views.search, name="search"),\n', "")
    urls = urls.replace(
        '    path("", include(wagtail_urls)),',
        readme_block("install-urls").rstrip("\n") + '\n    path("", include(wagtail_urls)),',
    )
    urls_file.write_text(urls, encoding="utf-8")

    python = str(bin_dir / "python")
    run([python, "manage.py", "migrate", "--noinput"], cwd=site)
    url = (
        run([python, "manage.py", "shell", "-c", PUBLISH_STORY], cwd=site)
        .stdout.strip()
        .splitlines()[-1]
    )
    assert url.startswith("/")

    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=site,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = None
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=5) as resp:
                    assert resp.status == 200
                    body = resp.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
        assert body is not None, "the generated site never answered"
        assert "Người giữ hồn lụa Tân Châu" in body
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/api/search/?q=dien+hinh+tien+tien", timeout=10
        ) as resp:
            assert b"lua-tan-chau" in resp.read()
    finally:
        server.terminate()
        server.wait(timeout=10)
