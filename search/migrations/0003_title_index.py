"""The titles table with prefix indexes that suggest reads (SQLite only).

Databases migrated before it got the table from 0001; this fills it from the
full-text table. The SQL is written out, never imported from live code.
"""

from django.db import migrations

CREATE = """CREATE VIRTUAL TABLE IF NOT EXISTS exemplars_search_title USING fts5(
    title_d, title_f, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')"""
FILL = """INSERT INTO exemplars_search_title(rowid, title_d, title_f)
    SELECT rowid, title_d, title_f FROM exemplars_search_fts
    WHERE rowid NOT IN (SELECT rowid FROM exemplars_search_title)"""
DROP = "DROP TABLE IF EXISTS exemplars_search_title"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(CREATE)
            cursor.execute(FILL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("exemplars_search", "0002_pendingindexoperation")]
    operations = [migrations.RunPython(create, drop)]
