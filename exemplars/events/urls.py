"""Reader addresses of events: included under ``/su-kien/`` by ``exemplars/reader/urls/reader.py``."""

from django.urls import path

from exemplars.events import views

urlpatterns = [
    path("", views.event_index, name="exemplars_events"),
    path("lich.ics", views.calendar_feed, name="exemplars_events_ics"),
    path(
        "phong-trao/<slug:slug>/lich.ics",
        views.campaign_calendar_feed,
        name="exemplars_campaign_events_ics",
    ),
    path("<slug:slug>/", views.event_page, name="exemplars_event"),
]
