"""The cluster backends against a real node: behaviour, analyzers, dev set, lifecycle, outage.

Runs against every cluster named in the environment: ``OPENSEARCH_URL``
(``make search-node`` starts one, ``make test`` does it for the suite) and/or
``ELASTICSEARCH_URL``. Without either it skips and says so, unless
``EXEMPLARS_REQUIRE_SEARCH_NODE=1`` (set by ``scripts/test.sh`` in CI), where a
missing node fails instead. Each test works in its own alias and deletes its
indices afterwards.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from exemplars_search import backends, service
from exemplars_search.backends.elasticsearch import ElasticsearchSearchBackend
from exemplars_search.backends.opensearch import OpenSearchSearchBackend
from exemplars_search.models import PendingIndexOperation
from exemplars_search.query import SearchRequest
from exemplars_search.text import dfold, fold, words

from .behaviour import SearchBackendBehaviour, make_doc
from .test_eval_devset import devset  # noqa: F401 - the fixture, reused on the cluster
from .test_eval_devset import test_devset_relevance as devset_relevance

CLUSTERS = {
    "opensearch": ("OPENSEARCH_URL", OpenSearchSearchBackend),
    "elasticsearch": ("ELASTICSEARCH_URL", ElasticsearchSearchBackend),
}
CONFIGURED = [name for name, (var, _cls) in CLUSTERS.items() if os.environ.get(var)]
REPO = Path(__file__).resolve().parents[2]
NODE_SCRIPT = REPO / "scripts" / "search-node.sh"
NODE_PID = REPO / "var" / "searchnode" / "node.pid"

pytestmark = pytest.mark.elasticsearch


def require_node(what: str) -> None:
    """Skip, saying why, or fail when the run requires the search node."""
    if os.environ.get("EXEMPLARS_REQUIRE_SEARCH_NODE") == "1":
        pytest.fail(f"EXEMPLARS_REQUIRE_SEARCH_NODE=1 but {what}", pytrace=False)
    pytest.skip(what)


@pytest.fixture(params=CONFIGURED or ["none"])
def cluster(request):
    """(backend name, URL) of one configured cluster."""
    if request.param == "none":
        require_node(
            "neither OPENSEARCH_URL nor ELASTICSEARCH_URL is set: run `make search-node` "
            "(or point one at a cluster) to run the live suite"
        )
    var, _cls = CLUSTERS[request.param]
    return request.param, os.environ[var]


def drop_indices(backend) -> None:
    # By name: clusters refuse wildcard deletes (action.destructive_requires_name).
    try:
        found = backend._client_get_indices(f"{backend.alias}-*")
    except Exception as exc:
        if backend.is_not_found(exc):
            return
        raise
    for name in found:
        backend._client_delete_index(name)


@pytest.fixture
def live_backend(cluster):
    name, url = cluster
    var, cls = CLUSTERS[name]
    # Writes refresh at once instead of waiting up to a second for the periodic
    # refresh ("wait_for", the site's default, runs in the site tests below).
    alias = f"exemplars-test-{uuid.uuid4().hex[:12]}"
    backend = cls({var: url, "INDEX": alias, "REFRESH": "true"})
    yield backend
    drop_indices(backend)


def all_indices(backend) -> set[str]:
    return set(backend._client_get_indices(f"{backend.alias}-*"))


class TestClusterBackend(SearchBackendBehaviour):
    @pytest.fixture
    def backend(self, live_backend):
        return live_backend


SAMPLE = "Đẩy mạnh điển hình tiên tiến ở Châu Đốc, xã Mỹ Hòa Hưng: lụa, lúa, COVID-19 và 2021-2025"


def analyze(backend, analyzer: str, text: str) -> list[str]:
    backend.ensure_index()
    answer = backend.client.indices.analyze(
        index=backend.alias, body={"analyzer": analyzer, "text": text}
    )
    return [t["token"] for t in answer["tokens"]]


def test_analyzers_agree_with_python_folding(live_backend):
    assert analyze(live_backend, "vi_fold", SAMPLE) == [fold(w) for w in words(SAMPLE)]
    assert analyze(live_backend, "vi_dfold", SAMPLE) == [dfold(w) for w in words(SAMPLE)]


def test_autocomplete_indexes_folded_prefixes(live_backend):
    assert analyze(live_backend, "vi_autocomplete", "Đốc") == ["d", "do", "doc"]
    assert analyze(live_backend, "vi_autocomplete_dfold", "Đốc") == ["d", "dố", "dốc"]


# -- index lifecycle -------------------------------------------------------------


def test_rebuild_swaps_behind_the_alias_and_readers_never_see_it_empty(live_backend):
    old = [make_doc(title=f"Điển hình cũ {n}") for n in range(3)]
    live_backend.index(old)
    live_backend.refresh()
    first = live_backend.aliased_indices()
    seen = []

    def documents():
        # More than one bulk chunk, so the new index is half full while we look.
        for n in range(1200):
            if n in (0, 600, 1199):
                live_backend.refresh()
                seen.append(
                    (live_backend.count(), len(live_backend.search(SearchRequest(q="cũ")).hits))
                )
            yield make_doc(title=f"Điển hình mới {n}")

    assert live_backend.rebuild(documents()) == 1200
    assert seen == [(3, 3)] * 3
    assert live_backend.count() == 1200
    assert live_backend.search(SearchRequest(q="cũ")).total == 0
    # The alias moved to one new index and the old one is gone.
    (current,) = live_backend.aliased_indices()
    assert current not in first
    assert all_indices(live_backend) == {current}


def test_an_interrupted_rebuild_is_cleaned_up_by_the_next(live_backend):
    reading = make_doc(title="Bài bạn đọc đang xem")
    live_backend.rebuild(iter([reading]))

    def crashing():
        yield make_doc(title="Bài nạp dở")
        raise RuntimeError("the import crashed")

    with pytest.raises(RuntimeError, match="crashed"):
        live_backend.rebuild(crashing())
    half_built = all_indices(live_backend) - set(live_backend.aliased_indices())
    assert len(half_built) == 1
    # Readers are still on the complete index.
    assert [h.id for h in live_backend.search(SearchRequest(q="ban doc")).hits] == [reading.id]

    live_backend.rebuild(iter([make_doc(title="Bài mới")]))
    assert all_indices(live_backend) == set(live_backend.aliased_indices())
    assert not half_built & all_indices(live_backend)


# -- the site on the cluster ---------------------------------------------------------


@pytest.fixture
def cluster_settings(cluster, settings):
    """The site's search on the cluster (wrapped with its fallback), in its own alias."""
    name, url = cluster
    var, _cls = CLUSTERS[name]
    alias = f"exemplars-test-{uuid.uuid4().hex[:12]}"
    settings.EXEMPLARS_SEARCH = {"BACKEND": name, var: url, "INDEX": alias, "RETRY_AFTER": 0}
    backends.reset_backends()
    yield settings
    drop_indices(backends.get_backend(name))
    backends.reset_backends()


