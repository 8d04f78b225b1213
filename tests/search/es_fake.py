"""A fake Elasticsearch cluster behind the real client, for tests without a server.

:class:`FakeCluster` plugs into ``Elasticsearch(node_class=...)``, so requests go
through the real client and transport (serialisation, headers, bulk NDJSON)
and are recorded as :class:`Request` tuples. It keeps indices, aliases and
documents (honouring external versions) well enough to check what the backend
sends and in which order; searches answer with whatever ``search_answer``
returns (by default, nothing found). ``down = True`` makes every request fail
as a refused connection.
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport._node import NodeApiResponse

URL = "http://fake-es:9200"


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object


def empty_answer(body: dict) -> dict:
    return {"took": 1, "timed_out": False, "hits": {"total": {"value": 0}, "hits": []}}


@dataclass
class FakeCluster:
    indices: dict = field(default_factory=dict)  # name -> {"docs": {id: (version, source)}, ...}
    aliases: dict = field(default_factory=dict)  # alias -> set of index names
    requests: list = field(default_factory=list)
    down: bool = False
    reject_ids: set = field(default_factory=set)  # bulk items refused as malformed
    overloaded: bool = False  # bulk items refused with 429, as a busy cluster does
    search_answer: object = empty_answer
    timeouts: list = field(default_factory=list)  # (method, path, request_timeout) per request

    def node_class(self):
        cluster = self

        class FakeNode(BaseNode):
            def perform_request(self, method, target, *, body=None, headers=None, **kw):
                cluster.timeouts.append((method, target.split("?")[0], kw.get("request_timeout")))
                status, answer = cluster.handle(method, target, body)
                data = b"" if method == "HEAD" else json.dumps(answer).encode()
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders(
                        {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
                    ),
                    duration=0.0,
                    node=self.config,
                )
                return NodeApiResponse(meta, data)

        return FakeNode

    def client_options(self) -> dict:
        """``CLIENT_OPTIONS`` for the backend: this fake, no retries or sniffing."""
        return {"node_class": self.node_class(), "max_retries": 0}

    # -- what tests look at ----------------------------------------------------

    def calls(self, method: str | None = None, path_part: str = "") -> list[Request]:
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and path_part in r.path
        ]

    def resolve(self, name: str) -> list[str]:
        if name in self.aliases:
            return sorted(self.aliases[name])
        return [name] if name in self.indices else []

    def docs(self, alias: str) -> dict[int, dict]:
        """id → source of every document behind ``alias``."""
        out = {}
        for idx in self.resolve(alias):
            for pk, (_version, source) in self.indices[idx]["docs"].items():
                if source is not None:
                    out[int(pk)] = source
        return out

    def versions(self, alias: str) -> dict[int, int]:
        out = {}
        for idx in self.resolve(alias):
            for pk, (version, source) in self.indices[idx]["docs"].items():
                if source is not None:
                    out[int(pk)] = version
        return out

    # -- the server ------------------------------------------------------------

    def handle(self, method: str, target: str, body: bytes | None):
        url = urlsplit(target)
        path = unquote(url.path)
        params = dict(parse_qsl(url.query))
        if path.endswith("/_bulk"):
            parsed = [json.loads(line) for line in (body or b"").decode().splitlines() if line]
        else:
            parsed = json.loads(body) if body else None
        self.requests.append(Request(method, path, params, parsed))
        if self.down:
            raise TransportConnectionError("Connection refused (fake cluster is down)")
        parts = [p for p in path.split("/") if p]
        if parts and parts[0] == "_alias":
            return self._alias(method, parts[1])
        if parts == ["_aliases"]:
            return self._update_aliases(parsed["actions"])
        if parts and parts[-1] == "_bulk":
            return self._bulk(parts[0] if len(parts) > 1 else None, parsed, params)
        if len(parts) == 2 and parts[1] == "_search":
            if not self.resolve(parts[0]):
                return self._missing(parts[0])
            return 200, self.search_answer(parsed or {})
        if len(parts) == 2 and parts[1] == "_count":
            if not self.resolve(parts[0]):
                return self._missing(parts[0])
            return 200, {"count": len(self.docs(parts[0]))}
        if len(parts) == 2 and parts[1] in ("_refresh", "_settings"):
            if parts[1] == "_settings":
                for idx in self.resolve(parts[0]):
                    self.indices[idx]["settings"].update(parsed.get("index", parsed))
            return 200, {"acknowledged": True}
        if len(parts) == 1:
            return self._index(method, parts[0], parsed)
        return 400, {"error": {"type": "unsupported", "reason": f"{method} {path}"}, "status": 400}

    def _missing(self, name):
        return 404, {
            "error": {"type": "index_not_found_exception", "reason": f"no such index [{name}]"},
            "status": 404,
        }

    def _alias(self, method, name):
        if name not in self.aliases:
            return 404, {"error": f"alias [{name}] missing", "status": 404}
        return 200, {idx: {"aliases": {name: {}}} for idx in sorted(self.aliases[name])}

    def _update_aliases(self, actions):
        for action in actions:
            ((kind, spec),) = action.items()
            if kind == "add":
                if spec["index"] not in self.indices:
                    return self._missing(spec["index"])
                self.aliases.setdefault(spec["alias"], set()).add(spec["index"])
            elif kind == "remove":
                self.aliases.get(spec["alias"], set()).discard(spec["index"])
            elif kind == "remove_index":
                self.indices.pop(spec["index"], None)
                for members in self.aliases.values():
                    members.discard(spec["index"])
        return 200, {"acknowledged": True}

    def _index(self, method, name, body):
        names = [n for n in self.indices if fnmatch.fnmatch(n, name)]
        if method == "HEAD":
            return (200 if name in self.indices else 404), {}
        if method == "PUT":
            if name in self.indices or name in self.aliases:
                return 400, {
                    "error": {"type": "resource_already_exists_exception", "reason": name},
                    "status": 400,
                }
            self.indices[name] = {
                "docs": {},
                "settings": dict(body.get("settings", {})),
                "mappings": body.get("mappings", {}),
            }
            return 200, {"acknowledged": True, "index": name}
        if method == "DELETE":
            for n in names:
                del self.indices[n]
                for members in self.aliases.values():
                    members.discard(n)
            return 200, {"acknowledged": True}
        if method == "GET":
            if not names:
                return (200, {}) if "*" in name else self._missing(name)
            return 200, {n: {"settings": self.indices[n]["settings"]} for n in names}
        return 400, {"error": "unsupported", "status": 400}

    def _bulk(self, default_index, lines, params):
        items, i = [], 0
        while i < len(lines):
            ((op, meta),) = lines[i].items()
            source = lines[i + 1] if op == "index" else None
            i += 2 if op == "index" else 1
            target = meta.get("_index", default_index)
            if params.get("require_alias") == "true" and target not in self.aliases:
                items.append({op: {"status": 404, "error": {"type": "index_not_found_exception"}}})
                continue
            indices = self.resolve(target)
            if not indices:
                # Real clusters would auto-create an index with dynamic mappings.
                self.indices[target] = {"docs": {}, "settings": {}, "mappings": {}}
                indices = [target]
            docs = self.indices[indices[0]]["docs"]
            pk = str(meta["_id"])
            if self.overloaded:
                error = {"type": "es_rejected_execution_exception", "reason": "queue full"}
                items.append({op: {"_id": pk, "status": 429, "error": error}})
                continue
            if int(pk) in self.reject_ids:
                error = {"type": "document_parsing_exception", "reason": "refused"}
                items.append({op: {"_id": pk, "status": 400, "error": error}})
                continue
            current = docs.get(pk, (None, None))[0]
            version = meta.get("version")
            if version is not None and current is not None and version <= current:
                items.append({op: {"_id": pk, "status": 409, "error": {"type": "conflict"}}})
                continue
            if op == "delete":
                existed = docs.get(pk, (None, None))[1] is not None
                docs[pk] = (version, None)  # a tombstone keeps the version
                items.append({op: {"_id": pk, "status": 200 if existed else 404}})
            else:
                docs[pk] = (version, source)
                items.append({op: {"_id": pk, "status": 201}})
        errors = any(item[next(iter(item))]["status"] >= 300 for item in items)
        return 200, {"took": 1, "errors": errors, "items": items}
