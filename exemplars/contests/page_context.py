"""What the contest page shows in each state, and until when caches may keep it."""

from __future__ import annotations

from exemplars.caching import freshness
from exemplars.contests.forms import EntryForm
from exemplars.contests.ranking import winners
from exemplars.reader import structured_data as sd
from exemplars.reader.forms import takes_reader_posts


def contest_context(contest, request) -> dict:
    state = contest.state()
    if state != "closed":
        # Opening and closing change the page with no save to purge it: every
        # cache keeps it only until then (caching/freshness.py).
        freshness.changes_at(contest.opens_at if state == "upcoming" else contest.closes_at)
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
        if takes_reader_posts(contest):
            context["form"] = EntryForm(contest=contest)
        else:
            context["entries_offline"] = True
    elif state == "closed":
        context["winners"] = winners(contest)
    return context
