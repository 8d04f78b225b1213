"""The exemplar pipeline board, moving stages, nominating from a story, the dashboard panel."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from exemplars.desk.dashboard import ending_soon, exemplars_by_stage, stories_awaiting_review
from exemplars.desk.pipeline import board
from exemplars.models import CampaignDrive, Exemplar, ExemplarStageChange, Honour, Stage
from exemplars.reader.links import exemplar_url
from tests.exemplars.desk import make_desk
from tests.factories import (
    make_award,
    make_campaign,
    make_exemplar,
    make_field,
    make_locality,
    make_story,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(home):
    return make_desk()


@pytest.fixture
def people(home):
    an_giang = make_locality("An Giang", kind="province")
    commune = make_locality("Mỹ Hòa Hưng", kind="commune", parent=an_giang)
    other = make_locality("Cần Thơ", kind="province")
    farming = make_field("Nông nghiệp")
    campaign = make_campaign()
    a = make_exemplar("Nguyễn Văn A", locality=commune, field=farming)
    b = make_exemplar("Trần Thị B", locality=other, stage=Stage.NURTURED)
    c = make_exemplar("Hợp tác xã C", locality=commune, stage=Stage.REPLICATED)
    make_story(title="Bài về A", exemplar=a, campaigns=[campaign])
    Honour.objects.create(exemplar=c, award=make_award(), campaign=campaign, decision_number="1/QĐ")
    make_story(title="Bài về B", exemplar=b, campaigns=[make_campaign("Khác")])
    return {"a": a, "b": b, "c": c, "an_giang": an_giang, "farming": farming, "campaign": campaign}


def names(columns):
    return {col.stage.value: [e.name for e in col.exemplars] for col in columns}


def test_board_has_four_columns_by_stage(people):
    assert names(board()) == {
        1: ["Nguyễn Văn A"],
        2: ["Trần Thị B"],
        3: [],
        4: ["Hợp tác xã C"],
    }


def test_board_filters(people):
    # A story in the campaign or an honour from it puts an exemplar on the board.
    assert names(board(campaign=people["campaign"])) == {
        1: ["Nguyễn Văn A"],
        2: [],
        3: [],
        4: ["Hợp tác xã C"],
    }
    # A province keeps the exemplars of the communes under it.
    assert names(board(locality=people["an_giang"]))[1] == ["Nguyễn Văn A"]
    assert names(board(locality=people["an_giang"]))[2] == []
    assert names(board(field=people["farming"]))[1] == ["Nguyễn Văn A"]
    assert names(board(field=people["farming"]))[4] == []


def test_board_page_shows_stories_and_honours(client, desk, people):
    client.force_login(desk.editor)
    response = client.get(reverse("exemplars_pipeline"), {"campaign": people["campaign"].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài về A" in html and "1/QĐ" in html and "Trần Thị B" not in html
    assert "Chuyển sang" in html


def test_board_shows_who_moved_an_exemplar_last(client, desk, people):
    import datetime as dt

    from exemplars.models import Exemplar, Stage

    exemplar = Exemplar.objects.get(name="Nguyễn Văn A")
    exemplar.advance_to(Stage.NURTURED, user=desk.editor, on=dt.date(2024, 5, 2))
    exemplar.advance_to(Stage.SUMMED_UP, user=desk.editor, on=dt.date(2025, 1, 9))
    client.force_login(desk.editor)
    response = client.get(reverse("exemplars_pipeline"))
    assert response.status_code == 200
    assert "Từ 09/01/2025" in response.content.decode()


def test_editor_moves_an_exemplar_to_the_next_stage(client, desk, people):
    client.force_login(desk.editor)
    a = people["a"]
    url = reverse("exemplars_pipeline_advance", args=[a.pk])
    response = client.post(url, {"note": "Đã bồi dưỡng qua lớp tập huấn", "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    a.refresh_from_db()
    assert a.stage == Stage.NURTURED
    change = ExemplarStageChange.objects.get(exemplar=a)
    assert change.recorded_by == desk.editor
    assert change.reached_on == timezone.localdate()
    assert change.note == "Đã bồi dưỡng qua lớp tập huấn"


def test_publishing_an_older_draft_keeps_the_stage_and_its_history(client, desk, people):
    a = people["a"]
    a.bio = "Tiểu sử mới"
    a.save_revision(user=desk.journalist)
    client.force_login(desk.editor)
    client.post(reverse("exemplars_pipeline_advance", args=[a.pk]), {"note": "Bồi dưỡng"})
    a.refresh_from_db()
    a.get_latest_revision().publish(user=desk.editor)
    a.refresh_from_db()
    assert a.bio == "Tiểu sử mới"
    assert a.stage == Stage.NURTURED
    assert [c.note for c in a.stage_changes.all()] == ["Bồi dưỡng"]


def test_last_stage_cannot_move_on(client, desk, people):
    client.force_login(desk.editor)
    c = people["c"]
    response = client.post(reverse("exemplars_pipeline_advance", args=[c.pk]), {})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.stage == Stage.REPLICATED
    assert not ExemplarStageChange.objects.filter(exemplar=c).exists()


def test_unsafe_next_url_is_ignored(client, desk, people):
    client.force_login(desk.editor)
    url = reverse("exemplars_pipeline_advance", args=[people["a"].pk])
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("exemplars_pipeline")


def test_journalist_sees_the_board_but_cannot_move(client, desk, people):
    client.force_login(desk.journalist)
    response = client.get(reverse("exemplars_pipeline"))
    assert response.status_code == 200
    assert "Chuyển sang" not in response.content.decode()
    response = client.post(reverse("exemplars_pipeline_advance", args=[people["a"].pk]))
    # The admin answers PermissionDenied with a redirect to its dashboard.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    people["a"].refresh_from_db()
    assert people["a"].stage == Stage.DISCOVERED


def test_nominate_from_a_story(client, desk, home):
    commune = make_locality("Châu Đốc", kind="commune")
    story = make_story(title="Người giữ nghề", locality=commune, owner=desk.journalist)
    client.force_login(desk.journalist)
    url = reverse("exemplars_nominate", args=[story.pk])
    response = client.get(url)
    assert response.status_code == 200
    response = client.post(
        url, {"name": "Bà Néang Sa Ry", "kind": "individual", "note": "Giữ nghề dệt thổ cẩm"}
    )
    assert response.status_code == 302
    exemplar = Exemplar.objects.get(name="Bà Néang Sa Ry")
    assert exemplar.stage == Stage.DISCOVERED
    assert exemplar.locality == commune
    change = exemplar.stage_changes.get()
    assert (change.recorded_by, change.note) == (desk.journalist, "Giữ nghề dệt thổ cẩm")
    # A nomination is a draft profile waiting for the editors, not a public page.
    assert not exemplar.live
    assert client.get(exemplar_url(exemplar)).status_code == 404
    # A journalist cannot publish: the link waits in a draft for the editor.
    story.refresh_from_db()
    assert story.exemplar_id is None
    assert story.get_latest_revision_as_object().exemplar == exemplar


def test_nomination_from_an_unpublished_draft_stays_private_until_approved(client, desk, home):
    story = make_story(title="Bài nháp", publish=False, owner=desk.journalist)
    client.force_login(desk.journalist)
    client.post(
        reverse("exemplars_nominate", args=[story.pk]),
        {"name": "Bà Néang Sa Ry", "kind": "individual", "note": ""},
    )
    exemplar = Exemplar.objects.get(name="Bà Néang Sa Ry")
    assert not exemplar.live
    assert client.get(exemplar_url(exemplar)).status_code == 404
    assert exemplar.slug not in client.get("/sitemap.xml").content.decode()
    state = exemplar.current_workflow_state
    assert state is not None and state.requested_by == desk.journalist

    # The journalist cannot approve it; an editor can, and only then is it public.
    task_state = state.current_task_state
    url = reverse(
        "wagtailsnippets_exemplars_exemplar:workflow_action",
        args=[exemplar.pk, "approve", task_state.pk],
    )
    client.post(url, {"comment": ""})
    assert client.get(exemplar_url(exemplar)).status_code == 404
    client.force_login(desk.editor)
    client.post(url, {"comment": ""})
    exemplar.refresh_from_db()
    assert exemplar.live
    assert client.get(exemplar_url(exemplar)).status_code == 200
    # Approval publishes the profile, never the stage history back to an older state.
    assert exemplar.stage == Stage.DISCOVERED and exemplar.stage_changes.count() == 1


def test_editor_nomination_waits_for_the_profile_to_be_published(client, desk, home):
    story = make_story(title="Người giữ nghề")
    client.force_login(desk.editor)
    url = reverse("exemplars_nominate", args=[story.pk])
    client.post(url, {"name": "Ông Tư", "kind": "individual", "note": ""})
    story.refresh_from_db()
    exemplar = Exemplar.objects.get(name="Ông Tư")
    assert not exemplar.live
    # The live story does not point readers at a profile that is not public yet.
    assert story.exemplar_id is None
    assert story.get_latest_revision_as_object().exemplar == exemplar
    assert "Ông Tư" not in client.get(story.url).content.decode()


def test_editor_nomination_of_a_published_exemplar_is_published(client, desk, home):
    make_exemplar("Ông Tư")
    story = make_story(title="Người giữ nghề")
    client.force_login(desk.editor)
    url = reverse("exemplars_nominate", args=[story.pk])
    client.post(url, {"name": "Ông Tư", "kind": "individual", "note": ""})
    story.refresh_from_db()
    assert story.exemplar.name == "Ông Tư"
    assert not story.has_unpublished_changes


def test_nomination_reuses_an_existing_exemplar(client, desk, home):
    existing = make_exemplar("Ông Tư", stage=Stage.SUMMED_UP)
    story = make_story()
    client.force_login(desk.editor)
    client.post(
        reverse("exemplars_nominate", args=[story.pk]),
        {"name": "ông  tư", "kind": "individual"},
    )
    existing.refresh_from_db()
    assert existing.stage == Stage.SUMMED_UP
    assert Exemplar.objects.filter(name_key="ông tư").count() == 1


def test_nomination_needs_a_name(client, desk, home):
    story = make_story()
    client.force_login(desk.editor)
    response = client.post(
        reverse("exemplars_nominate", args=[story.pk]), {"name": "  ", "kind": "individual"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    response = client.post(
        reverse("exemplars_nominate", args=[story.pk]), {"name": "X", "kind": "robot"}
    )
    assert "kind" in response.context["form"].errors
    assert not Exemplar.objects.filter(name="X").exists()


def test_nominate_button_on_the_story_header(client, desk, home):
    story = make_story()
    client.force_login(desk.journalist)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert reverse("exemplars_nominate", args=[story.pk]) in html


# -- dashboard ---------------------------------------------------------------


def test_dashboard_numbers(desk, people):
    today = dt.date(2025, 10, 15)
    make_campaign("Kết thúc 2025", start_year=2021, end_year=2025)
    make_campaign("Kết thúc 2030", start_year=2021, end_year=2030)
    make_campaign("Đã kết thúc", start_year=2016, end_year=2020)
    CampaignDrive.objects.create(
        campaign=people["campaign"],
        name="Đợt thi đua chào mừng Đại hội",
        start_date=dt.date(2025, 9, 1),
        end_date=dt.date(2025, 11, 30),
    )
    ending = [(e.name, e.ends_on) for e in ending_soon(today)]
    assert ending == [
        ("Đợt thi đua chào mừng Đại hội", dt.date(2025, 11, 30)),
        ("An Giang chung sức xây dựng nông thôn mới", dt.date(2025, 12, 31)),
        ("Khác", dt.date(2025, 12, 31)),
        ("Kết thúc 2025", dt.date(2025, 12, 31)),
    ]
    assert ending_soon(dt.date(2025, 6, 1)) == []
    assert [(s.value, n) for s, n in exemplars_by_stage()] == [(1, 1), (2, 1), (3, 0), (4, 1)]


def test_dashboard_panel_lists_stories_waiting_for_review(client, desk, home):
    story = make_story(title="Bài chờ duyệt", publish=False, owner=desk.journalist)
    story.get_workflow().start(story, desk.journalist)
    total, states = stories_awaiting_review()
    assert total == 1 and states[0].story.pk == story.pk

    client.force_login(desk.editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="exemplars-desk' in html or "exemplars-desk" in html
    assert "Bài chờ duyệt" in html
    assert "1 bài chờ duyệt" in html
