"""Publishing, unpublishing, editing, moving and deleting stories keep the index in step."""

import pytest
from django.db.models.signals import post_save
from wagtail.signals import page_published

from exemplars_search import service
from exemplars_search.query import SearchRequest
from exemplars_search.signal_handlers import register_signal_handlers
from tests.factories import make_section, make_story


def titles(q):
    return [h.title for h in service.search(SearchRequest(q=q)).hits]


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what would run when the surrounding transaction commits."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_publish_indexes(section, search_backend, commit):
    story = commit(make_story, title="Nữ hộ sinh Đàm Thị Hồng Nhung")
    assert titles("dam thi hong nhung") == [story.title]


def test_draft_of_a_live_story_stays_out(section, search_backend, commit):
    story = commit(make_story, title="Người giữ hồn lụa Tân Châu")
    story.title = "Bản nháp chưa duyệt về cá tra"
    commit(story.save_revision)
    assert titles("cá tra") == []
    assert titles("hồn lụa") == ["Người giữ hồn lụa Tân Châu"]
    # Publishing the draft replaces the text.
    commit(story.get_latest_revision().publish)
    assert titles("cá tra") == ["Bản nháp chưa duyệt về cá tra"]
    assert titles("hồn lụa") == []


def test_unpublished_draft_never_indexed(section, search_backend, commit):
    commit(make_story, title="Bài nháp điển hình", publish=False)
    assert titles("bài nháp") == []


def test_unpublish_removes(section, search_backend, commit):
    story = commit(make_story, title="Thượng úy Đàm Quốc Việt")
    commit(story.unpublish)
    assert titles("Đàm Quốc Việt") == []


def test_delete_removes(section, search_backend, commit):
    story = commit(make_story, title="Thượng úy Đàm Quốc Việt")
    commit(story.delete)
    assert titles("Đàm Quốc Việt") == []
    assert search_backend.count() == 0


def test_move_updates_the_url(section, search_backend, commit):
    story = commit(make_story, title="Chợ nổi Long Xuyên")
    other = make_section(title="Chuyên mục khác", slug="chuyen-muc-khac")
    commit(story.move, other, pos="last-child")
    hit = service.search(SearchRequest(q="chợ nổi")).hits[0]
    assert "/chuyen-muc-khac/" in hit.url


def test_a_failing_index_does_not_break_publishing(section, search_backend, commit, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("index down")

    monkeypatch.setattr(service, "index_objects", boom)
    story = commit(make_story, title="Vẫn xuất bản được")
    assert story.live


def test_registering_twice_connects_once():
    """ready() connects; the dispatch_uids keep a second call from doubling the work."""

    def ours(signal):
        return [r for r in signal.receivers if str(r[0][0]).startswith("exemplars_search.")]

    before = (ours(page_published), ours(post_save))
    register_signal_handlers()
    register_signal_handlers()
    assert (ours(page_published), ours(post_save)) == before
    assert len(before[0]) == 1 and len(before[1]) == 1
