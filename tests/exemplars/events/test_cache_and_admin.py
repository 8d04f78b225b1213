"""An event change reaches cached reader pages; editors manage events in the admin."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset

from exemplars.models import Event, ExemplarStoryPage, StoryEvent
from tests.exemplars.test_admin_authoring import journalist, story_form  # noqa: F401
from tests.factories import make_campaign, make_campaign_page, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def soon():
    now = timezone.now()
    return {"starts_at": now + dt.timedelta(days=2), "ends_at": now + dt.timedelta(days=2, hours=3)}


def test_saving_an_event_purges_every_page_showing_it(
    client, home, page_cache, committed, make_event
):
    with committed():
        event = make_event(title="Tọa đàm tên cũ", **soon())
    page = make_campaign_page(event.campaign)
    urls = [
        reverse("exemplars_event", args=[event.slug]),
        reverse("exemplars_events"),
        reverse("exemplars_events_ics"),
        reverse("exemplars_campaign_events_ics", args=[event.campaign.slug]),
        page.url,
    ]
    for url in urls:
        assert "Tọa đàm tên cũ" in client.get(url).content.decode(), url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    event.title = "Tọa đàm tên mới"
    with committed():
        event.save()
    for url in urls:
        body = client.get(url).content.decode()
        assert "Tọa đàm tên mới" in body and "Tọa đàm tên cũ" not in body, url


def test_pages_listing_an_event_as_upcoming_are_kept_only_until_it_ends(
    client, home, page_cache, make_event
):
    now = timezone.now()
    event = make_event(
        title="Tọa đàm sắp kết thúc",
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(seconds=90),
    )
    page = make_campaign_page(event.campaign)
    urls = [reverse("exemplars_event", args=[event.slug]), reverse("exemplars_events"), page.url]
    for url in urls:
        response = client.get(url)
        cache_control = {p.strip() for p in response["Cache-Control"].split(",")}
        assert "public" in cache_control, url
        s_maxage = int(next(p for p in cache_control if p.startswith("s-maxage="))[9:])
        assert 0 < s_maxage <= 90, url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    # Our cache keeps each page no longer than that either: it expires when the
    # event ends, though no save purges anything then.
    entries = {
        key: expiry
        for key, expiry in caches["default"]._expire_info.items()
        if ":exemplars-page:page:" in key
    }
    assert len(entries) == len(urls)
    assert all(expiry <= now.timestamp() + 91 for expiry in entries.values())


def test_a_page_with_no_event_to_come_keeps_the_usual_lifetime(
    client, home, page_cache, make_event
):
    now = timezone.now()
    event = make_event(starts_at=now - dt.timedelta(days=3), ends_at=now - dt.timedelta(days=2))
    response = client.get(reverse("exemplars_event", args=[event.slug]))
    assert "s-maxage=300" in response["Cache-Control"]


def test_a_new_event_and_a_change_of_campaign_reach_both_campaign_pages(
    client, home, page_cache, committed, make_event
):
    first = make_campaign("Phong trào thứ nhất")
    second = make_campaign("Phong trào thứ hai")
    first_page, second_page = make_campaign_page(first), make_campaign_page(second)
    for url in (first_page.url, second_page.url, reverse("exemplars_events")):
        client.get(url)
    with committed():
        event = make_event(title="Giao lưu mới công bố", campaign=first, **soon())
    assert "Giao lưu mới công bố" in client.get(reverse("exemplars_events")).content.decode()
    assert "Giao lưu mới công bố" in client.get(first_page.url).content.decode()
    client.get(second_page.url)
    event.campaign = second
    with committed():
        event.save()
    assert "Giao lưu mới công bố" not in client.get(first_page.url).content.decode()
    assert "Giao lưu mới công bố" in client.get(second_page.url).content.decode()


def test_publishing_a_story_citing_an_event_purges_the_event_page(
    client, home, page_cache, committed, make_event
):
    event = make_event()
    url = reverse("exemplars_event", args=[event.slug])
    story = make_story(title="Bài tường thuật tọa đàm")
    assert "Bài tường thuật tọa đàm" not in client.get(url).content.decode()
    story.event_citations.add(StoryEvent(event=event))
    with committed():
        story.save_revision().publish()
    assert "Bài tường thuật tọa đàm" in client.get(url).content.decode()
    # The story stops citing it: the next publication drops it from the page.
    story = type(story).objects.get(pk=story.pk)
    story.event_citations.clear()
    with committed():
        story.save_revision().publish()
    assert "Bài tường thuật tọa đàm" not in client.get(url).content.decode()


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("sukien_i", "s@example.vn", "x"))
    return client


def form_data(**overrides):
    campaign = make_campaign()
    return {
        "title": "Tham quan mô hình nuôi cá",
        "kind": "field_visit",
        "slug": "",
        "starts_at": "2030-03-01 08:00",
        "ends_at": "2030-03-01 11:00",
        "place": "Ấp Phú Hòa",
        "locality": "",
        "campaign": str(campaign.pk),
        "organizer": "",
        "description": "",
        "registration_url": "",
    } | overrides


def test_editor_adds_an_event_in_newsroom_time(admin_client, home):
    add = reverse("wagtailsnippets_exemplars_event:add")
    page = admin_client.get(add).content.decode()
    for label in (
        "Tọa đàm",
        "Giao lưu",
        "Tham quan thực tế",
        "Lễ trao thưởng",
        "Điển hình tham gia",
    ):
        assert label in page
    response = admin_client.post(add, form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get()
    # Typed as 08:00 in Vietnam: 01:00 UTC.
    assert event.starts_at == dt.datetime(2030, 3, 1, 1, 0, tzinfo=dt.UTC)
    assert event.slug == "tham-quan-mo-hinh-nuoi-ca"
    assert (
        "Sự kiện"
        in admin_client.get(reverse("wagtailsnippets_exemplars_event:list")).content.decode()
    )


def test_an_event_ending_before_it_starts_is_refused_with_a_message(admin_client, home):
    add = reverse("wagtailsnippets_exemplars_event:add")
    response = admin_client.post(add, form_data(ends_at="2030-03-01 07:00"))
    assert response.status_code == 200
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu." in response.content.decode()
    assert not Event.objects.exists()


def test_a_journalist_cites_the_event_a_story_covers(client, journalist, section, make_event):  # noqa: F811
    event = make_event()
    client.force_login(journalist)
    add = reverse("wagtailadmin_pages:add", args=("exemplars", "exemplarstorypage", section.pk))
    response = client.post(add, story_form(event_citations=inline_formset([{"event": event.pk}])))
    assert response.status_code == 302
    story = ExemplarStoryPage.objects.get(slug="neang-sa-ry-tho-cam")
    assert [c.event for c in story.event_citations.all()] == [event]


def test_renaming_an_exemplar_taking_part_reaches_the_event_page_and_calendar(
    client, home, page_cache, committed, make_event, exemplars
):
    event = make_event(exemplars=exemplars[:1])
    urls = [reverse("exemplars_event", args=[event.slug]), reverse("exemplars_events_ics")]
    for url in urls:
        assert "Nguyễn Thị Ắ Lành" in client.get(url).content.decode().replace("\r\n ", "")
    exemplars[0].name = "Nguyễn Thị Ắ Lành (Út Lành)"
    with committed():
        exemplars[0].save()
    for url in urls:
        # Unfolded: a calendar line may wrap inside the name.
        assert "Út Lành" in client.get(url).content.decode().replace("\r\n ", ""), url
