"""The shape of a Vietnamese syllable: onset, rhyme, tone.

Enough phonotactics to tell a real syllable ("việt", "nguyện") from keystrokes
or slips that are not one ("vieejt" read as letters, "nguyệng").
"""

from __future__ import annotations

import unicodedata

TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
STOP_TONES = ("\u0301", "\u0323")  # the only tones a syllable ending in c, ch, p, t takes

ONSETS = "ngh ng gh gi kh nh ph th tr ch qu b c d đ g h k l m n p r s t v x".split() + [""]

RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oc oi om on ong op ot ooc oong
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
    oe oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uân uâng uât uây uc ui um un ung up ut uê uêch uênh uơ
    uôc uôi uôm uôn uông uôt
    uy uya uych uyên uyêt uynh uyt uyu uyn uynh
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu
    """.split()
)
# After qu, the rhyme is written without its u ("quân" = qu + ân).
QU_RHYMES = frozenset(r[1:] for r in RHYMES if r.startswith("u") and len(r) > 1) | {"y"}
VOWELS = set("aăâeêioôơuưy")
SHAPED = set("ăâêôơư")


def split_tone(word: str) -> tuple[str, str | None]:
    """(the word without its tone mark, NFC; the tone mark or None)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONE_MARKS]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return base, (tones[0] if len(tones) == 1 else ("" if tones else None))


def parts(base: str) -> list[tuple[str, str]]:
    """Every (onset, rhyme) reading of a toneless syllable with a known rhyme."""
    out = []
    for onset in ONSETS:
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset) :]
        if onset == "qu":
            if rhyme in QU_RHYMES:
                out.append((onset, rhyme))
        elif onset == "gi" and rhyme == "":
            continue
        elif rhyme in RHYMES or (onset == "gi" and ("i" + rhyme) in RHYMES and rhyme[:1] != "i"):
            out.append((onset, rhyme))
    return out


def is_syllable(word: str) -> bool:
    base, tone = split_tone(word)
    if tone == "":  # two tone marks
        return False
    for _onset, rhyme in parts(base):
        if rhyme.endswith(("c", "ch", "p", "t")) and tone not in (None, *STOP_TONES):
            continue
        return True
    return False


def place_tone(base: str, tone: str) -> str:
    """``base`` (toneless, NFC) with ``tone`` on the vowel the new style puts it on."""
    onset = ""
    if base.startswith("qu") and len(base) > 2:
        onset = "qu"
    elif base.startswith("gi") and len(base) > 2 and base[2] in VOWELS:
        onset = "gi"
    else:
        while len(onset) < len(base) and base[len(onset)] not in VOWELS:
            onset += base[len(onset)]
    start = len(onset)
    end = start
    while end < len(base) and base[end] in VOWELS:
        end += 1
    cluster = base[start:end]
    if not cluster:
        if onset == "gi":
            cluster, start, end = "i", 1, 2
        else:
            return ""
    final = base[end:]
    shaped = [i for i, c in enumerate(cluster) if c in SHAPED]
    if shaped:
        pos = shaped[-1]
    elif final or len(cluster) == 1:
        pos = len(cluster) - 1
    elif len(cluster) == 2:
        pos = 0
    else:
        pos = 1
    i = start + pos
    return base[:i] + unicodedata.normalize("NFC", base[i] + tone) + base[i + 1 :]
