"""The site under gunicorn's asyncio worker: hot pages from the event loop,
everything else through the same WSGI application in threads.

Under gunicorn's threaded worker a cached page costs almost nothing in our
code (``wsgi.py``), yet the worker tops out near 19,000 answers a second on
two cores: each keep-alive request is handed from its poller to a thread and
back. gunicorn's ASGI worker reads, parses and answers in one asyncio loop,
three times faster for the same bytes. So a page the worker holds in memory
(``nearcache.py``) is answered right there, without a thread.

Every other request (a miss, an editor, a POST, the admin, a Redis lookup)
runs the unchanged WSGI stack, ``PageCacheApplication`` around Django's
handler, in this worker's pool of threads: the same middleware, the same
blocking database drivers, as many at once as gthread ran. Django's own ASGI
handler would run every view in one thread per process (``thread_sensitive``),
one slow search stalling the rest.

When a hot page is purged (an editor publishes a correction to the story
everyone is reading), every reader arriving in the next tens of milliseconds
misses together: each would render the same page in its own thread, all
slower for sharing two cores. Here one request per page and worker goes
ahead; the others for that page wait for it (at most ``WAIT_FOR_LEADER``)
and then read what it stored.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from urllib.parse import unquote_to_bytes
from wsgiref.util import FileWrapper

from exemplars.caching.limits import (
    INCOMPLETE,
    TOO_LARGE,
    body_limit,
    declared_length,
    has_body,
    refusal,
    spool,
)
from exemplars.caching.wsgi import MISSED_KEY

logger = logging.getLogger("exemplars.caching")

# Seconds a request waits for another in this worker rendering the same page.
WAIT_FOR_LEADER = 5.0


class PageCacheASGI:
    """ASGI application around a ``PageCacheApplication`` (or any WSGI application
    with an ``answer_from_memory`` method)."""

    def __init__(self, application, threads: int = 4):
        self.application = application
        self.threads = threads
        self._pool = None
        self._pid = None
        # page key -> a future done when the request rendering it has finished
        self._rendering = {}

    async def __call__(self, scope, receive, send):
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await _lifespan(receive, send)
        elif kind == "websocket":
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1000})

    async def _http(self, scope, receive, send):
        environ = wsgi_environ(scope)
        answer = _Answer(scope["method"] == "HEAD")
        answer_from_memory = getattr(self.application, "answer_from_memory", None)
        missed = None
        if answer_from_memory is not None and not has_body(environ):
            body = answer_from_memory(environ, answer.start_response)
            missed = environ.pop(MISSED_KEY, None)
            if missed is not None and missed in self._rendering:
                await _wait(self._rendering[missed])
                missed = None  # this request does not lead: it asks Redis, or renders
                body = answer_from_memory(environ, answer.start_response)
                environ.pop(MISSED_KEY, None)
            if body is not None:
                await send(answer.start_message())
                await send({"type": "http.response.body", "body": b"".join(body)})
                return
        loop = asyncio.get_running_loop()
        if missed is not None:
            self._rendering[missed] = loop.create_future()
        try:
            try:
                environ["wsgi.input"] = await _read_body(receive, environ)
            except _Refused as refused:
                if refused.status is not None:
                    await _send_refusal(send, refused.status)
                return
            running = self._executor().submit(self._run, environ, answer, loop, send)
            try:
                await asyncio.wrap_future(running)
            except asyncio.CancelledError:
                # gunicorn cancels a request some seconds after its reader left.
                # A request still queued is dropped; one running keeps its body
                # until its thread is done with it (``_run`` closes it).
                if running.cancel():
                    environ["wsgi.input"].close()
                raise
        finally:
            if missed is not None:
                self._rendering.pop(missed).set_result(None)

    def _executor(self):
        # Threads do not survive gunicorn's fork: one pool per worker process.
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="exemplars-wsgi")
        return self._pool

    def _run(self, environ, answer, loop, send):
        """In a pool thread: the WSGI application, its answer sent through the
        event loop. A one-piece body (nearly every page) goes in one hop with its
        status line; a streamed one (a file, a feed) piece by piece, each waiting
        until the loop has written it."""

        def deliver(*messages):
            if loop.is_closed():  # the worker is gone, and its readers with it
                raise _ClientGone
            asyncio.run_coroutine_threadsafe(_send_all(send, messages), loop).result()

        try:
            self._respond(environ, answer, deliver)
        except _ClientGone:
            pass
        finally:
            environ["wsgi.input"].close()

    def _respond(self, environ, answer, deliver):
        try:
            result = self.application(environ, answer.start_response)
        except Exception:
            logger.exception("Unhandled error in the WSGI application")
            deliver(*_server_error())
            return
        held = None
        try:
            for chunk in result:
                if not chunk:
                    continue
                if held is not None:
                    deliver(*answer.body_messages(held, more=True))
                held = chunk
            deliver(*answer.body_messages(held or b"", more=False))
        except _ClientGone:
            raise
        except Exception:
            logger.exception("Unhandled error in the WSGI application's response")
            if not answer.started:
                deliver(*_server_error())
        finally:
            if hasattr(result, "close"):
                result.close()


def file_chunks(filelike, block_size=8192):
    """``wsgi.file_wrapper``: a file (media, static files, downloads) sent in
    pieces of at least 64 kB instead of Django's 4 kB, as each piece crosses
    from the thread to the event loop."""
    return FileWrapper(filelike, max(block_size, 65_536))


class _ClientGone(Exception):
    pass


class _Answer:
    """The WSGI side of one response: ``start_response`` and the ASGI messages."""

    __slots__ = ("head", "status", "headers", "started")

    def __init__(self, head: bool):
        self.head = head
        self.status = None
        self.headers = None
        self.started = False

    def start_response(self, status, headers, exc_info=None):
        if exc_info is not None and self.started:
            raise exc_info[1].with_traceback(exc_info[2])
        self.status = int(status[:3])
        self.headers = [(n.lower().encode("latin-1"), v.encode("latin-1")) for n, v in headers]
        return self._write_unsupported

    @staticmethod
    def _write_unsupported(data):
        # PEP 3333's legacy write(): Django never calls it.
        raise NotImplementedError("write() is not supported; return the body instead")

    def start_message(self):
        self.started = True
        return {"type": "http.response.start", "status": self.status, "headers": self.headers}

    def body_messages(self, chunk, more: bool):
        body = b"" if self.head else chunk
        message = {"type": "http.response.body", "body": body, "more_body": more}
        if self.started:
            return (message,)
        return (self.start_message(), message)


async def _wait(leader):
    try:
        await asyncio.wait_for(asyncio.shield(leader), WAIT_FOR_LEADER)
    except TimeoutError:
        pass


async def _send_all(send, messages):
    try:
        for message in messages:
            await send(message)
    except OSError as error:  # the reader left: stop producing the rest
        raise _ClientGone from error


def _server_error():
    body = HTTPStatus.INTERNAL_SERVER_ERROR.phrase.encode()
    return (
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"text/plain"),
                (b"content-length", str(len(body)).encode()),
            ],
        },
        {"type": "http.response.body", "body": body},
    )


async def _lifespan(receive, send):
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


class _Refused(Exception):
    """The request's body is not handed to the application: ``status`` is the
    answer (None: the client left, there is no one to answer)."""

    def __init__(self, status: int | None):
        super().__init__(status)
        self.status = status


async def _read_body(receive, environ):
    """The whole body, in a spooled file, or ``_Refused`` (limits.py says when):
    past its limit as soon as the declared length or the bytes so far say so,
    without reading on; cut short, never."""
    body = spool()
    if not has_body(environ):
        return body
    try:
        limit = body_limit(environ["PATH_INFO"])
        try:
            declared = declared_length(environ)
        except ValueError:
            raise _Refused(INCOMPLETE) from None
        if declared is not None and declared > limit:
            raise _Refused(TOO_LARGE)
        received = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                # The client left (or stalled past gunicorn's timeout) mid-body.
                raise _Refused(None)
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > limit:
                raise _Refused(TOO_LARGE)
            body.write(chunk)
            if not message.get("more_body", False):
                break
        if declared is not None and received != declared:
            raise _Refused(INCOMPLETE)
    except BaseException:
        body.close()
        raise
    if declared is None:
        # A chunked body: Django reads CONTENT_LENGTH bytes, now known.
        environ["CONTENT_LENGTH"] = str(received)
    body.seek(0)
    return body


async def _send_refusal(send, status: int):
    status_line, headers, body = refusal(status)
    start = {
        "type": "http.response.start",
        "status": status,
        "headers": [(n.lower().encode("latin-1"), v.encode("latin-1")) for n, v in headers],
    }
    try:
        await send(start)
        await send({"type": "http.response.body", "body": body})
    except OSError:
        pass  # gone already


def wsgi_environ(scope) -> dict:
    """PEP 3333's environ for an ASGI HTTP scope, as gunicorn's WSGI workers
    build it: PATH_INFO is the percent-decoded path's bytes read as latin-1, and
    repeated headers are joined with commas (cookies with semicolons). asgiref's
    ``WsgiToAsgi`` builds one inside its adapter, which runs every request in one
    thread; it also joins cookies with commas and leaves out REMOTE_PORT."""
    root_path = scope.get("root_path", "")
    raw_path = scope.get("raw_path")
    if raw_path:
        path = unquote_to_bytes(raw_path).decode("latin-1")
    else:
        path = scope["path"].encode("utf-8").decode("latin-1")
    script_name = root_path.encode("utf-8").decode("latin-1")
    if script_name and path.startswith(script_name):
        path = path[len(script_name) :]
    server = scope.get("server") or ("localhost", 80)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": script_name,
        "PATH_INFO": path,
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]) if server[1] is not None else "80",
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.file_wrapper": file_chunks,
    }
    client = scope.get("client")
    if client:
        environ["REMOTE_ADDR"] = client[0]
        environ["REMOTE_PORT"] = str(client[1])
    for name, value in scope["headers"]:
        if b"_" in name:
            # X_Forwarded_For would become HTTP_X_FORWARDED_FOR, joined to the
            # real one: names with underscores stand in for nothing (gunicorn
            # drops them too; another server might not).
            continue
        name = name.decode("latin-1").upper().replace("-", "_")
        value = value.decode("latin-1")
        if name == "CONTENT_LENGTH" or name == "CONTENT_TYPE":
            key = name
        else:
            key = f"HTTP_{name}"
        if key in environ:
            value = f"{environ[key]}{'; ' if key == 'HTTP_COOKIE' else ','}{value}"
        environ[key] = value
    return environ
