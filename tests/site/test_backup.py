"""manage.py backup / restore: content and images come back after they are deleted.

Runs in both passes of the suite: SQLite's online backup API on SQLite,
pg_dump/pg_restore on PostgreSQL.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image

from exemplars.models import ExemplarStoryPage
from exemplars_search import service
from exemplars_search.query import SearchRequest
from tests.factories import make_image, make_story

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def backup(tmp_path):
    out = StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=out)
    return Path(out.getvalue().strip())


def restore(path):
    call_command("restore", str(path), "--noinput", stdout=StringIO())


def test_backup_then_restore_brings_back_deleted_story_and_image(tmp_path, settings):
    image = make_image(title="Ảnh chân dung")
    story = make_story(
        title="Người giữ rừng U Minh", hero_image=image, hero_alt="Chân dung người giữ rừng"
    )
    image_path = Path(image.file.path)
    original_bytes = image_path.read_bytes()
    image_pk = image.pk

    path = backup(tmp_path)
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["vendor"] in {"sqlite", "postgresql"}

    story.delete()
    image.delete()  # deletes the file too
    assert not image_path.exists()

    restore(path)

    restored = ExemplarStoryPage.objects.get(title="Người giữ rừng U Minh")
    assert restored.live
    assert restored.hero_image.title == "Ảnh chân dung"
    assert Path(restored.hero_image.file.path).read_bytes() == original_bytes
    assert Image.objects.filter(pk=image_pk).exists()
    # The reader index is part of the database, so search finds the story again.
    assert [h.title for h in service.search(SearchRequest(q="giu rung")).hits] == [restored.title]


def test_restore_refuses_a_corrupted_backup_and_changes_nothing(tmp_path):
    make_story(title="Bài trước khi sao lưu")
    path = backup(tmp_path)
    make_story(title="Bài sau khi sao lưu")
    dump = next(p for p in path.iterdir() if p.name.startswith("database."))
    dump.write_bytes(dump.read_bytes()[:-10])

    with pytest.raises(CommandError, match="hỏng"):
        restore(path)
    assert ExemplarStoryPage.objects.filter(title="Bài sau khi sao lưu").exists()


def test_restore_of_a_folder_that_is_not_a_backup_says_so(tmp_path):
    with pytest.raises(CommandError, match="không phải là một bản sao lưu"):
        restore(tmp_path)
