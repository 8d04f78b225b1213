"""Reader URLs outside the page tree, in parts a site mounts as it wants.

Exemplar, locality and field pages are routes of the home page (see
``ExemplarHomePage``), so they follow the site's root wherever it is mounted.
An outlet's site already answers ``/rss/``, ``/sitemap.xml`` or ``/robots.txt``
itself, so it includes the parts under its own prefixes (README, "Adding the
extension"):

* ``exemplars.urls.feeds``: RSS and Atom feeds;
* ``exemplars.urls.seo``: the sitemap and the news sitemap;
* ``exemplars.urls.reader``: comment and contest posts, the events section
  (``exemplars.urls.posts`` and ``exemplars.events.urls``);
* ``exemplars.urls.robots``: ``robots.txt``, for a site the extension owns.

``exemplars.urls`` itself is feeds, sitemaps, robots.txt and the posts at the
site root, for a site whose root is ours (this project's ``newsroom``), which
puts the events section inside its ``i18n_patterns`` (``/su-kien/`` and
``/en/su-kien/``).
"""

from django.urls import include, path

urlpatterns = [
    path("", include("exemplars.urls.feeds")),
    path("", include("exemplars.urls.seo")),
    path("", include("exemplars.urls.robots")),
    path("", include("exemplars.urls.posts")),
]
