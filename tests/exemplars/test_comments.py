"""Reader comments: posted from the cached story page, held for moderation,
shown once approved (and the story page purged then)."""

from __future__ import annotations

import datetime as dt
import re
import time
from unittest import mock

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from exemplars.caching import store
from exemplars.comments.models import Comment
from exemplars.reader.forms import make_token
from tests.exemplars.desk import make_desk
from tests.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def page_cache(settings):
    settings.EXEMPLARS_PAGE_CACHE = {**settings.EXEMPLARS_PAGE_CACHE, "ENABLED": True}
    store._down_until = 0.0
    yield


@pytest.fixture
def story(section):
    return make_story()


def form_token(client, story) -> str:
    html = client.get(story.url).content.decode()
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def post(client, story, token=None, **fields):
    data = {"name": "Trần Thị Lan", "email": "lan@example.vn", "text": "Bài viết rất hay."}
    data |= fields
    data["token"] = token if token is not None else make_token(f"comment:{story.pk}")
    return client.post(reverse("exemplars_comment_post", args=[story.pk]), data)


# -- posting ---------------------------------------------------------------------


def test_the_story_page_form_posts_a_pending_comment(client, story):
    response = post(client, story, token=form_token(client, story))
    assert response.status_code == 200
    assert "Bình luận của bạn đang chờ duyệt" in response.content.decode()
    assert not response.cookies
    comment = Comment.objects.get()
    assert (comment.story_id, comment.status, comment.name) == (story.pk, "pending", "Trần Thị Lan")
    # Not shown before an editor approves it.
    assert "Bài viết rất hay." not in client.get(story.url).content.decode()


