"""Elasticsearch backend: the Elasticsearch client's calls for :class:`ClusterSearchBackend`.

This is the only module that imports the Elasticsearch client, and it imports
it guarded, so SQLite, PostgreSQL and OpenSearch installs do not need the
package. What is sent (mappings, analyzers, queries, the alias lifecycle) is
decided in ``cluster.py``, shared with the OpenSearch backend.
"""

from __future__ import annotations

from collections.abc import Iterable

from .base import BackendUnavailable
from .cluster import (  # noqa: F401 - the request builders, re-exported for tests and callers
    IGNORED_BULK_STATUSES,
    UNAVAILABLE_STATUSES,
    ClusterSearchBackend,
    build_search,
    build_suggest,
    document_source,
    index_body,
    mapping,
)

try:
    from elastic_transport import TransportError
    from elasticsearch import ApiError, Elasticsearch, NotFoundError
    from elasticsearch.helpers import streaming_bulk
except ImportError as exc:  # pragma: no cover - exercised only without the package
    _IMPORT_ERROR: ImportError | None = exc
else:
    _IMPORT_ERROR = None


class ElasticsearchSearchBackend(ClusterSearchBackend):
    """Reader search on an Elasticsearch 8 (or 9) cluster.

    Selected by ``EXEMPLARS_SEARCH["ELASTICSEARCH_URL"]``; the other settings
    are :class:`ClusterSearchBackend`'s.
    """

    name = "elasticsearch"
    product = "Elasticsearch"
    url_setting = "ELASTICSEARCH_URL"
    extra = "elasticsearch"

    @property
    def import_error(self):
        # Read at call time, so a test can stand in for a missing package.
        return _IMPORT_ERROR

    def make_client(self, url: str, options: dict, extra: dict):
        kwargs = {"request_timeout": options["timeout"], "max_retries": options["max_retries"]}
        return Elasticsearch(url, **{**kwargs, **extra})

    def unavailable(self, exc: Exception) -> BackendUnavailable | None:
        if isinstance(exc, TransportError):
            return BackendUnavailable(f"Elasticsearch is unreachable: {exc}")
        if isinstance(exc, ApiError) and exc.meta.status in UNAVAILABLE_STATUSES:
            return BackendUnavailable(f"Elasticsearch cannot serve ({exc.meta.status}): {exc}")
        return None

    def is_not_found(self, exc: Exception) -> bool:
        return isinstance(exc, NotFoundError)

    def _client_create_index(self, name: str, body: dict) -> None:
        self.client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])

    def _client_update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(actions=actions)

    def _client_put_settings(self, name: str, settings: dict) -> None:
        self.client.indices.put_settings(index=name, settings=settings)

    def _client_get_alias(self) -> dict:
        return self.client.indices.get_alias(name=self.alias).body

    def _client_exists_alias(self) -> bool:
        return bool(self.client.indices.exists_alias(name=self.alias))

    def _client_get_indices(self, pattern: str) -> dict:
        return self.client.indices.get(index=pattern).body

    def _client_exists_index(self, name: str) -> bool:
        return bool(self.client.indices.exists(index=name))

    def _client_delete_index(self, name: str) -> None:
        self.client.indices.delete(index=name, ignore_unavailable=True)

    def _client_refresh(self, name: str) -> None:
        self.client.indices.refresh(index=name)

    def _client_count(self) -> dict:
        return self.client.count(index=self.alias).body

    def _client_search(self, body: dict) -> dict:
        return self.client.search(index=self.alias, body=body).body

    def _client_bulk(
        self, actions: Iterable[dict], *, index: str, refresh, require_alias: bool, timeout=None
    ):
        client = self.client.options(request_timeout=timeout) if timeout else self.client
        return streaming_bulk(
            client,
            actions,
            index=index,
            chunk_size=500,
            raise_on_error=False,
            ignore_status=IGNORED_BULK_STATUSES,
            refresh=refresh,
            require_alias=require_alias,
        )


SearchBackend = ElasticsearchSearchBackend
