"""The shared behaviour suite on the SQLite FTS5 backend, plus what is SQLite's own."""

import pytest
from django.db import connection

from exemplars_search.backends import fts5, sqlite
from exemplars_search.text import parse_query

from .behaviour import SearchBackendBehaviour, make_doc

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the SQLite FTS5 backend needs a SQLite database; the suite runs it in its SQLite pass",
)


@pytest.fixture
def sqlite_backend(db):
    backend = sqlite.SearchBackend({})
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {sqlite.FTS}")
        cursor.execute(f"DELETE FROM {sqlite.DOC}")
    return backend


class TestSQLiteBackend(SearchBackendBehaviour):
    @pytest.fixture
    def backend(self, sqlite_backend):
        return sqlite_backend


def test_every_reader_word_reaches_fts5_quoted():
    expr = fts5.match(parse_query('NEAR( "title: x" -y*'))
    assert '"near"' in expr
    assert "NEAR(" not in expr
    assert '"title x"' in expr


def test_facet_cache_follows_other_processes_writes(sqlite_backend):
    # Another process writes: our cached token no longer matches the table.
    story = make_doc(title="Điển hình")
    sqlite_backend.index([story])
    cache = sqlite_backend.facet_cache()
    assert len(cache) == 1
    other = sqlite.SearchBackend({})
    other.delete([story.id])
    assert len(sqlite_backend.facet_cache()) == 0
