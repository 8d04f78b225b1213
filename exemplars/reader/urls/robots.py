"""``robots.txt`` naming our sitemaps: only for a site whose root the extension owns."""

from django.urls import path

from exemplars.reader import sitemaps

urlpatterns = [
    path("robots.txt", sitemaps.robots_txt, name="exemplars_robots_txt"),
]
