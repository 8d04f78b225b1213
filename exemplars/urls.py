"""Reader URLs outside the page tree: feeds, sitemaps, robots.txt."""

urlpatterns: list = []
