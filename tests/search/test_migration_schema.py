"""The search migrations are the one home of the full-text tables' DDL.

They hold their SQL (a migration that imported the backend's DDL would change
the day the backend does: a database migrated last year and one migrated today
would differ), and the backends keep no copy of it. What is checked here is
the contract between the two: a fresh migrate has the tables and columns the
backends write, and a PostgreSQL rebuild, which copies the live table from the
catalog, leaves exactly the table the migration built.
"""

import ast
import datetime as dt
import importlib
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection

from exemplars_search.backends import fts5, postgres, sqlite
from exemplars_search.documents import SearchDocument

MIGRATIONS = Path(__file__).resolve().parents[2] / "search" / "migrations"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_search_migrations_import_only_django():
    offenders = {
        path.name: sorted(name for name in imported_modules(path) if not name.startswith("django"))
        for path in sorted(MIGRATIONS.glob("0*.py"))
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def sqlite_columns(cursor, table: str) -> tuple[str, ...]:
    cursor.execute(f"PRAGMA table_info({table})")
    return tuple(row[1] for row in cursor.fetchall())


def sqlite_tables(cursor) -> dict[str, str]:
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE 'exemplars_search%'")
    return dict(cursor.fetchall())


@pytest.mark.django_db
def test_sqlite_tables_have_the_columns_the_backend_writes():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite pass checks the FTS5 tables")
    with connection.cursor() as cursor:
        assert sqlite_columns(cursor, sqlite.FTS) == fts5.COLUMNS
        assert sqlite_columns(cursor, sqlite.DOC) == sqlite.DOC_COLUMNS
        assert sqlite_columns(cursor, sqlite.TITLES) == sqlite.TITLE_COLUMNS
        assert sqlite_columns(cursor, sqlite.META) == ("key", "value")
        cursor.execute(f"SELECT v FROM {sqlite.FTS}_config WHERE k = 'rank'")
        (rank,) = cursor.fetchone()
    # The backend ranks by ``rank``: bm25 with one weight per column.
    weights = re.fullmatch(r"bm25\((.*)\)", rank).group(1).split(", ")
    assert len(weights) == len(fts5.COLUMNS)


@pytest.mark.django_db
def test_sqlite_migrations_run_again_change_nothing():
    """0003 creates the titles table 0001 already made on a fresh database."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite pass checks the FTS5 tables")
    editor = SimpleNamespace(connection=connection)
    with connection.cursor() as cursor:
        before = sqlite_tables(cursor)
        importlib.import_module("exemplars_search.migrations.0001_initial").create_schema(
            None, editor
        )
        importlib.import_module("exemplars_search.migrations.0003_title_index").create(None, editor)
        assert sqlite_tables(cursor) == before
    sqlite.SearchBackend({}).check()


def pg_shape(cursor, table: str) -> dict:
    cursor.execute(
        "SELECT column_name, data_type, is_nullable, column_default, generation_expression"
        " FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    columns = cursor.fetchall()
    cursor.execute(
        "SELECT attname, attstorage FROM pg_attribute"
        " WHERE attrelid = %s::regclass AND attnum > 0 ORDER BY attnum",
        [table],
    )
    storage = cursor.fetchall()
    cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
    indexes = sorted(cursor.fetchall())
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass",
        [table],
    )
    constraints = sorted(cursor.fetchall())
    return {"columns": columns, "storage": storage, "indexes": indexes, "constraints": constraints}


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_table_has_the_columns_the_backend_writes():
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL pass checks the tsvector table")
    with connection.cursor() as cursor:
        columns = [c[0] for c in pg_shape(cursor, postgres.TABLE)["columns"]]
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [postgres.CONFIG])
        assert cursor.fetchone()
    # The backend names the columns it writes; ``head`` PostgreSQL derives from ``vec``.
    assert set(columns) == {*postgres.COLUMNS, "head"}


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_rebuild_leaves_the_table_the_migration_built():
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL pass checks the tsvector table")
    with connection.cursor() as cursor:
        migrated = pg_shape(cursor, postgres.TABLE)
    backend = postgres.SearchBackend({})
    published = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    docs = [
        SearchDocument(
            id=i, title="Điển hình", intro="", body="", url=f"/{i}/", published=published
        )
        for i in (1, 2)
    ]
    assert backend.rebuild(docs) == 2
    assert backend.rebuild(docs) == 2
    with connection.cursor() as cursor:
        assert pg_shape(cursor, postgres.TABLE) == migrated
        cursor.execute("SELECT to_regclass(%s)", [f"{postgres.TABLE}_new"])
        assert cursor.fetchone() == (None,)
    assert backend.count() == 2