@pytest.fixture
def mirror_never_answers(monkeypatch):
    """Readers must be answered by the cluster: the database mirror refuses to."""

    def refuse(*args, **kwargs):
        raise AssertionError("a reader was answered by the database, not the cluster")

    def patch():
        mirror = backends.database_backend()
        monkeypatch.setattr(mirror, "search", refuse)
        monkeypatch.setattr(mirror, "suggest", refuse)

    return patch


@pytest.fixture
def cluster_devset(cluster_settings, devset, mirror_never_answers):  # noqa: F811
    mirror_never_answers()
    return devset


def test_devset_relevance_on_the_cluster(client, cluster_devset):
    """Same goals as on SQLite and PostgreSQL: recall 1.0, first ≥ 0.95, MRR ≥ 0.9."""
    devset_relevance(client, cluster_devset)
    assert service.search(SearchRequest(q="điển hình")).backend in CLUSTERS


# -- the outage path ------------------------------------------------------------------


def node_script(*args: str) -> None:
    subprocess.run(["bash", str(NODE_SCRIPT), *args], check=True, capture_output=True, timeout=180)


@pytest.fixture
def own_node(cluster):
    """The node scripts/search-node.sh runs, which this test may stop and restart."""
    name, url = cluster
    if name != "opensearch" or not NODE_PID.exists():
        require_node(f"the {name} node at {url} was not started by scripts/search-node.sh")
    yield
    # Whatever happened, leave the node running for the rest of the suite.
    node_script("start")


def indexed_ids(backend) -> set[int]:
    backend.refresh()
    answer = backend._client_search({"size": 10_000, "_source": False})
    return {int(h["_id"]) for h in answer["hits"]["hits"]}


def test_node_stopped_readers_get_the_database_and_replay_restores_the_index(
    section, cluster_settings, own_node, django_capture_on_commit_callbacks
):
    from exemplars.models import ExemplarStoryPage
    from tests.factories import make_story

    with django_capture_on_commit_callbacks(execute=True):
        kept = make_story(title="Người giữ nghề dệt lụa Tân Châu")
        dropped = make_story(title="Cánh đồng lúa sẽ gỡ xuống")
    call_command("rebuild_search_index", stdout=StringIO())
    cluster_backend = backends.get_backend()
    assert indexed_ids(cluster_backend) == {kept.pk, dropped.pk}

    node_script("stop", "--keep-data")
    with django_capture_on_commit_callbacks(execute=True):
        added = make_story(title="Chị Ba nuôi tôm sạch ở Cà Mau")
        dropped.unpublish()
        kept.title = "Người giữ hồn lụa Tân Châu"
        kept.save_revision().publish()
    # Nothing raised; the changes wait in the queue and readers get the database.
    assert PendingIndexOperation.objects.count() >= 3
    results = service.search(SearchRequest(q="hồn lụa"))
    assert results.backend in ("sqlite", "postgres")
    assert [h.id for h in results.hits] == [kept.pk]
    assert [h.id for h in service.search(SearchRequest(q="tom sach")).hits] == [added.pk]

    node_script("start")
    call_command("replay_search_queue", stdout=StringIO())
    assert PendingIndexOperation.objects.count() == 0
    published = set(ExemplarStoryPage.objects.live().public().values_list("pk", flat=True))
    assert indexed_ids(cluster_backend) == published == {kept.pk, added.pk}
    answer = cluster_backend.search(SearchRequest(q="hồn lụa"))
    assert answer.backend in CLUSTERS and [h.id for h in answer.hits] == [kept.pk]
