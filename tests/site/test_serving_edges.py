"""Request bodies and header names at the edge of the production server (issue 20,
items 7-9), over raw sockets against `make serve` (deploy/serve.sh) in both of
gunicorn's worker classes: the ASGI worker (exemplars/caching/asgi.py) and the
threaded one (GUNICORN_WORKER_CLASS=gthread, exemplars/caching/limits.py).

- A body larger than its path allows (exemplars/caching/limits.py, ``body_limit``)
  is refused with 413 as soon as its declared or received length says so, without
  waiting for the rest.
- A body that ends short of its Content-Length (the client left, or shut its side)
  never reaches Django: nothing is stored.
- Header names spelled with underscores (``X_Forwarded_For``, ``Content_Length``,
  ``Script_Name``...) stand in for nothing: not the client's address the rate limit
  reads, not the scheme, not the body's length, not the script prefix.

One demo database; one server per worker class (each start is about half a minute).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from urllib.parse import urlencode

import pytest

from tests.site.test_production_server import (
    PYTHON,
    ROOT,
    START_TIMEOUT,
    Server,
    clean_env,
    database_url,  # noqa: F401  (a fixture)
    free_port,
    manage,
    serving,
)

# The serving layer's edges do not depend on the database: the SQLite pass runs
# them (on its own SQLite file), the PostgreSQL pass would repeat them identically.
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_file]

READER_LIMIT = 2_621_440  # Django's DATA_UPLOAD_MAX_MEMORY_SIZE, which the demo keeps
ADMIN_LIMIT = 50 * 1024 * 1024  # EXEMPLARS_ADMIN_UPLOAD_MAX_BYTES's default
PROMPT = 5.0  # seconds: an answer that waits for a body never sent comes after 30


@pytest.fixture(scope="module")
def demo(tmp_path_factory, database_url):  # noqa: F811
    tmp = tmp_path_factory.mktemp("edges")
    env = clean_env(tmp, database_url, GUNICORN_WORKERS="1", GUNICORN_THREADS="2")
    with open(tmp / "demo.log", "w") as log:
        subprocess.run(
            f"{PYTHON} manage.py migrate --noinput -v0 && {PYTHON} manage.py load_demo"
            f" && {PYTHON} manage.py ensure_admin",
            shell=True,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=START_TIMEOUT,
        )
    return tmp, env


class Site(Server):
    def __init__(self, port, tmp, env, worker):
        super().__init__(port, tmp)
        self.env = env
        self.worker = worker
        # Addresses handed out to requests, so that no two tests share a rate budget.
        self._addresses = iter(range(1, 250))
        self.net = {"asgi": 31, "gthread": 32}[worker]
        _, html = self.get("/")
        # (the comment endpoint, the story page)
        self.story = self._a_story(html.decode())

    def _a_story(self, home):
        for path in dict.fromkeys(re.findall(r'href="(/[a-z0-9/-]+/)"', home)):
            response, html = self.get(path)
            found = re.search(r'action="(/binh-luan/\d+/)"', html.decode())
            if response.status == 200 and found:
                return found.group(1), path
        raise AssertionError("no story with an open comment form on the demo's home page")

    def address(self) -> str:
        return f"10.{self.net}.0.{next(self._addresses)}"

    def token(self) -> str:
        _, html = self.get(self.story[1])
        return re.search(r'name="token" value="([^"]+)"', html.decode()).group(1)

    def comment_body(self, text: str) -> bytes:
        fields = {"token": self.token(), "name": "Lan", "email": "", "text": text}
        return urlencode(fields).encode()

    def stored(self, text: str) -> int:
        """How many comments say ``text`` (asked as the editor would, in a process of its own)."""
        code = (
            "from exemplars.comments.models import Comment;"
            f"print(Comment.objects.filter(text={text!r}).count())"
        )
        env = self.env | {"DJANGO_SECRET_KEY": "edges", "EXEMPLARS_ENV_FILE": os.devnull}
        result = manage(env, "shell", "-c", code)
        assert result.returncode == 0, result.stderr
        return int(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module", params=["asgi", "gthread"])
def site(request, demo):
    tmp, env = demo
    worker = request.param
    port = free_port()
    env = env | {"GUNICORN_WORKER_CLASS": worker}
    log_path = tmp / f"{worker}.log"
    with open(log_path, "w+") as log, serving(env, port, log, log_path):
        yield Site(port, tmp, env, worker)


# -- raw HTTP ------------------------------------------------------------------------


def connect(site, timeout=PROMPT):
    return socket.create_connection(("127.0.0.1", site.port), timeout=timeout)


def head(method, path, *headers) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def read_response(sock) -> tuple[int | None, dict, bytes]:
    """One response off ``sock``: (status, headers, body); (None, {}, b"") when the
    server closed the connection without answering."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            piece = sock.recv(65536)
            if not piece:
                break
            data += piece
    except ConnectionResetError:
        pass
    if b"\r\n\r\n" not in data:
        assert not data, data
        return None, {}, b""
    header_block, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = header_block.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    try:
        while len(body) < length:
            piece = sock.recv(65536)
            if not piece:
                break
            body += piece
    except ConnectionResetError:
        pass
    return int(status_line.split()[1]), headers, body


