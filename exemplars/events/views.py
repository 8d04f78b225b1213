"""Reader pages of events: the section (upcoming, then past), one event, the calendars."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from exemplars.caching import freshness
from exemplars.events import ics
from exemplars.events.models import Event
from exemplars.events.structured_data import event_jsonld
from exemplars.models import Campaign, Exemplar, ExemplarStoryPage, Honour
from exemplars.reader import structured_data as sd

PAST_PER_PAGE = 20


def _events():
    return Event.objects.select_related("locality", "campaign")


def _live_exemplars():
    return Prefetch(
        "exemplars",
        queryset=Exemplar.objects.filter(live=True).select_related("locality").order_by("name"),
    )


def event_index(request):
    now = timezone.now()
    kinds = dict(Event.Kind.choices)
    kind = request.GET.get("loai", "")
    events = _events()
    if kind in kinds:
        events = events.filter(kind=kind)
    past = Paginator(events.past(now).prefetch_related(_live_exemplars()), PAST_PER_PAGE)
    page_obj = past.get_page(request.GET.get("page"))
    upcoming = list(events.upcoming(now).prefetch_related(_live_exemplars()))
    # Each moves to the past list when it ends, with no save to purge the page.
    freshness.changes_at(*(event.ends_at for event in upcoming))
    url = sd.absolute(request.path, request)
    return render(
        request,
        "exemplars/events/event_index.html",
        {
            "upcoming": upcoming,
            "past": page_obj.object_list,
            "page_obj": page_obj,
            "kinds": kinds,
            "kind": kind if kind in kinds else "",
            "canonical_url": url,
            "og": sd.open_graph(
                title=_("Sự kiện"),
                description=_("Tọa đàm, giao lưu, tham quan thực tế với các điển hình tiên tiến."),
                url=url,
                request=request,
            ),
        },
    )


def event_page(request, slug):
    event = get_object_or_404(
        _events().prefetch_related(
            Prefetch(
                "exemplars",
                queryset=Exemplar.objects.filter(live=True)
                .select_related("locality", "field")
                .prefetch_related(
                    Prefetch("honours", queryset=Honour.objects.select_related("award"))
                )
                .order_by("name"),
            )
        ),
        slug=slug,
    )
    exemplars = list(event.exemplars.all())
    stories = (
        ExemplarStoryPage.objects.live()
        .filter(event_citations__event=event)
        .distinct()
        .order_by("-published_at", "-pk")
    )
    url = sd.absolute(event.get_absolute_url(), request)
    is_upcoming = event.ends_at > timezone.now()
    freshness.changes_at(event.ends_at)
    return render(
        request,
        "exemplars/events/event_page.html",
        {
            "event": event,
            "exemplars": exemplars,
            "stories": stories,
            "is_upcoming": is_upcoming,
            "event_jsonld": event_jsonld(event, exemplars, url, request),
            "canonical_url": url,
            "og": sd.open_graph(
                title=event.title, description=event.description, url=url, request=request
            ),
        },
    )


def _ics_response(events, name: str, request) -> HttpResponse:
    body = ics.calendar(
        events.prefetch_related(_live_exemplars()),
        name=name,
        host=request.get_host().split(":")[0] or "localhost",
        url_for=lambda e: sd.absolute(e.get_absolute_url(), request),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-su-kien.ics"'
    return response


def calendar_feed(request):
    return _ics_response(_events().order_by("starts_at"), _("Sự kiện điển hình tiên tiến"), request)


def campaign_calendar_feed(request, slug):
    campaign = Campaign.objects.filter(slug=slug).first()
    if campaign is None:
        raise Http404(_("Không có phong trào này."))
    return _ics_response(
        _events().filter(campaign=campaign).order_by("starts_at"),
        _("Sự kiện: %(name)s") % {"name": campaign.name},
        request,
    )
