"""The shared behaviour suite on the PostgreSQL backend, plus what is PostgreSQL's own.

Runs only on PostgreSQL (CI runs the suite once per database). Locally:
``DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/pytest tests/search/test_postgres_backend.py``
"""

import datetime as dt

import pytest
from django.db import connection

from exemplars_search.backends import postgres
from exemplars_search.documents import Facet, SearchDocument
from exemplars_search.query import SearchRequest

from .behaviour import SearchBackendBehaviour

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs DATABASE_URL pointing at PostgreSQL; CI runs this in its PostgreSQL pass",
    ),
]

TZ = dt.timezone(dt.timedelta(hours=7))
_ids = iter(range(1, 10**6))


def make_doc(**overrides) -> SearchDocument:
    n = next(_ids)
    values = {
        "id": n,
        "title": f"Bài số {n}",
        "intro": "",
        "body": "",
        "url": f"/bai-{n}/",
        "published": dt.datetime(2024, 1, 1, tzinfo=TZ) + dt.timedelta(days=n),
        "kind": "individual",
        "campaigns": [Facet("nong-thon-moi", "Nông thôn mới")],
        "locality": Facet("chau-doc", "Châu Đốc"),
        "localities": ["chau-doc", "an-giang"],
        "field": Facet("y-te", "Y tế"),
    }
    values.update(overrides)
    return SearchDocument(**values)


@pytest.fixture
def backend(db):
    backend = postgres.SearchBackend({})
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {postgres.TABLE}")
    return backend


class TestPostgresBackend(SearchBackendBehaviour):
    pass


def search(backend, q="", **kwargs):
    return backend.search(SearchRequest(q=q, **kwargs))


def titles(results):
    return [h.title for h in results.hits]


def test_folded_and_d_free_queries_find_accented_stories(backend):
    backend.index([make_doc(title="Gương điển hình tiên tiến ở Châu Đốc")])
    for q in ("dien hinh", "điển hình", "Châu Đốc", "chau doc", "Chau Dốc"):
        assert titles(search(backend, q)) == ["Gương điển hình tiên tiến ở Châu Đốc"], q


def test_nfd_query_equals_nfc(backend):
    import unicodedata

    backend.index([make_doc(title="Người hiến máu nhân đạo")])
    q = unicodedata.normalize("NFD", "hiến máu")
    assert titles(search(backend, q)) == ["Người hiến máu nhân đạo"]


def test_marked_word_is_strict_and_loosens_only_when_nothing_matches(backend):
    backend.index([make_doc(title="Mùa lúa bội thu"), make_doc(title="Làng dệt lụa Tân Châu")])
    assert titles(search(backend, "lụa")) == ["Làng dệt lụa Tân Châu"]
    assert titles(search(backend, "dờn")) == []  # nothing at all, then loosened
    results = search(backend, "lũa")
    assert results.loosened
    assert set(titles(results)) == {"Mùa lúa bội thu", "Làng dệt lụa Tân Châu"}


def test_d_typed_as_d_matches_dfold(backend):
    backend.index([make_doc(title="Nghệ nhân đờn ca tài tử")])
    assert titles(search(backend, "dờn ca")) == ["Nghệ nhân đờn ca tài tử"]
    assert not search(backend, "dờn ca").loosened


def test_all_required_words_must_occur_in_some_field(backend):
    backend.index(
        [
            make_doc(title="Hiến máu", intro="nhân đạo", body="ở An Giang"),
            make_doc(title="Hiến máu ở Cần Thơ"),
        ]
    )
    assert titles(search(backend, "hien mau an giang")) == ["Hiến máu"]


def test_phrase_needs_adjacent_words_in_order(backend):
    backend.index(
        [make_doc(title="Nông thôn mới kiểu mẫu"), make_doc(title="Thôn mới của nông dân")]
    )
    assert titles(search(backend, '"nong thon moi"')) == ["Nông thôn mới kiểu mẫu"]
    # A phrase mixing a marked and an unmarked word is still checked for adjacency.
    assert titles(search(backend, '"nông thon"')) == ["Nông thôn mới kiểu mẫu"]


