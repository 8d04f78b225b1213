"""One spelling for a syllable written two ways.

Tone-mark placement: "hoà"/"hòa", "khoẻ"/"khỏe", "thuỷ"/"thủy" are the same
word, old and new style; after q the u belongs to the consonant and "quý" has
one form. The canonical form moves the mark of every oa, oe, uy pair (not
after q) to its first vowel. Both styles agree once a final consonant
follows ("hoàng"); moving the mark there too changes nothing for matching
(queries and documents get the same form, "hòang") and lets a search cluster's
``mapping`` char filter, which cannot see word ends, apply the very same rule.

i/y: after a consonant, "kĩ"/"kỹ", "lí"/"lý", "Mĩ"/"Mỹ", "qui"/"quy" are one
word; the canonical form is i. A y that is the whole syllable ("y tế", "ý kiến") or part
of a vowel cluster ("tay", "thủy", "yêu") is left alone.

Both rules keep the length of the text (one character for one), so offsets
found on the canonical form are offsets in what the reader sees.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền sắc hỏi ngã nặng


def _c(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# "oà" → "òa" …: the second vowel's mark moves to the first.
_PLACEMENT = {
    _c(first + second + tone): _c(first + tone) + second
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for tone in TONES
}
# One character class, not an alternation of the fifteen pairs: a rebuild runs
# this over every story. Pairs outside _PLACEMENT ("oý") map to themselves.
_PLACEMENT_RE = re.compile(r"(?<!q)[ou][" + "".join(sorted({pair[1] for pair in _PLACEMENT})) + "]")

_Y = {"y": "i", **{_c("y" + t): _c("i" + t) for t in TONES}}
ONSET_CONSONANTS = "bcdđghklmnprstvx"
# After qu too: "qui định"/"quy định", "quí"/"quý" are one word.
_IY_RE = re.compile(r"\b(qu|[" + ONSET_CONSONANTS + r"]{1,3})([" + "".join(_Y) + r"])\b")


def canonical(text: str) -> str:
    """The canonical spelling of lower-case NFC ``text`` (same length)."""
    text = _PLACEMENT_RE.sub(lambda m: _PLACEMENT.get(m.group(0), m.group(0)), text)
    if "y" in text or any(ch in text for ch in "ýỳỷỹỵ"):
        text = _IY_RE.sub(lambda m: m.group(1) + _Y[m.group(2)], text)
    return text


def cluster_char_filters() -> list[dict]:
    """The same two rules as char filters for a search cluster's analyzers.

    A cluster sees the raw text, so its analyzers apply the rules themselves.
    A ``mapping`` filter takes the longest match, so "quý" mapped to itself
    keeps the q exception. The i/y rule needs the word start and end, hence
    one pattern per tone.
    """

    def cases(s: str) -> set[str]:
        return {"".join(c) for c in itertools.product(*({ch, ch.upper()} for ch in s))}

    mappings = []
    for pair, target in _PLACEMENT.items():
        for variant in cases(pair):
            mappings.append(f"{variant} => {target}")
        if pair[0] == "u":
            for variant in cases("q" + pair):
                mappings.append(f"{variant} => q{pair}")
    out = [{"type": "mapping", "mappings": sorted(mappings)}]
    onset = ONSET_CONSONANTS + ONSET_CONSONANTS.upper()
    for y, i in _Y.items():
        out.append(
            {
                "type": "pattern_replace",
                "pattern": rf"(?<![\p{{L}}\p{{N}}])([qQ][uU]|[{onset}]+)[{y}{y.upper()}]"
                r"(?![\p{L}\p{N}])",
                "replacement": f"$1{i}",
            }
        )
    return out
