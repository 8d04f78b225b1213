"""What readers post from cached pages: comments and contest entries.

Outside any language prefix: a form posts to one address whatever the
language of the page it sits on.
"""

from django.urls import path

from exemplars.comments.views import post_comment
from exemplars.contests.views import post_entry

urlpatterns = [
    # Reader forms on cached pages post here (see exemplars/reader/forms.py).
    path("binh-luan/<int:story_id>/", post_comment, name="exemplars_comment_post"),
    path("cuoc-thi/<int:contest_id>/tham-gia/", post_entry, name="exemplars_contest_entry"),
]
