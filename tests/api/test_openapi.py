"""The search API's OpenAPI document: served and true to the code (schemathesis runs in
``test_schemathesis_live.py``)."""

from __future__ import annotations

import datetime as dt

import jsonschema_rs
import pytest
from django.test import Client

from exemplars_search.forms import SearchParamsForm
from exemplars_search.openapi import DOCUMENT
from exemplars_search.query import FacetValue, Hit, SearchResults
from exemplars_search.views import results_json
from tests.search.behaviour import ICT, make_doc
from tests.search.conftest import search_backend  # noqa: F401 (a fixture)

API_URLS = ["/api/search/", "/api/search/suggest/", "/api/openapi.json"]


def validator(name: str):
    """A JSON Schema 2020-12 validator for one of the document's components."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": DOCUMENT["components"]}
    return jsonschema_rs.Draft202012Validator(schema)


def assert_valid(name: str, data) -> None:
    errors = [f"{e.instance_path}: {e.message}" for e in validator(name).iter_errors(data)]
    assert not errors, errors


@pytest.fixture
def stories(search_backend):  # noqa: F811 (the imported fixture)
    docs = [
        make_doc(
            title="Câu lạc bộ hiến máu tình nguyện Mỹ Bình",
            campaigns=[make_facet("nong-thon-moi", "Nông thôn mới")],
            locality=make_facet("chau-doc", "Châu Đốc"),
            localities=["chau-doc"],
            exemplar="CLB hiến máu Mỹ Bình",
            kind="collective",
            published=dt.datetime(2024, 6, 1, 9, 0, tzinfo=ICT),
        ),
        make_doc(title="Người giữ hồn lụa Tân Châu", kind="individual"),
    ]
    search_backend.index(docs)
    return docs


def make_facet(value, label):
    from exemplars_search.documents import Facet

    return Facet(value, label)


def test_document_is_served(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == DOCUMENT
    assert response.json()["openapi"].startswith("3.")
    assert client.head("/api/openapi.json").status_code == 200


def test_search_parameters_are_the_forms():
    [operation] = DOCUMENT["paths"]["/api/search/"].values()
    assert [p["name"] for p in operation["parameters"]] == list(SearchParamsForm.base_fields)


def test_real_answers_validate(client, stories):
    data = client.get("/api/search/", {"q": "hien mau", "page_size": 5}).json()
    assert data["total"] == 1 and data["facets"]["campaign"]
    assert_valid("SearchResults", data)
    loosened = client.get("/api/search/", {"q": "lúa"}).json()
    assert loosened["loosened"] is True
    assert_valid("SearchResults", loosened)
    assert_valid("SearchResults", client.get("/api/search/", {"year": 2024}).json())
    error = client.get("/api/search/", {"page_size": 51})
    assert error.status_code == 400
    assert_valid("Error", error.json())
    suggestions = client.get("/api/search/suggest/", {"q": "hiến"}).json()
    assert suggestions["suggestions"]
    assert_valid("Suggestions", suggestions)


def test_spelling_correction_validates():
    results = SearchResults(
        query="tình nguyệng",
        total=1,
        page=1,
        page_size=20,
        hits=[
            Hit(
                id=1,
                title="Tình nguyện",
                url="/a/",
                excerpt="<mark>tình nguyện</mark>",
                published=dt.datetime(2024, 1, 1, tzinfo=ICT),
                campaigns=[],
                locality=None,
                field=None,
                kind=None,
                exemplar=None,
                score=1.5,
            )
        ],
        facets={"year": [FacetValue("2024", "2024", 1)]},
        did_you_mean="tình nguyện",
    )
    data = results_json(results)
    assert_valid("SearchResults", data)
    data["did_you_mean"] = 3
    assert list(validator("SearchResults").iter_errors(data)), "the schema checks did_you_mean"


@pytest.mark.parametrize("url", API_URLS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_other_methods_are_405_with_allow(db, url, method):
    # CSRF checked as in production (the test client skips it by default).
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(url, data={}, content_type="application/json")
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


@pytest.mark.parametrize("url", [*API_URLS, "/api/search/?q=hiến máu"])
def test_head_answers_like_get(client, db, url):
    """HEAD gives GET's status and the headers a client decides on (RFC 9110 §9.3.2),
    with no body. Before: only HEAD's status was checked, never against GET.

    The test client drops a HEAD body as servers do, so the body check guards the
    status and Content-Length it is compared with rather than the server. ETag is
    computed from the body, which the RFC lets a HEAD omit, and our page-cache
    middleware sets it for GET only; a HEAD that sends one must send GET's."""
    get, head = client.get(url), client.head(url)
    assert get.status_code == 200 and get.content
    assert head.status_code == get.status_code
    for name in ("Content-Type", "Content-Length", "Cache-Control", "Content-Language"):
        assert head.get(name) == get.get(name), name
    assert int(head["Content-Length"]) == len(get.content)
    assert head.content == b""
    assert "ETag" in get
    assert head.get("ETag") in (None, get["ETag"])
