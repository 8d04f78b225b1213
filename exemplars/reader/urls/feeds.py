"""RSS and Atom feeds: the site's, each section's, each campaign's.

Mount them under a prefix of the outlet's choosing (``path("dien-hinh/",
include("exemplars.reader.urls.feeds"))``): an outlet usually has its own ``/rss/``.
"""

from django.urls import path

from exemplars.reader import feeds

urlpatterns = [
    path("rss/", feeds.StoryFeed(), name="exemplars_feed_rss"),
    path("atom/", feeds.StoryAtomFeed(), name="exemplars_feed_atom"),
    path("rss/chuyen-muc/<int:pk>/", feeds.SectionFeed(), name="exemplars_section_rss"),
    path("atom/chuyen-muc/<int:pk>/", feeds.SectionAtomFeed(), name="exemplars_section_atom"),
    path("rss/phong-trao/<slug:slug>/", feeds.CampaignFeed(), name="exemplars_campaign_rss"),
    path("atom/phong-trao/<slug:slug>/", feeds.CampaignAtomFeed(), name="exemplars_campaign_atom"),
]
