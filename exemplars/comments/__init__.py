"""Reader comments on stories, held for editors' moderation.

``models.Comment`` (app label ``exemplars``), the cache-safe posting endpoint
in ``views``, the moderation queue and bulk actions in ``viewsets`` and
``bulk_actions`` (wired in ``wagtail_hooks``), and the story pages' purge when
what readers see of the comments changes (``signal_handlers``).
"""