def test_phrase_does_not_span_title_and_intro(backend):
    backend.index([make_doc(title="Gương sáng", intro="Nông dân giỏi")])
    assert titles(search(backend, '"sang nong"')) == []


def test_excluded_words_in_any_accent_form(backend):
    backend.index(
        [
            make_doc(title="Phòng chống ma túy ở xã"),
            make_doc(title="Phòng chống thiên tai ở xã"),
        ]
    )
    assert titles(search(backend, "phong chong -ma tuy")) == ["Phòng chống thiên tai ở xã"]


def test_adjacent_words_rank_above_scattered(backend):
    backend.index(
        [
            make_doc(title="Tiên phong trong hình thức điển chế"),
            make_doc(title="Một điển hình tiên tiến"),
        ]
    )
    assert titles(search(backend, "điển hình"))[0] == "Một điển hình tiên tiến"


def test_title_above_intro_above_body(backend):
    backend.index(
        [
            make_doc(title="Bài một", body="hiến máu hiến máu hiến máu"),
            make_doc(title="Bài hai", intro="hiến máu"),
            make_doc(title="Hiến máu cứu người"),
        ]
    )
    assert titles(search(backend, "hien mau")) == ["Hiến máu cứu người", "Bài hai", "Bài một"]


def test_only_live_documents(backend):
    backend.index([make_doc(title="Điển hình đã gỡ", live=False), make_doc(title="Điển hình")])
    assert titles(search(backend, "dien hinh")) == ["Điển hình"]
    assert search(backend, "").total == 1
    assert backend.count() == 1


def test_reader_input_is_never_tsquery_syntax(backend):
    backend.index([make_doc(title="An toàn giao thông")])
    hostile = [
        '"',
        "an & !",
        "an:*",
        "'an' <-> '",
        "NEAR(an",
        "title:an",
        "'; DROP TABLE x; --",
        "\x00an",
        "😀 an",
        "a" * 5000,
        "\\",
        "-",
        '-"',
    ]
    for q in hostile:
        search(backend, q)  # no exception
    assert titles(search(backend, "an & toàn:*")) == ["An toàn giao thông"]


def test_short_vietnamese_words_are_not_stop_words(backend):
    backend.index([make_doc(title="An Giang do dân làm")])
    assert titles(search(backend, "an do")) == ["An Giang do dân làm"]


def test_facets_count_with_the_other_filters(backend):
    nt = Facet("nong-thon-moi", "Nông thôn mới")
    hm = Facet("hien-mau", "Hiến máu")
    backend.index(
        [
            make_doc(title="Điển hình 1", campaigns=[nt], kind="individual"),
            make_doc(title="Điển hình 2", campaigns=[nt, hm], kind="collective"),
            make_doc(title="Điển hình 3", campaigns=[hm], kind="collective"),
            make_doc(title="Khác", campaigns=[hm]),
        ]
    )
    results = search(backend, "dien hinh", campaign=["nong-thon-moi"])
    assert results.total == 2
    campaigns = {f.value: (f.label, f.count) for f in results.facets["campaign"]}
    assert campaigns == {"nong-thon-moi": ("Nông thôn mới", 2), "hien-mau": ("Hiến máu", 2)}
    kinds = {f.value: f.count for f in results.facets["kind"]}
    assert kinds == {"individual": 1, "collective": 1}
    results = search(backend, "dien hinh", campaign=["nong-thon-moi"], kind="collective")
    assert titles(results) == ["Điển hình 2"]
    assert {f.value: f.count for f in results.facets["kind"]} == {"individual": 1, "collective": 1}
    assert {f.value: f.count for f in results.facets["year"]} == {"2024": 1}


def test_locality_filter_uses_every_linked_locality(backend):
    backend.index(
        [
            make_doc(
                title="Ở Tân Châu",
                locality=Facet("tan-chau", "Tân Châu"),
                localities=["tan-chau", "an-giang"],
            ),
            make_doc(
                title="Ở Long Xuyên", locality=Facet("long-xuyen", "Long Xuyên"), localities=[]
            ),
        ]
    )
    assert titles(search(backend, "", locality=["an-giang"])) == ["Ở Tân Châu"]
    assert titles(search(backend, "", locality=["long-xuyen"])) == ["Ở Long Xuyên"]


