"""Production's HTML compression: a public page is compressed once per version."""

import gzip

import django.middleware.gzip
import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import patch_cache_control, set_response_etag

import newsroom.compression
from newsroom.compression import SharedPageGZipMiddleware

PAGE = ("<html><body>" + "Điển hình tiên tiến. " * 400 + "</body></html>").encode()


@pytest.fixture
def compressions(monkeypatch):
    calls = []
    real = newsroom.compression.compress_string

    def counting(content, **kwargs):
        calls.append(content)
        return real(content, **kwargs)

    monkeypatch.setattr(newsroom.compression, "compress_string", counting)
    monkeypatch.setattr(django.middleware.gzip, "compress_string", counting)
    return calls


def page(public=True, body=PAGE):
    response = HttpResponse(body)
    if public:
        patch_cache_control(response, public=True, max_age=60)
        set_response_etag(response)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def serve(middleware, response, accept="gzip, deflate, br"):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
    return middleware.process_response(request, response)


def test_a_public_page_is_compressed_once_for_every_reader(compressions):
    middleware = SharedPageGZipMiddleware(lambda request: None)
    first = serve(middleware, page())
    second = serve(middleware, page())
    assert len(compressions) == 1
    assert first.content == second.content
    assert gzip.decompress(second.content) == PAGE
    assert second["Content-Encoding"] == "gzip"
    assert second["Content-Length"] == str(len(second.content))
    assert second["ETag"].startswith('W/"')
    assert "Accept-Encoding" in second["Vary"]


def test_a_new_version_of_the_page_is_compressed_anew(compressions):
    middleware = SharedPageGZipMiddleware(lambda request: None)
    serve(middleware, page())
    changed = PAGE.replace("tiên tiến".encode(), "tiêu biểu".encode())
    response = serve(middleware, page(body=changed))
    assert len(compressions) == 2
    assert gzip.decompress(response.content) == changed


def test_private_pages_get_fresh_padding_each_time(compressions):
    middleware = SharedPageGZipMiddleware(lambda request: None)
    first = serve(middleware, page(public=False))
    second = serve(middleware, page(public=False))
    assert len(compressions) == 2
    assert gzip.decompress(first.content) == gzip.decompress(second.content) == PAGE


def test_readers_who_do_not_accept_gzip_get_the_plain_page(compressions):
    middleware = SharedPageGZipMiddleware(lambda request: None)
    response = serve(middleware, page(), accept="identity")
    assert response.content == PAGE
    assert not response.has_header("Content-Encoding")
    assert "Accept-Encoding" in response["Vary"]
    assert compressions == []
