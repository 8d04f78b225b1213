"""The permission matrix: each role × each action, through the admin's own views.

An action is "allowed" when its effect happened (the page was created,
published, deleted…), not merely when the view answered 200, so a view that
silently turns a journalist's "publish" into "save draft" counts as denied.
Pages (create, edit, publish, delete and move, single and bulk), exemplar
profiles (publish, approve: "allowed" means the reader's profile page shows
it) and Wagtail's reports.
"""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from exemplars.desk.roles import ADMINS, EDITORS, JOURNALISTS, ROLES
from exemplars.models import (
    Campaign,
    CampaignPage,
    Comment,
    ContestPage,
    Exemplar,
    ExemplarStoryPage,
    Honour,
    SectionPage,
)
from exemplars.reader.links import exemplar_url
from tests.exemplars.desk import make_desk, story_post_data
from tests.factories import (
    default_section,
    make_award,
    make_campaign,
    make_campaign_page,
    make_exemplar,
    make_section,
    make_story,
)

pytestmark = pytest.mark.django_db


def _edit(client, story, **extra):
    data = story_post_data(story.get_latest_revision_as_object(), **extra)
    return client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)


def _fresh(story):
    return ExemplarStoryPage.objects.get(pk=story.pk)


def create(client, desk, user):
    data = story_post_data(make_story(publish=False), title="Bài mới", slug="bai-moi")
    url = reverse(
        "wagtailadmin_pages:add", args=("exemplars", "exemplarstorypage", default_section().pk)
    )
    client.post(url, data)
    return ExemplarStoryPage.objects.filter(slug="bai-moi").exists()


def edit_own(client, desk, user):
    story = make_story(publish=False, owner=user)
    _edit(client, story, title="Đã sửa")
    return _fresh(story).get_latest_revision_as_object().title == "Đã sửa"


def edit_others(client, desk, user):
    story = make_story(publish=False, owner=desk.journalist2)
    _edit(client, story, title="Đã sửa")
    return _fresh(story).get_latest_revision_as_object().title == "Đã sửa"


def submit(client, desk, user):
    story = make_story(publish=False, owner=user)
    _edit(client, story, **{"action-submit": "1"})
    return WorkflowState.objects.filter(object_id=str(story.pk), status="in_progress").exists()


def approve(client, desk, user):
    story = make_story(publish=False, owner=desk.journalist)
    story.get_workflow().start(story, desk.journalist)
    state = WorkflowState.objects.get(object_id=str(story.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", state.pk])
    client.post(url, {"task_state_id": state.pk, "comment": ""})
    state.refresh_from_db()
    return state.status == "approved"


def publish(client, desk, user):
    story = make_story(publish=False, owner=user)
    _edit(client, story, **{"action-publish": "1"})
    return _fresh(story).live


def unpublish(client, desk, user):
    story = make_story()
    client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))
    return not _fresh(story).live


def delete(client, desk, user):
    story = make_story()
    client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
    return not Page.objects.filter(pk=story.pk).exists()


def curate(client, desk, user):
    page = make_campaign_page()
    story = make_story()
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "campaign": page.campaign_id,
            "intro": rich_text(""),
            "pins": inline_formset([{"story": story.pk, "pinned_from": "", "pinned_until": ""}]),
            "comment_notifications": "",
            "action-publish": "1",
        }
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    return page.pins.filter(story=story).exists()


def manage_campaigns(client, desk, user):
    data = nested_form_data(
        {
            "name": "Phong trào mới",
            "short_name": "",
            "slug": "",
            "start_year": "2026",
            "end_year": "2030",
            "level": "provincial",
            "authority": "UBND tỉnh",
            "decision_number": "",
            "decision_date": "",
            "parent": "",
            "description": rich_text(""),
            "drives": inline_formset([]),
        }
    )
    client.post(reverse("wagtailsnippets_exemplars_campaign:add"), data)
    return Campaign.objects.filter(name="Phong trào mới").exists()


