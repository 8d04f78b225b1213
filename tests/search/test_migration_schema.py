"""The search migrations hold their own SQL and build what the backends expect.

A migration that imports the backend's ``create_schema`` changes the day the
backend does: a database migrated last year and one migrated today would differ.
"""

import ast
import re
from pathlib import Path

import pytest
from django.db import connection

from exemplars_search.backends import postgres, sqlite

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


def squash(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


@pytest.mark.django_db
def test_sqlite_tables_are_those_the_backend_creates():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite pass checks the FTS5 tables")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN (%s, %s, %s, %s)",
            [sqlite.FTS, sqlite.DOC, sqlite.META, sqlite.TITLES],
        )
        migrated = {squash(row[0]) for row in cursor.fetchall()}
        cursor.execute(f"SELECT k, v FROM {sqlite.FTS}_config WHERE k = 'rank'")
        rank = cursor.fetchone()
    expected = {
        squash(sql).replace(" IF NOT EXISTS", "")
        for sql in sqlite.SCHEMA
        if sql.startswith("CREATE")
    }
    assert migrated == expected
    assert rank == ("rank", f"bm25({', '.join(map(str, sqlite.WEIGHTS))})")


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
    cursor.execute(
        "SELECT indexdef FROM pg_indexes WHERE tablename = %s ORDER BY indexname", [table]
    )
    indexes = [row[0].replace(table, "T") for row in cursor.fetchall()]
    return {"columns": columns, "storage": storage, "indexes": indexes}


@pytest.mark.postgres
@pytest.mark.django_db
def test_postgres_table_is_the_one_the_backend_creates():
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL pass checks the tsvector table")
    scratch = "exemplars_search_schema_check"
    with connection.cursor() as cursor:
        for sql in postgres._table_ddl(scratch) + postgres._index_ddl(scratch, scratch):
            cursor.execute(sql)
        assert pg_shape(cursor, postgres.TABLE) == pg_shape(cursor, scratch)
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [postgres.CONFIG])
        assert cursor.fetchone()
