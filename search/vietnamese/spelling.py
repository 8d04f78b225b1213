"""Spelling slips readers make, and the words they meant.

Typical of southern speech and of fast typing: final n/ng and t/c
("tình nguyệng", "đoàn kếc"), s/x ("xinh viên"), tr/ch, d/v/gi, n/nh, and one
wrong or missing mark. :func:`variants` lists the words one slip away; the search
service tries them only when the reader's words found nothing, and keeps the
correction that finds the most.
"""

from __future__ import annotations

import unicodedata

from .syllables import TONE_MARKS, is_syllable, place_tone, split_tone

ONSET_SWAPS = {
    "s": ("x",),
    "x": ("s",),
    "tr": ("ch",),
    "ch": ("tr",),
    "d": ("v", "gi"),
    "v": ("d", "gi"),
    "gi": ("d", "v"),
    "r": ("d", "g"),
    # An extra or missing h typed blind: "nhông" for "nông". Tried only when
    # the words as typed find nothing, so it never adds noise to a right query.
    "nh": ("n",),
    "n": ("nh",),
}
FINAL_SWAPS = {"n": ("ng",), "ng": ("n",), "t": ("c",), "c": ("t",), "nh": ("n",), "ch": ("t",)}
SHAPES = {
    "a": "ăâ",
    "ă": "aâ",
    "â": "aă",
    "e": "ê",
    "ê": "e",
    "o": "ôơ",
    "ô": "oơ",
    "ơ": "oô",
    "u": "ư",
    "ư": "u",
}


def _with_tone(base: str, tone: str | None) -> str:
    if not tone:
        return base
    return place_tone(base, tone)


def variants(word: str) -> list[str]:
    """Syllables one slip away from ``word`` (lower-case), most likely first."""
    w = unicodedata.normalize("NFC", word.lower())
    base, tone = split_tone(w)
    if tone == "" or not base.isalpha():
        return []
    out: list[str] = []
    for final, swaps in FINAL_SWAPS.items():
        if base.endswith(final) and not (final == "n" and base.endswith(("ng", "nh"))):
            if final == "c" and base.endswith("ch"):
                continue
            out += [_with_tone(base[: -len(final)] + s, tone) for s in swaps]
    for onset, swaps in ONSET_SWAPS.items():
        if base.startswith(onset) and not (onset == "d" and base.startswith("đ")):
            if onset == "g" or (onset == "gi" and len(base) == 2):
                continue
            out += [_with_tone(s + base[len(onset) :], tone) for s in swaps]
    for t in (None, *TONE_MARKS):
        if t != tone:
            out.append(_with_tone(base, t))
    for i, ch in enumerate(base):
        for other in SHAPES.get(ch, ""):
            out.append(_with_tone(base[:i] + other + base[i + 1 :], tone))
    seen, unique = {w}, []
    for v in out:
        if v and v not in seen and is_syllable(v):
            seen.add(v)
            unique.append(v)
    return unique