def ask(site, data: bytes, timeout=PROMPT):
    with connect(site, timeout) as sock:
        sock.sendall(data)
        return read_response(sock)


def post_comment(site, body: bytes, *headers):
    return ask(
        site,
        head(
            "POST",
            site.story[0],
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body)}",
            *headers,
        )
        + body,
    )


# -- item 7: a body over its path's limit -----------------------------------------------


def test_a_whole_comment_is_stored(site):
    """The control for the tests below: this form, posted whole, is a comment."""
    text = f"Bình luận trọn vẹn ({site.worker})"
    status, _, _ = post_comment(site, site.comment_body(text), f"X-Forwarded-For: {site.address()}")
    assert status == 200
    assert site.stored(text) == 1


def test_an_oversized_declared_body_is_refused_before_it_is_sent(site):
    started = time.monotonic()
    with connect(site) as sock:
        sock.sendall(
            head(
                "POST",
                site.story[0],
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {200 * 1024 * 1024}",
                f"X-Forwarded-For: {site.address()}",
            )
        )
        try:
            status, headers, body = read_response(sock)
        except TimeoutError:
            pytest.fail(f"no answer within {PROMPT} s: the server waits for the body")
    assert status == 413, (status, body)
    assert time.monotonic() - started < PROMPT
    # A body one byte over the limit is refused too; one at the limit is not.
    for length, refused in ((READER_LIMIT + 1, True), (READER_LIMIT, False)):
        with connect(site) as sock:
            sock.sendall(
                head("POST", site.story[0], f"Content-Length: {length}", "Content-Type: x/y")
            )
            if refused:
                assert read_response(sock)[0] == 413
            else:
                with pytest.raises(TimeoutError):  # it waits for the body it accepts
                    sock.settimeout(1.0)
                    read_response(sock)


def test_an_oversized_chunked_body_is_refused_once_the_limit_is_passed(site):
    piece = b"x" * 65536
    chunk = b"%x\r\n%s\r\n" % (len(piece), piece)
    sent = 0
    with connect(site) as sock:
        sock.sendall(
            head(
                "POST",
                site.story[0],
                "Content-Type: application/x-www-form-urlencoded",
                "Transfer-Encoding: chunked",
                f"X-Forwarded-For: {site.address()}",
            )
        )
        try:
            # Past the limit, and then the body never ends: only the count can refuse it.
            while sent <= READER_LIMIT + 4 * len(piece):
                sock.sendall(chunk)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused and closed while we were still sending
        try:
            status, headers, _ = read_response(sock)
        except TimeoutError:
            pytest.fail(f"no answer within {PROMPT} s after {sent} bytes")
    assert status == 413