def export_report(client, desk, user):
    campaign = make_story().campaigns.get()
    response = client.get(
        reverse("exemplars_campaign_report"), {"campaign": campaign.pk, "export": "csv"}
    )
    return response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def extend_abbreviations(client, desk, user):
    from exemplars_search.models import Synonym

    client.post(
        reverse("wagtailsnippets_exemplars_search_synonym:add"),
        {"abbreviation": "CLB", "full_forms": "câu lạc bộ"},
    )
    return Synonym.objects.filter(abbreviation="CLB").exists()


# -- deleting and moving: only one's own drafts without publish permission ------


def _editors_draft_story(desk):
    return make_story(publish=False, owner=desk.editor)


def _editors_draft_section(desk):
    section = default_section().add_child(
        instance=SectionPage(title="Chuyên mục nháp", slug="chuyen-muc-nhap", live=False)
    )
    Page.objects.filter(pk=section.pk).update(owner=desk.editor)
    return section


def _another_section():
    return make_section(title="Chuyên mục khác", slug="chuyen-muc-khac")


def _gone(page):
    return not Page.objects.filter(pk=page.pk).exists()


def _moved(page, destination):
    return Page.objects.get(pk=page.pk).get_parent().pk == destination.pk


def _bulk(client, action, page, data=None):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return client.post(f"{url}?id={page.pk}", data or {})


def delete_own_draft(client, desk, user):
    story = make_story(publish=False, owner=user)
    client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
    return _gone(story)


def delete_others_draft(client, desk, user):
    story = _editors_draft_story(desk)
    client.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
    return _gone(story)


def delete_others_draft_section(client, desk, user):
    section = _editors_draft_section(desk)
    client.post(reverse("wagtailadmin_pages:delete", args=[section.pk]))
    return _gone(section)


def bulk_delete_others_draft(client, desk, user):
    story = _editors_draft_story(desk)
    _bulk(client, "delete", story)
    return _gone(story)


def move_own_draft(client, desk, user):
    story, destination = make_story(publish=False, owner=user), _another_section()
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[story.pk, destination.pk]))
    return _moved(story, destination)


def move_others_draft(client, desk, user):
    story, destination = _editors_draft_story(desk), _another_section()
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[story.pk, destination.pk]))
    return _moved(story, destination)


def move_others_draft_section(client, desk, user):
    section, destination = _editors_draft_section(desk), _another_section()
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[section.pk, destination.pk]))
    return _moved(section, destination)


def bulk_move_others_draft(client, desk, user):
    story, destination = _editors_draft_story(desk), _another_section()
    _bulk(client, "move", story, {"chooser": destination.pk})
    return _moved(story, destination)


# -- Wagtail's reports ----------------------------------------------------------


def _report_opens(client, url_name, **query):
    response = client.get(reverse(url_name), query)
    return response.status_code == 200


def read_site_history(client, desk, user):
    return _report_opens(client, "wagtailadmin_reports:site_history")


def export_site_history(client, desk, user):
    make_story(publish=False, owner=desk.editor)
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    return response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def read_aging_pages(client, desk, user):
    return _report_opens(client, "wagtailadmin_reports:aging_pages")


def read_workflow_report(client, desk, user):
    return _report_opens(client, "wagtailadmin_reports:workflow")


# -- exemplar profiles: published content, live only through an editor -----------


def _exemplar_form(**overrides):
    return nested_form_data(
        {
            "name": "Bà Néang Sa Ry",
            "kind": "individual",
            "slug": "",
            "locality": "",
            "field": "",
            "portrait": "",
            "bio": "Giữ nghề dệt thổ cẩm.",
            "honours": inline_formset([]),
        }
        | overrides
    )


def _profile_is_public(client, exemplar):
    return client.get(exemplar_url(exemplar)).status_code == 200


