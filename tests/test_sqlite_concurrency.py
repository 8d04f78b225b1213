"""Two editors publishing at once on SQLite lose nothing, while readers search.

SQLite is the embedded default, so it must hold a small newsroom. Processes,
not threads, because that is how the site is served: two editors publish
revisions of their stories through the admin's edit view in a loop while four
readers search, all against one SQLite file, for ``EXEMPLARS_CONCURRENCY_SECONDS``
(30 by default). With deferred transactions about one publish in six failed
with "database is locked": a transaction that starts by reading cannot wait
for the write lock, it can only fail.

Run as ``python -m tests.test_sqlite_concurrency ROLE …`` for the workers.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("EXEMPLARS_CONCURRENCY_SECONDS", "30"))
WRITERS = 2
READERS = 4
STORIES_PER_WRITER = 3
QUERIES = ["điển hình", "dien hinh tien tien", "nông thôn mới", "sửa lần"]


def _django(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["EXEMPLARS_SEARCH_BACKEND"] = "auto"
    os.environ.pop("ELASTICSEARCH_URL", None)
    import django

    django.setup()


def _setup(database: Path) -> dict:
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from tests.exemplars.test_admin_authoring import story_form
    from tests.factories import default_section, make_home, make_story

    call_command("migrate", interactive=False, stdout=StringIO())
    make_home()
    section = default_section()
    story_form()  # creates the snippets the edit form refers to, before the writers run
    stories = {}
    for writer in range(WRITERS):
        get_user_model().objects.create_superuser(f"bientap-{writer}", "", "x")
        stories[writer] = [
            make_story(parent=section, title=f"Điển hình {writer}-{n}", slug=f"dh-{writer}-{n}").pk
            for n in range(STORIES_PER_WRITER)
        ]
    return {"stories": stories}


def _ready_then_wait(database: Path, name: str) -> float:
    """Say this worker has loaded Django, wait for the start; the end time."""
    database.with_name(f"{name}.ready").touch()
    go = database.with_name("go")
    while not go.exists():
        time.sleep(0.05)
    return float(go.read_text())


def _start_when_ready(database: Path, names: list[str], processes) -> None:
    """Start every worker at once, however long each took to load Django."""
    give_up = time.time() + 600
    while not all(database.with_name(f"{n}.ready").exists() for n in names):
        crashed = [log.read_text()[-3000:] for p, log in processes if p.poll() is not None]
        assert not crashed, f"a worker died before the start: {crashed[0]}"
        assert time.time() < give_up, "the workers did not load Django in 10 minutes"
        time.sleep(0.1)
    go = database.with_name("go.tmp")
    go.write_text(str(time.time() + SECONDS))
    go.rename(database.with_name("go"))


def _writer(database: Path, number: int, story_ids: list[int]) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset

    from exemplars.models import ExemplarStoryPage
    from tests.exemplars.test_admin_authoring import story_form

    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=f"bientap-{number}"))
    forms = {}
    for story in ExemplarStoryPage.objects.filter(pk__in=story_ids):
        forms[story.pk] = story_form(title=story.title, slug=story.slug, bylines=inline_formset([]))
    saved: list[list] = []
    failed: list[list] = []
    end, edit = _ready_then_wait(database, f"writer-{number}"), 0
    while time.time() < end:
        story_id = story_ids[edit % len(story_ids)]
        intro = f"Biên tập {number} sửa lần {edit}"
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=(story_id,)),
            forms[story_id] | {"intro": intro, "action-publish": "1"},
        )
        if response.status_code == 302:
            saved.append([story_id, intro])
        else:
            error = getattr(response, "exc_info", None)
            failed.append([story_id, response.status_code, repr(error[1]) if error else ""])
        edit += 1
    return {"saved": saved, "failed": failed}


def _reader(database: Path, number: int) -> dict:
    from django.test import Client

    client = Client(raise_request_exception=False)
    statuses: dict[int, int] = {}
    end, n = _ready_then_wait(database, f"reader-{number}"), number
    while time.time() < end:
        q = QUERIES[n % len(QUERIES)]
        url = "/search/" if n % 2 else "/api/search/"
        status = client.get(url, {"q": q}).status_code
        statuses[status] = statuses.get(status, 0) + 1
        n += 1
    return {"statuses": statuses}


def main(argv: list[str]) -> None:
    role, database, *args = argv
    _django(Path(database))
    if role == "setup":
        result = _setup(Path(database))
    elif role == "writer":
        result = _writer(Path(database), int(args[0]), json.loads(args[1]))
    else:
        result = _reader(Path(database), int(args[0]))
    print(json.dumps(result))


def _spawn(database: Path, *args) -> tuple[subprocess.Popen, Path]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]))
    # A file, not a pipe: a chatty worker must not block on a full pipe.
    log = database.with_name(f"{'-'.join(args[:2])}.log")
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.test_sqlite_concurrency", args[0], str(database)]
            + list(args[1:]),
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    return process, log


def _result(spawned: tuple[subprocess.Popen, Path]) -> dict:
    process, log = spawned
    out, _ = process.communicate(timeout=SECONDS + 300)
    assert process.returncode == 0, log.read_text()[-3000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.sqlite_file
def test_concurrent_publishing_on_one_sqlite_file_loses_nothing(tmp_path):
    database = tmp_path / "newsroom.sqlite3"
    stories = _result(_spawn(database, "setup"))["stories"]

    writers = [
        _spawn(database, "writer", str(w), json.dumps(stories[str(w)])) for w in range(WRITERS)
    ]
    readers = [_spawn(database, "reader", str(r)) for r in range(READERS)]
    names = [f"writer-{w}" for w in range(WRITERS)] + [f"reader-{r}" for r in range(READERS)]
    _start_when_ready(database, names, writers + readers)
    written = [_result(p) for p in writers]
    read = [_result(p) for p in readers]

    saved = [s for w in written for s in w["saved"]]
    failed = [f for w in written for f in w["failed"]]
    statuses: dict[str, int] = {}
    for r in read:
        for status, count in r["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
    print(f"\n{len(saved)} publishes, {len(failed)} failed; reader answers {statuses}")

    assert failed == [], f"{len(failed)} of {len(saved) + len(failed)} publishes failed"
    assert all(w["saved"] for w in written), "every writer published"
    assert all(r["statuses"] for r in read), "every reader searched"
    assert not [s for s in statuses if int(s) >= 500], statuses

    with sqlite3.connect(database) as db:
        revisions = {
            (int(object_id), json.loads(content).get("intro"))
            for object_id, content in db.execute(
                "SELECT object_id, content FROM wagtailcore_revision"
            )
        }
        live = dict(db.execute("SELECT page_ptr_id, intro FROM exemplars_exemplarstorypage"))
        indexed = dict(db.execute("SELECT id, intro FROM exemplars_search_doc"))
    missing = [s for s in saved if tuple(s) not in revisions]
    assert missing == [], f"{len(missing)} published revisions are missing"
    last = {story_id: intro for story_id, intro in saved}
    for story_id, intro in last.items():
        assert live[story_id] == intro, "the last publish is the live version"
        assert indexed[story_id] == intro, "the live version is the one readers find"


if __name__ == "__main__":
    main(sys.argv[1:])
