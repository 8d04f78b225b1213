"""The titles table with prefix indexes that suggest reads (SQLite only)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from exemplars_search.backends import sqlite

        # Idempotent: creates only what an older 0001 did not.
        sqlite.create_schema(schema_editor.connection)
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {sqlite.TITLES}(rowid, title_d, title_f) "
                f"SELECT rowid, title_d, title_f FROM {sqlite.FTS} "
                f"WHERE rowid NOT IN (SELECT rowid FROM {sqlite.TITLES})"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from exemplars_search.backends import sqlite

        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {sqlite.TITLES}")


class Migration(migrations.Migration):
    dependencies = [("exemplars_search", "0002_pendingindexoperation")]
    operations = [migrations.RunPython(create, drop)]
