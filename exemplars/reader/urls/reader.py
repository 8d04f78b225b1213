"""What readers post from cached pages, and the events section.

Its addresses (``/binh-luan/…``, ``/cuoc-thi/…``, ``/su-kien/``) are Vietnamese words no
outlet's site root already uses; mount them under a prefix all the same if one does. A
site with language prefixes (``i18n_patterns``, as this project's ``newsroom``) includes
``exemplars.reader.urls.posts`` here and ``exemplars.events.urls`` under ``su-kien/`` inside its
``i18n_patterns``, so the events section has an English edition at ``/en/su-kien/``.
"""

from django.urls import include, path

urlpatterns = [
    path("", include("exemplars.reader.urls.posts")),
    # Events: the section, each event, the iCalendar feeds (exemplars/events/urls.py).
    path("su-kien/", include("exemplars.events.urls")),
]
