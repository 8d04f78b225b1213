"""The page cache's WSGI layer: cached reader pages answered before Django runs."""

from __future__ import annotations

import io
import sys

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from exemplars.caching import store
from exemplars.caching.wsgi import PageCacheApplication
from tests.factories import make_campaign_page, make_home, make_section, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(page_cache):
    # As Django's test client: the test's transaction outlives each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def section():
    make_home()
    return make_section()


class Django:
    """Django's own WSGI handler, counting the requests that reach it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def django_app():
    return Django()


@pytest.fixture
def app(django_app):
    return PageCacheApplication(django_app)


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.code = int(status.split()[0])
        self.headers = headers
        self.body = body

    def __getitem__(self, name):
        values = [v for n, v in self.headers if n.lower() == name.lower()]
        if not values:
            raise KeyError(name)
        return values[-1]

    def get(self, name, default=None):
        try:
            return self[name]
        except KeyError:
            return default


def call(app, path, method="GET", query="", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "localhost",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    sent = []
    result = app(environ, lambda status, headers, exc_info=None: sent.extend([status, headers]))
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Answer(sent[0], sent[1], body)


def test_a_cached_page_is_answered_without_django_byte_for_byte(
    app, django_app, page_cache, section
):
    story = make_story(title="Bài đọc nhiều")
    first = call(app, story.url)
    assert first.code == 200 and first["X-Page-Cache"] == "miss"
    assert "Bài đọc nhiều" in first.body.decode()
    assert django_app.calls == 1

    again = call(app, story.url)
    assert django_app.calls == 1
    assert again.status == first.status and again.body == first.body
    assert again["X-Page-Cache"] == "hit" and again["Age"] == "0"
    # The headers Django and its middleware sent (CSP, Cache-Control, ETag…), unchanged.
    skip = {"x-page-cache", "age"}
    assert [h for h in again.headers if h[0].lower() not in skip] == [
        h for h in first.headers if h[0].lower() not in skip
    ]
    assert "public" in again["Cache-Control"] and again["Content-Security-Policy"]


def test_a_published_change_shows_on_the_next_request(
    app, django_app, page_cache, section, django_capture_on_commit_callbacks
):
    campaign_page = make_campaign_page()
    story = make_story(title="Tiêu đề cũ")
    pages = [story.url, section.url, "/", campaign_page.url]
    for url in pages:
        call(app, url)
        assert call(app, url)["X-Page-Cache"] == "hit", url
    story.title = "Tiêu đề mới"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    for url in pages:
        answer = call(app, url)
        assert answer["X-Page-Cache"] == "miss", url
        assert "Tiêu đề mới" in answer.body.decode() and "Tiêu đề cũ" not in answer.body.decode()


def test_an_editor_always_reaches_django_and_nothing_is_stored(
    app, django_app, page_cache, section, settings
):
    story = make_story()
    cookie = f"{settings.SESSION_COOKIE_NAME}=abc"
    for _ in range(2):
        call(app, story.url, cookie=cookie)
    assert django_app.calls == 2
    # Nothing the editor's requests saw was kept for readers.
    assert call(app, story.url)["X-Page-Cache"] == "miss"


def test_a_conditional_get_is_answered_304_without_django(app, django_app, page_cache, section):
    story = make_story()
    etag = call(app, story.url)["ETag"]
    answer = call(app, story.url, if_none_match=etag)
    assert answer.code == 304 and answer.body == b"" and django_app.calls == 1
    assert answer["ETag"] == etag and "public" in answer["Cache-Control"]
    assert answer.get("Content-Security-Policy") is None
    # A tag from an older version: the page itself.
    assert call(app, story.url, if_none_match='"older"').code == 200
    # Preconditions this layer does not evaluate go to Django.
    call(app, story.url, if_match=etag)
    assert django_app.calls == 2


def test_gzip_and_plain_readers_get_their_own_copies(page_cache, section, settings):
    # The production chain: HTML compressed below the security middleware.
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "newsroom.compression.SharedPageGZipMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    django_app = Django()
    app = PageCacheApplication(django_app)
    story = make_story(body=[("paragraph", "<p>" + "Nội dung dài. " * 200 + "</p>")])
    plain = call(app, story.url)
    gzipped = call(app, story.url, accept_encoding="gzip, br")
    assert gzipped["Content-Encoding"] == "gzip" and plain.get("Content-Encoding") is None
    assert gzipped["Vary"] == plain["Vary"] == "Accept-Encoding"
    assert django_app.calls == 2
    assert call(app, story.url).body == plain.body
    again = call(app, story.url, accept_encoding="gzip")
    assert again.body == gzipped.body and again["Content-Encoding"] == "gzip"
    assert django_app.calls == 2


def test_head_is_answered_from_the_stored_page_without_a_body(app, django_app, page_cache, section):
    story = make_story()
    page = call(app, story.url)
    head = call(app, story.url, method="HEAD")
    assert head.code == 200 and head.body == b"" and django_app.calls == 1
    assert head["Content-Length"] == page["Content-Length"] == str(len(page.body))


def test_what_django_would_not_share_is_never_stored(app, django_app, page_cache, section):
    from wagtail.models import PageViewRestriction

    story = make_story(title="Bài có mật khẩu")
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    for url in (story.url, "/khong-co-trang-nay/"):
        call(app, url)
        call(app, url)
    assert django_app.calls == 4
    call(app, story.url, method="POST")
    assert django_app.calls == 5


def test_query_strings_and_hosts_are_kept_apart(
    app, django_app, page_cache, section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexed for search on commit
        make_story(title="Nông thôn mới")
        make_story(title="Chuyển đổi số")
    first = call(app, "/search/", query="q=nong+thon")
    second = call(app, "/search/", query="q=chuyen+doi")
    assert "Nông thôn mới" in first.body.decode() and "Chuyển đổi số" in second.body.decode()
    assert call(app, "/search/", query="q=nong+thon").body == first.body
    assert call(app, section.url, HOST="localhost")["X-Page-Cache"] == "miss"
    assert call(app, section.url, HOST="127.0.0.1")["X-Page-Cache"] == "miss"
    assert django_app.calls == 4


def test_with_the_cache_server_down_pages_come_from_django(
    app, django_app, page_cache, section, settings
):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = settings.CACHES | {
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    settings.EXEMPLARS_PAGE_CACHE = settings.EXEMPLARS_PAGE_CACHE | {"CACHE": "pages"}
    story = make_story(title="Bài khi Redis tắt")
    for _ in range(3):
        answer = call(app, story.url)
        assert answer.code == 200 and "Bài khi Redis tắt" in answer.body.decode()
    assert django_app.calls == 3


def test_static_files_never_touch_the_cache(app, page_cache, settings, monkeypatch):
    monkeypatch.setattr(
        store.PageStore, "lookup_final", lambda *a: pytest.fail("static file looked up")
    )
    call(app, settings.STATIC_URL + "css/site.css")
    call(app, "/admin/")
