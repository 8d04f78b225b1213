"""The endpoint the contest page's form posts to (``/cuoc-thi/<contest_id>/tham-gia/``).

CSRF-exempt and guarded like the comment form (see ``reader_forms``); a contest
that is not public answers exactly as an unknown id (404, nothing stored).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from exemplars.contests.forms import EntryForm
from exemplars.contests.models import ContestEntry, ContestPage
from exemplars.reader.forms import answer_language, over_rate, takes_reader_posts

DUPLICATE = gettext_lazy(
    "Số điện thoại hoặc email này đã dự thi. Mỗi người chỉ được gửi một bài dự thi."
)


def _answer(request, contest, status, *, form=None, message=""):
    context = {"contest": contest, "form": form, "message": message, "posted": status == 200}
    return render(request, "exemplars/contests/entry_result.html", context, status=status)


@csrf_exempt
@require_POST
def post_entry(request, *args, **kwargs):
    with translation.override(answer_language(request)):
        return _post_entry(request, *args, **kwargs)


def _post_entry(request, contest_id: int):
    contest = ContestPage.objects.live().filter(pk=contest_id).first()
    if contest is None or not takes_reader_posts(contest):
        raise Http404
    state = contest.state()
    if state != "open":
        message = _("Cuộc thi chưa bắt đầu.") if state == "upcoming" else _("Cuộc thi đã kết thúc.")
        return _answer(request, contest, 403, message=message)
    if over_rate(request, "contest"):
        return _answer(
            request,
            contest,
            429,
            message=_("Bạn gửi quá nhiều lần trong một phút. Vui lòng đợi rồi gửi lại."),
        )
    form = EntryForm(request.POST, contest=contest)
    if not form.is_valid():
        return _answer(request, contest, 400, form=form)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            ContestEntry.objects.create(
                contest=contest,
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                locality=data["locality"],
                answers=form.answers(),
                tiebreak_guess=data.get("tiebreak_guess"),
            )
    except IntegrityError:
        # Two posts of the same participant at once: the constraint decides.
        return _answer(request, contest, 400, form=form, message=str(DUPLICATE))
    return _answer(
        request,
        contest,
        200,
        message=_(
            "Bài dự thi của bạn đã được ghi nhận. Kết quả được công bố khi cuộc thi kết thúc."
        ),
    )
