"""The floor: a bare full-text table queried the plainest way.

SQLite: one FTS5 table of the raw NFC text (default tokenizer), ``MATCH …
ORDER BY bm25 LIMIT 20``. PostgreSQL: one ``simple`` tsvector with a GIN
index, ``@@ … ORDER BY ts_rank LIMIT 20``. No folding of đ, no facets, no
excerpts: what any search costs at the least on this machine.
"""

from __future__ import annotations

from exemplars_search.backends.fts5 import quote
from exemplars_search.text import parse_query, words

TABLE = "exemplars_bench_floor"


def create(connection, documents, batch: int = 1000) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
            cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, intro, body)")
            insert = f"INSERT INTO {TABLE}(rowid, title, intro, body) VALUES (%s, %s, %s, %s)"
        else:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
            cursor.execute(f"CREATE TABLE {TABLE} (id bigint PRIMARY KEY, tsv tsvector NOT NULL)")
            insert = (
                f"INSERT INTO {TABLE}(id, tsv) VALUES (%s, setweight(to_tsvector('simple', %s), 'A') "
                f"|| setweight(to_tsvector('simple', %s), 'B') || to_tsvector('simple', %s))"
            )
        rows = []
        for doc in documents:
            rows.append((doc.id, doc.title, doc.intro, doc.body))
            if len(rows) >= batch:
                cursor.executemany(insert, rows)
                rows = []
        if rows:
            cursor.executemany(insert, rows)
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
        else:
            cursor.execute(f"CREATE INDEX {TABLE}_gin ON {TABLE} USING gin (tsv)")
            cursor.execute(f"ANALYZE {TABLE}")


def drop(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def expression(q: str) -> str:
    """The reader's words as FTS5 strings: plain words ANDed, phrases kept, exclusions NOTed."""
    parsed = parse_query(q)
    expr = " AND ".join(quote(" ".join(t.text for t in g)) for g in parsed.groups)
    for group in parsed.excluded:
        expr = f"({expr}) NOT {quote(' '.join(t.text for t in group))}"
    return expr


def search(connection, q: str, limit: int = 20) -> list[int]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY bm25({TABLE}) LIMIT %s",
                [expression(q), limit],
            )
        else:
            cursor.execute(
                f"SELECT id FROM {TABLE}, plainto_tsquery('simple', %s) query "
                f"WHERE tsv @@ query ORDER BY ts_rank(tsv, query) DESC LIMIT %s",
                [" ".join(words(q)), limit],
            )
        return [r[0] for r in cursor.fetchall()]
