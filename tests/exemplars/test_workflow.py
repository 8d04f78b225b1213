"""Moderation: journalist submits, the editor verifies cited honours, then approves."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from exemplars.desk.roles import APPROVE_TASK_NAME, VERIFY_TASK_NAME
from exemplars.models import ExemplarStoryPage, HonourVerificationTask
from tests.exemplars.desk import honour_block, honoured_exemplar, make_desk, story_post_data
from tests.factories import make_story

pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def desk():
    return make_desk()


@pytest.fixture
def draft(desk):
    exemplar, award = honoured_exemplar()
    story = make_story(
        publish=False,
        exemplar=exemplar,
        owner=desk.journalist,
        body=[
            ("paragraph", "<p>Bà được tặng Bằng khen.</p>"),
            honour_block(award),
        ],
    )
    return story


def edit(client, story, action, **overrides):
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    data = story_post_data(
        ExemplarStoryPage.objects.get(pk=story.pk).get_latest_revision_as_object(), **overrides
    )
    data[action] = "1"
    return client.post(url, data)


def current_state(story):
    return WorkflowState.objects.get(
        object_id=str(story.pk), status__in=["in_progress", "needs_changes"]
    )


def act(client, story, action, data=None, xhr=False):
    state = current_state(story).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, action, state.pk])
    payload = {"task_state_id": state.pk, "comment": ""} | (data or {})
    return client.post(url, payload, **(XHR if xhr else {}))


def honour_keys(story):
    revision = ExemplarStoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    return [str(b.id) for b in revision.body if b.block_type == "honour"]


def submit(client, desk, story, **overrides):
    client.force_login(desk.journalist)
    response = edit(client, story, "action-submit", **overrides)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return current_state(story)


def test_submit_request_changes_resubmit_approve_publishes(client, desk, draft):
    state = submit(client, desk, draft)
    assert state.current_task_state.task.name == VERIFY_TASK_NAME
    assert not ExemplarStoryPage.objects.get(pk=draft.pk).live

    client.force_login(desk.editor)
    response = act(client, draft, "reject", {"comment": "Ghi rõ số quyết định."})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.task_states.get(status="rejected").comment == "Ghi rõ số quyết định."

    submit(client, desk, draft, title="Bà Néang Sa Ry giữ nghề dệt")
    client.force_login(desk.editor)
    response = act(client, draft, "approve", {"confirmed": honour_keys(draft)})
    assert response.status_code == 302
    assert current_state(draft).current_task_state.task.name == APPROVE_TASK_NAME
    assert not ExemplarStoryPage.objects.get(pk=draft.pk).live

    response = act(client, draft, "approve")
    assert response.status_code == 302
    story = ExemplarStoryPage.objects.get(pk=draft.pk)
    assert story.live
    assert story.title == "Bà Néang Sa Ry giữ nghề dệt"
    assert not WorkflowState.objects.filter(object_id=str(draft.pk), status="in_progress").exists()


def test_modal_shows_the_comparison(client, desk, draft):
    submit(client, desk, draft)
    client.force_login(desk.editor)
    state = current_state(draft).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", state.pk])
    response = client.get(url, **XHR)
    assert response.status_code == 200
    html = response.json()["html"]
    assert "1234/QĐ-TTg" in html
    assert 'data-status="match"' in html
    assert html.count('name="confirmed"') == 1


def test_approval_blocked_until_every_honour_is_confirmed(client, desk, draft):
    exemplar, award = honoured_exemplar()
    draft.body = [honour_block(award), honour_block(award)]
    draft.save_revision()
    submit(client, desk, draft)
    keys = honour_keys(draft)
    assert len(keys) == 2

    client.force_login(desk.editor)
    response = act(client, draft, "approve", {"confirmed": keys[:1]}, xhr=True)
    assert response.status_code == 200
    assert response.json()["step"] == "action", "the modal comes back with the error"
    assert "chưa được xác nhận" in response.json()["html"]
    assert current_state(draft).current_task_state.task.name == VERIFY_TASK_NAME

    response = act(client, draft, "approve", {"confirmed": keys[:1]})
    assert response.status_code == 302
    assert current_state(draft).current_task_state.task.name == VERIFY_TASK_NAME

    act(client, draft, "approve", {"confirmed": keys})
    assert current_state(draft).current_task_state.task.name == APPROVE_TASK_NAME


def test_mismatched_honour_cannot_be_confirmed(client, desk, draft):
    exemplar, award = honoured_exemplar()
    draft.body = [honour_block(award, decision="999/QĐ-UBND")]
    draft.save_revision()
    submit(client, desk, draft)
    client.force_login(desk.editor)

    state = current_state(draft).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", state.pk])
    html = client.get(url, **XHR).json()["html"]
    assert 'data-status="mismatch"' in html
    assert "disabled" in html

    response = act(client, draft, "approve", {"confirmed": honour_keys(draft)}, xhr=True)
    assert "Không khớp hồ sơ" in response.json()["html"]
    assert current_state(draft).current_task_state.task.name == VERIFY_TASK_NAME

    # The model refuses too, whatever route calls it.
    task = state.task.specific
    assert isinstance(task, HonourVerificationTask)
    with pytest.raises(PermissionDenied):
        task.on_action(state.specific, desk.editor, "approve", confirmed=honour_keys(draft))


def test_journalist_cannot_act_on_the_verification_step(client, desk, draft):
    submit(client, desk, draft)
    response = act(client, draft, "approve", {"confirmed": honour_keys(draft)})
    # Wagtail answers a denied admin action by sending the user to the dashboard.
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert current_state(draft).current_task_state.task.name == VERIFY_TASK_NAME


def test_story_citing_no_honour_passes_verification(client, desk):
    story = make_story(publish=False, owner=desk.journalist)
    submit(client, desk, story)
    client.force_login(desk.editor)
    act(client, story, "approve")
    act(client, story, "approve")
    assert ExemplarStoryPage.objects.get(pk=story.pk).live


def test_approved_story_with_go_live_is_scheduled_then_published_and_expires(client, desk, draft):
    go_live = timezone.now() + dt.timedelta(days=2)
    expire = go_live + dt.timedelta(days=30)
    fmt = "%Y-%m-%d %H:%M"
    submit(
        client,
        desk,
        draft,
        go_live_at=timezone.localtime(go_live).strftime(fmt),
        expire_at=timezone.localtime(expire).strftime(fmt),
    )
    client.force_login(desk.editor)
    act(client, draft, "approve", {"confirmed": honour_keys(draft)})
    act(client, draft, "approve")

    story = ExemplarStoryPage.objects.get(pk=draft.pk)
    assert not story.live, "approval before go-live schedules, it does not publish"
    revision = story.get_latest_revision()
    assert revision.approved_go_live_at is not None

    # Time passes: move the schedule into the past and let the scheduler run.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    story.refresh_from_db()
    assert story.live

    ExemplarStoryPage.objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    story.refresh_from_db()
    assert not story.live and story.expired


def test_editor_approves_from_the_page_editor(client, desk, draft):
    import json

    submit(client, desk, draft)
    client.force_login(desk.editor)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    html = client.get(url).content.decode()
    assert "Xác minh và duyệt" in html

    state = current_state(draft).current_task_state
    collect = reverse(
        "wagtailadmin_pages:collect_workflow_action_data", args=[draft.pk, "approve", state.pk]
    )
    # The modal's form is checked before the editor's save-and-approve goes through.
    refused = client.post(collect, {"task_state_id": state.pk}, **XHR).json()
    assert refused["step"] == "action"
    collected = client.post(
        collect, {"task_state_id": state.pk, "confirmed": honour_keys(draft)}, **XHR
    ).json()
    assert collected["step"] == "success"

    data = story_post_data(
        ExemplarStoryPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    )
    data |= {
        "action-workflow-action": "1",
        "workflow-action-name": "approve",
        "workflow-task-state-id": str(state.pk),
        "workflow-action-extra-data": json.dumps(collected["cleaned_data"]),
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert current_state(draft).current_task_state.task.name == APPROVE_TASK_NAME


def test_an_edit_after_verification_is_verified_again(client, desk, draft):
    submit(client, desk, draft)
    client.force_login(desk.editor)
    act(client, draft, "approve", {"confirmed": honour_keys(draft)})
    assert current_state(draft).current_task_state.task.name == APPROVE_TASK_NAME

    # The editor changes the cited decision number while approving: the new
    # revision goes back to verification, where it no longer matches the record.
    exemplar, award = honoured_exemplar()
    story = ExemplarStoryPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    story.body = [honour_block(award, decision="999/QĐ-UBND")]
    revision = story.save_revision(user=desk.editor)
    state = current_state(draft)
    state.current_task_state.approve(user=desk.editor)
    state.refresh_from_db()
    assert state.current_task_state.task.name == VERIFY_TASK_NAME
    assert state.current_task_state.revision == revision
    assert not ExemplarStoryPage.objects.get(pk=draft.pk).live
