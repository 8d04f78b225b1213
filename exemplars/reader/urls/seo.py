"""The sitemap of the site's pages and the Google News sitemap of the last 48 hours.

Mountable under any prefix; an outlet with its own ``/sitemap.xml`` lists ours in its
``robots.txt`` or sitemap index (``robots.txt`` itself is in ``exemplars.reader.urls.robots``).
"""

from django.urls import path

from exemplars.reader import sitemaps

urlpatterns = [
    path("sitemap.xml", sitemaps.sitemap, name="exemplars_sitemap"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="exemplars_news_sitemap"),
]
