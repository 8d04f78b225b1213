"""Every query parameter a reader can send to /api/v2/ answers 4xx with a message, never 500.

Wagtail's API v2 has no OpenAPI document for schemathesis to read, so hypothesis
drives the endpoints directly: any of their parameters (and unknown ones), with
numbers past every integer type, dates that are not dates, NUL characters,
bytes that are not UTF-8, and the values that mean something (``root``,
``random``, ``*``, field and type names). A 5xx or an exception is a failure;
a 4xx must be JSON with a ``message``; a 200 must be JSON.
"""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.test_wagtail_api import content  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"

ENDPOINTS = {
    "pages": [
        "type",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "locale",
        "site",
        "html_path",
        "title",
        "slug",
        "first_published_at",
        "published_at",
        "exemplar",
        "locality",
        "field",
        "hero_image",
        "tags",
        "intro",
        "body",
    ],
    "images": ["title", "width", "height", "tags"],
    "campaigns": ["name", "slug", "start_year", "end_year", "level", "decision_date", "parent"],
    "exemplars": ["name", "slug", "kind", "locality", "field", "portrait"],
    "localities": ["name", "slug", "kind", "parent", "successor", "valid_until"],
    "fields": ["name", "slug"],
}
COMMON = ["limit", "offset", "fields", "order", "search", "search_operator", "id", "format"]
COMMON += ["rich_text_format", "_", "nope"]

# Values that mean something to some parameter, and edges of every integer type.
TOKENS = [
    "",
    "0",
    "-1",
    "1",
    "20",
    "21",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    HUGE,
    "-" + HUGE,
    "1e3",
    "1.5",
    "root",
    "random",
    "*",
    "_",
    "-id",
    "id,-title",
    "and",
    "or",
    "OR",
    "xx",
    "json",
    "api",
    "true",
    "vi",
    "2024-06-01",
    "2024-13-45",
    "9999-12-31 23:59:59+14:00",
    "0001-01-01T00:00:00%2B14:00",
    "9999-12-31T23:59:59-14:00",
    "exemplars.ExemplarStoryPage",
    "exemplars.Exemplar",
    "wagtailcore.Page,exemplars.CampaignPage",
    "a.b.c",
    "title(x)",
    "exemplar(name)",
    "*,-title",
    "(",
    "hiến máu",
]

values = st.one_of(
    st.sampled_from(TOKENS),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=12).map(lambda s: quote(s, safe="")),
    # Any bytes, percent-encoded: NUL, control characters, invalid UTF-8.
    st.binary(max_size=8).map(lambda b: quote_from_bytes(b, safe="")),
)


@st.composite
def requests(draw):
    endpoint = draw(st.sampled_from(sorted(ENDPOINTS)))
    view = draw(st.sampled_from(["", "", "", "find/", "1/", f"{HUGE}/"]))
    names = st.sampled_from(COMMON + ENDPOINTS[endpoint])
    pairs = draw(st.lists(st.tuples(names, values), max_size=4))
    if endpoint == "pages" and draw(st.booleans()):
        # Story fields are parameters only once the type is a story.
        pairs.insert(0, ("type", "exemplars.ExemplarStoryPage"))
    query = "&".join(f"{name}={value}" for name, value in pairs)
    return f"/api/v2/{endpoint}/{view}?{query}"


def assert_answers_well(response, url):
    assert response.status_code < 500, (url, response.content[:500])
    if response.status_code == 302:  # find/ redirects to the detail view
        assert "/find/" in url and "/api/v2/" in response["Location"], url
        return
    assert response["Content-Type"] == "application/json", url
    data = response.json()
    if response.status_code >= 400:
        assert isinstance(data.get("message"), str) and data["message"], (url, data)


@settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=requests())
def test_no_parameter_answers_500(client, content, url):  # noqa: F811
    client.raise_request_exception = True
    assert_answers_well(client.get(url), url)


