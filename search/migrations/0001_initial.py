"""The full-text tables of the database backends, one branch per vendor.

SQLite gets FTS5 tables, PostgreSQL a table with weighted tsvectors and GIN
indexes and the ``exemplars_vi`` text search configuration; other vendors get
nothing (they search through Elasticsearch).

This migration is the one home of that DDL (0003 adds the SQLite titles table
for databases migrated before it). The backends keep no copy: they name the
tables and the columns they write, and the PostgreSQL rebuild copies the live
table from the catalog (``CREATE TABLE … (LIKE …)``, its keys and indexes from
``pg_get_constraintdef``/``pg_get_indexdef``), so it rebuilds what the
migrations made, later migrations included.

Why here and not a ``create_schema()`` in the backends that this calls: a
migration must build the same schema whatever later code says. A database
migrated last year and one migrated today must get the same tables from 0001,
and a change to them must come as a new migration that also brings existing
databases forward; a migration calling live DDL would let an edit to the
backend change history silently. modelsearch makes the same choice: its
migrations write their ``CREATE VIRTUAL TABLE`` and triggers out and call into
the package only for a table name and whether FTS5 is there; here even those
are literals, so these migrations import only Django.

``tests/search/test_migration_schema.py`` checks the contract: a fresh migrate
has the columns the backends write, and a rebuild leaves the migrated table.
"""

from django.db import migrations, transaction

SQLITE_CREATE = [
    # SQLite keeps this text as the table's definition: same spacing as always.
    """CREATE VIRTUAL TABLE IF NOT EXISTS exemplars_search_fts USING fts5(
        title_d, intro_d, body_d, title_f, intro_f, body_f, tokenize = 'unicode61 remove_diacritics 0')""",
    # bm25 column weights: title above intro above body, for both forms.
    """INSERT INTO exemplars_search_fts(exemplars_search_fts, rank)
        VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 10.0, 4.0, 1.0)')""",
    """CREATE TABLE IF NOT EXISTS exemplars_search_doc (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        intro TEXT NOT NULL,
        body TEXT NOT NULL,
        published TEXT NOT NULL,
        published_ts REAL NOT NULL,
        year INTEGER NOT NULL,
        kind TEXT,
        exemplar TEXT,
        locality TEXT,
        locality_label TEXT,
        field TEXT,
        field_label TEXT,
        campaigns TEXT NOT NULL,
        localities TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS exemplars_search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS exemplars_search_title USING fts5(
        title_d, title_f, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')""",
]
SQLITE_DROP = [
    f"DROP TABLE IF EXISTS {table}"
    for table in (
        "exemplars_search_fts",
        "exemplars_search_doc",
        "exemplars_search_meta",
        "exemplars_search_title",
    )
]

PG_CONFIG_EXISTS = "SELECT 1 FROM pg_ts_config WHERE cfgname = 'exemplars_vi'"
PG_UNACCENT = "CREATE EXTENSION IF NOT EXISTS unaccent"
PG_CONFIG = "CREATE TEXT SEARCH CONFIGURATION exemplars_vi (COPY = simple)"
PG_CONFIG_FOLD = (
    "ALTER TEXT SEARCH CONFIGURATION exemplars_vi "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
)
PG_TABLE_EXISTS = "SELECT to_regclass('exemplars_search_pg_document')"
PG_TABLE = [
    """CREATE TABLE exemplars_search_pg_document (
        id bigint PRIMARY KEY,
        published timestamptz NOT NULL,
        year integer NOT NULL,
        kind text,
        locality text,
        field text,
        campaigns text[] NOT NULL DEFAULT '{}',
        localities text[] NOT NULL DEFAULT '{}',
        vec tsvector NOT NULL,
        -- Title and intro only; derived in PostgreSQL rather than sent twice.
        head tsvector GENERATED ALWAYS AS (ts_filter(vec, '{a,b}'::"char"[])) STORED,
        title text NOT NULL,
        url text NOT NULL,
        exemplar text,
        intro text NOT NULL,
        body text NOT NULL
    )""",
    # Facets and the small title+intro vector stay in the row, uncompressed; the body
    # and intro (kilobytes) are read only for the page shown.
    "ALTER TABLE exemplars_search_pg_document ALTER COLUMN campaigns SET STORAGE MAIN",
    "ALTER TABLE exemplars_search_pg_document ALTER COLUMN localities SET STORAGE MAIN",
    "ALTER TABLE exemplars_search_pg_document ALTER COLUMN head SET STORAGE MAIN",
    "ALTER TABLE exemplars_search_pg_document ALTER COLUMN intro SET STORAGE EXTERNAL",
    "ALTER TABLE exemplars_search_pg_document ALTER COLUMN body SET STORAGE EXTERNAL",
    "CREATE INDEX exemplars_search_pg_document_vec"
    " ON exemplars_search_pg_document USING gin (vec)",
    "CREATE INDEX exemplars_search_pg_document_head"
    " ON exemplars_search_pg_document USING gin (head)",
    "CREATE INDEX exemplars_search_pg_document_campaigns"
    " ON exemplars_search_pg_document USING gin (campaigns)",
    "CREATE INDEX exemplars_search_pg_document_localities"
    " ON exemplars_search_pg_document USING gin (localities)",
    "CREATE INDEX exemplars_search_pg_document_published"
    " ON exemplars_search_pg_document (published DESC, id DESC)",
]
PG_LABELS = """CREATE TABLE IF NOT EXISTS exemplars_search_pg_label (
    facet text NOT NULL,
    value text NOT NULL,
    label text NOT NULL,
    PRIMARY KEY (facet, value)
)"""
PG_DROP = [
    "DROP TABLE IF EXISTS exemplars_search_pg_document, exemplars_search_pg_document_new,"
    " exemplars_search_pg_label",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS exemplars_vi",
]


def create_postgres_config(schema_editor, cursor):
    cursor.execute(PG_CONFIG_EXISTS)
    if cursor.fetchone():
        return
    try:
        # A savepoint: without the privilege to install unaccent the migration carries
        # on, and exemplars_vi is plain ``simple``.
        with transaction.atomic(using=schema_editor.connection.alias):
            cursor.execute(PG_UNACCENT)
        unaccent = True
    except Exception:  # noqa: BLE001 - any failure means "not available"
        unaccent = False
    cursor.execute(PG_CONFIG)
    if unaccent:
        cursor.execute(PG_CONFIG_FOLD)


def create_schema(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            for sql in SQLITE_CREATE:
                cursor.execute(sql)
        elif vendor == "postgresql":
            create_postgres_config(schema_editor, cursor)
            cursor.execute(PG_TABLE_EXISTS)
            if cursor.fetchone()[0] is None:
                for sql in PG_TABLE:
                    cursor.execute(sql)
            cursor.execute(PG_LABELS)


def drop_schema(apps, schema_editor):
    statements = {"sqlite": SQLITE_DROP, "postgresql": PG_DROP}
    with schema_editor.connection.cursor() as cursor:
        for sql in statements.get(schema_editor.connection.vendor, []):
            cursor.execute(sql)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations = [migrations.RunPython(create_schema, drop_schema)]
