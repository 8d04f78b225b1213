"""`make serve` with Redis: several workers, each with its own near cache, and
a change made in another process reaching all of them; Redis stopped and back.

gunicorn and the editor's process share the database and Redis, as in
production; the test is the editor (``deploy/manage.sh shell``) and the readers.
"""

from __future__ import annotations

import os
import subprocess
import time

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

STORY = "from exemplars.models import ExemplarStoryPage as S; story = S.objects.live().first()"


@pytest.fixture(scope="module")
def redis_module_server(tmp_path_factory):
    from tests.redis_server import RedisServer, require_redis_server

    require_redis_server()
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory, database_url, redis_module_server):  # noqa: F811
    tmp = tmp_path_factory.mktemp("serve-redis")
    port = free_port()
    env = clean_env(
        tmp,
        database_url,
        GUNICORN_WORKERS="3",
        GUNICORN_THREADS="2",
        REDIS_URL=f"redis://127.0.0.1:{redis_module_server.port}/0",
    )
    log = open(tmp / "server.log", "w+")
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
    try:
        with serving(env, port, log, tmp / "server.log"):
            yield Server(port, tmp), env
    finally:
        log.close()


def editor(env, code: str) -> str:
    """Run ``code`` in a process of its own, as an editor's request would."""
    # The server's settings, as the admin's requests have (purges on in production).
    production = env | {
        "DJANGO_SECRET_KEY": "test-serving-with-redis",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "EXEMPLARS_ENV_FILE": os.devnull,
    }
    done = manage(production, "shell", "-c", code)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def readers(server, path, n):
    """``n`` requests, each on its own connection, so every worker answers some."""
    answers = []
    for _ in range(n):
        response, body = server.get(path)
        answers.append((response.status, response.getheader("X-Page-Cache"), body.decode()))
    return answers


def test_a_publication_reaches_every_worker_at_once(site):
    server, env = site
    path = editor(env, f"{STORY}; print(story.url)")
    title = editor(env, f"{STORY}; print(story.title)")
    answers = readers(server, path, 60)
    assert all(status == 200 and title in body for status, _, body in answers)
    assert sum(cache == "hit" for _, cache, _ in answers) >= 55

    editor(
        env,
        f"{STORY}; story.title = 'Tiêu đề vừa sửa'; story.save_revision().publish(); print('ok')",
    )
    # The purge went to Redis after the editor's commit; each worker heard of it.
    answers = readers(server, path, 60)
    seen = [(status, cache, "Tiêu đề vừa sửa" in body) for status, cache, body in answers]
    assert all(status == 200 and new for status, _, new in seen), seen


def test_redis_stopped_then_back(site, redis_module_server):
    server, env = site
    path = editor(env, f"{STORY}; print(story.url)")
    readers(server, path, 10)
    redis_module_server.stop()
    time.sleep(0.5)  # each worker's listening connection sees the close
    try:
        answers = readers(server, path, 30)
        assert all(status == 200 for status, _, _ in answers)
        assert {cache for _, cache, _ in answers} <= {"miss", None}
    finally:
        redis_module_server.start()
    deadline = time.monotonic() + 15
    while readers(server, path, 1)[0][1] != "hit":
        assert time.monotonic() < deadline, "the page cache did not come back with Redis"
        time.sleep(0.2)
