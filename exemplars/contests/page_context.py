"""What the contest page shows in each state, and how long caches may keep it."""

from __future__ import annotations

from django.utils import timezone
from django.utils.cache import patch_cache_control

from .. import structured_data as sd
from ..caching.conf import page_cache_settings
from .forms import EntryForm
from .ranking import winners


def contest_context(contest, request) -> dict:
    state = contest.state()
    context = {"state": state, "questions": contest.question_list}
    if contest.pk is None:
        # The preview of a contest not saved yet: its questions, nowhere to post,
        # nobody to rank.
        return context
    if url := contest.get_full_url(request):
        # Shared like any reader page: canonical address and a social card.
        context["canonical_url"] = url
        context["og"] = sd.open_graph(
            title=contest.seo_title or contest.title,
            description=contest.search_description or contest.intro,
            url=url,
            request=request,
        )
    if state == "open":
        context["form"] = EntryForm(contest=contest)
    elif state == "closed":
        context["winners"] = winners(contest)
    return context


def limit_caching(contest, response):
    """Before it closes, the page changes at a time no publication announces
    (opening, closing): caches keep it only until then. A response that already
    carries Cache-Control is never stored by our page cache, which is right
    here; shared caches follow ``s-maxage``. A closed contest no longer changes
    by itself and is cached like any page."""
    state = contest.state()
    if state == "closed" or response.status_code != 200:
        return response
    boundary = contest.opens_at if state == "upcoming" else contest.closes_at
    seconds = max(0, int((boundary - timezone.now()).total_seconds()))
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=min(seconds, page_cache_settings()["S_MAXAGE"]),
    )
    return response
