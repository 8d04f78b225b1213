"""Request bodies held to their limits, and never handed over cut short, by both
serving layers: the ASGI one (exemplars/caching/asgi.py) and the WSGI middleware
for gunicorn's threaded worker (exemplars/caching/limits.py).

The real server, over raw sockets, is tests/site/test_serving_edges.py.
"""

from __future__ import annotations

import asyncio
import io
import sys

import pytest

from exemplars.caching.asgi import PageCacheASGI, wsgi_environ
from exemplars.caching.limits import WholeBodyApplication, body_limit
from tests.exemplars.test_caching_asgi import Recorder, body_of, scope, serve

LIMIT = 1000


@pytest.fixture(autouse=True)
def limits(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT
    settings.EXEMPLARS_ADMIN_UPLOAD_MAX_BYTES = 5000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10


def test_the_admin_has_its_own_limit_and_never_less_than_an_image_takes(settings):
    assert body_limit("/binh-luan/3/") == LIMIT
    assert body_limit("/admin/images/multiple/add/") == 1024 * 1024 + 10
    settings.EXEMPLARS_ADMIN_UPLOAD_MAX_BYTES = 64 * 1024 * 1024
    assert body_limit("/admin/documents/multiple/add/") == 64 * 1024 * 1024
    assert body_limit("/django-admin/") == 64 * 1024 * 1024
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None  # Django's check off: ours is not
    assert body_limit("/binh-luan/3/") == 64 * 1024 * 1024


# -- ASGI ------------------------------------------------------------------------------


class Counting:
    """The ASGI receive side: body messages handed out, counted."""

    def __init__(self, chunks, then_disconnect=False, last_more=False):
        self.messages = [
            {"type": "http.request", "body": c, "more_body": n < len(chunks) - 1 or last_more}
            for n, c in enumerate(chunks)
        ]
        if then_disconnect:
            self.messages.append({"type": "http.disconnect"})
        self.taken = 0

    async def __call__(self):
        self.taken += 1
        return self.messages.pop(0)


def exchange(app, request_scope, receive):
    sent = []

    async def send(message):
        sent.append(message)

    asyncio.run(app(request_scope, receive, send))
    return sent


def post(path, *headers):
    return scope(path, method="POST", headers=list(headers))


def test_asgi_a_declared_length_over_the_limit_is_refused_before_reading():
    recorder = Recorder()
    receive = Counting([b"x" * 10])
    sent = exchange(
        PageCacheASGI(recorder), post("/binh-luan/3/", ("Content-Length", "1001")), receive
    )
    assert sent[0]["status"] == 413 and (b"connection", b"close") in sent[0]["headers"]
    assert receive.taken == 0 and recorder.environ is None


def test_asgi_a_chunked_body_is_refused_once_it_passes_the_limit():
    recorder = Recorder()
    receive = Counting([b"x" * 400] * 10)
    sent = exchange(
        PageCacheASGI(recorder), post("/binh-luan/3/", ("Transfer-Encoding", "chunked")), receive
    )
    assert sent[0]["status"] == 413
    assert receive.taken == 3 and recorder.environ is None  # 1200 bytes: not one message more


def test_asgi_the_admin_takes_more_than_a_reader_form():
    recorder = Recorder()
    body = [b"x" * 600] * 3
    headers = ("Content-Length", "1800")
    sent = exchange(PageCacheASGI(recorder), post("/admin/images/add/", headers), Counting(body))
    assert sent[0]["status"] == 200 and recorder.input == b"".join(body)
    sent = exchange(PageCacheASGI(recorder), post("/binh-luan/3/", headers), Counting(body))
    assert sent[0]["status"] == 413


def test_asgi_a_client_leaving_mid_body_never_reaches_the_application():
    recorder = Recorder()
    receive = Counting([b"name=Lan&text=cut"], then_disconnect=True, last_more=True)
    sent = exchange(
        PageCacheASGI(recorder), post("/binh-luan/3/", ("Content-Length", "500")), receive
    )
    assert recorder.environ is None and sent == []


def test_asgi_a_body_ending_short_of_its_length_is_a_400():
    recorder = Recorder()
    receive = Counting([b"name=Lan&text=cut"])
    sent = exchange(
        PageCacheASGI(recorder), post("/binh-luan/3/", ("Content-Length", "500")), receive
    )
    assert recorder.environ is None and sent[0]["status"] == 400


def test_asgi_header_names_with_underscores_are_dropped():
    environ = wsgi_environ(
        scope(
            "/",
            headers=[
                ("x-forwarded-for", "10.0.0.1"),
                ("x_forwarded_for", "10.9.9.9"),
                ("x_forwarded_proto", "https"),
                ("content_length", "5"),
                ("script_name", "/gia-mao"),
            ],
        )
    )
    assert environ["HTTP_X_FORWARDED_FOR"] == "10.0.0.1"
    assert "HTTP_X_FORWARDED_PROTO" not in environ and "CONTENT_LENGTH" not in environ
    assert environ["SCRIPT_NAME"] == "" and "HTTP_SCRIPT_NAME" not in environ


def test_asgi_a_whole_body_within_the_limit_is_given_to_the_application():
    recorder = Recorder()
    sent = serve(
        PageCacheASGI(recorder),
        post("/binh-luan/3/", ("Content-Length", "1000")),
        body_chunks=[b"a" * 500, b"b" * 500],
    )
    assert body_of(sent) == b"<p>trang</p>" and recorder.input == b"a" * 500 + b"b" * 500


# -- WSGI (gunicorn's threaded worker) ---------------------------------------------------


class Input:
    """gunicorn's wsgi.input: what arrived, then b"" (or an error) when the client left."""

    def __init__(self, data: bytes, error: Exception | None = None):
        self.data = io.BytesIO(data)
        self.error = error
        self.read_bytes = 0

    def read(self, size=-1):
        piece = self.data.read(size)
        if not piece and self.error is not None:
            raise self.error
        self.read_bytes += len(piece)
        return piece


def wsgi_call(path, wsgi_input, content_length=None, chunked=False):
    recorder = Recorder()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "wsgi.input": wsgi_input,
        "wsgi.errors": sys.stderr,
    }
    if content_length is not None:
        environ["CONTENT_LENGTH"] = str(content_length)
    if chunked:
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    sent = []
    result = WholeBodyApplication(recorder)(environ, lambda s, h, e=None: sent.extend([s, h]))
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return sent[0], body, recorder


