"""HTML compression for the production server (settings/production.py)."""

import hashlib
import threading
from collections import OrderedDict

from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string


class SharedPageGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, compressing each version of a public page once.

    A page the page cache serves in a fraction of a millisecond would otherwise be
    compressed again for every reader, at about the same cost again. Each worker
    keeps the compressed bytes of recent public pages, keyed by a hash of the
    body. Anything not public (the admin, an editor's pages) takes Django's own
    path, with fresh random padding per response against BREACH.
    """

    max_entries = 256

    def __init__(self, get_response):
        super().__init__(get_response)
        self._compressed = OrderedDict()
        self._lock = threading.Lock()

    def process_response(self, request, response):
        if (
            response.streaming
            or response.status_code != 200
            or "public" not in response.get("Cache-Control", "")
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
        ):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        compressed = self._compress(response.content)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response

    def _compress(self, content):
        key = hashlib.blake2b(content, digest_size=16).digest()
        with self._lock:
            compressed = self._compressed.get(key)
            if compressed is not None:
                self._compressed.move_to_end(key)
                return compressed
        compressed = compress_string(content, max_random_bytes=self.max_random_bytes)
        with self._lock:
            self._compressed[key] = compressed
            if len(self._compressed) > self.max_entries:
                self._compressed.popitem(last=False)
        return compressed
