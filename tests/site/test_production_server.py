"""`make serve`'s production server: deploy/serve.sh (collectstatic, then gunicorn with
settings/production.py) on a free port, over a fresh database with the demo (SQLite,
or PostgreSQL on the suite's PostgreSQL pass).

Slow for a test (a migrate and a collectstatic, about half a minute), so one server
is shared by the module.
"""

import gzip
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
START_TIMEOUT = 240  # seconds: the machine running the suite may be busy

pytestmark = pytest.mark.slow


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    """A fresh SQLite file; on the suite's PostgreSQL pass, a database of its own on the
    same server (gunicorn runs in other processes: it cannot see a test's transaction)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'db.sqlite3'}"
        return
    import dj_database_url
    import psycopg

    params = dj_database_url.parse(url)
    name = f"{params['NAME']}_serve"
    server = psycopg.connect(
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


def clean_env(tmp, database_url="", **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "ELASTICSEARCH_", "GUNICORN_"))
    }
    env.update(
        DATABASE_URL=database_url or f"sqlite:///{tmp / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        EXEMPLARS_VAR_DIR=str(tmp / "var"),
        VENV=str(Path(PYTHON).parent.parent),
        **extra,
    )
    return env


def wait_until_listening(serve, port, log_tail):
    """Until the server answers on ``port``; fails with its log if it stops or never does."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert serve.poll() is None, f"the server stopped:\n{log_tail()}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"no server on :{port}\n{log_tail()}"
            time.sleep(0.5)


def manage(env, *args) -> subprocess.CompletedProcess:
    """``deploy/manage.sh …``: manage.py as the server runs it (production settings)."""
    return subprocess.run(
        ["bash", "deploy/manage.sh", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@contextmanager
def serving(env, port, log, log_path):
    """``deploy/serve.sh`` on ``port``, as `make serve` runs it, until the block ends."""
    serve = subprocess.Popen(
        ["bash", "deploy/serve.sh"],
        cwd=ROOT,
        env=env | {"HOST": f"127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def log_tail():
        log.flush()
        return log_path.read_text()[-3000:]

    try:
        wait_until_listening(serve, port, log_tail)
        yield serve
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGTERM)
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(serve.pid, signal.SIGKILL)
                serve.wait()


class Server:
    def __init__(self, port, tmp):
        self.port = port
        self.log_path = tmp / "server.log"
        self.admin_password = (tmp / "var" / "admin-password.txt").read_text().strip()

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response, response.read()
        finally:
            conn.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, database_url):
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = clean_env(tmp, database_url, GUNICORN_WORKERS="1", GUNICORN_THREADS="2")
    log = open(tmp / "server.log", "w+")
    # The demo database and the server's collectstatic run side by side: gunicorn
    # touches the database only when a request comes, after both are done.
    demo = subprocess.Popen(
        [
            "bash",
            "-c",
            f"{PYTHON} manage.py migrate --noinput -v0 && {PYTHON} manage.py load_demo"
            f" && {PYTHON} manage.py ensure_admin",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        with serving(env, port, log, tmp / "server.log"):
            assert demo.wait(timeout=START_TIMEOUT) == 0, (tmp / "server.log").read_text()[-3000:]
            yield Server(port, tmp)
    finally:
        demo.kill()
        log.close()


@pytest.fixture(scope="module")
def home_html(server):
    response, body = server.get("/")
    assert response.status == 200
    return body.decode()


def test_pages_are_served_over_plain_http_and_compressed(server, home_html):
    response, body = server.get("/", **{"Accept-Encoding": "gzip"})
    assert response.status == 200, "a local demo must not redirect to https"
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.getheader("Vary")
    html = gzip.decompress(body).decode()
    assert "<html" in html
    assert len(body) < len(html.encode()) / 2
    assert response.getheader("Server").startswith("gunicorn")


def hashed_static_urls(html):
    return re.findall(r'/static/[^"\']+\.[0-9a-f]{12}\.(?:css|js)', html)


def test_hashed_static_files_are_cached_for_a_year_and_precompressed(server, home_html):
    urls = hashed_static_urls(home_html)
    assert urls, "pages name their CSS/JS by hashed (manifest) names"
    plain_response, plain = server.get(urls[0])
    assert plain_response.status == 200
    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        response, body = server.get(urls[0], **{"Accept-Encoding": encoding})
        assert response.status == 200
        assert response.getheader("Content-Encoding") == encoding
        assert decode(body) == plain
        cache_control = response.getheader("Cache-Control")
        max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
        assert max_age >= 365 * 24 * 3600
        assert "immutable" in cache_control and "public" in cache_control


def test_the_server_starts_without_logging_errors(server, home_html):
    # WhiteNoise asks the manifest about every collected file when it starts; names
    # that only look hashed (core.js.LICENSE.txt) must not be logged as missing.
    log = server.log_path.read_text()
    assert "ERROR" not in log, log[-2000:]


def test_the_asgi_worker_answers_and_the_threaded_one_still_can(server, home_html, database_url):
    """`make serve` runs gunicorn's ASGI worker; GUNICORN_WORKER_CLASS=gthread
    serves the same site with gunicorn's threaded workers."""
    response, _ = server.get("/")
    assert response.getheader("Server") == "gunicorn/asgi"
    tmp = server.log_path.parent
    port = free_port()
    env = clean_env(tmp, database_url, GUNICORN_WORKERS="1", GUNICORN_WORKER_CLASS="gthread")
    with open(tmp / "gthread.log", "w+") as log, serving(env, port, log, tmp / "gthread.log"):
        threaded = Server(port, tmp)
        for _ in range(2):
            response, body = threaded.get("/")
            assert response.status == 200
            assert response.getheader("Server") == "gunicorn"
            assert body.decode() == home_html
        response, _ = threaded.get("/admin/login/")
        assert response.status == 200
    assert "Using worker: gthread" in (tmp / "gthread.log").read_text()


def test_a_missing_static_file_is_a_404(server):
    response, _ = server.get("/static/exemplars/css/no-such-file.css")
    assert response.status == 404


def cookies(response):
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return jar


def test_an_editor_can_sign_in_over_plain_http_and_is_never_cached(server):
    response, body = server.get("/admin/login/")
    assert response.status == 200
    csrf = cookies(response)["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    form = urlencode({"username": "admin", "password": server.admin_password})
    response, _ = server.request(
        "POST",
        "/admin/login/",
        body=f"{form}&csrfmiddlewaretoken={token}",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
        },
    )
    assert response.status == 302, "the login form was refused"
    session = cookies(response)["sessionid"]
    assert not session["secure"], "a plain-HTTP demo cannot send a Secure cookie back"
    response, _ = server.get("/admin/", Cookie=f"sessionid={session.value}")
    assert response.status == 200
    response, _ = server.get("/", Cookie=f"sessionid={session.value}")
    assert "private" in response.getheader("Cache-Control", "")


def test_demo_media_are_served(server, home_html):
    media = re.findall(r'/media/[^"\'\s]+\.(?:jpg|jpeg|png|webp)', home_html)
    assert media, "the demo home shows images"
    response, body = server.get(media[0])
    assert response.status == 200 and body


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = clean_env(tmp_path, DJANGO_SETTINGS_MODULE="newsroom.settings.production")
    result = subprocess.run(
        [PYTHON, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