def test_wsgi_a_declared_length_over_the_limit_is_refused_unread():
    wsgi_input = Input(b"x" * 2000)
    status, _, recorder = wsgi_call("/binh-luan/3/", wsgi_input, content_length=2000)
    assert status.startswith("413") and wsgi_input.read_bytes == 0 and recorder.environ is None


def test_wsgi_a_chunked_body_over_the_limit_is_refused_at_the_limit():
    wsgi_input = Input(b"x" * 100_000)
    status, _, recorder = wsgi_call("/binh-luan/3/", wsgi_input, chunked=True)
    assert status.startswith("413") and wsgi_input.read_bytes == LIMIT + 1
    assert recorder.environ is None


@pytest.mark.parametrize("error", [None, ConnectionResetError(), TimeoutError()])
def test_wsgi_a_body_cut_short_never_reaches_the_application(error):
    status, _, recorder = wsgi_call(
        "/binh-luan/3/", Input(b"name=Lan&text=cut", error), content_length=500
    )
    assert status.startswith("400") and recorder.environ is None


def test_wsgi_a_whole_chunked_body_reaches_the_application_with_its_length():
    status, body, recorder = wsgi_call("/admin/pages/3/edit/", Input(b"y" * 1800), chunked=True)
    assert status.startswith("200") and recorder.input == b"y" * 1800
    assert recorder.environ["CONTENT_LENGTH"] == "1800"


def test_wsgi_a_request_without_a_body_passes_untouched():
    recorder = Recorder()
    wsgi_input = Input(b"")
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "wsgi.input": wsgi_input}
    WholeBodyApplication(recorder)(environ, lambda *a: None)
    assert recorder.environ["wsgi.input"] is wsgi_input
