"""Legacy Vietnamese encodings: known passages, every letter with every tone, detection."""

import unicodedata
from pathlib import Path

import pytest

from exemplars.importing import encodings

FIXTURES = Path(__file__).parent / "fixtures" / "legacy"
UNICODE = (FIXTURES / "unicode.txt").read_text(encoding="utf-8")
VOWELS = "aăâeêioôơuưy"
TONES = ("",) + encodings.TONES


def legacy(name: str) -> str:
    """A legacy file as a UTF-8 system shows it: each byte a Windows-1252 character."""
    return (FIXTURES / f"{name}.txt").read_bytes().decode("cp1252")


def every_letter(upper: bool) -> list[str]:
    letters = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES]
    letters += ["đ"] + [c for c in "bcdghklmnpqrstvx"]
    return [c.upper() for c in letters] if upper else letters


@pytest.mark.parametrize("name", ["tcvn3", "vni", "viqr", "cp1258"])
def test_a_known_passage_in_each_encoding_is_detected_and_converted_to_nfc(name):
    text = legacy(name)
    assert encodings.detect(text) == name
    expected = UNICODE.replace("hòa", "hoà") if name == "tcvn3" else UNICODE
    converted = encodings.to_unicode(text)
    assert converted == expected
    assert unicodedata.is_normalized("NFC", converted)


@pytest.mark.parametrize("name", ["tcvn3", "vni", "viqr", "cp1258"])
def test_a_named_encoding_is_used_without_detection(name):
    expected = UNICODE.replace("hòa", "hoà") if name == "tcvn3" else UNICODE
    assert encodings.to_unicode(legacy(name), name) == expected


@pytest.mark.parametrize("name", ["vni", "viqr", "cp1258"])
@pytest.mark.parametrize("upper", [False, True])
def test_every_letter_with_every_tone_round_trips(name, upper):
    for letter in every_letter(upper):
        for sample in (letter, f"x{letter}", f"ng{letter}n", f"{letter}."):
            written = encodings.encode(sample, name)
            assert encodings.decode(written, name) == sample, (sample, written)


def test_every_tcvn3_letter_round_trips_and_toned_capitals_are_refused():
    # TCVN3 holds lower-case letters with every tone and the seven modified capitals;
    # toned capitals were typed in the capitals font on the lower-case codes.
    for letter in every_letter(False) + list("ĂÂÊÔƠƯĐ") + list("AEIOUY"):
        for sample in (letter, f"ng{letter}n"):
            written = encodings.encode(sample, "tcvn3")
            assert written.encode("cp1252")  # each character one byte
            assert encodings.decode(written, "tcvn3") == sample, (sample, written)
    with pytest.raises(ValueError):
        encodings.encode("Ấ", "tcvn3")


def test_tcvn3_and_vni_tables_give_every_toned_letter_its_own_code():
    assert len(set(encodings.TCVN3_TABLE.values())) == len(encodings.TCVN3_TABLE) == 74
    toned = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in encodings.TONES]
    written = {encodings.encode(c, "vni") for c in toned}
    assert len(written) == len(toned)


@pytest.mark.parametrize(
    "text",
    [
        "Cộng hòa xã hội chủ nghĩa Việt Nam.",
        "Ha Noi. Anh di?",  # unmarked text with sentence ends is not VIQR
        "Cà phê sữa đá",
        "Hello. What? Don't.",
        "Café crème brûlée",
    ],
)
def test_unicode_and_plain_text_are_left_as_they_are(text):
    assert encodings.detect(text) == encodings.UNICODE
    assert encodings.to_unicode(text) == text


def test_decomposed_text_and_windows_1258_marks_become_nfc():
    decomposed = unicodedata.normalize("NFD", "Người lao động")
    assert encodings.to_unicode(decomposed) == "Người lao động"
    # Windows-1258 keeps tones as combining marks after the letter: "ê" + dot below.
    assert encodings.decode("Vi\xea\xf2t", "cp1258") == "Việt"


def test_viqr_escapes_keep_punctuation():
    assert encodings.decode("Anh ddi\\. Chi. ddi", "viqr") == "Anh đi. Chị đi"
