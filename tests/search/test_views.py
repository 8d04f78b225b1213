"""The reader search page, the JSON API and suggest."""

import datetime as dt

import pytest

from exemplars_search.documents import Facet

from .behaviour import HOSTILE, ICT, make_doc

NTM = Facet("nong-thon-moi", "Nông thôn mới")
PN = Facet("phu-nu", "Phụ nữ sáng tạo")
CD = Facet("chau-doc", "Châu Đốc")

RESULT_KEYS = {
    "id",
    "title",
    "url",
    "excerpt",
    "published",
    "campaigns",
    "locality",
    "field",
    "kind",
    "exemplar",
    "score",
}


@pytest.fixture
def stories(search_backend):
    docs = [
        make_doc(
            title="Câu lạc bộ hiến máu tình nguyện Mỹ Bình",
            intro="Mỗi năm câu lạc bộ vận động hàng trăm người hiến máu.",
            campaigns=[NTM],
            locality=CD,
            localities=["chau-doc"],
            exemplar="CLB hiến máu Mỹ Bình",
            kind="collective",
            published=dt.datetime(2024, 6, 1, 9, 0, tzinfo=ICT),
        ),
        make_doc(
            title="Người giữ hồn lụa Tân Châu",
            campaigns=[PN],
            kind="individual",
            published=dt.datetime(2023, 6, 1, 9, 0, tzinfo=ICT),
        ),
        make_doc(title="Bản nháp hiến máu", live=False),
    ]
    search_backend.index(docs)
    return docs


def test_api_shape(client, stories):
    r = client.get("/api/search/", {"q": "hien mau"})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == {
        "query",
        "total",
        "page",
        "pages",
        "results",
        "facets",
        "loosened",
        "did_you_mean",
    }
    assert (data["query"], data["total"], data["page"], data["pages"]) == ("hien mau", 1, 1, 1)
    assert data["loosened"] is False
    assert data["did_you_mean"] is None
    hit = data["results"][0]
    assert set(hit) == RESULT_KEYS
    assert hit["title"] == stories[0].title
    assert hit["campaigns"] == ["nong-thon-moi"]
    assert hit["locality"] == "chau-doc"
    assert hit["kind"] == "collective"
    assert hit["exemplar"] == "CLB hiến máu Mỹ Bình"
    assert dt.datetime.fromisoformat(hit["published"]) == stories[0].published
    assert hit["published"] == "2024-06-01T09:00:00+07:00"
    assert "<mark>hiến</mark> <mark>máu</mark>" in hit["excerpt"]
    assert set(data["facets"]) == {"campaign", "locality", "field", "kind", "year"}
    assert data["facets"]["campaign"] == [
        {"value": "nong-thon-moi", "label": "Nông thôn mới", "count": 1}
    ]


def test_api_says_when_the_marks_were_loosened(client, stories):
    # No story holds "lúa" (rice): the words are matched without marks, and said so.
    data = client.get("/api/search/", {"q": "lúa"}).json()
    assert data["loosened"] is True
    assert [h["title"] for h in data["results"]] == [stories[1].title]
    assert client.get("/api/search/", {"q": "lụa"}).json()["loosened"] is False


def test_api_filters_and_facets_of_others(client, stories):
    data = client.get("/api/search/", {"campaign": "phu-nu"}).json()
    assert [h["title"] for h in data["results"]] == [stories[1].title]
    counts = {v["value"]: v["count"] for v in data["facets"]["campaign"]}
    assert counts == {"nong-thon-moi": 1, "phu-nu": 1}
    data = client.get("/api/search/", {"campaign": ["phu-nu", "nong-thon-moi"]}).json()
    assert data["total"] == 2


def test_api_empty_query_lists_newest_and_never_drafts(client, stories):
    data = client.get("/api/search/").json()
    assert [h["title"] for h in data["results"]] == [stories[0].title, stories[1].title]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "-1"},
        {"page_size": "10000"},
        {"page_size": "0"},
        {"kind": "robot"},
        {"sort": "random"},
        {"year": "abc"},
    ],
)
def test_api_bad_params_answer_400(client, stories, params):
    r = client.get("/api/search/", params)
    assert r.status_code == 400
    assert r.json()["error"]


@pytest.mark.parametrize("params", [{"page": "abc"}, {"kind": "robot"}])
def test_page_bad_params_answer_readable_400(client, stories, params):
    r = client.get("/search/", params)
    assert r.status_code == 400
    assert "Không thể tìm với các tham số này" in r.content.decode()


def test_page_past_the_end_is_empty(client, stories):
    data = client.get("/api/search/", {"q": "hien mau", "page": 50}).json()
    assert data["results"] == [] and data["total"] == 1 and data["page"] == 50


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_input_never_500(client, stories, q):
    for url in ("/api/search/", "/search/", "/api/search/suggest/"):
        r = client.get(url, {"q": q})
        assert r.status_code in (200, 400), (url, q)


def test_raw_nul_and_bad_utf8_in_url(client, stories):
    assert client.get("/api/search/?q=%00hien%00mau").status_code == 200
    assert client.get("/api/search/?q=%ff%fe").status_code in (200, 400)
    assert client.get("/search/?q=%C3%28").status_code in (200, 400)


def test_suggest(client, stories):
    data = client.get("/api/search/suggest/", {"q": "hien ma"}).json()
    assert data == {"suggestions": [{"title": stories[0].title, "url": stories[0].url}]}
    assert client.get("/api/search/suggest/", {"q": ""}).json() == {"suggestions": []}


def test_page_keeps_query_marks_words_and_offers_chips(client, stories):
    r = client.get("/search/", {"q": "hien mau", "campaign": "nong-thon-moi"})
    html = r.content.decode()
    assert r.status_code == 200
    assert 'value="hien mau"' in html
    assert "<mark>hiến</mark>" in html
    assert stories[0].title in html
    # A chip for the campaign whose link drops it but keeps the query.
    assert "Nông thôn mới" in html
    assert 'href="/search/?q=hien+mau"' in html
    assert 'data-suggest-url="/api/search/suggest/"' in html
    assert "exemplars_search/suggest.js" in html


def test_page_escapes_the_query(client, stories):
    html = client.get("/search/", {"q": '<script>alert("x")</script>'}).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_page_without_results(client, stories):
    html = client.get("/search/", {"q": "zzzz"}).content.decode()
    assert "Không tìm thấy bài viết nào" in html
