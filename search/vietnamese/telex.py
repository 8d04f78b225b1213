"""Words typed as Telex or VNI keystrokes with the Vietnamese keyboard off.

"vieejt" (Telex) and "vie65t" (VNI) are "việt". A word is converted only when
it holds keystrokes that change it and the result is a well-formed Vietnamese
syllable: "book" (no syllable "bôk") and "covid19" stay as typed. A word that
converts and is also a real word elsewhere ("test" → "tét") is searched both
ways, the literal spelling ranked first (see ``expand``).
"""

from __future__ import annotations

import unicodedata

from .syllables import is_syllable, place_tone

ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, HORN, BREVE = "\u0302", "\u031b", "\u0306"

TELEX_TONES = {"s": ACUTE, "f": GRAVE, "r": HOOK, "x": TILDE, "j": DOT}
VNI_TONES = {"1": ACUTE, "2": GRAVE, "3": HOOK, "4": TILDE, "5": DOT}
VOWELS = set("aeiouy")


def _compose(letters: list[list[str]], tone: str | None) -> str | None:
    """Letters, each a base plus shape marks, with ``tone`` placed; None if no syllable."""
    plain = "".join(unicodedata.normalize("NFC", "".join(parts)) for parts in letters)
    word = place_tone(plain, tone) if tone else plain
    return word if word and is_syllable(word) else None


def from_telex(word: str) -> str | None:
    """The syllable a Telex-typed ASCII word spells, or None."""
    w = word.lower()
    if not (w.isascii() and w.isalpha()) or len(w) > 12:
        return None
    letters: list[list[str]] = []
    tone = None
    changed = False
    i = 0
    while i < len(w):
        ch = w[i]
        seen_vowel = any(p[0] in VOWELS for p in letters)
        if ch == "d" and i + 1 < len(w) and w[i + 1] == "d" and not letters:
            letters.append(["đ"])
            i, changed = i + 2, True
            continue
        if ch in "aeo" and letters and letters[-1] == [ch]:
            letters[-1].append(CIRCUMFLEX)
            i, changed = i + 1, True
            continue
        if ch == "w":
            changed = True
            targets = [p for p in letters[-2:] if p[0] in "aou" and len(p) == 1]
            if not targets and (not letters or letters[-1][0] not in VOWELS):
                letters.append(["u", HORN])  # "nhw" = "như"
            elif not targets:
                return None
            else:
                if len(targets) == 2 and targets[0][0] == "u" and targets[1][0] == "o":
                    targets[0].append(HORN)
                    targets[1].append(HORN)
                else:
                    t = targets[-1]
                    t.append(BREVE if t[0] == "a" else HORN)
            i += 1
            continue
        if ch in TELEX_TONES and seen_vowel and tone is None:
            tone, changed = TELEX_TONES[ch], True
            i += 1
            continue
        letters.append([ch])
        i += 1
    return _compose(letters, tone) if changed else None


def from_vni(word: str) -> str | None:
    """The syllable a VNI-typed word (letters with digits 1-9) spells, or None."""
    w = word.lower()
    if not w.isascii() or not w[:1].isalpha() or not any(c in "123456789" for c in w):
        return None
    if not all(c.isalpha() or c in "123456789" for c in w) or len(w) > 14:
        return None
    letters: list[list[str]] = []
    tone = None
    for ch in w:
        if ch.isalpha():
            letters.append([ch])
            continue
        if ch in VNI_TONES:
            if tone is not None:
                return None
            tone = VNI_TONES[ch]
        elif ch == "9":
            d = [p for p in letters if p == ["d"]]
            if not d:
                return None
            d[0][0] = "đ"
        else:
            wanted = {"6": "aeo", "7": "ou", "8": "a"}[ch]
            mark = {"6": CIRCUMFLEX, "7": HORN, "8": BREVE}[ch]
            targets = [p for p in letters if p[0] in wanted and len(p) == 1]
            if not targets:
                return None
            if ch == "7" and len(targets) >= 2 and targets[-2][0] == "u" and targets[-1][0] == "o":
                targets[-2].append(HORN)
            targets[-1].append(mark)
    return _compose(letters, tone)


def convert_word(word: str) -> str | None:
    """The Vietnamese syllable behind Telex or VNI keystrokes, or None."""
    return from_vni(word) or from_telex(word)
