"""The endpoint the story pages' comment form posts to (``/binh-luan/<story_id>/``).

CSRF-exempt because the form lives on a cached page that carries no token;
guarded by ``reader_forms`` (honeypot, signed load-time token, rate limit).
A story that is not public (a view restriction on it or above it) answers
exactly as an unknown id: 404, nothing stored, nothing of the story shown.
Its answers set no cookie and are never cached (POST).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from exemplars.comments.forms import CommentForm
from exemplars.comments.models import Comment
from exemplars.models import ExemplarStoryPage
from exemplars.reader.forms import answer_language, over_rate, takes_reader_posts


def comment_target(story) -> str:
    return f"comment:{story.pk}"


def _answer(request, story, status, *, form=None, message=""):
    context = {"story": story, "form": form, "message": message, "posted": status == 200}
    return render(request, "exemplars/comments/comment_result.html", context, status=status)


@csrf_exempt
@require_POST
def post_comment(request, *args, **kwargs):
    with translation.override(answer_language(request)):
        return _post_comment(request, *args, **kwargs)


def _post_comment(request, story_id: int):
    story = ExemplarStoryPage.objects.live().filter(pk=story_id).first()
    if story is None or not takes_reader_posts(story):
        raise Http404
    if not story.comments_open:
        return _answer(request, story, 403, message=_("Bài viết này đã đóng bình luận."))
    if over_rate(request, "comment"):
        return _answer(
            request,
            story,
            429,
            message=_("Bạn gửi quá nhiều bình luận trong một phút. Vui lòng đợi rồi gửi lại."),
        )
    form = CommentForm(request.POST, target=comment_target(story))
    if not form.is_valid():
        return _answer(request, story, 400, form=form)
    Comment.objects.create(
        story=story,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        text=form.cleaned_data["text"],
    )
    return _answer(request, story, 200, message=_("Bình luận của bạn đang chờ duyệt."))
