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


def _compose(letters: list[list[str]], tone: str | None, *, any_word: bool) -> str | None:
    """Letters, each a base plus shape marks, with ``tone`` placed; None if no
    syllable (unless ``any_word``: then the letters as the keys spell them)."""
    plain = "".join(unicodedata.normalize("NFC", "".join(parts)) for parts in letters)
    word = place_tone(plain, tone) if tone else plain
    if any_word and tone and not word:
        word = unicodedata.normalize("NFC", plain + tone)
    return word if word and (any_word or is_syllable(word)) else None


FINALS = ("c", "ch", "m", "n", "ng", "nh", "p", "t")


def _nucleus(letters: list[list[str]]) -> tuple[int, int]:
    """(start, end) of the syllable's vowel run among ``letters``."""
    start = next((k for k, p in enumerate(letters) if p[0] in VOWELS), len(letters))
    end = start
    while end < len(letters) and letters[end][0] in VOWELS:
        end += 1
    return start, end


def _late_vowel(letters: list[list[str]], ch: str) -> list[str] | None:
    """The bare vowel ``ch`` of the nucleus when ``ch`` comes again after a final consonant."""
    start, end = _nucleus(letters)
    if ch not in "aeo" or start == end:
        return None
    if "".join(p[0] for p in letters[end:]) not in FINALS:
        return None
    same = [p for p in letters[start:end] if p == [ch]]
    return same[-1] if same else None


def from_telex(word: str, *, any_word: bool = False) -> str | None:
    """The syllable a Telex-typed ASCII word spells, or None (``any_word``:
    whatever the keystrokes spell, syllable or not)."""
    w = word.lower()
    if not (w.isascii() and w.isalpha()) or len(w) > 12:
        return None
    letters: list[list[str]] = []
    tone = None
    changed = late_mark = False
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
        late = _late_vowel(letters, ch)
        if late is not None:
            # Free order (Unikey): the doubled vowel typed after the final
            # consonant, "vietej", "nongof".
            late.append(CIRCUMFLEX)
            i, changed, late_mark = i + 1, True, True
            continue
        if ch == "w":
            changed = True
            start, end = _nucleus(letters)
            targets = [p for p in letters[start:end] if p[0] in "aou" and len(p) == 1]
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
    if late_mark and tone is None:
        return None  # "data" is English; "vietej" has its tone key too
    return _compose(letters, tone, any_word=any_word) if changed else None


def from_vni(word: str, *, any_word: bool = False) -> str | None:
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
    return _compose(letters, tone, any_word=any_word)


def convert_word(word: str) -> str | None:
    """The Vietnamese syllable behind Telex or VNI keystrokes, or None."""
    return from_vni(word) or from_telex(word)


def spelled(word: str) -> str | None:
    """What Telex or VNI keystrokes spell, even when it is no syllable
    ("keecs": "kếc", a southern slip for "kết"), or None."""
    return from_vni(word, any_word=True) or from_telex(word, any_word=True)


# Repairs offered at most for one word that does not convert.
MAX_REPAIRS = 3


def candidates(word: str) -> list[str]:
    """The syllables Telex or VNI keystrokes most likely meant, best first.

    The conversion itself when it is a syllable; otherwise the syllables one
    stray keystroke away (typed blind, "nooing" has an extra i: "nông"). The
    repairs are guesses: callers use them only where the reader is plainly
    typing keystrokes, or when nothing else finds anything.
    """
    exact = convert_word(word)
    if exact:
        return [exact]
    if len(word) < 3 or not word.isascii():
        return []
    out: list[str] = []
    for k in range(len(word)):
        fixed = convert_word(word[:k] + word[k + 1 :])
        if fixed and fixed not in out:
            out.append(fixed)
    return out[:MAX_REPAIRS]
