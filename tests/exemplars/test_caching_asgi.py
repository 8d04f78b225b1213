"""The site under gunicorn's ASGI worker: pages in memory answered by the event
loop, everything else by the WSGI application in a pool thread.

The server itself (gunicorn -k asgi, as ``make serve`` runs it) is exercised in
tests/site/test_production_server.py and test_serving_with_redis.py.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading

import pytest
from django.core.handlers.wsgi import get_path_info, get_script_name
from gunicorn.asgi.protocol import ClientDisconnected

from exemplars.caching import asgi
from exemplars.caching.asgi import PageCacheASGI, wsgi_environ
from tests.exemplars.test_caching_near import (  # noqa: F401  (live_app: a fixture)
    hot_story,
    live_app,
    near_of,
    wait_until,
)
from tests.exemplars.test_caching_wsgi import call
from tests.factories import make_home


def scope(path="/", method="GET", query=b"", headers=(), root_path="", raw_path=None):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": raw_path if raw_path is not None else path.encode(),
        "query_string": query,
        "root_path": root_path,
        "headers": [(n.encode(), v.encode()) for n, v in headers],
        "server": ("127.0.0.1", 8000),
        "client": ("10.0.0.7", 51234),
    }


async def exchange(app, request_scope, body_chunks=(b"",), send_fails_after=None):
    """One request through ``app`` in the running loop; the ASGI messages it sent."""
    sent = []
    incoming = [
        {"type": "http.request", "body": chunk, "more_body": n < len(body_chunks) - 1}
        for n, chunk in enumerate(body_chunks)
    ]

    async def receive():
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message):
        if send_fails_after is not None and len(sent) >= send_fails_after:
            raise ClientDisconnected("the reader left")
        sent.append(message)

    await app(request_scope, receive, send)
    return sent


def serve(app, request_scope, **options):
    """Run one request through ``app`` in a loop of its own."""
    return asyncio.run(exchange(app, request_scope, **options))


def body_of(messages):
    return b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")


class Recorder:
    """A WSGI application noting where and with what it was called."""

    def __init__(self, chunks=(b"<p>trang</p>",), fail=False):
        self.chunks = chunks
        self.fail = fail
        self.environ = None
        self.thread = None
        self.input = None
        self.closed = False

    def __call__(self, environ, start_response):
        if self.fail:
            raise RuntimeError("hỏng")
        self.environ = environ
        self.thread = threading.current_thread().name
        self.input = environ["wsgi.input"].read()
        length = sum(len(c) for c in self.chunks)
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(length))])
        recorder = self

        class Result:
            def __iter__(self):
                return iter(recorder.chunks)

            def close(self):
                recorder.closed = True

        return Result()


# -- the environ --------------------------------------------------------------------------


def test_the_environ_is_what_a_wsgi_server_would_give_django():
    path = "/điển-hình/phú quốc/"
    environ = wsgi_environ(
        scope(
            path="/bao" + path,
            raw_path=("/bao" + "/%C4%91i%E1%BB%83n-h%C3%ACnh/ph%C3%BA%20qu%E1%BB%91c/").encode(),
            root_path="/bao",
            query=b"q=thi+%C4%91ua&page=2",
            headers=[
                ("Host", "baoangiang.vn"),
                ("Cookie", "a=1"),
                ("Cookie", "b=2"),
                ("Accept", "text/html"),
                ("Accept", "application/json"),
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Content-Length", "12"),
            ],
        )
    )
    assert get_script_name(environ) == "/bao"
    assert get_path_info(environ) == path
    assert environ["QUERY_STRING"] == "q=thi+%C4%91ua&page=2"
    assert environ["HTTP_COOKIE"] == "a=1; b=2"
    assert environ["HTTP_ACCEPT"] == "text/html,application/json"
    assert environ["CONTENT_TYPE"] == "application/x-www-form-urlencoded"
    assert environ["CONTENT_LENGTH"] == "12" and "HTTP_CONTENT_LENGTH" not in environ
    assert environ["HTTP_HOST"] == "baoangiang.vn"
    assert (environ["REMOTE_ADDR"], environ["SERVER_PORT"]) == ("10.0.0.7", "8000")
    assert environ["wsgi.url_scheme"] == "http" and environ["SERVER_PROTOCOL"] == "HTTP/1.1"


# -- answers --------------------------------------------------------------------------------


def test_a_miss_runs_the_application_in_a_pool_thread_and_is_sent_in_one_piece():
    recorder = Recorder()
    sent = serve(PageCacheASGI(recorder), scope("/bai/"))
    assert recorder.thread.startswith("exemplars-wsgi")
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]
    assert sent[0]["status"] == 200
    assert (b"content-type", b"text/html") in sent[0]["headers"]
    assert sent[1] == {"type": "http.response.body", "body": b"<p>trang</p>", "more_body": False}
    assert recorder.closed


def test_a_page_in_memory_is_answered_by_the_event_loop_without_the_application():
    class InMemory(Recorder):
        def answer_from_memory(self, environ, start_response):
            self.asked = threading.current_thread().name
            start_response("200 OK", [("Content-Type", "text/html"), ("X-Page-Cache", "hit")])
            return [b"<p>nhanh</p>"]

    app = InMemory()
    sent = serve(PageCacheASGI(app), scope("/bai/"))
    assert app.environ is None and app.asked == threading.main_thread().name
    assert (b"x-page-cache", b"hit") in sent[0]["headers"]
    assert body_of(sent) == b"<p>nhanh</p>"


def test_a_request_with_a_body_never_asks_the_memory():
    class InMemory(Recorder):
        def answer_from_memory(self, environ, start_response):
            raise AssertionError("a POST is not a reader's page")

    app = InMemory()
    sent = serve(
        PageCacheASGI(app),
        scope("/binh-luan/", method="POST", headers=[("Content-Length", "5")]),
        body_chunks=[b"ab", b"cde"],
    )
    assert app.input == b"abcde" and sent[0]["status"] == 200


def test_a_chunked_body_is_given_its_length():
    recorder = Recorder()
    serve(
        PageCacheASGI(recorder),
        scope("/binh-luan/", method="POST", headers=[("Transfer-Encoding", "chunked")]),
        body_chunks=[b"noi ", b"dung"],
    )
    assert recorder.input == b"noi dung" and recorder.environ["CONTENT_LENGTH"] == "8"


def test_a_large_upload_reaches_the_application_whole(settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1000  # so it goes to disk
    chunks = [bytes([n]) * 700 for n in range(10)]
    recorder = Recorder()
    serve(
        PageCacheASGI(recorder),
        scope("/admin/images/add/", method="POST", headers=[("Content-Length", "7000")]),
        body_chunks=chunks,
    )
    assert hashlib.sha256(recorder.input).digest() == hashlib.sha256(b"".join(chunks)).digest()


def test_a_streamed_answer_is_sent_piece_by_piece():
    recorder = Recorder(chunks=(b"mot ", b"", b"hai ", b"ba"))
    sent = serve(PageCacheASGI(recorder), scope("/rss/"))
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    assert [m["body"] for m in bodies] == [b"mot ", b"hai ", b"ba"]
    assert [m["more_body"] for m in bodies] == [True, True, False]


def test_head_gets_the_headers_without_the_body():
    recorder = Recorder()
    sent = serve(PageCacheASGI(recorder), scope("/bai/", method="HEAD"))
    assert (b"content-length", b"12") in sent[0]["headers"]
    assert body_of(sent) == b""


def test_a_reader_who_leaves_stops_the_answer_and_closes_it():
    recorder = Recorder(chunks=(b"a", b"b", b"c"))
    sent = serve(PageCacheASGI(recorder), scope("/bai/"), send_fails_after=1)
    assert len(sent) == 1 and recorder.closed


def test_an_application_that_raises_gets_a_plain_500_and_a_log(caplog):
    with caplog.at_level(logging.ERROR, logger="exemplars.caching"):
        sent = serve(PageCacheASGI(Recorder(fail=True)), scope("/bai/"))
    assert sent[0]["status"] == 500 and body_of(sent) == b"Internal Server Error"
    assert "hỏng" in caplog.text


def test_the_lifespan_is_acknowledged():
    sent = []
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]

    async def run():
        async def receive():
            return incoming.pop(0)

        async def send(message):
            sent.append(message)

        await PageCacheASGI(Recorder())({"type": "lifespan"}, receive, send)

    asyncio.run(run())
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


# -- with Django and a real Redis -----------------------------------------------------------


@pytest.mark.django_db
def test_a_hot_page_is_the_bytes_django_sent_and_a_purge_reaches_it(live_app):  # noqa: F811
    from exemplars.caching import store

    app, django_app = live_app
    # Rendered by Django and stored in Redis, then read from Redis into memory.
    story, first, _ = hot_story(app, "Gương sáng Phú Quốc")
    server = PageCacheASGI(app)
    # The same request as ``call`` made: the key holds the server's port too.
    request = scope(story.url, headers=[("Host", "localhost")]) | {"server": ("localhost", 80)}
    sent = serve(server, request)
    assert django_app.calls == 1
    assert body_of(sent) == first.body
    headers = dict(sent[0]["headers"])
    assert headers[b"x-page-cache"] == b"hit" and headers[b"etag"] == first["ETag"].encode()

    conditional = request | {
        "headers": [(b"host", b"localhost"), (b"if-none-match", first["ETag"].encode())]
    }
    assert serve(server, conditional)[0]["status"] == 304

    store.PageStore(app._config.conf).purge_paths([story.url])
    assert wait_until(lambda: app.answer_from_memory(wsgi_environ(request), lambda *a: 0) is None)


def test_a_file_is_streamed_in_large_pieces_and_closed():
    import io

    class Download(io.BytesIO):
        closed_by_server = False

        def close(self):
            Download.closed_by_server = True
            super().close()

    content = bytes(range(256)) * 1000  # 256 kB

    def application(environ, start_response):
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return environ["wsgi.file_wrapper"](Download(content), 4096)

    sent = serve(PageCacheASGI(application), scope("/media/anh.jpg"))
    pieces = [m["body"] for m in sent if m["type"] == "http.response.body"]
    assert b"".join(pieces) == content and len(pieces) == 4
    assert Download.closed_by_server


def test_readers_of_a_page_being_rendered_wait_for_it_instead_of_rendering_it_again():
    """A purged hot page: one request per worker renders it, the rest read the result."""
    from exemplars.caching.wsgi import MISSED_KEY

    class Worker:
        def __init__(self):
            self.memory = {}
            self.rendered = []

        def answer_from_memory(self, environ, start_response):
            page = environ["PATH_INFO"]
            if page not in self.memory:
                environ[MISSED_KEY] = page
                return None
            start_response("200 OK", [("Content-Type", "text/html")])
            return [self.memory[page]]

        def __call__(self, environ, start_response):
            page = environ["PATH_INFO"]
            self.rendered.append(page)
            threading.Event().wait(0.2)  # Django rendering
            self.memory[page] = f"<p>{page}</p>".encode()
            start_response("200 OK", [("Content-Type", "text/html")])
            return [self.memory[page]]

    worker = Worker()
    app = PageCacheASGI(worker)

    async def readers():
        pages = [*(["/bai-hot/"] * 8), "/bai-khac/"]
        return await asyncio.gather(*(exchange(app, scope(page)) for page in pages))

    bodies = [body_of(sent) for sent in asyncio.run(readers())]
    assert bodies[:8] == [b"<p>/bai-hot/</p>"] * 8 and bodies[8] == b"<p>/bai-khac/</p>"
    assert sorted(worker.rendered) == ["/bai-hot/", "/bai-khac/"]
    assert app._rendering == {}


def test_when_the_leader_stores_nothing_the_others_are_answered_by_the_application():
    from exemplars.caching.wsgi import MISSED_KEY

    calls = []

    class NotFound:
        def answer_from_memory(self, environ, start_response):
            environ[MISSED_KEY] = environ["PATH_INFO"]
            return None

        def __call__(self, environ, start_response):
            calls.append(environ["PATH_INFO"])
            threading.Event().wait(0.05)
            start_response("404 Not Found", [("Content-Type", "text/html")])
            return [b"<p>Kh\xc3\xb4ng c\xc3\xb3</p>"]

    app = PageCacheASGI(NotFound())

    async def readers():
        return await asyncio.gather(*(exchange(app, scope("/khong-co/")) for _ in range(4)))

    assert [sent[0]["status"] for sent in asyncio.run(readers())] == [404] * 4
    assert len(calls) == 4 and app._rendering == {}


@pytest.mark.django_db
def test_while_redis_is_unreachable_no_reader_waits_for_another(live_app):  # noqa: F811
    from exemplars.caching.wsgi import MISSED_KEY

    app, _ = live_app
    make_home()
    call(app, "/")  # starts this worker's near cache
    assert wait_until(lambda: near_of(app).live)
    request = scope("/khac/", headers=[("Host", "localhost")]) | {"server": ("localhost", 80)}
    environ = wsgi_environ(request)
    assert app.answer_from_memory(environ, lambda *a: 0) is None and MISSED_KEY in environ
    near_of(app).live = False  # as while the listening connection is down
    environ = wsgi_environ(request)
    assert app.answer_from_memory(environ, lambda *a: 0) is None and MISSED_KEY not in environ


def test_a_request_cancelled_after_its_reader_left_keeps_its_body_while_it_runs(monkeypatch):
    """gunicorn cancels a request's task some seconds after the reader left: a
    request still queued is dropped with its body, one running keeps the body
    until its thread is done with it."""
    release = threading.Event()
    seen = []

    def application(environ, start_response):
        release.wait(5)
        seen.append(environ["wsgi.input"].read())  # still open: the thread owns it
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"xong"]

    app = PageCacheASGI(application, threads=1)
    bodies = {}
    read_body = asgi._read_body

    async def keep(receive, environ):
        bodies[environ["PATH_INFO"]] = await read_body(receive, environ)
        return bodies[environ["PATH_INFO"]]

    monkeypatch.setattr(asgi, "_read_body", keep)

    async def post(path):
        request = scope(path, method="POST", headers=[("Content-Length", "8")])
        await exchange(app, request, body_chunks=[b"noi dung"], send_fails_after=0)

    async def run():
        running = asyncio.ensure_future(post("/dang-chay/"))
        await asyncio.sleep(0.05)
        queued = asyncio.ensure_future(post("/dang-cho/"))
        await asyncio.sleep(0.05)
        for task in (running, queued):
            task.cancel()
        await asyncio.gather(running, queued, return_exceptions=True)
        assert bodies["/dang-cho/"].closed and not bodies["/dang-chay/"].closed
        release.set()
        await asyncio.get_running_loop().run_in_executor(None, app._pool.shutdown)

    asyncio.run(run())
    assert seen == [b"noi dung"] and bodies["/dang-chay/"].closed
