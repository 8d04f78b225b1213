"""Wagtail's own search (the admin's), folded for Vietnamese by exemplars_search.wagtail_backend.

Runs on both databases: FTS5 with folded text on SQLite, the exemplars_vi
configuration on PostgreSQL.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from modelsearch.query import And, MatchAll, Not, Phrase, PlainText
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from exemplars_search import wagtail_backend

FOLDED = {"default": {"BACKEND": "exemplars_search.wagtail_backend"}}
TITLE = "Điển hình tiên tiến ở Châu Đốc"


@pytest.fixture
def folded_search():
    with override_settings(WAGTAILSEARCH_BACKENDS=FOLDED):
        yield


@pytest.fixture
def story_page(db, folded_search, django_capture_on_commit_callbacks):
    root = Page.get_first_root_node()
    # Wagtail indexes pages from a task enqueued when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        page = root.add_child(instance=Page(title=TITLE, slug="dien-hinh-tien-tien"))
        root.add_child(instance=Page(title="Diễn hình nghệ thuật", slug="dien-hinh-nghe-thuat"))
    return page


def titles(results):
    return [p.title for p in results]


def test_backend_matches_the_database(folded_search):
    backend = get_search_backend()
    expected = {
        "sqlite": "FoldingSQLiteSearchBackend",
        "postgresql": "FoldingPostgresSearchBackend",
    }
    assert type(backend).__name__ == expected[connection.vendor]


@pytest.mark.parametrize(
    "q", ["dien hinh", "điển hình", "ĐIỂN HÌNH", "Chau Doc", "châu đốc", "tien tien chau doc"]
)
def test_folded_query_finds_accented_title(story_page, q):
    assert TITLE in titles(Page.objects.search(q))


def test_unrelated_words_find_nothing(story_page):
    assert titles(Page.objects.search("nong thon")) == []


def test_autocomplete_is_folded(story_page):
    assert TITLE in titles(Page.objects.autocomplete("dien hi"))
    assert TITLE in titles(Page.objects.autocomplete("Điển h"))


@pytest.mark.parametrize("q", ['"', '"""', 'điển "hình', "NEAR(", "a* OR", "\x00", "'", "\\"])
def test_hostile_queries_do_not_raise(story_page, q):
    assert isinstance(titles(Page.objects.search(q)), list)
    assert isinstance(titles(Page.objects.autocomplete(q)), list)


def test_lone_quote_beside_words_still_searches(story_page):
    assert TITLE in titles(Page.objects.search('dien "hinh'))


def test_edited_title_is_reindexed(story_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story_page.title = "Gương sáng đồng bào Chăm"
        story_page.save()
    assert titles(Page.objects.search("dien hinh")) == ["Diễn hình nghệ thuật"]
    assert titles(Page.objects.search("dong bao cham")) == ["Gương sáng đồng bào Chăm"]


def test_admin_page_search_finds_folded(story_page, admin_client):
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "dien hinh"})
    assert response.status_code == 200
    assert TITLE in response.content.decode()
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": '"'})
    assert response.status_code == 200


def test_clean_query_removes_syntax_and_empty_words():
    query = And([PlainText('Điển "hình'), Phrase('"'), Not(PlainText('"'))])
    cleaned = wagtail_backend.clean_query(query, folded=True)
    # The empty phrase is dropped; "not nothing" matches everything.
    assert [type(q) for q in cleaned.subqueries] == [PlainText, MatchAll]
    assert cleaned.subqueries[0].query_string == "dien hinh"
    assert wagtail_backend.clean_query(PlainText('" "'), folded=True) is None
    assert wagtail_backend.clean_words("Đà Nẵng\x00", folded=False) == "Đà Nẵng"


def test_sqlite_index_and_its_fts_table_hold_folded_text(story_page):
    """Upstream writes the entry, we fold it in place: the FTS5 copy follows."""
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL backend folds inside the database")
    from wagtail.search.models import IndexEntry

    from exemplars_search.text import fold

    entry = IndexEntry.objects.get(content_type__model="page", object_id=str(story_page.pk))
    assert entry.title == fold(TITLE) == "dien hinh tien tien o chau doc"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT title FROM {IndexEntry._meta.db_table}_fts WHERE rowid = %s", [entry.pk]
        )
        assert cursor.fetchone() == (entry.title,)
