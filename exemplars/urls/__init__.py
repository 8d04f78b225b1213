"""Reader URLs outside the page tree: feeds, sitemaps, robots.txt.

Exemplar, locality and field pages are routes of the home page (see
``ExemplarHomePage``), so they follow the site's root wherever it is mounted.
"""

from django.urls import include, path

from . import feeds, sitemaps
from .comments.views import post_comment
from .contests.views import post_entry

urlpatterns = [
    path("rss/", feeds.StoryFeed(), name="exemplars_feed_rss"),
    path("atom/", feeds.StoryAtomFeed(), name="exemplars_feed_atom"),
    path("rss/chuyen-muc/<int:pk>/", feeds.SectionFeed(), name="exemplars_section_rss"),
    path("atom/chuyen-muc/<int:pk>/", feeds.SectionAtomFeed(), name="exemplars_section_atom"),
    path("rss/phong-trao/<slug:slug>/", feeds.CampaignFeed(), name="exemplars_campaign_rss"),
    path("atom/phong-trao/<slug:slug>/", feeds.CampaignAtomFeed(), name="exemplars_campaign_atom"),
    path("sitemap.xml", sitemaps.sitemap, name="exemplars_sitemap"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="exemplars_news_sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="exemplars_robots_txt"),
    # Reader forms on cached pages post here (see exemplars/reader_forms.py).
    path("binh-luan/<int:story_id>/", post_comment, name="exemplars_comment_post"),
    path("cuoc-thi/<int:contest_id>/tham-gia/", post_entry, name="exemplars_contest_entry"),
    # Events: the section, each event, the iCalendar feeds (exemplars/events/urls.py).
    path("su-kien/", include("exemplars.events.urls")),
]
