"""OpenSearch backend: the ``opensearch-py`` client's calls for :class:`ClusterSearchBackend`.

The Elasticsearch client refuses to talk to OpenSearch (it checks the
product), so OpenSearch gets its own official client; everything sent is
built in ``cluster.py``, shared with the Elasticsearch backend. This is the
only module that imports ``opensearchpy`` for its client, guarded, so other
installs do not need it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .base import BackendUnavailable
from .cluster import IGNORED_BULK_STATUSES, UNAVAILABLE_STATUSES, ClusterSearchBackend

try:
    from opensearchpy import ConnectionError, NotFoundError, OpenSearch, TransportError
    from opensearchpy.helpers import streaming_bulk
except ImportError as exc:  # pragma: no cover - exercised only without the package
    _IMPORT_ERROR: ImportError | None = exc
else:
    _IMPORT_ERROR = None


class OpenSearchSearchBackend(ClusterSearchBackend):
    """Reader search on an OpenSearch 2 (or 3) cluster.

    Selected by ``EXEMPLARS_SEARCH["OPENSEARCH_URL"]``; the other settings are
    :class:`ClusterSearchBackend`'s.
    """

    name = "opensearch"
    product = "OpenSearch"
    url_setting = "OPENSEARCH_URL"
    extra = "opensearch"

    @property
    def import_error(self):
        return _IMPORT_ERROR

    def make_client(self, url: str, options: dict, extra: dict):
        return OpenSearch([url], **{**options, **extra})

    def unavailable(self, exc: Exception) -> BackendUnavailable | None:
        # ConnectionError covers refused connections and timeouts (no status).
        if isinstance(exc, ConnectionError):
            return BackendUnavailable(f"OpenSearch is unreachable: {exc}")
        if isinstance(exc, TransportError) and exc.status_code in UNAVAILABLE_STATUSES:
            return BackendUnavailable(f"OpenSearch cannot serve ({exc.status_code}): {exc}")
        return None

    def is_not_found(self, exc: Exception) -> bool:
        return isinstance(exc, NotFoundError)

    def _client_create_index(self, name: str, body: dict) -> None:
        self.client.indices.create(index=name, body=body)

    def _client_update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(body={"actions": actions})

    def _client_put_settings(self, name: str, settings: dict) -> None:
        self.client.indices.put_settings(index=name, body=settings)

    def _client_get_alias(self) -> dict:
        return self.client.indices.get_alias(name=self.alias)

    def _client_exists_alias(self) -> bool:
        return bool(self.client.indices.exists_alias(name=self.alias))

    def _client_get_indices(self, pattern: str) -> dict:
        return self.client.indices.get(index=pattern)

    def _client_exists_index(self, name: str) -> bool:
        return bool(self.client.indices.exists(index=name))

    def _client_delete_index(self, name: str) -> None:
        self.client.indices.delete(index=name, params={"ignore_unavailable": "true"})

    def _client_refresh(self, name: str) -> None:
        self.client.indices.refresh(index=name)

    def _client_count(self) -> dict:
        return self.client.count(index=self.alias)

    def _client_search(self, body: dict) -> dict:
        return self.client.search(index=self.alias, body=body)

    def _client_bulk(
        self, actions: Iterable[dict], *, index: str, refresh, require_alias: bool, timeout=None
    ):
        extra = {"request_timeout": timeout} if timeout else {}
        return streaming_bulk(
            self.client,
            actions,
            index=index,
            chunk_size=500,
            raise_on_error=False,
            raise_on_exception=True,
            ignore_status=IGNORED_BULK_STATUSES,
            refresh=refresh,
            require_alias=require_alias,
            **extra,
        )


SearchBackend = OpenSearchSearchBackend
