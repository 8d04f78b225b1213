"""Vietnamese text in the encodings archives were typed in before Unicode.

Provincial archives hold text typed in TCVN3 (the ABC fonts, ".VnTime"), VNI
(the "VNI-Times" fonts), VIQR (plain ASCII, RFC 1456) or Windows-1258. When such
text reached a UTF-8 database or export, each byte became the Windows-1252
character of the same number ("Việt Nam" in TCVN3 shows as "ViÖt Nam", in VNI
as "Vieät Nam"), so every function here works on ``str`` in that state and
returns NFC Unicode. :func:`detect` tells the encodings apart by which reading
gives the most well-formed Vietnamese syllables.

TCVN3 has no upper-case vowels with a tone mark: typists switched to the
upper-case font (".VnTimeH"), which draws the lower-case codes in capitals, so
such text comes back lower-case; nothing in the bytes says otherwise.
"""

from __future__ import annotations

import re
import unicodedata

UNICODE = "unicode"
TCVN3 = "tcvn3"
VNI = "vni"
VIQR = "viqr"
CP1258 = "cp1258"
LEGACY = (TCVN3, VNI, VIQR, CP1258)
NAMES = {
    "utf-8": UNICODE,
    "utf8": UNICODE,
    "unicode": UNICODE,
    "tcvn3": TCVN3,
    "abc": TCVN3,
    "vni": VNI,
    "viqr": VIQR,
    "cp1258": CP1258,
    "windows-1258": CP1258,
}

# Combining marks of the five tones, in the order TCVN3 and VNI list them.
GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)
VOWELS = "aăâeêioôơuưy"


def _toned(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


# -- TCVN3 (TCVN 5712:1993, VN3) -------------------------------------------------
# Each lower-case vowel's five toned forms are in the order grave, hook, tilde,
# acute, dot below, at these byte values.
_TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
TCVN3_TABLE: dict[int, str] = dict(zip(range(0xA1, 0xAF), "ĂÂÊÔƠƯĐăâêôơưđ", strict=True))
for _base, _codes in _TCVN3_TONED.items():
    for _tone, _code in zip(TONES, _codes, strict=True):
        TCVN3_TABLE[_code] = _toned(_base, _tone)
_TCVN3_REVERSE = {char: chr(code) for code, char in TCVN3_TABLE.items()}


# -- VNI (VNI for Windows) -------------------------------------------------------
# A letter followed by one mark character; ơ, ư, đ and the toned i are single characters.
_VNI_MARKS = {
    # tone alone: grave, hook, tilde, acute, dot below
    "ø": ("", GRAVE),
    "û": ("", HOOK),
    "õ": ("", TILDE),
    "ù": ("", ACUTE),
    "ï": ("", DOT),
    # circumflex, then circumflex with each tone
    "â": ("\u0302", ""),
    "à": ("\u0302", GRAVE),
    "å": ("\u0302", HOOK),
    "ã": ("\u0302", TILDE),
    "á": ("\u0302", ACUTE),
    "ä": ("\u0302", DOT),
    # breve, then breve with each tone
    "ê": ("\u0306", ""),
    "è": ("\u0306", GRAVE),
    "ú": ("\u0306", HOOK),
    "ü": ("\u0306", TILDE),
    "é": ("\u0306", ACUTE),
    "ë": ("\u0306", DOT),
}
_VNI_MARKS |= {mark.upper(): value for mark, value in _VNI_MARKS.items()}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "í": "í", "ò": "ị"}
_VNI_SINGLE |= {code.upper(): char.upper() for code, char in _VNI_SINGLE.items()}
# Which bases take which modifier: circumflex on a, e, o; breve on a only.
_VNI_BASES = {"\u0302": "aeo", "\u0306": "a", "": "aeouyơư"}
_VNI_REVERSE: dict[str, str] = {}
for _mark, (_modifier, _tone) in _VNI_MARKS.items():
    for _base in _VNI_BASES[_modifier]:
        if _mark.isupper():
            _base = _base.upper()
        _char = unicodedata.normalize("NFC", _base + _modifier + _tone)
        _prefix = {"ơ": "ô", "ư": "ö", "Ơ": "Ô", "Ư": "Ö"}.get(_base, _base)
        _VNI_REVERSE.setdefault(_char, _prefix + _mark)
