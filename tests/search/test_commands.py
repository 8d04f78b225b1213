"""rebuild_search_index and benchmark_search."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from demo.search_benchmark import corpus, queries, runner
from exemplars_search import service
from exemplars_search.query import SearchRequest
from tests.factories import make_story

REPO = Path(settings.BASE_DIR)


def test_rebuild_indexes_live_stories_and_drops_stale(section, search_backend):
    live = make_story(title="Chợ nổi Long Xuyên")
    make_story(title="Bản nháp chợ nổi", publish=False)
    search_backend.index([corpus.story(0)])  # stale: no such page
    out = StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert "Đã lập chỉ mục 1 bài" in out.getvalue()
    hits = service.search(SearchRequest(q="cho noi")).hits
    assert [h.id for h in hits] == [live.pk]
    assert search_backend.count() == 1
    # Re-runnable: a second run gives the same index.
    call_command("rebuild_search_index", "--no-progress", stdout=StringIO())
    assert search_backend.count() == 1


def test_rebuild_rejects_a_bad_backend(db):
    with pytest.raises(CommandError, match="no_such_backend"):
        call_command("rebuild_search_index", "--backend", "no_such_backend", stdout=StringIO())


def test_corpus_and_mix_are_seeded():
    assert corpus.story(7) == corpus.story(7)
    assert corpus.story(7, seed=1).body != corpus.story(7, seed=2).body
    assert [q.q for q in queries.mix(50)] == [q.q for q in queries.mix(50)]
    assert len(queries.mix()) == 200
    assert sum("đ" in s.body.lower() for s in corpus.stories(50)) == 50


def test_runner_reports_every_number(search_backend):
    result = runner.run(
        300, n_queries=24, wagtail_sample=2, wagtail_cap_s=5, quiet=True, log=lambda _: None
    )
    assert result["stories"] == 300
    assert result["index"]["stories_per_s"] > 0
    for part in ("service", "floor", "wagtail"):
        assert result[part]["p95_ms"] >= result[part]["p50_ms"] > 0
    assert result["wagtail"]["sample"] == 2
    assert "capped" in result["wagtail"]
    assert len(result["hits"]["sample"]) == 2
    assert result["peak_rss_mb"] > 0
    # Our search finds folded words the bare table cannot.
    assert result["hits"]["service_zero_results"] <= result["hits"]["floor_zero_results"]


@pytest.mark.slow
def test_benchmark_command_uses_a_throwaway_database(tmp_path):
    """The developer's database is never touched: here it does not even exist."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="newsroom.settings.test")
    if connection.vendor == "sqlite":
        dev_db = tmp_path / "dev.sqlite3"
        env["DATABASE_URL"] = f"sqlite:///{dev_db}"
    output = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "benchmark_search",
            "--stories",
            "200",
            "--queries",
            "12",
            "--wagtail-sample",
            "1",
            "--output",
            str(output),
            "--no-progress",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(output.read_text())
    assert set(data) >= {"stories", "index", "service", "floor", "wagtail", "peak_rss_mb", "hits"}
    assert json.loads(done.stdout) == data
    if connection.vendor == "sqlite":
        assert not dev_db.exists()
