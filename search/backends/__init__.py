"""Choosing the search backend, the way Django chooses a cache.

``settings.EXEMPLARS_SEARCH["BACKEND"]`` is one of:

* ``"auto"`` (default): Elasticsearch when ``ELASTICSEARCH_URL`` is set,
  OpenSearch when ``OPENSEARCH_URL`` is, else PostgreSQL full-text search on a
  PostgreSQL database, else SQLite FTS5;
* ``"sqlite"``, ``"postgres"``, ``"elasticsearch"``, ``"opensearch"``;
* ``"database"``: the backend that lives in the database (sqlite or postgres
  by vendor), which is also what readers get while Elasticsearch is down;
* a dotted module path whose ``SearchBackend`` class is used.

Instances are cached per name; :func:`reset_backends` forgets them (tests).
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from .base import BaseSearchBackend

BUILTIN = {
    "sqlite": "exemplars_search.backends.sqlite",
    "postgres": "exemplars_search.backends.postgres",
    "elasticsearch": "exemplars_search.backends.elasticsearch",
    "opensearch": "exemplars_search.backends.opensearch",
}
DATABASE_VENDORS = {"sqlite": "sqlite", "postgresql": "postgres"}

_instances: dict[str, BaseSearchBackend] = {}


def search_settings() -> dict:
    return dict(getattr(settings, "EXEMPLARS_SEARCH", {}) or {})


def database_alias() -> str:
    return search_settings().get("DATABASE", "default")


def database_backend_name() -> str:
    """ "sqlite" or "postgres", from the vendor of the database search uses."""
    vendor = connections[database_alias()].vendor
    try:
        return DATABASE_VENDORS[vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"No database search backend for the {vendor!r} database; "
            "set EXEMPLARS_SEARCH['BACKEND'] = 'elasticsearch'."
        ) from None


def resolve_name(alias: str | None = None) -> str:
    """Turn a setting value ("auto", "database", …) into a concrete backend name."""
    conf = search_settings()
    name = (alias or conf.get("BACKEND") or "auto").strip()
    if name == "auto":
        if conf.get("ELASTICSEARCH_URL"):
            return "elasticsearch"
        if conf.get("OPENSEARCH_URL"):
            return "opensearch"
        return database_backend_name()
    if name == "database":
        return database_backend_name()
    return name


def load_backend_class(name: str) -> type[BaseSearchBackend]:
    module_path = BUILTIN.get(name, name)
    try:
        module = import_module(module_path)
        cls = module.SearchBackend
    except (ImportError, AttributeError) as exc:
        raise ImproperlyConfigured(
            f"Could not load the search backend {name!r} (module {module_path!r} "
            f"with a SearchBackend class): {exc}"
        ) from exc
    if not (isinstance(cls, type) and issubclass(cls, BaseSearchBackend)):
        raise ImproperlyConfigured(f"{module_path}.SearchBackend must subclass BaseSearchBackend")
    return cls


def get_backend(alias: str | None = None) -> BaseSearchBackend:
    """The backend named ``alias``, or the configured one; cached."""
    name = resolve_name(alias)
    backend = _instances.get(name)
    if backend is None:
        cls = load_backend_class(name)
        try:
            backend = cls(search_settings())
        except ImproperlyConfigured:
            raise
        except Exception as exc:
            raise ImproperlyConfigured(
                f"The search backend {name!r} could not start: {exc}"
            ) from exc
        _instances[name] = backend
    return backend


def database_backend() -> BaseSearchBackend:
    """The database-resident backend, used as the fallback for Elasticsearch."""
    return get_backend("database")


def reset_backends() -> None:
    """Forget cached instances, so changed settings take effect (tests)."""
    _instances.clear()
