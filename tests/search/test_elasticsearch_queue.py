"""Elasticsearch down: changes are queued, readers get the database backend; back: replay.

Runs on whichever database the suite uses: the mirror and stand-in is the
database backend of that vendor (SQLite FTS5 or PostgreSQL).
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from exemplars_search import backends, fallback, service
from exemplars_search.backends import elasticsearch as es
from exemplars_search.fallback import FallbackSearchBackend, replay
from exemplars_search.models import PendingIndexOperation
from exemplars_search.query import SearchRequest

from .behaviour import make_doc
from .es_fake import URL, FakeCluster


@pytest.fixture
def cluster():
    return FakeCluster()


@pytest.fixture
def primary(cluster):
    return es.ElasticsearchSearchBackend(
        {"ELASTICSEARCH_URL": URL, "INDEX": "stories", "CLIENT_OPTIONS": cluster.client_options()}
    )


@pytest.fixture
def mirror(db):
    backend = backends.database_backend()
    backend.rebuild(iter(()))
    yield backend
    backends.reset_backends()


@pytest.fixture
def search(primary, mirror):
    # retry_after=0: every call tries the cluster, so each test controls it with `down`.
    return FallbackSearchBackend(primary, mirror, retry_after=0)


def ids(results):
    return [h.id for h in results.hits]


def queued():
    return list(PendingIndexOperation.objects.order_by("pk"))


def test_cluster_down_queues_changes_and_readers_get_the_database(search, cluster, mirror):
    cluster.down = True
    silk = make_doc(title="Người giữ hồn lụa Tân Châu")
    rice = make_doc(title="Cánh đồng lúa trúng mùa")
    assert search.index([silk, rice]) == 2
    rows = queued()
    assert [(r.object_id, r.action, r.attempts) for r in rows] == [
        (silk.id, "index", 0),
        (rice.id, "index", 0),
    ]
    assert "unreachable" in rows[0].last_error
    assert rows[0].document["title"] == silk.title
    # Readers: the database backend answers, with the same matching rules.
    results = search.search(SearchRequest(q="lụa"))
    assert ids(results) == [silk.id]
    assert results.backend == mirror.name
    assert set(ids(search.search(SearchRequest(q="lua")))) == {silk.id, rice.id}
    assert [s.title for s in search.suggest("canh d")] == [rice.title]
    assert search.count() == 2


def test_cluster_back_replays_everything_in_order_coalesced(search, cluster, primary):
    cluster.down = True
    a, b, c = make_doc(title="Bản đầu"), make_doc(title="Sẽ xoá"), make_doc(title="Bài ba")
    search.index([a, b])
    a.title = "Bản sửa"
    search.index([a])
    search.delete([b.id])
    search.index([c])
    assert len(queued()) == 5
    versions = {r.object_id: r.version for r in queued()}  # the last change of each
    cluster.down = False
    cluster.requests.clear()

    report = replay(primary)

    assert (report.replayed, report.coalesced, report.failed, report.remaining) == (3, 2, 0, 0)
    assert queued() == []
    docs = cluster.docs("stories")
    assert {pk: d["title"] for pk, d in docs.items()} == {a.id: "Bản sửa", c.id: "Bài ba"}
    # In the order of each object's last change: edit a, delete b, add c.
    sent = [
        (next(iter(line)), line[next(iter(line))]["_id"])
        for r in cluster.calls(path_part="_bulk")
        for line in r.body
        if set(line) <= {"index", "delete"}
    ]
    assert sent == [("index", a.id), ("delete", b.id), ("index", c.id)]
    assert cluster.versions("stories") == {a.id: versions[a.id], c.id: versions[c.id]}


def test_a_newer_edit_beats_the_replay_of_an_older_one(search, cluster):
    cluster.down = True
    story = make_doc(title="Tiêu đề cũ")
    search.index([story])
    cluster.down = False
    story.title = "Tiêu đề mới"
    # A successful write replays the queue afterwards: the queued, older
    # version reaches the cluster second and is refused by its version.
    search.index([story])
    assert cluster.docs("stories")[story.id]["title"] == "Tiêu đề mới"
    assert queued() == []


def test_a_successful_write_drains_the_queue(search, cluster):
    cluster.down = True
    first = make_doc(title="Viết lúc mất kết nối")
    search.index([first])
    cluster.down = False
    second = make_doc(title="Viết khi đã có kết nối")
    search.index([second])
    assert set(cluster.docs("stories")) == {first.id, second.id}
    assert queued() == []


def test_still_down_keeps_everything_queued(search, cluster, primary):
    cluster.down = True
    search.index([make_doc(), make_doc()])
    search.delete([42])
    report = replay(primary)
    assert report.replayed == 0 and report.failed == 3 and report.remaining == 3
    rows = queued()
    assert len(rows) == 3
    assert all(r.attempts == 1 and "unreachable" in r.last_error for r in rows)


def test_a_refused_change_does_not_block_the_queue(search, cluster, primary):
    cluster.down = True
    bad, good = make_doc(title="Hỏng"), make_doc(title="Tốt")
    search.index([bad])
    search.delete([7])
    search.index([good])
    cluster.down = False
    cluster.reject_ids = {bad.id}
    report = replay(primary)
    assert report.replayed == 2 and report.failed == 1
    (left,) = queued()
    assert left.object_id == bad.id and left.attempts == 1 and "refused" in left.last_error
    assert set(cluster.docs("stories")) == {good.id}


def test_readers_skip_the_cluster_for_a_while_after_a_failure(primary, mirror, cluster):
    search = FallbackSearchBackend(primary, mirror, retry_after=60)
    story = make_doc(title="Điển hình tiên tiến")
    search.index([story])
    cluster.down = True
    assert ids(search.search(SearchRequest(q="dien hinh"))) == [story.id]
    tried = len(cluster.requests)
    # Within the window: no reader waits on the cluster, writes go to the queue.
    assert ids(search.search(SearchRequest(q="dien hinh"))) == [story.id]
    search.index([make_doc()])
    assert len(cluster.requests) == tried
    assert len(queued()) == 1
    cluster.down = False
    search.mark_up()
    search.index([make_doc()])
    assert queued() == []


def test_rebuild_fills_both_and_supersedes_the_queue(search, cluster, mirror):
    cluster.down = True
    search.index([make_doc(title="Trước khi dựng lại")])
    cluster.down = False
    docs = [make_doc(title=f"Điển hình {n}") for n in range(3)]
    seen = []
    assert search.rebuild(iter(docs), progress=seen.append) == 3
    assert sum(seen) == 3
    assert queued() == []
    assert set(cluster.docs("stories")) == {d.id for d in docs}
    assert mirror.count() == 3


def test_rebuild_while_down_still_completes_the_database_index(search, cluster, mirror):
    cluster.down = True
    docs = [make_doc(title=f"Điển hình {n}") for n in range(3)]
    with pytest.raises(fallback.BackendUnavailable):
        search.rebuild(iter(docs))
    assert mirror.count() == 3
    assert set(ids(search.search(SearchRequest(q="dien hinh")))) == {d.id for d in docs}


@pytest.fixture
def es_settings(cluster, mirror, settings):
    settings.EXEMPLARS_SEARCH = {
        "BACKEND": "auto",
        "ELASTICSEARCH_URL": URL,
        "INDEX": "stories",
        "RETRY_AFTER": 0,
        "CLIENT_OPTIONS": cluster.client_options(),
    }
    backends.reset_backends()
    yield settings
    backends.reset_backends()


def test_the_service_wraps_elasticsearch_with_the_fallback(es_settings, cluster):
    wrapped = service.primary_backend()
    assert isinstance(wrapped, FallbackSearchBackend)
    assert wrapped is service.primary_backend()  # one wrapper, so one "down" state
    assert wrapped.mirror.name in ("sqlite", "postgres")
    cluster.down = True
    story = make_doc(title="Gìn giữ đờn ca tài tử")
    service.write("index", [story])
    assert ids(service.search(SearchRequest(q="don ca"))) == [story.id]


def test_database_backends_are_not_wrapped(mirror):
    assert fallback.with_fallback(mirror) is mirror


def test_replay_command(es_settings, cluster):
    out = StringIO()
    call_command("replay_search_queue", stdout=out)
    assert "Nothing queued" in out.getvalue()
    cluster.down = True
    service.write("index", [make_doc(), make_doc()])
    service.write("delete", [12345])
    with pytest.raises(CommandError, match="stay queued"):
        call_command("replay_search_queue", stdout=StringIO())
    cluster.down = False
    out = StringIO()
    call_command("replay_search_queue", stdout=out)
    assert "Replayed 3 changes (0 superseded by later ones); 0 left." in out.getvalue()
    assert queued() == []


def test_replay_command_without_a_remote_backend(mirror, settings):
    settings.EXEMPLARS_SEARCH = {"BACKEND": "database"}
    backends.reset_backends()
    fallback.enqueue("delete", [1])
    with pytest.raises(CommandError, match="keeps no queue"):
        call_command("replay_search_queue", stdout=StringIO())


def test_queued_documents_round_trip():
    from exemplars_search.documents import Facet

    doc = make_doc(
        campaigns=[Facet("a", "Chiến dịch A")],
        locality=Facet("chau-doc", "Châu Đốc"),
        localities=["chau-doc", "an-giang"],
        field=Facet("y-te", "Y tế"),
        live=False,
    )
    assert fallback.document_from_json(fallback.document_to_json(doc)) == doc


def test_rebuild_command_uses_the_fallback(es_settings, cluster):
    cluster.down = True
    service.write("index", [make_doc()])
    with pytest.raises(CommandError, match="again once it is back"):
        call_command("rebuild_search_index", "--no-progress", stdout=StringIO())
    cluster.down = False
    call_command("rebuild_search_index", "--no-progress", stdout=StringIO())
    # The queued change predates the rebuild, which read everything afresh.
    assert queued() == []
    assert "stories" in cluster.aliases


def test_never_rebuilt_index_answers_from_the_database(primary, mirror, cluster):
    search = FallbackSearchBackend(primary, mirror, retry_after=0)
    story = make_doc(title="Điển hình tiên tiến")
    mirror.index([story])
    # No alias on the cluster yet: a 404 from Elasticsearch, not an error page.
    assert ids(search.search(SearchRequest(q="dien hinh"))) == [story.id]


def test_any_read_failure_is_answered_by_the_database(search, cluster, mirror):
    story = make_doc(title="Điển hình tiên tiến")
    search.index([story])

    def broken(body):
        raise ValueError("unexpected answer")

    cluster.search_answer = broken
    results = search.search(SearchRequest(q="dien hinh"))
    assert (ids(results), results.backend) == ([story.id], mirror.name)
    assert not search.is_down  # not an outage: the next reader tries the cluster again


def test_a_refused_write_is_queued_not_raised(search, cluster):
    story = make_doc(title="Bài bị từ chối")
    search.index([make_doc()])  # the alias exists
    cluster.reject_ids = {story.id}
    assert search.index([story]) == 1  # the database has it
    (row,) = queued()
    assert row.object_id == story.id and "refused" in row.last_error


def test_a_change_saved_during_a_rebuild_reaches_the_new_index(search, cluster):
    import dataclasses

    story = make_doc(title="Bản cũ")
    search.index([story])

    def documents():
        yield story  # the rebuild read the story before it was edited
        # A journalist saves meanwhile: the write lands in the index being replaced.
        search.index([dataclasses.replace(story, title="Bản mới")])
        assert len(queued()) == 1  # and waits for the swap, not replayed into the old index
        yield make_doc(title="Bài khác")

    search.rebuild(documents())
    assert cluster.docs("stories")[story.id]["title"] == "Bản mới"
    assert queued() == []
    assert not fallback.rebuilding(search.name)


def test_replay_command_waits_for_a_running_rebuild(es_settings, cluster):
    from django.core.cache import cache

    cluster.down = True
    service.write("index", [make_doc()])
    cluster.down = False
    cache.set(fallback._rebuild_key("elasticsearch"), 1, 60)
    try:
        out = StringIO()
        call_command("replay_search_queue", stdout=out)
    finally:
        cache.delete(fallback._rebuild_key("elasticsearch"))
    assert "A rebuild is running; 1 changes wait" in out.getvalue()
    assert len(queued()) == 1


# -- snippets: a campaign, exemplar, locality or field saved while the index fails -----


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def story_with_snippets(section, es_settings, commit):
    from tests.factories import make_campaign, make_exemplar, make_field, make_locality, make_story

    campaign, field, locality = make_campaign(), make_field(), make_locality()
    exemplar = make_exemplar()
    story = commit(
        make_story,
        campaigns=[campaign],
        field=field,
        locality=locality,
        exemplar=exemplar,
    )
    return story, {"campaign": campaign, "field": field, "locality": locality, "exemplar": exemplar}


@pytest.mark.parametrize("kind", ["campaign", "field", "locality", "exemplar"])
def test_a_snippet_save_whose_index_update_fails_is_logged_and_queued(
    kind, story_with_snippets, cluster, commit, monkeypatch, caplog
):
    story, snippets = story_with_snippets
    snippet = snippets[kind]
    # The database mirror fails too (a locked table, a full disk): nothing of the
    # index update can succeed now, and the snippet is saved all the same.
    mirror = backends.database_backend()

    def broken(*args, **kwargs):
        raise RuntimeError("the search index is broken")

    monkeypatch.setattr(mirror, "index", broken)
    cluster.down = True
    snippet.name = "Tên mới sau khi sửa"
    commit(snippet.save)
    snippet.refresh_from_db()
    assert snippet.name == "Tên mới sau khi sửa"
    assert "the search index is broken" in caplog.text
    rows = queued()
    assert [(r.object_id, r.action) for r in rows] == [(story.pk, "index")]
    # Back up: the replay sends the story with the new name.
    monkeypatch.undo()
    cluster.down = False
    call_command("replay_search_queue", stdout=StringIO())
    assert queued() == []
    assert story.pk in cluster.docs("stories")


def test_a_snippet_save_never_raises_when_the_index_update_fails(
    story_with_snippets, commit, monkeypatch, caplog
):
    _story, snippets = story_with_snippets

    def boom(*args, **kwargs):
        raise RuntimeError("documents could not be built")

    monkeypatch.setattr(service, "index_objects", boom)
    campaign = snippets["campaign"]
    campaign.name = "Phong trào đổi tên"
    commit(campaign.save)
    campaign.refresh_from_db()
    assert campaign.name == "Phong trào đổi tên"
    assert "documents could not be built" in caplog.text
