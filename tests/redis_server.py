"""A private ``redis-server`` a test can stop and start again (a real outage).

scripts/services.sh installs Debian's redis-server before CI's PostgreSQL pass,
so there a missing binary fails the test; elsewhere it skips.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time

import pytest


class RedisServer:
    def __init__(self, tmp_path):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.dir = tmp_path
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def require_redis_server() -> None:
    if not shutil.which("redis-server"):
        if os.environ.get("CI") == "true" and os.environ.get("EXEMPLARS_REQUIRE_POSTGRES") == "1":
            pytest.fail("CI's PostgreSQL pass has redis-server (scripts/services.sh installs it)")
        pytest.skip("redis-server is not installed; scripts/services.sh installs it")


@pytest.fixture
def redis_server(tmp_path):
    """A started ``RedisServer`` on a free port, stopped after the test."""
    require_redis_server()
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()