def publish_new_exemplar(client, desk, user):
    client.post(
        reverse("wagtailsnippets_exemplars_exemplar:add"),
        _exemplar_form(**{"action-publish": "1"}),
    )
    exemplar = Exemplar.objects.filter(name="Bà Néang Sa Ry").first()
    return exemplar is not None and _profile_is_public(client, exemplar)


def publish_exemplar_changes(client, desk, user):
    exemplar = make_exemplar("Ông Tư", bio="Tiểu sử cũ.")
    client.post(
        reverse("wagtailsnippets_exemplars_exemplar:edit", args=[exemplar.pk]),
        _exemplar_form(
            name="Ông Tư", slug=exemplar.slug, bio="Tiểu sử mới.", **{"action-publish": "1"}
        ),
    )
    return "Tiểu sử mới." in client.get(exemplar_url(exemplar)).content.decode()


def approve_exemplar(client, desk, user):
    exemplar = Exemplar(name="Ông Năm", live=False)
    exemplar.save()
    exemplar.save_revision(user=desk.journalist)
    state = exemplar.get_workflow().start(exemplar, desk.journalist).current_task_state
    url = reverse(
        "wagtailsnippets_exemplars_exemplar:workflow_action",
        args=[exemplar.pk, "approve", state.pk],
    )
    client.post(url, {"comment": ""})
    return _profile_is_public(client, exemplar)


# -- readers' comments and contests -------------------------------------------------


def moderate_comments(client, desk, user):
    comment = Comment.objects.create(story=make_story(), name="Lan", text="Chờ duyệt")
    url = reverse("wagtail_bulk_action", args=("exemplars", "comment", "approve_comments"))
    client.post(f"{url}?id={comment.pk}", {})
    comment.refresh_from_db()
    return comment.status == Comment.Status.APPROVED


def _reads_comment(client, story):
    comment = Comment.objects.create(story=story, name="Lan", text="Bình luận để đọc")
    listed = (
        "Bình luận để đọc"
        in client.get(reverse("wagtailsnippets_exemplars_comment:list")).content.decode()
    )
    inspect = client.get(reverse("wagtailsnippets_exemplars_comment:inspect", args=[comment.pk]))
    return listed and inspect.status_code == 200 and "Bình luận để đọc" in inspect.content.decode()


def read_comments_on_own_story(client, desk, user):
    return _reads_comment(client, make_story(owner=user))


def read_comments_on_others_story(client, desk, user):
    return _reads_comment(client, make_story(owner=desk.journalist2))


def create_contest(client, desk, user):
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "contestpage", default_section().pk))
    return client.get(url).status_code == 200


def export_contest_entries(client, desk, user):
    # Two calls of now() can give the same instant, which a contest refuses.
    opens = timezone.now()
    contest = ContestPage(
        title="Cuộc thi", slug="cuoc-thi", opens_at=opens, closes_at=opens + dt.timedelta(days=1)
    )
    default_section().add_child(instance=contest)
    response = client.get(reverse("exemplars_contest_export", args=[contest.pk, "csv"]))
    return response.status_code == 200 and response["Content-Type"].startswith("text/csv")


ACTIONS = {
    "create": create,
    "edit own": edit_own,
    "edit others'": edit_others,
    "submit": submit,
    "approve": approve,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "curate": curate,
    "manage campaigns": manage_campaigns,
    "export report": export_report,
    "extend abbreviations": extend_abbreviations,
    "delete own draft": delete_own_draft,
    "delete others' draft": delete_others_draft,
    "delete others' draft section": delete_others_draft_section,
    "bulk delete others' draft": bulk_delete_others_draft,
    "move own draft": move_own_draft,
    "move others' draft": move_others_draft,
    "move others' draft section": move_others_draft_section,
    "bulk move others' draft": bulk_move_others_draft,
    "read site history": read_site_history,
    "export site history": export_site_history,
    "read aging pages": read_aging_pages,
    "read workflow report": read_workflow_report,
    "publish new exemplar": publish_new_exemplar,
    "publish exemplar changes": publish_exemplar_changes,
    "approve exemplar": approve_exemplar,
    "moderate comments": moderate_comments,
    "read comments on own story": read_comments_on_own_story,
    "read comments on others' story": read_comments_on_others_story,
    "create contest": create_contest,
    "export contest entries": export_contest_entries,
}

