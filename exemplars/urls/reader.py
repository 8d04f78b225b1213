"""What readers post from cached pages, and the events section.

Its addresses (``/binh-luan/…``, ``/cuoc-thi/…``, ``/su-kien/``) are Vietnamese words no
outlet's site root already uses; mount them under a prefix all the same if one does.
"""

from django.urls import include, path

from ..comments.views import post_comment
from ..contests.views import post_entry

urlpatterns = [
    # Reader forms on cached pages post here (see exemplars/reader_forms.py).
    path("binh-luan/<int:story_id>/", post_comment, name="exemplars_comment_post"),
    path("cuoc-thi/<int:contest_id>/tham-gia/", post_entry, name="exemplars_contest_entry"),
    # Events: the section, each event, the iCalendar feeds (exemplars/events/urls.py).
    path("su-kien/", include("exemplars.events.urls")),
]
