"""The Vietnamese spelling rules of issue 15, one phenomenon at a time."""

from __future__ import annotations

import unicodedata

import pytest

from exemplars_search import service
from exemplars_search.models import Synonym
from exemplars_search.query import SearchRequest
from exemplars_search.text import Term, dfold, fold, highlight, parse_query, slugify_vi
from exemplars_search.vietnamese.expand import Synonyms, expand
from exemplars_search.vietnamese.spelling import variants
from exemplars_search.vietnamese.telex import candidates, convert_word

from .behaviour import make_doc


@pytest.mark.parametrize(
    "old, new",
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("tuỵ", "tụy"), ("Toà soạn", "Tòa soạn")],
)
def test_tone_placement_old_and_new_style_are_one_word(old, new):
    assert dfold(old) == dfold(new)
    assert Term(new).matches(old) and Term(old).matches(new)


def test_after_q_the_mark_stays_and_other_marks_still_count():
    assert dfold("quý") == dfold("quí") != dfold("qúy")
    assert dfold("quyết") == "quyết" and dfold("quỳnh") == "quỳnh"
    assert not Term("hòa").matches("hóa")


@pytest.mark.parametrize(
    "i, y",
    [
        ("kĩ sư", "kỹ sư"),
        ("quản lí", "quản lý"),
        ("lí do", "lý do"),
        ("Mĩ", "Mỹ"),
        ("qui định", "quy định"),
        ("bác sĩ", "bác sỹ"),
    ],
)
def test_i_and_y_after_a_consonant_are_one_letter(i, y):
    assert dfold(i) == dfold(y) and fold(i) == fold(y)


def test_y_standing_as_its_own_vowel_is_left_alone():
    assert dfold("y tế") == "y tế"
    assert dfold("tay") == "tay" != dfold("tai")
    assert dfold("yêu") == "yêu"


def test_nfd_input_gets_the_same_spelling():
    assert dfold(unicodedata.normalize("NFD", "hoà giải")) == dfold("hòa giải")


def test_slugs_keep_the_spelling_people_type():
    assert slugify_vi("Kỹ sư trẻ") == "ky-su-tre"


def test_highlight_marks_what_the_reader_sees():
    out = highlight("Tổ hoà giải và người hòa giải", parse_query("hòa giải"))
    assert (
        out == "Tổ <mark>hoà</mark> <mark>giải</mark> và người <mark>hòa</mark> <mark>giải</mark>"
    )


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("vieejt", "việt"),
        ("ddoongf", "đồng"),
        ("nguwowif", "người"),
        ("mowis", "mới"),
        ("vie65t", "việt"),
        ("nu7o71c", "nước"),
        ("d9a6t1", "đất"),
        # Free order, as Unikey takes it: marks typed after the final consonant.
        ("vietej", "việt"),
        ("nguoiwf", "người"),
        ("mosiw", "mới"),
        ("truwowfng", "trường"),
    ],
)
def test_telex_and_vni_keystrokes_become_words(typed, meant):
    assert convert_word(typed) == meant


@pytest.mark.parametrize("word", ["book", "covid19", "hello", "news", "the", "data", "nam", "hoa"])
def test_english_and_plain_words_are_not_converted(word):
    assert convert_word(word) is None


def test_a_stray_keystroke_is_repaired_to_the_nearest_syllables():
    assert candidates("nooing") == ["nông"]
    assert candidates("hieeens") == ["hiến"]
    assert candidates("thoon") == ["thôn"]  # converts as typed: no repair
    assert candidates("hello") == []


def test_a_repair_needs_another_word_typed_in_telex():
    def readings(q):
        return [" ".join(t.text for t in v.terms) for v in expand(parse_query(q)).variants]

    assert "nông thôn mới" in readings("nooing thoon mowis")
    assert readings("book") == [] and readings("good book") == []
    # The English word as typed comes before a guess at it.
    assert readings("news hieens")[0] == "news hiến"


def test_spelling_slips_one_step_away():
    assert "nguyện" in variants("nguyệng")
    assert "kết" in variants("kếc")
    assert "sinh" in variants("xinh")
    assert "trường" in variants("chường")
    assert "giữ" in variants("dữ")
    assert "nông" in variants("nhông")


