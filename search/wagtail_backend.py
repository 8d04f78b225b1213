"""Wagtail's own database search backend, folded for Vietnamese.

The Wagtail admin (page search, snippet listings, choosers) searches through
``wagtail.search``, which is the ``modelsearch`` package. Its database backend
on SQLite stores text as typed in an FTS5 table whose tokenizer strips marks
from single-mark vowels only: "điển" (two marks) and "đ" (no decomposition at
all) never match "dien". A lone double quote reaches FTS5 unbalanced and raises.

We fold Wagtail's backend rather than route the admin through our reader
search: the admin searches every indexed model (pages of any type, snippets,
images, documents, users), with per-model filters and ordering that only
Wagtail's query compiler understands, while ours indexes published stories
only. So this module keeps Wagtail's backend and changes what goes in and
what is asked:

* SQLite: titles, bodies and autocomplete text are folded (``text.fold``:
  NFC, đ→d, every mark dropped, lower case) on their way into the index, and
  every query word is folded the same way, so "dien hinh" and "điển hình" both
  find "Điển hình". Marks do not narrow admin search: journalists want the
  page, not a lesson in spelling.
* PostgreSQL: the ``exemplars_vi`` text search configuration (``simple`` +
  ``unaccent``, created by our migration) folds both sides inside PostgreSQL,
  for search and autocomplete alike (Wagtail uses ``simple`` for
  autocomplete, which does not fold).
* Both: characters that are query syntax for the database (``"``, control
  characters) are removed from reader words; a query left with no words
  matches nothing instead of raising.

Only modelsearch's backend classes are extended (the compilers' ``query``, the
backend's class attributes, the SQLite index's ``add_items`` through ``super()``);
no upstream code is copied. ``modelsearch`` is pinned to a minor version in
``pyproject.toml`` so a change there is tested before the range moves.

Use it with::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "exemplars_search.wagtail_backend"}}
"""

from __future__ import annotations

import re
from functools import cache

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import MATCH_ALL, MATCH_NONE, And, Boost, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from .text import fold

# Quotes end FTS5 strings; the rest are separators to every tokenizer we use.
_UNSAFE_RE = re.compile(r'["\x00-\x1f\x7f]+')
PG_CONFIG = "exemplars_vi"


def clean_words(text: str, *, folded: bool) -> str:
    """Reader words made safe for the database, folded when ``folded``."""
    text = _UNSAFE_RE.sub(" ", text or "")
    return " ".join((fold(text) if folded else text).split())


def clean_query(query, *, folded: bool):
    """The same query tree with its words cleaned; ``None`` when no word is left."""
    if isinstance(query, PlainText):
        words = clean_words(query.query_string, folded=folded)
        return PlainText(words, operator=query.operator, boost=query.boost) if words else None
    if isinstance(query, Phrase):
        words = clean_words(query.query_string, folded=folded)
        return Phrase(words) if words else None
    if isinstance(query, And | Or):
        parts = [p for p in (clean_query(q, folded=folded) for q in query.subqueries) if p]
        return type(query)(parts) if parts else None
    if isinstance(query, Not):
        inner = clean_query(query.subquery, folded=folded)
        return Not(inner) if inner is not None else MATCH_ALL
    if isinstance(query, Boost):
        inner = clean_query(query.subquery, folded=folded)
        return Boost(inner, query.boost) if inner is not None else None
    return query


class CleanQueryMixin:
    """Cleans (and on SQLite folds) the query before the compiler builds SQL."""

    FOLD_QUERY = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cleaned = clean_query(self.query, folded=self.FOLD_QUERY)
        self.query = MATCH_NONE if cleaned is None else cleaned


# Built on first use: modelsearch's SQLite module only imports on SQLite, and
# its PostgreSQL module needs psycopg.
@cache
def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class FoldingSQLiteIndex(SQLiteIndex):
        """Wagtail's SQLite index; what it wrote is then folded in place.

        Upstream writes the entries (its own steps, not copied here), then the
        same rows get folded text; the FTS5 table follows through modelsearch's
        update trigger, so it only ever holds "dien hinh".
        """

        FOLDED_FIELDS = ("title", "autocomplete", "body")

        def add_items(self, model, objs):
            objs = list(objs)
            super().add_items(model, objs)
            if not objs or not model.get_search_fields():
                return
            entries = list(
                self.entries.filter(
                    content_type_id=get_content_type_pk(model),
                    object_id__in=[str(obj.pk) for obj in objs],
                ).only("pk", *self.FOLDED_FIELDS)
            )
            for entry in entries:
                for name in self.FOLDED_FIELDS:
                    value = getattr(entry, name)
                    setattr(entry, name, fold(value) if value else value)
            self.entries.bulk_update(entries, self.FOLDED_FIELDS, batch_size=500)

    class FoldingSQLiteSearchQueryCompiler(CleanQueryMixin, SQLiteSearchQueryCompiler):
        FOLD_QUERY = True

    class FoldingSQLiteAutocompleteQueryCompiler(CleanQueryMixin, SQLiteAutocompleteQueryCompiler):
        FOLD_QUERY = True

    class FoldingSQLiteSearchBackend(SQLiteSearchBackend):
        """Wagtail's SQLite FTS5 backend with folded index text and queries."""

        index_class = FoldingSQLiteIndex
        query_compiler_class = FoldingSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = FoldingSQLiteAutocompleteQueryCompiler

    return FoldingSQLiteSearchBackend


@cache
def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class CleanPostgresSearchQueryCompiler(CleanQueryMixin, PostgresSearchQueryCompiler):
        pass

    class CleanPostgresAutocompleteQueryCompiler(
        CleanQueryMixin, PostgresAutocompleteQueryCompiler
    ):
        pass

    class FoldingPostgresSearchBackend(PostgresSearchBackend):
        """Wagtail's PostgreSQL backend on the folding ``exemplars_vi`` configuration."""

        query_compiler_class = CleanPostgresSearchQueryCompiler
        autocomplete_query_compiler_class = CleanPostgresAutocompleteQueryCompiler

        def __init__(self, params):
            super().__init__(params)
            self.config = params.get("SEARCH_CONFIG", PG_CONFIG)
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", self.config)

    return FoldingPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - modelsearch looks this name up
    """The folded backend for the default database's vendor (like modelsearch's)."""
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if fts5_available():
            return _sqlite_backend_class()(params)
    elif connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    # Other databases: Wagtail's own choice (no folding available there).
    return DatabaseSearchBackend(params)
