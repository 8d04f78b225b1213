"""PostgreSQL: the stories' index in the order ``listings.NEWEST`` reads them.

``published_at DESC NULLS LAST`` is not the order of Django's index on
``published_at`` read backwards on PostgreSQL (that gives NULLs first), so
every "newest N" list sorted all its candidates instead of walking an index
and stopping: the story page's related stories of its campaigns took 18 ms
at 20,000 stories, 0.04 ms with this index. SQLite sorts NULLs first and reads
Django's index backwards in this very order: nothing to do there. The SQL is
written out, never imported from live code.
"""

from django.db import migrations

NAME = "exemplars_story_newest"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {NAME} "
    "ON exemplars_exemplarstorypage (published_at DESC NULLS LAST, page_ptr_id DESC)"
)
DROP = f"DROP INDEX IF EXISTS {NAME}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0009_campaign_stories_index")]
    operations = [migrations.RunPython(create, drop)]