def test_the_story_page_with_its_form_stays_cacheable(client, page_cache, story):
    first = client.get(story.url)
    assert first["X-Page-Cache"] == "miss"
    assert not first.cookies
    html = first.content.decode()
    assert "Viết bình luận mới" in html
    assert "csrfmiddlewaretoken" not in html
    assert "<script>" not in html.split("binh-luan")[1]  # no inline script with the form
    assert client.get(story.url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"text": ""}, "Vui lòng nhập nội dung bình luận."),
        ({"text": "   \n  "}, "Vui lòng nhập nội dung bình luận."),
        ({"name": ""}, "Vui lòng nhập họ tên."),
        ({"text": "x" * 2001}, "Bình luận dài quá 2000 ký tự"),
        ({"name": "N" * 81}, "Họ tên dài quá 80 ký tự"),
        ({"email": "không-phải-email"}, "Địa chỉ email không hợp lệ."),
        (
            {"text": "Mua ngay http://a.xyz http://b.xyz www.c.com giá rẻ"},
            "Bình luận chứa quá nhiều liên kết",
        ),
        ({"website": "http://spam.example"}, "ô ẩn dành để chặn thư rác"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_stored(client, story, fields, message):
    response = post(client, story, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_a_missing_forged_or_stale_token_is_refused(client, story, settings):
    settings.EXEMPLARS_READER_FORMS = {"RATE": 10}
    other = make_story()
    assert post(client, story, token="").status_code == 400
    assert post(client, story, token="comment:1:forged").status_code == 400
    # A token from another story's page does not open this one.
    assert post(client, story, token=make_token(f"comment:{other.pk}")).status_code == 400
    old = timezone.now() - dt.timedelta(hours=7)
    with mock.patch("time.time", return_value=old.timestamp()):
        stale = make_token(f"comment:{story.pk}")
    response = post(client, story, token=stale)
    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_error_page_keeps_what_was_typed_and_the_readers_own_token(client, story):
    token = form_token(client, story)
    response = post(client, story, token=token, name="", text="Giữ lại nội dung này")
    html = response.content.decode()
    assert "Giữ lại nội dung này" in html
    # The token posted, shown back as it was: nothing new is minted for a failed post.
    assert page_token(html) == token
    assert post(client, story, token=page_token(html)).status_code == 200


def page_token(html: str) -> str | None:
    found = re.search(r'name="token" value="([^"]*)"', html)
    return found.group(1) if found else None


def test_a_failed_post_mints_no_token(client, story):
    # An empty post used to be answered with a freshly signed token.
    empty = client.post(reverse("exemplars_comment_post", args=[story.pk]), {})
    assert empty.status_code == 400
    assert page_token(empty.content.decode()) == ""
    old = timezone.now() - dt.timedelta(hours=7)
    with mock.patch("time.time", return_value=old.timestamp()):
        stale = make_token(f"comment:{story.pk}")
    response = post(client, story, token=stale, text="Nội dung viết lâu")
    html = response.content.decode()
    assert response.status_code == 400
    assert page_token(html) == ""
    # The reader is told to reload, and their text is there to copy.
    assert "tải lại trang" in html
    assert "Nội dung viết lâu" in html
    assert not Comment.objects.exists()


def _restrict_story(story, kind):
    if kind == "login":
        return PageViewRestriction.objects.create(page=story, restriction_type="login")
    # A password on the section reaches every story in it.
    return PageViewRestriction.objects.create(
        page=story.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )


@pytest.mark.parametrize("kind", ["login", "password"])
def test_a_restricted_story_answers_as_an_unknown_one(client, story, kind, settings):
    settings.EXEMPLARS_READER_FORMS = {"RATE": 10}
    # A token from the story's page as rendered while it was still public.
    earlier = form_token(client, story)
    _restrict_story(story, kind)
    url = reverse("exemplars_comment_post", args=[story.pk])
    unknown_url = reverse("exemplars_comment_post", args=[story.pk + 1000])
    unknown = client.post(unknown_url, {})
    assert unknown.status_code == 404
    for response in (client.post(url, {}), post(client, story, token=earlier)):
        html = response.content.decode()
        assert response.status_code == 404
        # The same page, bar the address asked for (the page names it, hreflang).
        assert html.replace(url, "") == unknown.content.decode().replace(unknown_url, "")
        assert story.title not in html and story.url not in html
        assert page_token(html) is None
    assert not Comment.objects.exists()


def test_a_restricted_story_page_renders_no_comment_form(client, story, django_user_model):
    _restrict_story(story, "login")
    client.force_login(django_user_model.objects.create_user("docgia", password="x"))
    html = client.get(story.url).content.decode()
    assert story.title in html
    assert "Viết bình luận mới" not in html
    assert page_token(html) is None


def test_more_than_three_a_minute_from_one_address_get_429(client, story):
    for n in range(3):
        assert post(client, story, text=f"Bình luận {n}").status_code == 200
    response = post(client, story, text="Lần thứ tư")
    assert response.status_code == 429
    assert "quá nhiều bình luận" in response.content.decode()
    assert Comment.objects.count() == 3
    # Another address is not held back.
    other = client.post(
        reverse("exemplars_comment_post", args=[story.pk]),
        {"name": "B", "text": "Khác", "token": make_token(f"comment:{story.pk}")},
        REMOTE_ADDR="10.0.0.9",
    )
    assert other.status_code == 200


def test_closed_comments_refuse_posts_and_hide_the_form(client, section):
    story = make_story(comments_open=False)
    html = client.get(story.url).content.decode()
    assert "Bài viết này đã đóng bình luận." in html
    assert "Viết bình luận mới" not in html
    response = post(client, story)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_drafts_and_get_requests_have_no_comment_endpoint(client, section):
    draft = make_story(publish=False)
    assert post(client, draft).status_code == 404
    story = make_story()
    assert client.get(reverse("exemplars_comment_post", args=[story.pk])).status_code == 405


# -- showing -----------------------------------------------------------------------


def test_approved_comments_show_oldest_first_escaped_and_without_email(client, story):
    later = Comment.objects.create(
        story=story, name="Người sau", email="sau@example.vn", text="Thứ hai", status="approved"
    )
    first = Comment.objects.create(
        story=story,
        name="<b>Kẻ xấu</b>",
        email="bimat@example.vn",
        text="<script>alert(1)</script>\nDòng hai",
        status="approved",
    )
    Comment.objects.filter(pk=first.pk).update(
        created_at=dt.datetime(2025, 3, 1, 17, 30, tzinfo=dt.UTC)
    )
    Comment.objects.filter(pk=later.pk).update(
        created_at=dt.datetime(2025, 3, 2, 1, 0, tzinfo=dt.UTC)
    )
    Comment.objects.create(story=story, name="Chưa duyệt", text="Ẩn", status="pending")
    Comment.objects.create(story=story, name="Rác", text="Mua thuốc", status="spam")
    html = client.get(story.url).content.decode()
    assert html.index("Dòng hai") < html.index("Thứ hai")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Dòng hai" in html
    assert "&lt;b&gt;Kẻ xấu&lt;/b&gt;" in html
    # 17:30 UTC is 00:30 the next day in +07:00.
    assert "02/03/2025 00:30" in html
    assert 'datetime="2025-03-02T00:30:00+07:00"' in html
    assert "bimat@example.vn" not in html and "sau@example.vn" not in html
    assert "Ẩn" not in html and "Mua thuốc" not in html


# -- moderation ------------------------------------------------------------------


def _bulk(client, action, comments):
    url = (
        reverse("wagtail_bulk_action", args=("exemplars", "comment", action))
        + "?"
        + "&".join(f"id={c.pk}" for c in comments)
    )
    return client.post(url, {"next": reverse("wagtailsnippets_exemplars_comment:list")})


def test_approving_purges_the_cached_story_page(
    client, page_cache, story, django_capture_on_commit_callbacks
):
    desk = make_desk()
    comment = Comment.objects.create(story=story, name="Lan", text="Chờ duyệt đây")
    assert client.get(story.url)["X-Page-Cache"] == "miss"
    assert client.get(story.url)["X-Page-Cache"] == "hit"
    editor = type(client)()
    editor.force_login(desk.editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = _bulk(editor, "approve_comments", [comment])
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.moderated_by == desk.editor
    response = client.get(story.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Chờ duyệt đây" in response.content.decode()
    # Taking it back (spam) purges again.
    with django_capture_on_commit_callbacks(execute=True):
        _bulk(editor, "spam_comments", [comment])
    assert "Chờ duyệt đây" not in client.get(story.url).content.decode()


def test_bulk_reject_and_spam(client, story):
    desk = make_desk()
    a = Comment.objects.create(story=story, name="A", text="một")
    b = Comment.objects.create(story=story, name="B", text="hai")
    client.force_login(desk.editor)
    _bulk(client, "reject_comments", [a, b])
    assert set(Comment.objects.values_list("status", flat=True)) == {"rejected"}
    _bulk(client, "spam_comments", [a])
    a.refresh_from_db()
    assert a.status == "spam"


def test_the_queue_filters_pending_and_escapes_the_text(client, story):
    desk = make_desk()
    Comment.objects.create(story=story, name="X", text="<img src=x onerror=alert(1)>")
    Comment.objects.create(story=story, name="Y", text="đã duyệt rồi", status="approved")
    client.force_login(desk.editor)
    response = client.get(reverse("wagtailsnippets_exemplars_comment:list") + "?status=pending")
    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html
    assert "đã duyệt rồi" not in html


def test_the_dashboard_counts_pending_comments_for_editors_only(client, story):
    desk = make_desk()
    for n in range(3):
        Comment.objects.create(story=story, name="A", text=f"c{n}")
    Comment.objects.create(story=story, name="A", text="ok", status="approved")
    client.force_login(desk.editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<strong class="pending-comments-count">3</strong>' in html
    client.force_login(desk.journalist)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "pending-comments-count" not in html


def test_an_editor_approves_in_the_edit_form_without_rewriting_the_text(client, story):
    desk = make_desk()
    comment = Comment.objects.create(story=story, name="Lan", text="Nguyên văn")
    client.force_login(desk.editor)
    url = reverse("wagtailsnippets_exemplars_comment:edit", args=[comment.pk])
    response = client.post(url, {"status": "approved", "text": "Bị sửa", "name": "Khác"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.text, comment.name) == ("approved", "Nguyên văn", "Lan")
    assert comment.moderated_by == desk.editor and comment.moderated_at


def test_deleting_a_story_deletes_its_comments_and_their_emails(story):
    Comment.objects.create(story=story, name="Lan", email="lan@example.vn", text="x")
    story.delete()
    assert not Comment.objects.filter(email="lan@example.vn").exists()


def test_the_preview_of_a_new_story_renders_without_comments(client, section):
    from django.template import Context, Template

    from exemplars.models import ExemplarStoryPage

    html = Template("{% load exemplars_comments %}{% story_comments page %}").render(
        Context({"page": ExemplarStoryPage(title="Mới")})
    )
    assert "binh-luan" not in html


def test_behind_the_proxy_each_reader_has_their_own_budget(client, story):
    def from_reader(address, forged=""):
        chain = f"{forged}, {address}" if forged else address
        return client.post(
            reverse("exemplars_comment_post", args=[story.pk]),
            {"name": "A", "text": "x", "token": make_token(f"comment:{story.pk}")},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=chain,
        )

    for n in range(3):
        assert from_reader("203.0.113.5", forged=f"10.9.9.{n}").status_code == 200
    # A forged left-hand entry does not buy a new budget: the proxy's entry counts.
    assert from_reader("203.0.113.5", forged="10.9.9.99").status_code == 429
    assert from_reader("203.0.113.6").status_code == 200


def test_the_english_story_page_has_the_form_in_english(client, story):
    html = client.get("/en" + story.url).content.decode()
    assert "Write a new comment" in html
    assert "Your email is never published." in html


def test_the_queue_filters_by_story_and_offers_only_commented_stories(client, story):
    desk = make_desk()
    make_story(title="Bài chưa ai bình luận")
    other = make_story(title="Bài khác có bình luận")
    Comment.objects.create(story=story, name="A", text="ở bài một")
    Comment.objects.create(story=other, name="B", text="ở bài khác")
    client.force_login(desk.editor)
    url = reverse("wagtailsnippets_exemplars_comment:list")
    html = client.get(url, {"story": story.pk}).content.decode()
    assert "ở bài một" in html and "ở bài khác" not in html
    assert "Bài chưa ai bình luận" not in html


def test_a_reader_of_the_english_page_is_answered_in_english(client, story):
    html = client.get("/en" + story.url).content.decode()
    assert 'name="lang" value="en"' in html
    response = post(client, story, lang="en")
    assert "Your comment is awaiting moderation." in response.content.decode()
    refused = post(client, story, lang="en", text="")
    assert "Please write your comment." in refused.content.decode()
    # An unknown language falls back to Vietnamese.
    assert "đang chờ duyệt" in post(client, story, lang="xx").content.decode()


def test_the_story_page_is_the_same_bytes_within_a_token_step(client, story):
    # Without the page cache too, a reader revalidating gets a 304: the form's
    # token must not change the page every second.
    with mock.patch("time.time", return_value=1_800_000_000.0):
        first = client.get(story.url)
    with mock.patch("time.time", return_value=1_800_000_000.0 + 59):
        again = client.get(story.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_token_from_the_future_or_past_its_age_is_refused(client, story):
    with mock.patch("time.time", return_value=time.time() + 3600):
        future = make_token(f"comment:{story.pk}")
    assert post(client, story, token=future).status_code == 400
    with mock.patch("time.time", return_value=time.time() - 5 * 3600):
        recent_enough = make_token(f"comment:{story.pk}")
    assert post(client, story, token=recent_enough).status_code == 200
