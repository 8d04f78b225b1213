"""The OpenSearch backend without a node: selection, errors, and one body for both clients.

What it sends is checked on a real node by ``test_cluster_live.py``; here, that
an OpenSearch-only install (no ``elasticsearch`` package) builds byte-for-byte
the bodies the Elasticsearch backend's recording-fake tests check.
"""

import importlib.util
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from exemplars_search import backends
from exemplars_search.backends import cluster
from exemplars_search.backends import opensearch as os_backend
from exemplars_search.backends.base import BackendUnavailable
from exemplars_search.query import SearchRequest

from .behaviour import make_doc

REQUESTS = [
    SearchRequest(q="điển hình tiên tiến"),
    SearchRequest(q='"Châu Đốc" lua -tra', campaign=["thi-dua-2024"], year=2024, page=2),
    SearchRequest(q="", locality=["an-giang"], field=["nong-nghiep"], kind="individual"),
    SearchRequest(q="hoi quan", sort="newest"),
]


def bodies(module) -> list[dict]:
    out = [module.index_body(shards=3, replicas=1), module.index_body(loading=True)]
    out += [module.build_search(r).to_dict() for r in REQUESTS]
    out += [module.build_search(r, loose=True).to_dict() for r in REQUESTS]
    out += [module.build_suggest(q).to_dict() for q in ("chau d", "Hồ", "dien hinh tien")]
    return out


def load_without_elasticsearch(monkeypatch):
    """A fresh copy of cluster.py, imported as where the elasticsearch package is missing."""
    for name in [m for m in sys.modules if m == "elasticsearch" or m.startswith("elasticsearch.")]:
        monkeypatch.delitem(sys.modules, name)
    # None in sys.modules makes an import raise ImportError.
    monkeypatch.setitem(sys.modules, "elasticsearch", None)
    monkeypatch.setitem(sys.modules, "elasticsearch.dsl", None)
    spec = importlib.util.find_spec(cluster.__name__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.undo()
    return module


def test_both_clients_dsls_build_the_same_bodies(monkeypatch):
    assert cluster.Q.__module__.startswith("elasticsearch")
    opensearch_only = load_without_elasticsearch(monkeypatch)
    assert opensearch_only.Q.__module__.startswith("opensearchpy")
    assert bodies(opensearch_only) == bodies(cluster)


def test_auto_chooses_opensearch_by_its_url(settings):
    settings.EXEMPLARS_SEARCH = {"BACKEND": "auto", "OPENSEARCH_URL": "http://127.0.0.1:9"}
    backends.reset_backends()
    try:
        assert backends.resolve_name() == "opensearch"
        assert isinstance(backends.get_backend(), os_backend.OpenSearchSearchBackend)
    finally:
        backends.reset_backends()


def test_url_is_required():
    with pytest.raises(ImproperlyConfigured, match="OPENSEARCH_URL"):
        os_backend.OpenSearchSearchBackend({})


def test_missing_client_package_is_a_clear_error(monkeypatch):
    cause = ImportError("No module named 'opensearchpy'")
    monkeypatch.setattr(os_backend, "_IMPORT_ERROR", cause)
    with pytest.raises(ImproperlyConfigured, match=r"exemplars\[opensearch\]") as info:
        os_backend.OpenSearchSearchBackend({"OPENSEARCH_URL": "http://127.0.0.1:9"})
    assert info.value.__cause__ is cause


def test_a_node_that_is_not_there_is_unavailable():
    # Port 9 (discard) is closed on test machines: the connection is refused at once.
    backend = os_backend.OpenSearchSearchBackend(
        {"OPENSEARCH_URL": "http://127.0.0.1:9", "TIMEOUT": 1}
    )
    with pytest.raises(BackendUnavailable, match="unreachable"):
        backend.index([make_doc()])
    with pytest.raises(BackendUnavailable, match="unreachable"):
        backend.search(SearchRequest(q="điển hình"))
