"""Upgrading a site: exemplars created before profiles had drafts stay public."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("exemplars", "0003_rename_homepage")]
AFTER = [("exemplars", "0004_exemplar_draft_state_revisions_locking")]


@pytest.fixture
def back_to_latest():
    """The tests after this one need every migration applied again."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_exemplars_stay_live_after_the_upgrade(back_to_latest):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("exemplars", "Exemplar")
    old.objects.create(name="Ông Tư", name_key="ông tư", slug="ong-tu", kind="individual")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("exemplars", "Exemplar")
    exemplar = new.objects.get(slug="ong-tu")
    assert exemplar.live and not exemplar.has_unpublished_changes
    assert exemplar.first_published_at is not None
    assert exemplar.last_published_at is not None
