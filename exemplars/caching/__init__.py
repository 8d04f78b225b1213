"""The reader page cache: whole anonymous responses kept in a Django cache,
outdated by any committed change to what readers see.

- ``middleware.PageCacheMiddleware`` serves and stores pages, and writes the
  ``Cache-Control``/``ETag`` headers browsers and shared caches follow.
- ``wsgi.PageCacheApplication`` answers hits before Django runs, from the bytes
  last sent; ``nearcache`` keeps each worker's hottest pages in memory, exact
  through Redis's invalidation messages; under gunicorn's ASGI worker,
  ``asgi.PageCacheASGI`` answers those from the event loop and runs the rest
  in threads, one render per page at a time.
- ``store.PageStore`` holds the responses; a purge invalidates a path with every
  query string and host at once (a generation per path).
- ``coherence`` is the rule that keeps it true: a committed change to any
  record readers see outdates every page (the site's generation).
- ``limits`` holds request bodies to a size by path, and never hands the
  application a body cut short.
- ``purge`` computes which addresses show a page or a record; ``signal_handlers``
  sends them through Wagtail's front-end cache invalidation
  (``WAGTAILFRONTENDCACHE``), where ``backends.PageCacheBackend`` is our cache and
  an outlet adds its Varnish, nginx or CDN beside it.
- What changes by the clock alone: ``freshness`` shortens a page's lifetime to
  its next event's end; ``schedule`` purges pages whose pins started or ended.
"""
