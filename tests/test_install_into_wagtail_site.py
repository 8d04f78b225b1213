"""The extension installs into a site it did not create, exactly as the README says.

The README's install section is run literally: its shell blocks line by line,
its settings appended to the settings of a fresh ``wagtail start`` project, its
URL lines put before Wagtail's catch-all. ``pip install`` installs the wheel
built from this checkout into a fresh virtualenv (its dependencies come from
this one's site-packages, so nothing is downloaded), and the site runs on that
virtualenv: what is tested is what the wheel holds. Then every reader URL the
extension provides is opened twice on a running server, with the site's own
home page and its own ``/rss/``, ``/sitemap.xml`` and ``robots.txt`` left alone.
"""

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
# Replaced by the fresh virtualenv's bin/ once the wheel is installed there.
BIN = Path(sys.executable).parent
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


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


def clean_env(**extra) -> dict:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    env.update(extra)
    return env


def run(args, cwd, env=None):
    result = subprocess.run(
        args, cwd=cwd, env=env or clean_env(), capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def run_readme_commands(block: str, cwd: Path) -> tuple[Path, dict[str, str]]:
    """Runs a README shell block; returns the folder it ends in and each command's output."""
    outputs = {}
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if not words:
            continue
        program, args = words[0], words[1:]
        if program == "pip":
            assert args[0] == "install" and any("exemplars" in a for a in args), line
            install_wheel(cwd)
            continue
        if program == "cp":
            assert args[:2] == ["-r", "/path/to/exemplars/demo"], line
            shutil.copytree(REPO / "demo", cwd / "demo")
            continue
        if program == "mkdir":
            (cwd / args[0]).mkdir()
            continue
        if program == "cd":
            cwd = cwd / args[0]
            continue
        assert program in ("wagtail", "python"), f"README command the test cannot run: {line}"
        env = clean_env()
        if args[:2] == ["manage.py", "createsuperuser"]:
            # The one interactive step: its answers come from the environment.
            args += ["--noinput", "--username", "admin", "--email", "admin@example.com"]
            env["DJANGO_SUPERUSER_PASSWORD"] = "install-test-password"
        result = run([str(BIN / program), *args], cwd=cwd, env=env)
        outputs[" ".join(words)] = result.stdout + result.stderr
    return cwd, outputs


def install_wheel(workdir: Path) -> None:
    """Builds the wheel and installs it alone into a new virtualenv; BIN becomes its bin/."""
    global BIN
    # From a clean copy: setuptools packs whatever an earlier build left in build/.
    source = workdir / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    wheels = workdir / "wheels"
    built = run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(wheels)], source)
    assert not re.findall(r"\w*Warning\b", built.stdout + built.stderr), built.stderr
    [wheel] = wheels.glob("exemplars-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped_demo = [
        n for n in names if re.search(r"(^|/)(demo|search_benchmark)\b|ensure_admin", n)
    ]
    assert not shipped_demo, shipped_demo
    assert {n.split("/")[0] for n in names} == {
        "exemplars",
        "exemplars_search",
        "exemplars-0.2.0.dist-info",
    }
    venv = workdir / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], workdir)
    site_packages = Path(run([str(venv / "bin" / "python"), "-c", PURELIB], workdir).stdout.strip())
    # This virtualenv's packages, after the new one's: its .pth files (the editable
    # install of this checkout among them) are not read from a path line.
    ours = run([sys.executable, "-c", PURELIB], workdir).stdout.strip()
    (site_packages / "dependencies.pth").write_text(ours + "\n", encoding="utf-8")
    run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
        + ["--no-deps", "--no-index", str(wheel)],
        workdir,
    )
    # The wagtail command of this virtualenv only copies the project template.
    (venv / "bin" / "wagtail").symlink_to(BIN / "wagtail")
    BIN = venv / "bin"
    where = run([str(BIN / "python"), "-c", WHERE], workdir).stdout.strip().splitlines()
    assert all(Path(w).is_relative_to(site_packages) for w in where), where


NOT_SOURCE = (".git", ".venv", "build", "*.egg-info", "node_modules", "media", "var", "*.sqlite3")
NOT_SOURCE += ("test-artifacts", "__pycache__", ".hypothesis", ".ruff_cache")
PURELIB = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
WHERE = "import exemplars, exemplars_search; print(exemplars.__file__); print(exemplars_search.__file__)"


def install_settings_and_urls(site: Path) -> None:
    settings_file = site / "outlet" / "settings" / "base.py"
    settings_file.write_text(
        settings_file.read_text() + "\n" + readme_block("install-settings"), encoding="utf-8"
    )
    urls_file = site / "outlet" / "urls.py"
    urls = urls_file.read_text()
    starter_search = '    path("search/", search_views.search, name="search"),\n'
    assert starter_search in urls, "wagtail start no longer routes /search/ to its starter view"
    urls = urls.replace(starter_search, "")
    urls = urls.replace(
        '    path("", include(wagtail_urls)),',
        readme_block("install-urls").rstrip("\n") + '\n    path("", include(wagtail_urls)),',
    )
    urls_file.write_text(urls, encoding="utf-8")


def shell(site: Path, code: str) -> dict:
    """Runs ``code`` in the site's shell; it prints one JSON line last."""
    out = run([str(BIN / "python"), "manage.py", "shell", "-c", code], cwd=site).stdout
    return json.loads(out.strip().splitlines()[-1])


