"""What anonymous readers get: page context, listings, routing, navigation, feeds,
sitemaps, structured data, the forms they post and the reader URLs.

Imports the records (``exemplars.models``), never the editors' desk; page models
reach it only through ``exemplars.models.presenters`` (see ``pages.py``).
"""