# Each answered 500 (or raised) before exemplars/api/parameters.py.
BAD = {
    # The two URLs of the report.
    f"/api/v2/pages/?offset={HUGE}": "offset cannot be higher than 9223372036854775807",
    "/api/v2/pages/?search=a&search_operator=xx": "search_operator must be 'and' or 'or'",
    "/api/v2/images/?offset=9223372036854775808": "offset cannot be higher",
    f"/api/v2/campaigns/?offset={HUGE}": "offset cannot be higher",
    "/api/v2/images/?search=a&search_operator=xx": "search_operator must be",
    "/api/v2/pages/find/?id=abc": "id must be a positive integer",
    "/api/v2/exemplars/find/?id=%00": "null characters are not allowed",
    "/api/v2/pages/?first_published_at=x": "not a valid value for first_published_at",
    "/api/v2/pages/?type=exemplars.ExemplarStoryPage&published_at=2024-13-45": "published_at",
    f"/api/v2/pages/?type=exemplars.ExemplarStoryPage&exemplar={HUGE}": "out of range",
    f"/api/v2/pages/?type=exemplars.ExemplarStoryPage&hero_image={HUGE}": "out of range",
    "/api/v2/campaigns/?decision_date=x": "not a valid value for decision_date",
    f"/api/v2/campaigns/?parent={HUGE}": "out of range",
    "/api/v2/localities/?valid_until=x": "not a valid value for valid_until",
    f"/api/v2/exemplars/?locality={HUGE}": "out of range",
    # NUL, refused in every parameter: PostgreSQL refuses it in text, and
    # upstream checks it in field filters only.
    "/api/v2/pages/?locale=%00": "null characters are not allowed",
    "/api/v2/pages/find/?html_path=/tin/%00/": "null characters are not allowed",
    "/api/v2/pages/?search=%00": "null characters are not allowed",
    # A bad parameter is not a missing endpoint: these answered 404.
    "/api/v2/pages/?locale=xx": "locale doesn't exist",
    "/api/v2/pages/?site=nowhere.example": "site doesn't exist",
    "/api/v2/fields/?format=xml": "format must be 'json'",
}


def test_bad_parameters_answer_400_with_a_message(client, content):  # noqa: F811
    client.raise_request_exception = True
    wrong = {}
    for url, message in BAD.items():
        try:
            response = client.get(url)
        except Exception as e:  # noqa: BLE001 (collected, then reported together)
            wrong[url] = f"raised {type(e).__name__}: {e}"
            continue
        if response.status_code != 400 or message not in response.json().get("message", ""):
            wrong[url] = (response.status_code, response.content[:200])
    assert not wrong, wrong


@pytest.mark.parametrize(
    "url",
    [f"/api/v2/pages/?offset={HUGE}", "/api/v2/pages/?search=a&search_operator=xx"],
)
def test_reported_urls_answer_400(client, db, url):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["message"]


def test_good_values_still_work(client, content):  # noqa: F811
    """The checks refuse only what would fail: these answer as before."""
    ok = [
        "/api/v2/pages/?offset=9223372036854775807",
        "/api/v2/pages/?search=lúa&search_operator=OR",
        "/api/v2/pages/?locale=vi",
        "/api/v2/pages/?format=json",
        "/api/v2/pages/?type=exemplars.ExemplarStoryPage&published_at=2024-06-01T09:00%2B07:00",
        f"/api/v2/pages/?type=exemplars.ExemplarStoryPage&exemplar={content['exemplar'].pk}",
        "/api/v2/campaigns/?start_year=2021",
        "/api/v2/localities/?valid_until=2025-07-01",
    ]
    for url in ok:
        assert client.get(url).status_code == 200, url
    story = content["public"]
    found = client.get(f"/api/v2/pages/find/?id={story.pk}")
    assert found.status_code == 302 and found["Location"].endswith(f"/api/v2/pages/{story.pk}/?")
    found = client.get(f"/api/v2/pages/find/?html_path={story.url}")
    assert found.status_code == 302
    assert client.get(f"/api/v2/pages/find/?id={HUGE}").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        # SQLite raised on the first (500): a story's key is its link to its page.
        # The others already answered 404 through Django's integer lookups; kept so.
        f"/api/v2/pages/{HUGE}/?type=exemplars.ExemplarStoryPage",
        f"/api/v2/pages/find/?id={HUGE}&type=exemplars.ExemplarStoryPage",
        f"/api/v2/pages/{HUGE}/",
        f"/api/v2/exemplars/{HUGE}/",
    ],
)
def test_ids_past_their_type_are_not_found(client, content, url):  # noqa: F811
    client.raise_request_exception = True
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"message": response.json()["message"]}
    assert response.json()["message"]