# The brief gives journalists "change" on the whole tree, so they edit each
# other's drafts; publishing, curating and the campaign set-up stay with editors.
# Deleting or moving is theirs only for their own drafts, never put online.
JOURNALIST_MAY = {
    "create",
    "edit own",
    "edit others'",
    "submit",
    "delete own draft",
    "move own draft",
    "read comments on own story",
}
EXPECTED = {
    JOURNALISTS: {action: action in JOURNALIST_MAY for action in ACTIONS},
    EDITORS: dict.fromkeys(ACTIONS, True),
    ADMINS: dict.fromkeys(ACTIONS, True),
}
USERS = {JOURNALISTS: "journalist", EDITORS: "editor", ADMINS: "admin"}


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(client, home, role, action):
    desk = make_desk()
    user = getattr(desk, USERS[role])
    client.force_login(user)
    assert ACTIONS[action](client, desk, user) is EXPECTED[role][action], (
        f"{role} / {action}: expected {'allow' if EXPECTED[role][action] else 'deny'}"
    )


# -- every other route to publication is closed to journalists -----------------


@pytest.fixture
def journalist_client(client, home):
    desk = make_desk()
    client.force_login(desk.journalist)
    client.desk = desk
    return client


def test_journalist_cannot_bulk_publish(journalist_client):
    story = make_story(publish=False, owner=journalist_client.desk.journalist)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    journalist_client.post(f"{url}?id={story.pk}", {"include_descendants": ""})
    assert not _fresh(story).live


def test_journalist_cannot_bulk_unpublish_or_delete(journalist_client):
    story = make_story()
    for action in ("unpublish", "delete"):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
        journalist_client.post(f"{url}?id={story.pk}", {"include_descendants": ""})
    assert _fresh(story).live


WAGTAIL_REPORT_URLS = [
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:aging_pages_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:workflow_tasks_results",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:page_types_usage",
]


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_journalist_is_refused_every_wagtail_report(journalist_client, export):
    make_story(publish=False, owner=journalist_client.desk.editor)
    opened = []
    for name in WAGTAIL_REPORT_URLS:
        response = journalist_client.get(reverse(name), {"export": export} if export else {})
        if response.status_code == 200:
            opened.append(name)
    assert opened == []


def test_journalist_menu_has_no_wagtail_reports(journalist_client):
    response = journalist_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("site_history", "aging_pages", "workflow", "workflow_tasks", "page_types_usage"):
        assert reverse(f"wagtailadmin_reports:{name}") not in html


