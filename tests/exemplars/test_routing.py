"""The exemplar home resolves a page's whole path at once: the same answers as Wagtail's routing."""

import pytest
from django.test import Client

from tests.factories import make_home, make_section, make_story

pytestmark = pytest.mark.django_db


def test_paths_answer_as_wagtail_would(section):
    client = Client()
    nested = make_section(section, title="Chuyên mục con", slug="chuyen-muc-con")
    story = make_story(parent=nested, title="Bài trong chuyên mục con")
    draft = make_story(parent=nested, title="Bài nháp", publish=False)
    assert client.get(story.url).status_code == 200
    assert "Bài trong chuyên mục con" in client.get(story.url).content.decode()
    assert client.get(nested.url).status_code == 200
    assert client.get(nested.url + "khong-co/").status_code == 404
    assert client.get(story.url + "them/").status_code == 404
    assert client.get(section.url + draft.slug + "/").status_code == 404  # wrong parent
    assert client.get(nested.url + draft.slug + "/").status_code == 404  # not live
    # The home's own routes still win over the tree.
    assert client.get("/dien-hinh/khong-co/").status_code == 404
    assert client.get("/").status_code == 200


def test_breadcrumbs_follow_the_resolved_path(section):
    client = Client()
    nested = make_section(section, title="Chuyên mục con", slug="chuyen-muc-con")
    story = make_story(parent=nested, title="Bài có đường dẫn")
    html = client.get(story.url).content.decode()
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    titles = [make_home().title, section.title, nested.title, story.title]
    positions = [crumbs.index(title) for title in titles]
    assert positions == sorted(positions)


def test_an_address_worked_out_once_a_request_still_follows_path_and_language(section):
    """ReaderPageMixin.get_url_parts keeps answers on the request-like object it is given."""
    import copy
    from types import SimpleNamespace

    from django.utils import translation

    story = make_story(parent=section, slug="bai-moi")
    cache = SimpleNamespace()  # what a purge passes in the request's place
    url = story.get_full_url(cache)
    assert url.endswith("/bai-moi/") and story.get_full_url(cache) == url
    before = copy.copy(story)  # the page at its address before a new slug
    before.url_path = story.url_path.replace("bai-moi", "bai-cu")
    assert before.get_full_url(cache) == url.replace("/bai-moi/", "/bai-cu/")
    with translation.override("en"):
        path = url.split("/", 3)[3]
        assert story.get_full_url(cache) == url.replace(path, "en/" + path)
