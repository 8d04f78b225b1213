"""The full-text tables of the database backends, one branch per vendor.

SQLite gets an FTS5 table, PostgreSQL a table with weighted tsvectors and GIN
indexes; other vendors get nothing (they search through Elasticsearch).
"""

from django.db import migrations


def create_schema(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from exemplars_search.backends import sqlite

        sqlite.create_schema(schema_editor.connection)
    elif vendor == "postgresql":
        from exemplars_search.backends import postgres

        postgres.create_schema(schema_editor.connection)


def drop_schema(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from exemplars_search.backends import sqlite

        sqlite.drop_schema(schema_editor.connection)
    elif vendor == "postgresql":
        from exemplars_search.backends import postgres

        postgres.drop_schema(schema_editor.connection)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations = [migrations.RunPython(create_schema, drop_schema)]
