"""The page cache never serves what the newsroom changed: the oracle
(``coherence_oracle.py``) drives a random newsroom against `make serve`'s
production server (two workers, Redis) and compares every reader page with a
fresh render after each step.

The seed is printed; ``EXEMPLARS_ORACLE_SEED`` replays a run and
``EXEMPLARS_ORACLE_STEPS`` makes it longer (50 in CI).
"""

from __future__ import annotations

import os
import random
import shlex
import subprocess
import time

import pytest

from tests.site.test_production_server import (
    PYTHON,
    ROOT,
    START_TIMEOUT,
    clean_env,
    database_url,  # noqa: F401  (a fixture)
    free_port,
    serving,
)

pytestmark = pytest.mark.slow

STEPS = int(os.environ.get("EXEMPLARS_ORACLE_STEPS", "50"))
# Every step renders every reader page twice (cached server, fresh server): the
# demo is cut to its first stories, with every kind of page still there (each
# section, campaign, exemplar, locality, feed, sitemap), so 50 steps take minutes.
KEEP_STORIES = int(os.environ.get("EXEMPLARS_ORACLE_STORIES", "16"))
TRIM_DEMO = (
    "from exemplars.models import ExemplarStoryPage as S\n"
    f"for story in S.objects.order_by('pk')[{KEEP_STORIES}:]: story.delete()"
)


@pytest.fixture(scope="module")
def redis_for_oracle(tmp_path_factory):
    from tests.redis_server import RedisServer, require_redis_server

    require_redis_server()
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, database_url, redis_for_oracle):  # noqa: F811
    """The cached server (2 workers, Redis) and a fresh one on the same database."""
    tmp = tmp_path_factory.mktemp("coherence")
    base = clean_env(tmp, database_url)
    cached_env = base | {
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "2",
        "REDIS_URL": f"redis://127.0.0.1:{redis_for_oracle.port}/0",
    }
    # No page cache, and no Redis: nothing another process wrote is read.
    fresh_env = base | {
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "4",
        "EXEMPLARS_PAGE_CACHE": "0",
    }
    with open(tmp / "setup.log", "w") as log:
        subprocess.run(
            f"{PYTHON} manage.py migrate --noinput -v0 && {PYTHON} manage.py load_demo"
            f" && {PYTHON} manage.py ensure_admin"
            f" && {PYTHON} manage.py shell -c {shlex.quote(TRIM_DEMO)}",
            shell=True,
            cwd=ROOT,
            env=cached_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=START_TIMEOUT,
        )
    cached_port, fresh_port = free_port(), free_port()
    with (
        open(tmp / "cached.log", "w+") as cached_log,
        open(tmp / "fresh.log", "w+") as fresh_log,
        serving(cached_env, cached_port, cached_log, tmp / "cached.log"),
        serving(fresh_env, fresh_port, fresh_log, tmp / "fresh.log"),
    ):
        password = (tmp / "var" / "admin-password.txt").read_text().strip()
        yield cached_env, cached_port, fresh_port, password, tmp


def test_no_reader_is_served_a_page_the_newsroom_changed(newsroom):
    env, cached_port, fresh_port, password, tmp = newsroom
    seed = int(os.environ.get("EXEMPLARS_ORACLE_SEED") or random.SystemRandom().randrange(10**6))
    print(f"coherence oracle seed: {seed} (EXEMPLARS_ORACLE_SEED={seed} replays it)")
    # The newsroom's actor runs as the server's commands do (deploy/manage.sh:
    # production settings, the same database and Redis).
    actor_env = env | {
        "DJANGO_SECRET_KEY": (tmp / "var" / "secret-key").read_text().strip(),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "EXEMPLARS_ENV_FILE": os.devnull,
    }
    code = (
        "import sys; from tests.site.coherence_oracle import run; "
        f"sys.exit(run({seed}, {STEPS}, {cached_port}, {fresh_port}, {password!r}))"
    )
    started = time.monotonic()
    # Streamed to a file, so a long run shows its progress (tail -f) and a
    # killed one leaves its steps behind.
    log_path = tmp / "oracle.log"
    with open(log_path, "w") as log:
        done = subprocess.run(
            ["bash", "deploy/manage.sh", "shell", "-c", code],
            cwd=ROOT,
            env=actor_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=max(1800, 30 * STEPS),
        )
    output = log_path.read_text()
    print(output[-6000:])
    print(f"oracle run: {time.monotonic() - started:.0f} s (log: {log_path})")
    assert done.returncode == 0, f"seed {seed}: stale pages or a failed step\n{output[-8000:]}"
