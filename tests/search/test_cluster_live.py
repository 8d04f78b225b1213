"""The shared behaviour suite against a real Elasticsearch (8 or 9), when one is configured.

Set ``ELASTICSEARCH_URL`` (e.g. http://127.0.0.1:9200) to run it; each test
works in its own alias and deletes its indices afterwards.
"""

import os
import uuid

import pytest

from exemplars_search.backends import elasticsearch as es
from exemplars_search.text import dfold, fold, words

from .behaviour import SearchBackendBehaviour, make_doc

URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not URL,
        reason=(
            "ELASTICSEARCH_URL is not set: no Elasticsearch server on this machine; "
            "set it to run the live suite"
        ),
    ),
]


@pytest.fixture
def live_backend():
    alias = f"exemplars-test-{uuid.uuid4().hex[:12]}"
    backend = es.ElasticsearchSearchBackend({"ELASTICSEARCH_URL": URL, "INDEX": alias})
    yield backend
    # By name: clusters refuse wildcard deletes (action.destructive_requires_name).
    for name in backend.client.indices.get(index=f"{alias}-*").body:
        backend.client.indices.delete(index=name, ignore_unavailable=True)


class TestElasticsearchBackend(SearchBackendBehaviour):
    @pytest.fixture
    def backend(self, live_backend):
        return live_backend


SAMPLE = "Đẩy mạnh điển hình tiên tiến ở Châu Đốc, xã Mỹ Hòa Hưng: lụa, lúa, COVID-19 và 2021-2025"


def analyze(backend, analyzer: str, text: str) -> list[str]:
    backend.ensure_index()
    answer = backend.client.indices.analyze(index=backend.alias, analyzer=analyzer, text=text)
    return [t["token"] for t in answer["tokens"]]


def test_analyzers_agree_with_python_folding(live_backend):
    assert analyze(live_backend, "vi_fold", SAMPLE) == [fold(w) for w in words(SAMPLE)]
    assert analyze(live_backend, "vi_dfold", SAMPLE) == [dfold(w) for w in words(SAMPLE)]


def test_autocomplete_indexes_folded_prefixes(live_backend):
    assert analyze(live_backend, "vi_autocomplete", "Đốc") == ["d", "do", "doc"]
    assert analyze(live_backend, "vi_autocomplete_dfold", "Đốc") == ["d", "dố", "dốc"]


def test_rebuild_keeps_the_alias_searchable(live_backend):
    live_backend.index([make_doc(title="Điển hình cũ")])
    live_backend.rebuild(iter([make_doc(title="Điển hình mới")]))
    indices = live_backend.aliased_indices()
    assert len(indices) == 1
    assert live_backend.count() == 1
