"""The booklet from the campaign's admin and from ``manage.py campaign_booklet``."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction

from exemplars.models import Booklet, ExemplarStoryPage
from tests.exemplars.desk import make_desk

from .pdf import page_texts, reader, toc_entries

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("bientap_i", "b@example.vn", "x")


def url(campaign):
    return reverse("exemplars_campaign_booklet", args=[campaign.pk])


def test_editor_orders_exemplars_and_downloads_the_pdf(client, editor, booklet_campaign):
    campaign, (first, second, third) = booklet_campaign
    client.force_login(editor)
    page = client.get(url(campaign))
    assert page.status_code == 200
    for exemplar in (first, second, third):
        assert exemplar.name in page.content.decode()
    response = client.post(
        url(campaign),
        {
            "size": "a4",
            f"order_{third.pk}": "1",
            f"order_{first.pk}": "2",
            "colophon": "In 500 bản",
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    pdf = response.content
    assert [t for t, _ in toc_entries(pdf)] == [third.name, first.name, "Thông tin xuất bản"]
    assert "In 500 bản" in page_texts(pdf)[-1]
    assert int(response["X-Booklet-Pages"]) == len(reader(pdf).pages)
    # The choice is kept for the next edition and for the command.
    booklet = Booklet.objects.get(campaign=campaign)
    assert [e.exemplar for e in booklet.entries.order_by("sort_order")] == [third, first]
    again = client.get(url(campaign)).content.decode()
    assert again.index(third.name) < again.index(first.name) < again.index(second.name)


def test_nothing_chosen_is_a_clear_message_and_nothing_is_saved(client, editor, booklet_campaign):
    campaign, exemplars = booklet_campaign
    client.force_login(editor)
    response = client.post(url(campaign), {"size": "a5", f"order_{exemplars[0].pk}": "-1"})
    assert response.status_code == 400
    response = client.post(url(campaign), {"size": "a5"})
    assert response.status_code == 400
    assert "Chọn ít nhất một điển hình" in response.content.decode()
    assert not Booklet.objects.exists()


def test_listing_and_edit_view_offer_the_booklet_action(client, editor, booklet_campaign):
    campaign, _ = booklet_campaign
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_exemplars_campaign:list"))
    assert url(campaign) in listing.content.decode()
    edit = client.get(reverse("wagtailsnippets_exemplars_campaign:edit", args=[campaign.pk]))
    assert edit.status_code == 200 and url(campaign) in edit.content.decode()


def test_a_journalist_may_not_print_booklets(client, booklet_campaign):
    """A journalist (the newsroom's role, not a stand-in group) who posts a complete
    order gets no PDF and saves no booklet: the admin sends them to the dashboard.
    Before: a GET by a user outside every role, answered 302 or 403."""
    campaign, (first, second, _third) = booklet_campaign
    client.force_login(make_desk().journalist)
    order = {"size": "a4", f"order_{first.pk}": "1", f"order_{second.pk}": "2"}
    response = client.post(url(campaign), order)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert "Content-Disposition" not in response and response.content == b""
    assert not Booklet.objects.exists()


def test_command_writes_the_chosen_booklet_and_prints_its_page_count(tmp_path, booklet_campaign):
    campaign, exemplars = booklet_campaign
    out = StringIO()
    target = tmp_path / "an-pham.pdf"
    call_command(
        "campaign_booklet", campaign.slug, "--output", str(target), "--size", "a5", stdout=out
    )
    pdf = target.read_bytes()
    pages = len(reader(pdf).pages)
    assert f"{pages} trang" in out.getvalue()
    # Nothing chosen yet: every exemplar of the campaign, by name.
    assert [t for t, _ in toc_entries(pdf)][:-1] == sorted(e.name for e in exemplars)
    assert list(tmp_path.iterdir()) == [target]  # no partial file left behind


def test_command_explains_an_unknown_campaign(tmp_path, db):
    with pytest.raises(CommandError, match="Không có phong trào"):
        call_command("campaign_booklet", "khong-co", "--output", str(tmp_path / "x.pdf"))


# -- view-restricted stories -----------------------------------------------------------

STORY = "Người phụ nữ đưa lúa hữu cơ về ấp"
NOTE = "Ấn phẩm này có cả bài viết không công khai trên trang điện tử của báo."


def _flat(pdf: bytes) -> tuple[str, str]:
    """(the whole text, the colophon page's), whitespace folded: lines wrap anywhere."""
    texts = [" ".join(t.split()) for t in page_texts(pdf)]
    return " ".join(texts), texts[-1]


def _restrict(kind):
    story = ExemplarStoryPage.objects.get(title=STORY)
    if kind == "login":
        PageViewRestriction.objects.create(page=story, restriction_type="login")
    else:  # a password on the section reaches every story in it
        PageViewRestriction.objects.create(
            page=story.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
        )


@pytest.mark.parametrize("kind", ["login", "password"])
def test_command_prints_only_public_stories_unless_told(tmp_path, booklet_campaign, kind):
    campaign, _exemplars = booklet_campaign
    target = tmp_path / "an-pham.pdf"
    call_command("campaign_booklet", campaign.slug, "--output", str(target), stdout=StringIO())
    assert STORY in _flat(target.read_bytes())[0]  # public: printed
    _restrict(kind)
    call_command("campaign_booklet", campaign.slug, "--output", str(target), stdout=StringIO())
    text, colophon = _flat(target.read_bytes())
    assert STORY not in text and NOTE not in text
    # The chapter falls back to the exemplar's bio.
    assert "Điển hình tiêu biểu của phong trào ở địa phương." in text
    call_command(
        "campaign_booklet",
        campaign.slug,
        "--output",
        str(target),
        "--include-restricted",
        stdout=StringIO(),
    )
    text, colophon = _flat(target.read_bytes())
    assert STORY in text and NOTE in colophon


def test_admin_prints_restricted_stories_only_when_ticked(client, editor, booklet_campaign):
    campaign, (first, _second, _third) = booklet_campaign
    _restrict("login")
    client.force_login(editor)
    form = client.get(url(campaign)).content.decode()
    assert (
        'name="include_restricted"' in form
        and "checked" not in form.split("include_restricted")[1][:40]
    )
    order = {"size": "a5", f"order_{first.pk}": "1"}
    text, colophon = _flat(client.post(url(campaign), order).content)
    assert STORY not in text and NOTE not in colophon
    ticked = client.post(url(campaign), order | {"include_restricted": "on"})
    assert ticked.status_code == 200
    text, colophon = _flat(ticked.content)
    assert STORY in text and NOTE in colophon