FIND_URLS = """
import json
from exemplars.models import CampaignPage, ExemplarHomePage, ExemplarStoryPage, SectionPage
from wagtail.models import Site
site = Site.objects.get(is_default_site=True)
print(json.dumps({
    "root_type": type(site.root_page.specific).__name__,
    "home": ExemplarHomePage.objects.get().url,
    "section_pk": SectionPage.objects.live().first().pk,
    "campaign": CampaignPage.objects.live().first().campaign.slug,
    "pages": [
        page.url
        for model in (SectionPage, CampaignPage, ExemplarStoryPage)
        for page in model.objects.live()[:1]
    ],
}))
"""

ROLES = """
import json
from django.contrib.auth.models import Group
from wagtail.models import WorkflowPage
from exemplars.models import ExemplarHomePage
print(json.dumps({
    "groups": sorted(Group.objects.values_list("name", flat=True)),
    "workflow": WorkflowPage.objects.filter(page=ExemplarHomePage.objects.get()).exists(),
}))
"""


class Server:
    def __init__(self, site: Path):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(BIN / "python"), "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=site,
            env=clean_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )

    def get(self, path: str) -> tuple[int, bytes]:
        url = f"http://127.0.0.1:{self.port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=30) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def wait(self) -> None:
        for _ in range(120):
            try:
                self.get("/")
                return
            except OSError:
                time.sleep(0.5)
        pytest.fail("the generated site never answered")

    def stop(self) -> str:
        self.process.terminate()
        out, _ = self.process.communicate(timeout=10)
        return out.decode("utf-8", "replace")


def test_extension_installs_into_a_fresh_wagtail_start_site(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the generated site uses its own SQLite file; this runs in the SQLite pass")
    site, _ = run_readme_commands(readme_block("install-start"), tmp_path)
    assert (site / "manage.py").exists() and (site / "search" / "views.py").exists()
    install_settings_and_urls(site)
    _, outputs = run_readme_commands(readme_block("install-commands"), site)

    check = outputs["python manage.py check"]
    assert "exemplars." not in check, check
    # The wheel holds no demo: load_demo exists only once the checkout's demo app is added.
    assert "load_demo" not in run([str(BIN / "python"), "manage.py", "help"], site).stdout
    settings_file = site / "outlet" / "settings" / "base.py"
    settings_file.write_text(
        settings_file.read_text() + "\n" + readme_block("install-demo-settings"),
        encoding="utf-8",
    )
    run_readme_commands(readme_block("install-demo"), site)
    run_readme_commands(readme_block("install-roles"), site)
    roles = shell(site, ROLES)
    assert {"Biên tập viên", "Phóng viên", "Quản trị"} <= set(roles["groups"])
    assert roles["workflow"], "setup_roles attached no workflow to the exemplar home page"

    found = shell(site, FIND_URLS)
    # --keep-root: the outlet's own home page still answers at /.
    assert found["root_type"] == "HomePage"
    home = found["home"]
    assert home != "/" and home.startswith("/")

    server = Server(site)
    try:
        server.wait()
        # The outlet's own root addresses stay its own (here: nothing answers them).
        for taken in ("/rss/", "/atom/", "/sitemap.xml", "/robots.txt"):
            assert server.get(taken)[0] == 404, taken
        status, sitemap = server.get("/dien-hinh/sitemap.xml")
        assert status == 200, sitemap[:2000]
        pages = [
            urlsplit(loc.text).path
            for loc in ET.fromstring(sitemap).findall("sm:url/sm:loc", SITEMAP_NS)
        ]
        for route in ("dien-hinh/", "dia-phuong/", "linh-vuc/"):
            assert any(route in p for p in pages), f"the sitemap lists no {route} page"
        # A section, a campaign page and a story, each listed with the URL it answers at.
        assert set(found["pages"]) <= set(pages), found["pages"]
        reader_urls = [
            "/",
            "/search/",
            "/search/?q=dien+hinh+tien+tien",
            f"/search/?q=hien+mau&campaign={found['campaign']}",
            "/api/search/?q=dien+hinh",
            "/api/search/suggest/?q=guong",
            "/api/openapi.json",
            "/api/v2/pages/?type=exemplars.ExemplarStoryPage&fields=*",
            "/api/v2/images/",
            "/api/v2/campaigns/?fields=*",
            "/api/v2/exemplars/?fields=*",
            "/api/v2/localities/",
            "/api/v2/fields/",
            "/dien-hinh/rss/",
            "/dien-hinh/atom/",
            f"/dien-hinh/rss/chuyen-muc/{found['section_pk']}/",
            f"/dien-hinh/atom/chuyen-muc/{found['section_pk']}/",
            f"/dien-hinh/rss/phong-trao/{found['campaign']}/",
            f"/dien-hinh/atom/phong-trao/{found['campaign']}/",
            "/dien-hinh/sitemap.xml",
            "/dien-hinh/news-sitemap.xml",
            "/su-kien/",
            *pages,
        ]
        failures = []
        for path in reader_urls:
            for attempt in ("first", "second"):
                status, body = server.get(path)
                if status != 200:
                    failures.append(f"{path} ({attempt} request): {status}")
        assert not failures, "\n".join(failures)

        status, body = server.get("/api/search/?q=dien+hinh")
        hits = json.loads(body)["results"]
        assert hits and all(h["url"].startswith(home) for h in hits)
        status, body = server.get("/search/?q=dien+hinh")
        assert "kết quả" in body.decode("utf-8")
    finally:
        log = server.stop()
    assert "Traceback" not in log, log
