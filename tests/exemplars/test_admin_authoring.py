"""A journalist writes a story through the Wagtail admin's own forms."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from exemplars.models import ExemplarStoryPage
from tests.factories import make_author, make_campaign, make_exemplar, make_field, make_locality

pytestmark = pytest.mark.django_db


@pytest.fixture
def journalist(django_user_model, home):
    group = Group.objects.create(name="Phóng viên (thử)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for perm in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=home, permission=Permission.objects.get(codename=perm)
        )
    user = django_user_model.objects.create_user("phongvien", password="x")
    user.groups.add(group)
    return user


def story_form(**overrides):
    campaign = make_campaign()
    data = {
        "title": "Bà Néang Sa Ry giữ nghề dệt thổ cẩm",
        "slug": "neang-sa-ry-tho-cam",
        "intro": "Giữ nghề dệt thổ cẩm của đồng bào Khmer ở Văn Giáo.",
        "hero_caption": "",
        "hero_credit": "",
        "hero_alt": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Điển hình tiên tiến trong phong trào thi đua.</p>")),
                (
                    "quote",
                    {"quote": "Giữ nghề là giữ hồn dân tộc.", "attribution": "Bà Néang Sa Ry"},
                ),
                (
                    "fact_box",
                    {"title": "Thành tích", "facts": streamfield([("item", "30 hộ có việc làm")])},
                ),
            ]
        ),
        "exemplar": make_exemplar("Néang Sa Ry").pk,
        "locality": make_locality("Tịnh Biên").pk,
        "field": make_field("Văn hóa").pk,
        "tags": "thổ cẩm, Khmer",
        "bylines": inline_formset([{"author": make_author("M.L").pk}]),
        "event_citations": inline_formset([]),
        "published_at": "",
        "original_url": "",
        "comment_notifications": "",
    } | overrides
    form = nested_form_data(data)
    # A multiple select posts the same key repeatedly, which nested_form_data cannot say.
    form["campaigns"] = [campaign.pk]
    return form


def test_journalist_creates_and_saves_a_draft_story(client, journalist, section):
    client.force_login(journalist)
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarstorypage", section.pk))
    response = client.post(url, story_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    story = ExemplarStoryPage.objects.get(slug="neang-sa-ry-tho-cam")
    assert not story.live, "a journalist's save is a draft"
    assert story.exemplar.name == "Néang Sa Ry"
    assert [b.block_type for b in story.body] == ["paragraph", "quote", "fact_box"]
    assert list(story.bylines.values_list("author__name", flat=True)) == ["M.L"]
    assert story.campaigns.count() == 1
    assert set(story.tags.names()) == {"thổ cẩm", "Khmer"}


def test_publishing_without_a_lead_is_refused_and_nothing_goes_live(client, admin_user, section):
    # Wagtail lets a draft miss required fields; publishing must not.
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarstorypage", section.pk))
    response = client.post(url, story_form(intro="") | {"action-publish": "publish"})
    assert response.status_code == 200
    assert "intro" in response.context["form"].errors
    assert not ExemplarStoryPage.objects.live().exists()


def test_story_cannot_be_created_outside_a_section(client, journalist, home):
    client.force_login(journalist)
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarstorypage", home.pk))
    response = client.post(url, story_form())
    # Wagtail refuses a page type its parent does not allow and sends the user to
    # the dashboard (before: 302 or 403 was accepted); nothing is created.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not ExemplarStoryPage.objects.exists()
