"""Signals the search app sends, for the apps that show its results.

``index_changed`` is sent after documents were written to or removed from the
primary index (and after a rebuild): a cache holding search pages must forget
them then, not when the content was saved, since indexing runs after commit.
"""

from django.dispatch import Signal

# sender: the backend's name; kwargs: action ("index", "delete", "rebuild").
index_changed = Signal()