def test_the_admin_takes_larger_bodies_up_to_its_own_limit(site):
    with connect(site) as sock:
        sock.sendall(
            head(
                "POST",
                "/admin/images/multiple/add/",
                "Content-Type: multipart/form-data; boundary=b",
                f"Content-Length: {ADMIN_LIMIT + 1}",
            )
        )
        assert read_response(sock)[0] == 413
    # Over the readers' limit, under the admin's: it reaches Django (which wants a sign-in).
    file_part = b"x" * (READER_LIMIT + 1000)
    body = (
        b'--b\r\nContent-Disposition: form-data; name="files[]"; filename="a.jpg"\r\n'
        b"Content-Type: image/jpeg\r\n\r\n" + file_part + b"\r\n--b--\r\n"
    )
    status, _, _ = ask(
        site,
        head(
            "POST",
            "/admin/images/multiple/add/",
            "Content-Type: multipart/form-data; boundary=b",
            f"Content-Length: {len(body)}",
        )
        + body,
        timeout=30,
    )
    assert status in (302, 403), status


# -- item 8: a body shorter than its Content-Length ------------------------------------


@pytest.mark.parametrize("how", ["shut", "close"])
def test_a_truncated_body_never_reaches_the_application(site, how):
    text = f"Bình luận bị cắt ({site.worker}, {how})"
    body = site.comment_body(text) + b"&website="
    with connect(site) as sock:
        sock.sendall(
            head(
                "POST",
                site.story[0],
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body) + 1000}",
                f"X-Forwarded-For: {site.address()}",
            )
            + body
        )
        if how == "shut":
            sock.shutdown(socket.SHUT_WR)  # the client is done sending: 1000 bytes never come
            status, _, _ = read_response(sock)
            assert status in (None, 400), status
    time.sleep(1.0)  # a request that did run has stored its comment by now
    assert site.stored(text) == 0


# -- item 9: header names with underscores ---------------------------------------------


def test_x_forwarded_for_with_underscores_does_not_change_the_readers_address(site):
    """Behind the proxy (loopback) the rate limit counts the address in X-Forwarded-For.
    An ``X_Forwarded_For`` joined to it would make each post look like another reader."""
    real = site.address()
    statuses = []
    for _ in range(4):
        forged = site.address()
        # Invalid forms (no token): counted against the address all the same.
        status, _, _ = post_comment(
            site, b"text=x", f"X-Forwarded-For: {real}", f"X_Forwarded_For: {forged}"
        )
        statuses.append(status)
    assert statuses == [400, 400, 400, 429]


def hsts(site, *headers) -> str | None:
    """Strict-Transport-Security, which Django sends only over https (request.is_secure())."""
    status, response_headers, _ = ask(site, head("GET", "/khong-co-trang-nay/", *headers))
    assert status == 404
    return response_headers.get("strict-transport-security")


def test_x_forwarded_proto_with_underscores_does_not_make_a_request_secure(site):
    assert hsts(site, "X-Forwarded-Proto: https"), "the proxy's header is believed"
    assert hsts(site, "X_Forwarded_Proto: https") is None
    assert hsts(site, "X-Forwarded-Proto: http", "X_Forwarded_Proto: https") is None


def test_script_name_from_a_header_does_not_move_the_site(site):
    """gunicorn takes SCRIPT_NAME from a trusted proxy's header by default
    (``forwarder_headers``); our proxy never sends one, so nobody may."""
    for name in ("Script_Name", "SCRIPT_NAME", "Script-Name"):
        status, _, body = ask(
            site, head("GET", site.story[1], f"{name}: /gia-mao", "Connection: close")
        )
        assert status == 200, (name, status)
        assert b"/gia-mao" not in body, name


def test_content_length_with_underscores_gives_no_body(site):
    # On a GET: what follows the head is the next request, not a body.
    second = head("GET", "/khong-co-trang-nay/", "Connection: close")
    data = head("GET", "/khong-co-trang-nay/", f"Content_Length: {len(second)}") + second
    with connect(site) as sock:
        sock.sendall(data)
        first, _, _ = read_response(sock)
        following, _, _ = read_response(sock)
    assert (first, following) == (404, 404)
    # On a POST: the form after the head is no body, and is not stored.
    text = f"Bình luận không có Content-Length ({site.worker})"
    body = site.comment_body(text)
    with connect(site) as sock:
        sock.sendall(
            head(
                "POST",
                site.story[0],
                "Content-Type: application/x-www-form-urlencoded",
                f"Content_Length: {len(body)}",
                f"X-Forwarded-For: {site.address()}",
            )
            + body
        )
        status, _, _ = read_response(sock)
    assert status in (400, 411), status
    assert site.stored(text) == 0