def test_abbreviations_expand_both_ways():
    synonyms = Synonyms([("UBND", ["ủy ban nhân dân"]), ("TP.HCM", ["thành phố Hồ Chí Minh"])])
    short = expand(parse_query("UBND xã"), synonyms)
    assert [[t.text for t in g] for g in short.variants[0].groups] == [
        ["ủy", "ban", "nhân", "dân"],
        ["xã"],
    ]
    full = expand(parse_query("uỷ ban nhân dân"), synonyms)
    assert [[t.text for t in g] for g in full.variants[0].groups] == [["UBND"]]
    joined = expand(parse_query("tphcm"), synonyms)
    assert {" ".join(t.text for g in v.groups for t in g) for v in joined.variants} == {
        "TP HCM",
        "thành phố Hồ Chí Minh",
    }


def test_quoted_phrases_are_not_expanded():
    quoted = parse_query('"UBND xã"')
    assert not expand(quoted, Synonyms([("UBND", ["ủy ban nhân dân"])])).variants


@pytest.fixture
def indexed(search_backend):
    search_backend.index(
        [
            make_doc(id=1, title="Hội Nông dân giúp nhau làm giàu", intro="Nhiều hộ khá lên."),
            make_doc(id=2, title="HND xã trao vốn cho hội viên", intro="Vốn vay ưu đãi."),
            make_doc(id=3, title="Bài mix nhạc quê", intro="Một bản mix vui tai."),
            make_doc(id=4, title="Kiều bào ở Mỹ về thăm quê", intro="Nhiều năm xa quê."),
        ]
    )
    return search_backend


def titles(q: str) -> list[str]:
    return [h.title for h in service.search(SearchRequest(q=q)).hits]


def test_an_abbreviation_editors_add_applies_without_a_rebuild(indexed):
    assert titles("HND") == ["HND xã trao vốn cho hội viên"]
    Synonym.objects.create(abbreviation="HND", full_forms="Hội Nông dân")
    assert titles("HND") == ["HND xã trao vốn cho hội viên", "Hội Nông dân giúp nhau làm giàu"]
    assert titles("hội nông dân")[0] == "Hội Nông dân giúp nhau làm giàu"


def test_a_literal_word_that_looks_like_telex_ranks_first(indexed):
    assert titles("mix") == ["Bài mix nhạc quê", "Kiều bào ở Mỹ về thăm quê"]


def test_no_correction_when_the_words_find_something(indexed):
    results = service.search(SearchRequest(q="làm giàu"))
    assert results.did_you_mean is None and results.total == 1


def test_editors_add_an_abbreviation_in_the_admin(admin_client, indexed):
    url = "/admin/snippets/exemplars_search/synonym/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url + "add/", {"abbreviation": "HND", "full_forms": "Hội Nông dân\nhội nông dân"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert titles("HND")[1] == "Hội Nông dân giúp nhau làm giàu"


def test_an_abbreviation_without_letters_is_refused_with_a_message(admin_client, db):
    url = "/admin/snippets/exemplars_search/synonym/add/"
    response = admin_client.post(url, {"abbreviation": "..", "full_forms": "ủy ban"})
    assert response.status_code == 200
    assert "Chữ viết tắt phải có chữ hoặc số." in response.content.decode()
    assert not Synonym.objects.exists()


def test_vni_typed_blind_with_two_slips_finds_the_words_meant(search_backend):
    search_backend.index(
        [
            make_doc(id=1, title="Xã về đích nông thôn mới", intro="Đủ mười chín tiêu chí."),
            make_doc(id=2, title="Thôn mời bà con họp", intro="Bàn việc làm đường."),
        ]
    )
    # "nho6ng tho6n mo7i" spells "nhông thôn mơi": an extra h, a tone key forgotten.
    results = service.search(SearchRequest(q="nho6ng tho6n mo7i"))
    assert results.did_you_mean == "nông thôn mới"
    assert [h.title for h in results.hits] == ["Xã về đích nông thôn mới"]
    # A stray keystroke ("nooing"): found without a correction.
    stray = service.search(SearchRequest(q="nooing thoon mowis"))
    assert stray.total == 1 and stray.did_you_mean is None