_VNI_REVERSE |= {char: code for code, char in _VNI_SINGLE.items()}


# -- VIQR (RFC 1456) -------------------------------------------------------------
_VIQR_TONES = {"`": GRAVE, "?": HOOK, "~": TILDE, "'": ACUTE, ".": DOT}
_VIQR_MODIFIERS = {"^": "\u0302", "(": "\u0306", "+": "\u031b"}
_VIQR_MODIFIABLE = {"^": "aeoAEO", "(": "aA", "+": "ouOU"}
_VIQR_RE = re.compile(
    r"\\(.)"  # an escaped character is itself
    r"|([dD][dD])"  # đ
    r"|([aeiouyAEIOUY])([\^(+]?)([`?~'.]?)"
)


def _viqr_sub(match: re.Match) -> str:
    if match.group(1) is not None:
        return match.group(1)
    if match.group(2):
        return "Đ" if match.group(2)[0] == "D" else "đ"
    vowel, modifier, tone = match.group(3), match.group(4), match.group(5)
    text = vowel
    if modifier:
        if vowel in _VIQR_MODIFIABLE[modifier]:
            text += _VIQR_MODIFIERS[modifier]
        else:  # "i^" is no letter: keep the characters as typed
            return vowel + modifier + tone
    if tone:
        text += _VIQR_TONES[tone]
    return unicodedata.normalize("NFC", text)


def _viqr_encode_char(char: str) -> str:
    if char in "đĐ":
        return "dd" if char == "đ" else "DD"
    parts = unicodedata.normalize("NFD", char)
    base, marks = parts[0], parts[1:]
    if base.lower() not in "aeiouy" or not marks:
        return char
    # VIQR writes the modifier before the tone, whatever order NFD puts them in.
    modifiers = "".join(k for k, v in _VIQR_MODIFIERS.items() if v in marks)
    tones = "".join(k for k, v in _VIQR_TONES.items() if v in marks)
    return base + modifiers + tones


# -- decoding and encoding -------------------------------------------------------


def _as_bytes(text: str) -> bytes | None:
    """The byte values the characters of mis-decoded legacy text stand for."""
    out = bytearray()
    for char in text:
        code = ord(char)
        if code < 0x100:
            out.append(code)
            continue
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def decode(text: str, encoding: str) -> str:
    """``text`` read as ``encoding`` (one of :data:`LEGACY`, or unicode), in NFC."""
    encoding = NAMES.get(encoding.lower(), encoding.lower())
    if encoding == TCVN3:
        data = _as_bytes(text)
        if data is not None:
            text = "".join(TCVN3_TABLE.get(b, chr(b)) for b in data)
    elif encoding == VNI:
        text = _decode_vni(text)
    elif encoding == VIQR:
        text = _VIQR_RE.sub(_viqr_sub, text)
    elif encoding == CP1258:
        data = _as_bytes(text)
        if data is not None:
            text = data.decode("cp1258", errors="replace")
    elif encoding != UNICODE:
        raise ValueError(f"unknown encoding {encoding!r}")
    return unicodedata.normalize("NFC", text)


