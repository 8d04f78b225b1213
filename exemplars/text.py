"""Vietnamese name handling for the content models.

The folding rules live in ``exemplars_search.text``; this module only adds what
records need: a lookup key so "Châu Đốc" typed in NFC or NFD, upper or lower
case, is one locality.
"""

from exemplars_search.text import nfc, slugify_vi

__all__ = ["name_key", "nfc", "slugify_vi"]


def name_key(name: str) -> str:
    """The key two names are "the same" by: NFC, single spaces, case-folded."""
    return " ".join(nfc(name or "").split()).casefold()
