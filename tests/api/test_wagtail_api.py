"""The syndication API at /api/v2/: only live, public content, with its structured fields."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from exemplars.models import Honour
from tests.factories import (
    make_author,
    make_award,
    make_campaign,
    make_campaign_page,
    make_exemplar,
    make_field,
    make_image,
    make_locality,
    make_section,
    make_story,
)

pytestmark = pytest.mark.django_db

STORIES = "/api/v2/pages/?type=exemplars.ExemplarStoryPage&fields=*"


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.fixture
def content(section):
    """A public story, a draft, a story in a private section, a draft exemplar's story."""
    locality, field = make_locality("Châu Đốc"), make_field("Nông nghiệp")
    campaign = make_campaign()
    make_campaign_page(campaign)
    exemplar = make_exemplar("Nguyễn Thị Lan", locality=locality, field=field)
    Honour.objects.create(
        exemplar=exemplar,
        award=make_award(),
        level="national",
        decision_number="123/QĐ-TTg",
        campaign=campaign,
    )
    hero = make_image("Chị Lan trên cánh đồng")
    public = make_story(
        title="Chị Lan làm giàu từ lúa sạch",
        exemplar=exemplar,
        locality=locality,
        field=field,
        hero_image=hero,
        hero_alt="Chị Lan",
        authors=[make_author("M.L", full_name="Minh Lý")],
    )
    draft = make_story(title="Bản nháp chưa duyệt", publish=False)
    private_section = make_section(title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    private = make_story(title="Tin nội bộ", parent=private_section)
    unpublished = make_exemplar("Trần Văn Nháp", live=False)
    with_draft_exemplar = make_story(title="Bài về điển hình chưa duyệt", exemplar=unpublished)
    return {
        "public": public,
        "draft": draft,
        "private": private,
        "private_section": private_section,
        "exemplar": exemplar,
        "unpublished_exemplar": unpublished,
        "with_draft_exemplar": with_draft_exemplar,
        "campaign": campaign,
        "locality": locality,
        "field": field,
        "hero": hero,
    }


def test_stories_are_live_and_public_only(client, content):
    titles = {i["title"] for i in items(client, STORIES)}
    assert content["public"].title in titles
    assert content["with_draft_exemplar"].title in titles
    assert content["draft"].title not in titles
    assert content["private"].title not in titles
    all_titles = {i["title"] for i in items(client, "/api/v2/pages/?limit=20")}
    assert content["private_section"].title not in all_titles
    assert content["draft"].title not in all_titles


def test_private_and_draft_pages_have_no_detail(client, content, django_user_model):
    for page in (content["draft"], content["private"], content["private_section"]):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    # An editor's session does not widen the answer either.
    client.force_login(django_user_model.objects.create_superuser("bientap", "b@x.vn", "x"))
    assert client.get(f"/api/v2/pages/{content['private'].pk}/").status_code == 404


def test_story_structured_fields(client, content):
    story = client.get(f"/api/v2/pages/{content['public'].pk}/").json()
    assert story["meta"]["type"] == "exemplars.ExemplarStoryPage"
    assert story["meta"]["html_url"].endswith(content["public"].url)
    assert story["exemplar"]["name"] == "Nguyễn Thị Lan"
    assert story["exemplar"]["html_url"].endswith("/dien-hinh/nguyen-thi-lan/")
    assert story["locality"] == {
        "id": content["locality"].pk,
        "name": "Châu Đốc",
        "slug": "chau-doc",
        "html_url": story["locality"]["html_url"],
        "kind": None,
    }
    assert story["locality"]["html_url"].endswith("/dia-phuong/chau-doc/")
    assert story["field"]["slug"] == "nong-nghiep"
    assert [c["slug"] for c in story["campaigns"]] == [content["campaign"].slug]
    assert story["bylines"] == [{"name": "M.L", "full_name": "Minh Lý", "slug": "m-l"}]
    rendition = story["hero_rendition"]
    # fill-1200x675 crops the 640×400 upload to 16:9 and never enlarges it.
    assert (rendition["width"], rendition["height"]) == (640, 360)
    assert rendition["url"].endswith(".jpg")
    assert story["hero_image"]["id"] == content["hero"].pk
    assert story["intro"] and story["body"][0]["type"] == "paragraph"
    assert story["published_at"]


def test_draft_exemplar_is_never_named(client, content):
    story = client.get(f"/api/v2/pages/{content['with_draft_exemplar'].pk}/").json()
    assert story["exemplar"] is None
    assert "Trần Văn Nháp" not in client.get(STORIES).content.decode()


def test_exemplars_endpoint_lists_live_exemplars_with_honours(client, content):
    listed = {i["name"] for i in items(client, "/api/v2/exemplars/")}
    assert "Nguyễn Thị Lan" in listed
    assert "Trần Văn Nháp" not in listed
    pk = content["unpublished_exemplar"].pk
    assert client.get(f"/api/v2/exemplars/{pk}/").status_code == 404
    lan = client.get(f"/api/v2/exemplars/{content['exemplar'].pk}/").json()
    assert lan["kind"] == "individual"
    assert lan["locality"]["slug"] == "chau-doc"
    assert lan["html_url"].endswith("/dien-hinh/nguyen-thi-lan/")
    [honour] = lan["honours"]
    assert honour["award"]["name"] == "Bằng khen của Thủ tướng Chính phủ"
    assert honour["level"] == "national"
    assert honour["decision_number"] == "123/QĐ-TTg"
    assert honour["campaign"]["slug"] == content["campaign"].slug


def test_campaigns_localities_fields_endpoints(client, content):
    [campaign] = items(client, "/api/v2/campaigns/?fields=*")
    assert campaign["name"] == content["campaign"].name
    assert campaign["start_year"] == 2021 and campaign["level"] == "provincial"
    assert campaign["status"] in ("upcoming", "running", "ended")
    assert campaign["html_url"].endswith(content["campaign"].page.url)
    [locality] = items(client, "/api/v2/localities/?fields=*")
    assert locality["slug"] == "chau-doc" and locality["html_url"].endswith("/dia-phuong/chau-doc/")
    [field] = items(client, "/api/v2/fields/?fields=*")
    assert field["name"] == "Nông nghiệp" and field["html_url"].endswith("/linh-vuc/nong-nghiep/")


def test_filters(client, content):
    other = make_locality("Long Xuyên")
    make_story(title="Bài ở Long Xuyên", locality=other)
    url = f"{STORIES}&locality={content['locality'].pk}"
    assert [i["title"] for i in items(client, url)] == [content["public"].title]
    url = "/api/v2/exemplars/?kind=collective"
    assert items(client, url) == []
    url = f"/api/v2/exemplars/?locality={content['locality'].pk}"
    assert [i["name"] for i in items(client, url)] == ["Nguyễn Thị Lan"]
    assert [i["name"] for i in items(client, "/api/v2/localities/?order=-name")] == [
        "Long Xuyên",
        "Châu Đốc",
    ]
    assert client.get("/api/v2/exemplars/?nope=1").status_code == 400
    assert client.get("/api/v2/exemplars/?search=Lan").status_code == 400


def test_images_are_only_those_shown_publicly(client, content):
    hidden = make_image("Ảnh chưa dùng")
    ids = {i["id"] for i in items(client, "/api/v2/images/")}
    assert content["hero"].pk in ids
    assert hidden.pk not in ids


@pytest.mark.parametrize(
    "path", ["pages/", "images/", "campaigns/", "exemplars/", "localities/", "fields/"]
)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_with_405(content, path, method):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(f"/api/v2/{path}", data={}, content_type="application/json")
    assert response.status_code == 405
    assert "POST" not in response["Allow"] and "GET" in response["Allow"]


def test_answers_are_briefly_cacheable_and_not_kept_by_the_page_cache(client, content, settings):
    settings.EXEMPLARS_PAGE_CACHE = {"ENABLED": True}
    response = client.get("/api/v2/exemplars/")
    assert response["Cache-Control"] == "public, max-age=30, s-maxage=30"
    assert "X-Page-Cache" not in response
    content["exemplar"].name = "Nguyễn Thị Lan Anh"
    content["exemplar"].save()
    assert "Nguyễn Thị Lan Anh" in client.get("/api/v2/exemplars/").content.decode()