def _decode_vni(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        base = _VNI_SINGLE.get(char) if char in "ôöÔÖ" else None
        base = base or char
        if base.lower() in "aeouyơư" and nxt in _VNI_MARKS:
            modifier, tone = _VNI_MARKS[nxt]
            if base.lower() in _VNI_BASES[modifier]:
                out.append(unicodedata.normalize("NFC", base + modifier + tone))
                i += 2
                continue
        out.append(_VNI_SINGLE.get(char, char))
        i += 1
    return "".join(out)


def encode(text: str, encoding: str) -> str:
    """NFC ``text`` written in ``encoding``, the inverse of :func:`decode` (for tests and tools).

    Raises ``ValueError`` on a character the encoding cannot write.
    """
    encoding = NAMES.get(encoding.lower(), encoding.lower())
    text = unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        out = []
        for char in text:
            if char in _TCVN3_REVERSE:
                out.append(_TCVN3_REVERSE[char])
            elif ord(char) < 0x80:
                out.append(char)
            else:
                raise ValueError(f"TCVN3 cannot write {char!r}")
        return "".join(out)
    if encoding == VNI:
        return "".join(_VNI_REVERSE.get(char, char) for char in text)
    if encoding == VIQR:
        # RFC 1456: a mark character right after a vowel is escaped to stay literal.
        out = []
        previous = ""
        for char in text:
            after_vowel = unicodedata.normalize("NFD", previous)[:1].lower() in tuple("aeiouy")
            previous = char
            if char in "`?~'.^(+" and after_vowel:
                out.append("\\" + char)
            elif char == "\\":
                out.append("\\\\")
            elif char in "dD" and out and out[-1][-1:] in "dD":
                out.append("\\" + char)
            else:
                out.append(_viqr_encode_char(char))
        return "".join(out)
    if encoding == CP1258:
        out = []
        for char in text:
            try:
                out.append(char.encode("cp1258"))
                continue
            except UnicodeEncodeError:
                pass
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + tone).encode("cp1258"))
        return b"".join(out).decode("latin-1")
    if encoding == UNICODE:
        return text
    raise ValueError(f"unknown encoding {encoding!r}")


# -- detection -------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+")
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
# The vowel clusters Vietnamese spells, longest first (tone marks removed).
_NUCLEI = (
    "iêu yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE_RE = re.compile(rf"^(?:{_INITIALS})?(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?$")
# Latin-1 letters Vietnamese uses; any other Latin-1 character in a reading is mojibake.
_LATIN1_VIETNAMESE = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# VIQR marks that cannot be ordinary punctuation: a modifier, an acute/grave/tilde
# after a vowel, or a hook/dot inside a word.
_VIQR_HINT_RE = re.compile(r"[aeiouyAEIOUY](?:[\^(+]|[`~']|[?.](?=[a-zA-Z]))|\bdd[aeiouy]", re.I)
_VIETNAMESE_ONLY = set("ăâêôơưđ")


def _score(text: str) -> int:
    """Well-formed Vietnamese syllables with marks, less words no Vietnamese writes."""
    score = -sum(1 for c in text if "\x80" <= c <= "\xff" and c not in _LATIN1_VIETNAMESE)
    for word in _WORD_RE.findall(text):
        if not (word.islower() or word.isupper() or word.istitle()):
            score -= 2
            continue
        decomposed = unicodedata.normalize("NFD", word.lower())
        tones = sum(decomposed.count(t) for t in TONES)
        bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        marked = tones or any(c in _VIETNAMESE_ONLY for c in bare)
        if tones <= 1 and _SYLLABLE_RE.match(bare):
            score += 1 if marked else 0
        elif not word.isascii():
            score -= 2
    return score


# Two hundred words or so decide as well as a whole story, at a fraction of the cost.
SAMPLE_CHARS = 1200


def detect(text: str) -> str:
    """The encoding ``text`` most likely arrived in: :data:`UNICODE` or one of :data:`LEGACY`."""
    text = text[:SAMPLE_CHARS]
    viqr = bool(_VIQR_HINT_RE.search(text))
    if not text or (text.isascii() and not viqr):
        return UNICODE
    # Legacy text shown through Windows-1252 holds nothing else: a "ư" or an "ệ" means
    # the text is Unicode already, however a legacy reading would score it.
    if _as_bytes(text) is None:
        return UNICODE
    best, best_score = UNICODE, _score(unicodedata.normalize("NFC", text))
    for encoding in LEGACY if viqr else (TCVN3, VNI, CP1258):
        score = _score(decode(text, encoding))
        # A reading must give more Vietnamese than it spoils, not just spoil less.
        if score > max(best_score, 0):
            best, best_score = encoding, score
    return best


def to_unicode(text: str, encoding: str = "auto") -> str:
    """``text`` as NFC Unicode: from ``encoding``, or from what :func:`detect` finds."""
    if not text:
        return text
    if encoding == "auto":
        encoding = detect(text)
    return decode(text, encoding)
