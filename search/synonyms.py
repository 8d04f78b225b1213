"""The abbreviation list a query is expanded with: built-in plus the editors' own."""

from __future__ import annotations

from functools import lru_cache

from django.db import DatabaseError

from .models import Synonym
from .vietnamese.abbreviations import BUILTIN
from .vietnamese.expand import Synonyms


@lru_cache(maxsize=8)
def _build(rows: tuple[tuple[str, tuple[str, ...]], ...]) -> Synonyms:
    merged = {k: list(v) for k, v in BUILTIN.items()}
    for abbr, forms in rows:
        merged[abbr] = list(dict.fromkeys([*merged.get(abbr, []), *forms]))
    return Synonyms(merged.items())


def current() -> Synonyms:
    """Built-in abbreviations and those editors added; read on every search,
    so an edit applies at once (one small query; the parsed list is cached)."""
    try:
        rows = tuple((s.abbreviation, tuple(s.forms)) for s in Synonym.objects.all())
    except DatabaseError:  # table not migrated yet: the built-in list still works
        rows = ()
    return _build(rows)