def test_empty_query_lists_newest_and_pages(backend):
    backend.index([make_doc(title=f"Tin {i}") for i in range(5)])
    results = search(backend, "", page=2, page_size=2)
    assert results.total == 5 and results.pages == 3
    assert titles(results) == ["Tin 2", "Tin 1"]
    assert search(backend, "", page=9, page_size=2).hits == []


def test_sort_newest(backend):
    backend.index([make_doc(title="Hiến máu cứu người"), make_doc(title="Bài", body="hiến máu")])
    assert titles(search(backend, "hien mau", sort="newest")) == ["Bài", "Hiến máu cứu người"]


def test_excerpt_marks_matched_words(backend):
    backend.index([make_doc(title="Tin", intro="Chị Lan hiến máu 30 lần.", body="Khác.")])
    hit = search(backend, "hien mau").hits[0]
    assert hit.excerpt == "Chị Lan <mark>hiến</mark> <mark>máu</mark> 30 lần."


def test_suggest_last_word_is_a_prefix(backend):
    backend.index(
        [
            make_doc(title="Xây dựng nông thôn mới ở Chợ Mới"),
            make_doc(title="Nông dân sản xuất giỏi"),
            make_doc(title="Tin khác", body="nông thôn"),
        ]
    )
    suggestions = backend.suggest("nong th")
    assert [s.title for s in suggestions] == ["Xây dựng nông thôn mới ở Chợ Mới"]
    assert {s.title for s in backend.suggest("nông")} == {
        "Xây dựng nông thôn mới ở Chợ Mới",
        "Nông dân sản xuất giỏi",
    }
    assert backend.suggest('"') == []


def test_reindex_replaces_and_delete_removes(backend):
    doc = make_doc(title="Điển hình cũ")
    backend.index([doc])
    doc.title = "Gương mới"
    backend.index([doc])
    assert titles(search(backend, "dien hinh")) == []
    assert titles(search(backend, "guong")) == ["Gương mới"]
    backend.delete([doc.id, 999999])
    assert backend.count() == 0


def test_rebuild_swaps_in_a_complete_table(backend):
    backend.index([make_doc(title="Cũ")])
    progress = []
    written = backend.rebuild(
        (make_doc(title=f"Mới {i}") for i in range(3)), progress=progress.append
    )
    assert written == 3 and sum(progress) == 3
    assert backend.count() == 3
    assert search(backend, "moi").total == 3
    backend.check()
    # Run again: the indexes were renamed back, so a second swap works too.
    backend.rebuild([make_doc(title="Lần hai")])
    assert titles(search(backend, "lan hai")) == ["Lần hai"]


def test_gin_index_serves_the_match(backend):
    backend.index(
        [make_doc(title=f"Bài {i}", body="điển hình" if i % 7 else "") for i in range(200)]
    )
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {postgres.TABLE}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT id FROM {postgres.TABLE} WHERE vec @@ %s::tsquery",
            [postgres.match_tsquery(SearchRequest(q="dien hinh").parsed)],
        )
        plan = "\n".join(r[0] for r in cursor.fetchall())
    assert f"{postgres.TABLE}_vec" in plan


def test_tsvector_holds_both_forms_at_one_position(db):
    literal = postgres.tsvector_literal("Điển hình", "Hồn lụa", "x² " + "an " * 300)
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT ts_filter(%s::tsvector, '{a}')::text, length(%s::tsvector)""",
            [literal, literal],
        )
        title, lexemes = cursor.fetchone()
    assert title == "'dien':1A 'diển':1A 'hinh':2A 'hình':2A"
    assert lexemes == 10  # dien diển hinh hình hon hồn lua lụa x² an: repeats merged


def test_head_holds_title_and_intro_only(backend):
    backend.index([make_doc(title="Điển hình", intro="Hồn lụa", body="thân")])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT head::text FROM {postgres.TABLE}")
        head = cursor.fetchone()[0]
    assert "'lụa':6B" in head and "'dien':1A" in head and "thân" not in head


def test_overlong_words_are_left_out_of_the_vector(db):
    literal = postgres.tsvector_literal("a" * 600, "", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector::text", [literal])
        assert cursor.fetchone()[0] == ""
