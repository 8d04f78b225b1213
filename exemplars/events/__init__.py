"""Talks, exchanges, field visits and award ceremonies with exemplars.

Models live here but belong to the ``exemplars`` app (re-exported by
``exemplars.models``), so one migration graph holds them.
"""
