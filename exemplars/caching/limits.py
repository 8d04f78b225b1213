"""How large a request body may be, and the WSGI layer that holds a request to it.

One rule for both of gunicorn's workers (``asgi.py`` reads the body in the event
loop, ``WholeBodyApplication`` below under the threaded worker):

- a body larger than ``body_limit(path)`` is refused with 413 as soon as its
  declared length (``Content-Length``) or the bytes received so far pass it,
  without reading the rest: readers' forms get Django's
  ``DATA_UPLOAD_MAX_MEMORY_SIZE``, the admin (its image and document uploads)
  ``EXEMPLARS_ADMIN_UPLOAD_MAX_BYTES``;
- a body that ends before its ``Content-Length`` (the client left, or stalled
  past the server's timeout) never reaches Django: parsed as it was, a cut form
  is a valid form with its last fields empty, and it was saved.

Django enforces ``DATA_UPLOAD_MAX_MEMORY_SIZE`` itself, but only once the whole
body has been received and spooled to disk, whatever its size.
"""

from __future__ import annotations

import tempfile

from django.conf import settings

# The admin's default: as deploy/nginx.conf's client_max_body_size (50m).
ADMIN_UPLOAD_MAX_BYTES = 50 * 1024 * 1024
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# Room beside a file for the multipart framing and the form's other fields, so
# that an image of exactly WAGTAILIMAGES_MAX_UPLOAD_SIZE gets Wagtail's message.
MULTIPART_ALLOWANCE = 1024 * 1024
READ_STEP = 65_536

TOO_LARGE = 413
INCOMPLETE = 400


def body_limit(path: str) -> int:
    """The largest body, in bytes, a request to ``path`` (PATH_INFO) may send."""
    admin = admin_upload_max_bytes()
    if path.startswith(ADMIN_PREFIXES):
        return admin
    # None switches Django's check off: never unbounded here.
    reader = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return admin if reader is None else reader


def admin_upload_max_bytes() -> int:
    configured = getattr(settings, "EXEMPLARS_ADMIN_UPLOAD_MAX_BYTES", ADMIN_UPLOAD_MAX_BYTES)
    images = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None) or 0
    return max(configured, images + MULTIPART_ALLOWANCE)


def declared_length(environ) -> int | None:
    """``Content-Length`` as a number; None when the body is chunked or absent.
    Raises ValueError on a value that is not one (the server refuses those first)."""
    value = environ.get("CONTENT_LENGTH", "")
    return int(value) if value else None


def has_body(environ) -> bool:
    return "HTTP_TRANSFER_ENCODING" in environ or environ.get("CONTENT_LENGTH", "0") not in (
        "",
        "0",
    )


def spool():
    # Beyond Django's upload threshold the body waits on disk, as in Django's handlers.
    return tempfile.SpooledTemporaryFile(max_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE, mode="w+b")


def refusal(status: int) -> tuple[str, list[tuple[str, str]], bytes]:
    """A short plain answer for a body refused before Django; the connection is
    closed after it, as the rest of the body is never read."""
    phrase = "Request Entity Too Large" if status == TOO_LARGE else "Bad Request"
    body = f"{status} {phrase}\n".encode()
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Connection", "close"),
    ]
    return f"{status} {phrase}", headers, body


class WholeBodyApplication:
    """WSGI middleware for gunicorn's threaded worker: Django is handed a body
    only once it has arrived whole and within its limit.

    gunicorn's ``wsgi.input`` returns what it has when the client goes away, and
    Django parses that as if it were all; a chunked body Django does not read at
    all (no CONTENT_LENGTH). Here the body is read first, up to its limit, into a
    spooled file, and Django gets that file and its length. After a refusal
    gunicorn discards at most 64 KiB more of the body, then closes.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not has_body(environ):
            return self.application(environ, start_response)
        limit = body_limit(environ.get("PATH_INFO", ""))
        try:
            declared = declared_length(environ)
        except ValueError:
            return _refuse(start_response, INCOMPLETE)
        if declared is not None and declared > limit:
            return _refuse(start_response, TOO_LARGE)
        body = spool()
        try:
            status = _read_into(body, environ["wsgi.input"], declared, limit)
        except Exception:
            body.close()
            raise
        if status is not None:
            body.close()
            return _refuse(start_response, status)
        environ["CONTENT_LENGTH"] = str(body.tell())
        body.seek(0)
        environ["wsgi.input"] = body
        result = self.application(environ, start_response)
        if isinstance(result, environ.get("wsgi.file_wrapper", ())):
            return result  # gunicorn sends it with sendfile(); the body closes when collected
        return _ClosingBody(result, body)


def _read_into(body, stream, declared: int | None, limit: int) -> int | None:
    """Copies the request body into ``body``; the refusal's status, or None."""
    wanted = limit + 1 if declared is None else declared
    received = 0
    while received < wanted:
        try:
            piece = stream.read(min(READ_STEP, wanted - received))
        except OSError:  # the client left mid-body, or stalled past the timeout
            return INCOMPLETE
        if not piece:
            break
        received += len(piece)
        if received > limit:
            return TOO_LARGE
        body.write(piece)
    if declared is not None and received < declared:
        return INCOMPLETE
    return None


def _refuse(start_response, status: int):
    status_line, headers, body = refusal(status)
    start_response(status_line, headers)
    return [body]


class _ClosingBody:
    """The application's answer, closing the spooled body with it (PEP 3333's close())."""

    __slots__ = ("result", "body")

    def __init__(self, result, body):
        self.result = result
        self.body = body

    def __iter__(self):
        return iter(self.result)

    def close(self):
        try:
            if hasattr(self.result, "close"):
                self.result.close()
        finally:
            self.body.close()