def test_editor_menu_lists_wagtail_reports(client, home):
    client.force_login(make_desk().editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") in html


def test_editors_find_the_drafts_to_review(client, home):
    desk = make_desk()
    make_exemplar("Ông Tư")
    nominee = Exemplar(name="Bà Ba", live=False)
    nominee.save()
    nominee.save_revision(user=desk.journalist)
    client.force_login(desk.editor)
    url = reverse("wagtailsnippets_exemplars_exemplar:list")
    html = client.get(url, {"live": "false"}).content.decode()
    assert "Bà Ba" in html and "Ông Tư" not in html


def _reader_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def test_a_draft_exemplar_is_on_no_public_page(client, home, django_capture_on_commit_callbacks):
    """An editor linked a story and an honour to a profile still in draft: readers
    see the published one everywhere and the draft nowhere until it is published."""
    campaign = make_campaign()
    campaign_page = make_campaign_page(campaign)
    draft = make_exemplar("Bà Néang Sa Ry", live=False)
    public = make_exemplar("Ông Tư")
    # The reader index is written on commit.
    with django_capture_on_commit_callbacks(execute=True):
        for n, exemplar in enumerate((draft, public)):
            make_story(title=f"Gương sáng {n}", exemplar=exemplar, campaigns=[campaign])
            Honour.objects.create(exemplar=exemplar, award=make_award(), campaign=campaign)
    draft_story = ExemplarStoryPage.objects.get(exemplar=draft)
    pages = {
        "profile": exemplar_url(draft),
        "home": home.url,
        "campaign": campaign_page.url,
        "story": draft_story.url,
        "sitemap": "/sitemap.xml",
        "feed": "/rss/",
        "search": "/api/search/?q=gương sáng",
    }
    assert client.get(exemplar_url(public)).status_code == 200
    assert client.get(pages.pop("profile")).status_code == 404
    texts = {name: _reader_text(client, url) for name, url in pages.items()}
    shown = {name: "Néang Sa Ry" in text or draft.slug in text for name, text in texts.items()}
    assert shown == dict.fromkeys(pages, False)
    for name in ("home", "campaign", "sitemap", "feed", "search"):
        assert public.name in texts[name] or public.slug in texts[name], name

    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert client.get(exemplar_url(draft)).status_code == 200
    for name in ("story", "feed", "search"):
        assert draft.name in _reader_text(client, pages[name]), name


def test_journalist_cannot_schedule_publication(journalist_client):
    story = make_story(publish=False, owner=journalist_client.desk.journalist)
    go_live = timezone.localtime(timezone.now() + dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    _edit(journalist_client, story, go_live_at=go_live, **{"action-publish": "1"})
    story = _fresh(story)
    assert not story.live
    assert story.get_latest_revision().approved_go_live_at is None
    # Nothing is waiting for the scheduler either.
    ExemplarStoryPage.objects.filter(pk=story.pk).update(
        go_live_at=timezone.now() - dt.timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=io.StringIO())
    assert not _fresh(story).live


def _past_schedule(revision):
    """Time passes: the revision's go-live hour is a minute ago (as publish_scheduled sees it)."""
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


@pytest.mark.parametrize("role, may", [("journalist", False), ("editor", True)])
def test_only_who_may_publish_unschedules(client, home, role, may):
    """Unscheduling a publication is a publishing decision. Through the admin's real
    revisions view, a journalist's POST leaves the approved go-live time, the live
    revision and the live title as they were, and the scheduler still publishes
    the scheduled version; the editor's identical POST (the control) unschedules it.
    Before: one test accepted 302, which success also gives, and never reverted."""
    desk = make_desk()
    story = make_story(owner=desk.editor, title="Bản đang đăng")
    live_revision_id = story.live_revision_id
    story.title = "Bản hẹn giờ"
    story.go_live_at = go_live = timezone.now() + dt.timedelta(days=1)
    scheduled = story.save_revision(user=desk.editor)
    scheduled.publish(user=desk.editor)
    scheduled.refresh_from_db()
    assert scheduled.approved_go_live_at == go_live

    client.force_login(getattr(desk, role))
    url = reverse("wagtailadmin_pages:revisions_unschedule", args=[story.pk, scheduled.pk])
    client.post(url)

    scheduled.refresh_from_db()
    assert (scheduled.approved_go_live_at is None) is may
    story = _fresh(story)
    assert (story.live, story.title, story.live_revision_id) == (
        True,
        "Bản đang đăng",
        live_revision_id,
    )
    if not may:
        _past_schedule(scheduled)
        call_command("publish_scheduled", stdout=io.StringIO())
        story = _fresh(story)
        assert (story.title, story.live_revision_id) == ("Bản hẹn giờ", scheduled.pk)


@pytest.mark.parametrize("role, may", [("journalist", False), ("editor", True)])
def test_only_who_may_publish_reverts_the_live_page(client, home, role, may):
    """Reverting a live page to an older revision and publishing it, through the
    admin's revisions revert view (an edit form holding the old revision) with its
    "publish" button: the journalist's POST is saved as a draft only (Wagtail's
    edit view, "change" without "publish"), so the live revision and title stay;
    the editor's identical POST (the control) puts the old title back online.
    Before: no test reverted at all."""
    desk = make_desk()
    story = make_story(owner=desk.editor, title="Bản cũ")
    old = story.live_revision
    story.title = "Bản mới"
    story.save_revision(user=desk.editor).publish(user=desk.editor)
    current = _fresh(story).live_revision_id

    client.force_login(getattr(desk, role))
    url = reverse("wagtailadmin_pages:revisions_revert", args=[story.pk, old.pk])
    assert client.get(url).status_code == 200, "the revert form opens for both"
    client.post(url, story_post_data(old.as_object(), **{"action-publish": "1"}))

    story = _fresh(story)
    # The POST was accepted either way: the old title is the latest revision.
    assert story.get_latest_revision_as_object().title == "Bản cũ"
    assert story.live
    if may:
        assert story.title == "Bản cũ"
        assert story.live_revision_id not in (current, old.pk)
    else:
        assert (story.title, story.live_revision_id) == ("Bản mới", current)
        assert story.has_unpublished_changes


# -- the APIs: Wagtail's admin API acts only within the user's page permissions,
# -- the public v2 router writes nothing


def _admin_api_action(client, page, action, **data):
    """POST one of wagtail.admin.api's page actions (PagesAdminAPIViewSet.actions)."""
    url = f"/admin/api/main/pages/{page.pk}/action/{action}/"
    return client.post(url, data, content_type="application/json")


def _tree():
    """What a write to the page tree would change: which pages exist, live or not,
    under which title (the live one for a live page), where, at which live revision."""
    return {p.pk: (p.live, p.title, p.url_path, p.live_revision_id) for p in Page.objects.all()}


ADMIN_API_WRITES = [
    "publish a draft",
    "unpublish",
    "delete a live page",
    "delete another's draft",
    "move a live page",
    "move another's draft",
    "copy a live page",
]


def _admin_api_probes(desk):
    """(label, action, page, data, effect): an editor's draft and live story, each
    write the admin API offers, and how its effect shows in the database."""
    draft = make_story(publish=False, owner=desk.editor, title="Bản nháp của biên tập")
    live = make_story(owner=desk.editor, title="Bài đang đăng")
    destination = _another_section()
    count = Page.objects.count()
    return [
        ("publish a draft", "publish", draft, {}, lambda: _fresh(draft).live),
        ("unpublish", "unpublish", live, {}, lambda: not _fresh(live).live),
        ("delete a live page", "delete", live, {}, lambda: _gone(live)),
        # Wagtail lets "change" delete or move any draft; our permission tester does not.
        ("delete another's draft", "delete", draft, {}, lambda: _gone(draft)),
        (
            "move a live page",
            "move",
            live,
            {"destination_page_id": destination.pk, "position": "last-child"},
            lambda: _moved(live, destination),
        ),
        (
            "move another's draft",
            "move",
            draft,
            {"destination_page_id": destination.pk, "position": "last-child"},
            lambda: _moved(draft, destination),
        ),
        # keep_live defaults to true: the copy of a live page is published.
        ("copy a live page", "copy", live, {}, lambda: Page.objects.count() == count + 1),
    ]


@pytest.mark.parametrize("who", ["anonymous", "journalist"])
def test_admin_api_page_actions_change_nothing(client, home, who):
    """Wagtail's admin API (/admin/api/main/pages/<id>/action/<name>/) publishes,
    unpublishes, deletes, moves and copies pages. Anonymous, each POST is sent to the
    login page; a journalist's is refused by the same permission checks the admin's
    views make (Wagtail's, and ours for others' drafts). Either way the tree is
    unchanged after every POST: the test client skips CSRF, so only permissions stop
    them, and test_admin_api_page_actions_work_for_an_editor proves the same POSTs
    act. Before: the test probed addresses that never existed."""
    desk = make_desk()
    if who == "journalist":
        client.force_login(desk.journalist)
    probes = _admin_api_probes(desk)
    before = _tree()
    assert [probe[0] for probe in probes] == ADMIN_API_WRITES
    statuses = {}
    for label, action, page, data, effect in probes:
        response = _admin_api_action(client, page, action, **data)
        statuses[label] = response.status_code
        assert not effect(), f"{who}: {label}"
        assert _tree() == before, f"{who}: {label}"
    assert statuses == dict.fromkeys(statuses, 302 if who == "anonymous" else 403)

    # Reverting through the API only saves a draft revision (Wagtail asks can_edit,
    # which a journalist has): the live title and revision stay.
    live = next(page for label, _a, page, _d, _e in probes if label == "unpublish")
    old = live.live_revision
    live.title = "Bản sửa đã đăng"
    live.save_revision(user=desk.editor).publish(user=desk.editor)
    before = _tree()
    _admin_api_action(client, live, "revert_to_page_revision", revision_id=old.pk)
    assert _tree() == before
    _admin_api_action(client, live, "publish")
    assert _tree() == before


@pytest.mark.parametrize("label", ADMIN_API_WRITES)
def test_admin_api_page_actions_work_for_an_editor(client, home, label):
    """The control for the probes above: an editor's identical POST acts, so the
    refusals are permissions, not a wrong address, a bad body or a CSRF check."""
    desk = make_desk()
    client.force_login(desk.editor)
    [(_label, action, page, data, effect)] = [
        probe for probe in _admin_api_probes(desk) if probe[0] == label
    ]
    response = _admin_api_action(client, page, action, **data)
    assert response.status_code in (200, 201, 204), response.content
    assert effect()


@pytest.mark.parametrize("who", ["anonymous", "journalist", "editor"])
def test_public_api_v2_writes_change_nothing(client, home, who):
    """The syndication API (/api/v2/) is read-only for everyone, an editor's session
    included (it authenticates nobody): POST, PUT, PATCH and DELETE on a page's detail,
    and Wagtail's action address on it, leave every page as it was."""
    desk = make_desk()
    if who != "anonymous":
        client.force_login(getattr(desk, who))
    live = make_story(owner=desk.editor, title="Bài đang đăng")
    draft = make_story(publish=False, owner=desk.editor, title="Bản nháp")
    destination = _another_section()
    before = _tree()
    statuses = set()
    for page, body in (
        (live, {"title": "Đã sửa", "live": False, "parent": destination.pk}),
        (draft, {"live": True}),
    ):
        for method in ("post", "put", "patch", "delete"):
            url = f"/api/v2/pages/{page.pk}/"
            response = getattr(client, method)(url, body, content_type="application/json")
            statuses.add((method, response.status_code))
            assert _tree() == before, f"{who}: {method.upper()} {url}"
        response = client.post(
            f"/api/v2/pages/{page.pk}/action/publish/", {}, content_type="application/json"
        )
        statuses.add(("action", response.status_code))
        assert _tree() == before, f"{who}: publish action on {page.title}"
    assert statuses == {
        ("post", 405),
        ("put", 405),
        ("patch", 405),
        ("delete", 405),
        ("action", 404),
    }


@pytest.mark.parametrize("role, may", [("journalist", False), ("editor", True)])
def test_only_who_may_publish_edits_desk_pages_or_creates_them(client, home, role, may):
    """The home page (its pins) and new sections and campaign pages are the desk's
    (before_edit_page / before_create_page hooks): a journalist's POST to the admin's
    edit and add views saves nothing and lands on the dashboard; the editor's identical
    POST (the control) saves, so the forms are valid. Before: only a GET's 302."""
    desk = make_desk()
    client.force_login(getattr(desk, role))
    home_revision = home.latest_revision_id
    campaign = make_campaign("Phong trào chưa có trang")
    posts = {
        "edit home": (
            reverse("wagtailadmin_pages:edit", args=[home.pk]),
            {"title": "Trang chủ đã sửa", "slug": home.slug, "intro": rich_text("")}
            | {"pins": inline_formset([]), "comment_notifications": ""},
        ),
        "add section": (
            reverse("wagtailadmin_pages:add", args=("exemplars", "sectionpage", home.pk)),
            {"title": "Chuyên mục mới", "slug": "chuyen-muc-moi", "intro": rich_text("")},
        ),
        "add campaign page": (
            reverse("wagtailadmin_pages:add", args=("exemplars", "campaignpage", home.pk)),
            {"title": "Trang phong trào", "slug": "trang-phong-trao", "campaign": campaign.pk}
            | {"intro": rich_text(""), "pins": inline_formset([])},
        ),
    }
    for name, (url, data) in posts.items():
        response = client.post(url, nested_form_data(data | {"comment_notifications": ""}))
        assert response.status_code == 302, name
        if not may:
            assert response["Location"] == reverse("wagtailadmin_home"), name

    home = Page.objects.get(pk=home.pk)
    saved = {
        "edit home": home.latest_revision_id != home_revision
        and home.draft_title == "Trang chủ đã sửa",
        "add section": SectionPage.objects.filter(slug="chuyen-muc-moi").exists(),
        "add campaign page": CampaignPage.objects.filter(campaign=campaign).exists(),
    }
    assert saved == dict.fromkeys(posts, may)
    assert home.title == "Điển hình tiên tiến", "nobody published the home page"


def test_setup_roles_is_idempotent(home):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Workflow

    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    counts = {
        g.name: (g.permissions.count(), GroupPagePermission.objects.filter(group=g).count())
        for g in Group.objects.filter(name__in=[r.name for r in ROLES])
    }
    journalists = Group.objects.get(name=JOURNALISTS)
    journalists.permissions.add(*Group.objects.get(name=EDITORS).permissions.all())
    call_command("setup_roles", stdout=out)
    again = {
        g.name: (g.permissions.count(), GroupPagePermission.objects.filter(group=g).count())
        for g in Group.objects.filter(name__in=[r.name for r in ROLES])
    }
    assert again == counts, "a second run restores the declared permissions"
    assert Workflow.objects.filter(name="Kiểm duyệt bài điển hình").count() == 1
    assert "Phóng viên" in out.getvalue()


def test_setup_roles_without_a_home_page_is_a_clear_error(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="trang chủ"):
        call_command("setup_roles", stdout=io.StringIO())


def test_journalists_never_see_readers_emails(journalist_client):
    story = make_story(owner=journalist_client.desk.journalist)
    comment = Comment.objects.create(story=story, name="Lan", email="lan@example.vn", text="x")
    inspect = journalist_client.get(
        reverse("wagtailsnippets_exemplars_comment:inspect", args=[comment.pk])
    )
    assert inspect.status_code == 200
    assert "lan@example.vn" not in inspect.content.decode()
    # Nor may they moderate through the edit form (tests/exemplars/test_comments.py
    # shows an editor's identical POST approving): the admin sends them to the
    # dashboard and the comment stays pending. Before: only a GET's 302-or-403.
    url = reverse("wagtailsnippets_exemplars_comment:edit", args=[comment.pk])
    edit = journalist_client.post(url, {"status": "approved", "text": "x", "name": "Lan"})
    assert (edit.status_code, edit["Location"]) == (302, reverse("wagtailadmin_home"))
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (Comment.Status.PENDING, None)
