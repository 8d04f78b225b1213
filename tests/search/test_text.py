"""Vietnamese text handling shared by every backend."""

import unicodedata

import pytest

from exemplars_search import text
from exemplars_search.text import Term, parse_query

NFD = unicodedata.normalize("NFD", "Đẩy mạnh điển hình tiên tiến ở Châu Đốc")


def test_fold_removes_every_mark_and_d_stroke():
    assert text.fold("Đẩy mạnh ĐIỂN HÌNH tiên tiến") == "day manh dien hinh tien tien"
    assert text.fold(NFD) == "day manh dien hinh tien tien o chau doc"


def test_dfold_keeps_vowel_marks():
    assert text.dfold("Đờn ca") == "dờn ca"
    assert text.dfold(NFD) == "dẩy mạnh diển hình tiên tiến ở châu dốc"


def test_nfc_drops_control_characters():
    assert text.nfc("a\x00b\x1fc") == "a b c"
    assert text.nfc(NFD) == unicodedata.normalize("NFC", NFD)


def test_index_forms_match_word_by_word_folding():
    source = "Ông Đoàn Văn Hậu, 1.800 tấn cá; “Nuôi cá bây giờ…” hỗ_trợ"
    dfolded, folded = text.index_forms(source)
    assert dfolded.split() == [text.dfold(w) for w in text.words(source)]
    assert folded.split() == [text.fold(w) for w in text.words(source)]


@pytest.mark.parametrize(
    "word, strict, key",
    [("lụa", True, "lụa"), ("lua", False, "lua"), ("Đàm", True, "dàm"), ("Đam", False, "dam")],
)
def test_term_strictness(word, strict, key):
    t = Term(word)
    assert (t.strict, t.key) == (strict, key)


def test_term_matching():
    assert Term("dờn").matches("đờn")
    assert not Term("lụa").matches("lúa")
    assert Term("lua").matches("lụa") and Term("lua").matches("lúa")
    assert Term("ho").matches_prefix("Hồng")


def test_parse_plain_words_phrases_and_exclusions():
    q = parse_query('thổ cẩm "nước nổi" -ma túy -"cá tra" Châu')
    groups = [[t.text for t in g] for g in q.groups]
    assert groups == [["thổ"], ["cẩm"], ["nước", "nổi"], ["Châu"]]
    assert [[t.text for t in g] for g in q.phrases] == [["nước", "nổi"]]
    # "-ma túy": the exclusion runs to the next quote or "-"; a quoted one ends at its quote.
    assert [[t.text for t in g] for g in q.excluded] == [["ma", "túy"], ["cá", "tra"]]


def test_parse_never_raises_and_keeps_only_words():
    for raw in ['"', 'a "b', "NEAR(a, b)", "title:x", "\x00", "🎉", "x" * 5000, "- -", None]:
        q = parse_query(raw)
        for t in q.terms:
            assert t.text.isalnum()
    assert len(parse_query("a " * 500).terms) == text.MAX_QUERY_WORDS
    assert parse_query('"').is_empty


def test_highlight_marks_escapes_and_windows():
    body = "Mở đầu. " * 60 + "Ông <b>hiến máu</b> & cứu người. " + "Kết thúc. " * 60
    out = text.highlight(body, parse_query("hien mau"))
    assert "<mark>hiến</mark> <mark>máu</mark>" in out
    assert "&lt;b&gt;" in out and "&amp;" in out
    assert out.startswith("… ") and out.endswith(" …")
    assert len(out) < 400


def test_highlight_is_strict_for_marked_words():
    out = text.highlight("lụa và lúa", parse_query("lụa"))
    assert out == "<mark>lụa</mark> và lúa"


def test_slugify_vi():
    assert text.slugify_vi("Đẩy mạnh điển hình!") == "day-manh-dien-hinh"
    assert text.slugify_vi("!!!") == "muc"
