"""Reader URLs outside the page tree, in parts a site mounts as it wants.

Exemplar, locality and field pages are routes of the home page (see
``ExemplarHomePage``), so they follow the site's root wherever it is mounted.
An outlet's site already answers ``/rss/``, ``/sitemap.xml`` or ``/robots.txt``
itself, so it includes the parts under its own prefixes (README, "Adding the
extension"):

* ``exemplars.reader.urls.feeds``: RSS and Atom feeds;
* ``exemplars.reader.urls.seo``: the sitemap and the news sitemap;
* ``exemplars.reader.urls.reader``: comment and contest posts, the events section
  (``exemplars.reader.urls.posts`` and ``exemplars.events.urls``);
* ``exemplars.reader.urls.robots``: ``robots.txt``, for a site the extension owns.

``exemplars.reader.urls`` itself is feeds, sitemaps, robots.txt and the posts at the
site root, for a site whose root is ours (this project's ``newsroom``), which
puts the events section inside its ``i18n_patterns`` (``/su-kien/`` and
``/en/su-kien/``).
"""

from django.urls import include, path

urlpatterns = [
    path("", include("exemplars.reader.urls.feeds")),
    path("", include("exemplars.reader.urls.seo")),
    path("", include("exemplars.reader.urls.robots")),
    path("", include("exemplars.reader.urls.posts")),
]
