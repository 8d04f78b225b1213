"""The behaviour every search backend shares, as one mixin.

A backend's test module subclasses :class:`SearchBackendBehaviour` and
provides a ``backend`` fixture returning an empty, ready backend::

    class TestSQLiteBackend(SearchBackendBehaviour):
        @pytest.fixture
        def backend(self, db):
            ...

Documents are built with :func:`make_doc` from keyword defaults; a backend that
needs a refresh before reads (Elasticsearch) exposes ``refresh()``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata

import pytest

from exemplars_search.documents import Facet, SearchDocument
from exemplars_search.query import SearchRequest

ICT = dt.timezone(dt.timedelta(hours=7))
_ids = itertools.count(1000)

FILLER = (
    "Bà con trong ấp thường xuyên họp bàn, góp ý kiến xây dựng quê hương ngày càng khang trang."
)

HOSTILE = [
    '"',
    '"""',
    'điển "hình',
    "NEAR(",
    "NEAR(a b, 2)",
    "title:điển",
    "body:x OR y AND NOT z",
    "a* OR ^b",
    "(((",
    ")",
    "{title_f}: x",
    "dien AND OR NOT",
    "'; DROP TABLE exemplars_search_doc; --",
    "1' OR '1'='1",
    "hien mau\x00 tinh nguyen",
    "\x00",
    "🎉🇻🇳 điển hình 😀",
    "x" * 5000,
    "điển hình " * 600,
    "+-&&||!(){}[]^~*?:\\/",
    "- - -",
    '-"',
    "-",
    "*",
    "dien~2 hinh^3",
    "/regex.*/",
    "%_%",
]

# Hostile queries are plain text: those whose words are all in "Điển hình tiên
# tiến", or that hold no word at all (a browse, like an empty box), find it;
# every other one finds nothing, because its words are not in the story.
HOSTILE_FINDS = {
    '"',
    '"""',
    'điển "hình',
    "(((",
    ")",
    "\x00",
    "🎉🇻🇳 điển hình 😀",
    "điển hình " * 600,
    "+-&&||!(){}[]^~*?:\\/",
    "- - -",
    '-"',
    "-",
    "*",
    "%_%",
}


def make_doc(**overrides) -> SearchDocument:
    """A live story with neutral text; override what the test is about."""
    fields = {
        "id": next(_ids),
        "title": "Câu chuyện ở ấp",
        "intro": "Một tấm gương bình dị.",
        "body": FILLER,
        "url": "/",
        "published": dt.datetime(2024, 5, 1, 8, 0, tzinfo=ICT),
        "kind": "individual",
    } | overrides
    if fields["url"] == "/":
        fields["url"] = f"/dien-hinh/{fields['id']}/"
    return SearchDocument(**fields)


class SearchBackendBehaviour:
    """Backend-agnostic behaviour tests (see the module docstring)."""

    # -- helpers --------------------------------------------------------------

    def index(self, backend, *docs):
        backend.index(list(docs))
        refresh = getattr(backend, "refresh", None)
        if refresh:
            refresh()
        return docs

    def search(self, backend, q="", **params):
        return backend.search(SearchRequest(q=q, **params))

    def ids(self, backend, q="", **params):
        return [h.id for h in self.search(backend, q, **params).hits]

    # -- folding --------------------------------------------------------------

    def test_query_without_marks_finds_accented_story(self, backend):
        story = make_doc(title="Câu lạc bộ hiến máu tình nguyện")
        self.index(backend, story, make_doc(title="Nuôi cá tra"))
        assert self.ids(backend, "hien mau") == [story.id]
        assert self.ids(backend, "HIEN MAU TINH NGUYEN") == [story.id]

    def test_query_without_d_stroke_finds_d_stroke(self, backend):
        story = make_doc(title="Gìn giữ đờn ca tài tử Nam Bộ")
        name = make_doc(body="Thượng úy Đàm Quốc Việt tận tụy với công việc.")
        self.index(backend, story, name)
        assert self.ids(backend, "dờn ca tài tử") == [story.id]
        assert self.ids(backend, "don ca tai tu") == [story.id]
        assert self.ids(backend, "Dàm Quốc Việt") == [name.id]

    def test_two_mark_vowels_fold(self, backend):
        story = make_doc(title="Điển hình tiên tiến trong phong trào thi đua")
        self.index(backend, story)
        assert self.ids(backend, "dien hinh tien tien") == [story.id]
        assert self.ids(backend, "điển hình tiên tiến") == [story.id]

    def test_nfd_query_equals_nfc(self, backend):
        a = make_doc(title="Châu Đốc vào mùa nước nổi")
        b = make_doc(body="Chợ nổi ở Châu Đốc đông vui.")
        self.index(backend, a, b, make_doc(title="Long Xuyên"))
        nfc = self.search(backend, "Châu Đốc")
        nfd = self.search(backend, unicodedata.normalize("NFD", "Châu Đốc"))
        assert [h.id for h in nfd.hits] == [h.id for h in nfc.hits]
        assert {h.id for h in nfc.hits} == {a.id, b.id}

    def test_nfd_document_is_found_by_nfc_query(self, backend):
        story = make_doc(title=unicodedata.normalize("NFD", "Người giữ hồn lụa Tân Châu"))
        self.index(backend, story)
        assert self.ids(backend, "hồn lụa") == [story.id]

    def test_marked_words_are_strict(self, backend):
        silk = make_doc(title="Người giữ hồn lụa Tân Châu")
        rice = make_doc(title="Cánh đồng lúa trúng mùa")
        self.index(backend, silk, rice)
        assert self.ids(backend, "lụa") == [silk.id]
        assert self.ids(backend, "lúa") == [rice.id]
        assert set(self.ids(backend, "lua")) == {silk.id, rice.id}

    def test_exact_accents_rank_above_folded_lookalikes(self, backend):
        lookalike = make_doc(title="Diễn hình nghệ thuật sân khấu")
        exact = make_doc(title="Điển hình tiên tiến ở nông thôn")
        self.index(backend, lookalike, exact)
        ids = self.ids(backend, "điển hình")
        assert ids[0] == exact.id
        assert lookalike.id not in ids[:1]
        assert set(self.ids(backend, "dien hinh")) == {lookalike.id, exact.id}

    def test_case_does_not_matter(self, backend):
        story = make_doc(title="Lớp học ban đêm của cô giáo trẻ")
        self.index(backend, story)
        assert self.ids(backend, "LỚP HỌC BAN ĐÊM") == [story.id]

    # -- ranking --------------------------------------------------------------

    def test_title_ranks_above_body(self, backend):
        in_body = make_doc(title="Câu chuyện ở ấp", body=FILLER + " Nghề dệt thổ cẩm.")
        in_title = make_doc(title="Nghề dệt thổ cẩm ở Châu Phong", body=FILLER)
        self.index(backend, in_body, in_title)
        assert self.ids(backend, "thổ cẩm") == [in_title.id, in_body.id]

    def test_intro_ranks_above_body(self, backend):
        in_body = make_doc(intro="Một tấm gương.", body=FILLER + " Nuôi cá lóc.")
        in_intro = make_doc(intro="Nuôi cá lóc thành công.", body=FILLER)
        self.index(backend, in_body, in_intro)
        assert self.ids(backend, "ca loc") == [in_intro.id, in_body.id]

    def test_adjacent_words_rank_above_scattered(self, backend):
        scattered = make_doc(
            title="Mới đây, nông dân xây thôn xóm",
            body="Nông dân trong thôn có cách làm mới.",
        )
        adjacent = make_doc(
            title="Chung sức xây dựng nông thôn mới",
            body="Xã về đích nông thôn mới sớm.",
        )
        self.index(backend, scattered, adjacent)
        assert self.ids(backend, "nông thôn mới") == [adjacent.id, scattered.id]
        assert self.ids(backend, "nong thon moi") == [adjacent.id, scattered.id]

    def test_name_as_typed_ranks_first(self, backend):
        other = make_doc(title="Ông Chau ở Sóc Trăng làm kinh tế giỏi, gia đình Kha")
        named = make_doc(title="Già làng Chau Sóc Kha giữ gìn văn hóa Khmer")
        self.index(backend, other, named)
        assert self.ids(backend, "Chau Sóc Kha")[0] == named.id

    def test_scores_are_ordered(self, backend):
        self.index(backend, *(make_doc(body=FILLER + " cá tra " * n) for n in range(1, 4)))
        scores = [h.score for h in self.search(backend, "cá tra").hits]
        assert scores == sorted(scores, reverse=True)

    # -- query syntax ---------------------------------------------------------

    def test_every_word_is_required(self, backend):
        both = make_doc(title="Hiến máu cứu người")
        one = make_doc(title="Hiến kế làm giàu")
        self.index(backend, both, one)
        assert self.ids(backend, "hiến máu") == [both.id]

    def test_quoted_phrase_must_be_adjacent(self, backend):
        phrase = make_doc(body="Con đường quê được bê tông hóa.")
        apart = make_doc(body="Đường về thăm quê nay đã khác.")
        self.index(backend, phrase, apart)
        assert self.ids(backend, '"đường quê"') == [phrase.id]
        assert self.ids(backend, '"duong que"') == [phrase.id]
        assert set(self.ids(backend, "đường quê")) == {phrase.id, apart.id}

    def test_phrase_with_other_words(self, backend):
        story = make_doc(title="Mùa nước nổi ở Tân Châu", body="Câu chuyện mùa nước nổi.")
        other = make_doc(title="Nước ngập, lục bình nổi ở Tân Châu")
        self.index(backend, story, other)
        assert self.ids(backend, '"nước nổi" Tân Châu') == [story.id]

    def test_exclusion(self, backend):
        tra = make_doc(title="Nuôi cá tra đạt chuẩn ASC")
        loc = make_doc(title="Nuôi cá lóc trong vèo")
        self.index(backend, tra, loc)
        assert self.ids(backend, "cá -tra") == [loc.id]
        # Excluded in any accent form: "-tra" also drops "trà".
        tea = make_doc(title="Cá và trà")
        self.index(backend, tea)
        assert self.ids(backend, "cá -tra") == [loc.id]

    def test_multi_syllable_exclusion(self, backend):
        drugs = make_doc(title="Thanh niên phòng chống ma túy", body=FILLER)
        ghost = make_doc(title="Thanh niên tình nguyện", body="Chuyện ma ở xóm. Tuý lúy.")
        clean = make_doc(title="Thanh niên lập nghiệp")
        self.index(backend, drugs, ghost, clean)
        assert set(self.ids(backend, "thanh niên -ma túy")) == {ghost.id, clean.id}
        assert set(self.ids(backend, 'thanh niên -"ma tuy"')) == {ghost.id, clean.id}

    def test_only_exclusions_lists_the_rest(self, backend):
        tra = make_doc(title="Nuôi cá tra")
        other = make_doc(title="Trồng lúa")
        self.index(backend, tra, other)
        assert self.ids(backend, "-tra") == [other.id]

    @pytest.mark.parametrize("q", HOSTILE)
    def test_hostile_input_is_plain_text(self, backend, q):
        story = make_doc(title="Điển hình tiên tiến")
        self.index(backend, story)
        results = self.search(backend, q)
        expected = [story.id] if q in HOSTILE_FINDS else []
        assert [h.id for h in results.hits] == expected
        assert results.total == len(expected)
        assert {s.title for s in backend.suggest(q)} <= {story.title}

    def test_operators_are_words(self, backend):
        story = make_doc(title="Điển hình tiên tiến")
        self.index(backend, story)
        assert self.ids(backend, "title:điển") == []
        assert self.ids(backend, "điển OR xyz") == []
        assert self.ids(backend, 'điển "hình') == [story.id]
        assert self.ids(backend, "điển* (hình)") == [story.id]

    # -- visibility -----------------------------------------------------------

    def test_not_live_is_never_returned(self, backend):
        draft = make_doc(title="Bản nháp điển hình", live=False)
        live = make_doc(title="Bài đã đăng điển hình")
        self.index(backend, draft, live)
        assert self.ids(backend, "điển hình") == [live.id]
        assert self.ids(backend, "") == [live.id]
        assert [s.title for s in backend.suggest("ban nh")] == []

    def test_unpublishing_removes(self, backend):
        story = make_doc(title="Điển hình tiên tiến")
        self.index(backend, story)
        story.live = False
        self.index(backend, story)
        assert self.ids(backend, "điển hình") == []
        assert backend.count() == 0

    def test_reindex_replaces_text(self, backend):
        story = make_doc(title="Tên cũ của bài")
        self.index(backend, story)
        story.title = "Tên mới của bài"
        self.index(backend, story)
        assert self.ids(backend, "cũ") == []
        assert self.ids(backend, "mới") == [story.id]
        assert backend.count() == 1

    def test_delete(self, backend):
        a, b = make_doc(title="Điển hình A"), make_doc(title="Điển hình B")
        self.index(backend, a, b)
        backend.delete([a.id, 999_999])
        refresh = getattr(backend, "refresh", None)
        if refresh:
            refresh()
        assert self.ids(backend, "điển hình") == [b.id]

    def test_rebuild_replaces_everything(self, backend):
        old = make_doc(title="Bài cũ")
        self.index(backend, old)
        new = [make_doc(title=f"Bài mới {n}") for n in range(3)]
        seen = []
        assert backend.rebuild(iter(new), progress=seen.append) == 3
        refresh = getattr(backend, "refresh", None)
        if refresh:
            refresh()
        assert backend.count() == 3
        assert sum(seen) == 3
        assert set(self.ids(backend, "bai")) == {d.id for d in new}

    # -- loosening ------------------------------------------------------------

    def test_loosened_when_nothing_matches_strictly(self, backend):
        rice = make_doc(title="Cánh đồng lúa trúng mùa", intro="Bà con gặt lúa sớm.")
        self.index(backend, rice)
        results = self.search(backend, "lụa")
        assert results.loosened is True
        assert [h.id for h in results.hits] == [rice.id]
        # The excerpt marks the word the loosened search matched.
        assert "<mark>lúa</mark>" in results.hits[0].excerpt
        assert self.search(backend, "lúa").loosened is False

    # -- filters, facets, paging -----------------------------------------------

    def facet_docs(self):
        ntm = Facet("nong-thon-moi", "Nông thôn mới")
        pn = Facet("phu-nu", "Phụ nữ sáng tạo")
        cd, lx = Facet("chau-doc", "Châu Đốc"), Facet("long-xuyen", "Long Xuyên")
        yte = Facet("y-te", "Y tế")
        return [
            make_doc(
                title="Điển hình 1",
                campaigns=[ntm],
                locality=cd,
                localities=["chau-doc", "an-giang"],
                kind="individual",
                published=dt.datetime(2022, 3, 1, tzinfo=ICT),
            ),
            make_doc(
                title="Điển hình 2",
                campaigns=[ntm, pn],
                locality=lx,
                localities=["long-xuyen", "an-giang"],
                kind="collective",
                field=yte,
                published=dt.datetime(2023, 3, 1, tzinfo=ICT),
            ),
            make_doc(
                title="Điển hình 3",
                campaigns=[pn],
                locality=lx,
                localities=["long-xuyen", "an-giang"],
                kind="collective",
                published=dt.datetime(2024, 3, 1, tzinfo=ICT),
            ),
            make_doc(title="Chuyện khác", campaigns=[pn], kind=None),
        ]

    def counts(self, results, facet):
        return {v.value: v.count for v in results.facets[facet]}

    def test_facet_counts(self, backend):
        docs = self.index(backend, *self.facet_docs())
        r = self.search(backend, "điển hình")
        assert r.total == 3
        assert self.counts(r, "campaign") == {"nong-thon-moi": 2, "phu-nu": 2}
        assert self.counts(r, "locality") == {"chau-doc": 1, "long-xuyen": 2}
        assert self.counts(r, "kind") == {"individual": 1, "collective": 2}
        assert self.counts(r, "year") == {"2022": 1, "2023": 1, "2024": 1}
        assert self.counts(r, "field") == {"y-te": 1}
        labels = {v.value: v.label for v in r.facets["campaign"]}
        assert labels["nong-thon-moi"] == "Nông thôn mới"
        assert {v.value: v.label for v in r.facets["locality"]}["chau-doc"] == "Châu Đốc"
        # Facets count the matching stories only: browsing also counts "Chuyện khác".
        everything = self.search(backend, "")
        assert everything.total == len(docs)
        assert self.counts(everything, "campaign") == {"nong-thon-moi": 2, "phu-nu": 3}
        assert self.counts(everything, "kind") == {"individual": 1, "collective": 2}

    def test_facet_counts_apply_the_other_filters(self, backend):
        self.index(backend, *self.facet_docs())
        r = self.search(backend, "điển hình", campaign=["nong-thon-moi"])
        assert r.total == 2
        # Its own facet ignores its own filter: the other campaign still counts.
        assert self.counts(r, "campaign") == {"nong-thon-moi": 2, "phu-nu": 2}
        assert self.counts(r, "kind") == {"individual": 1, "collective": 1}
        r = self.search(backend, "điển hình", campaign=["nong-thon-moi"], kind="collective")
        assert r.total == 1
        assert self.counts(r, "kind") == {"individual": 1, "collective": 1}
        assert self.counts(r, "campaign") == {"nong-thon-moi": 1, "phu-nu": 2}

    def test_filters(self, backend):
        d1, d2, d3, other = self.index(backend, *self.facet_docs())
        assert set(self.ids(backend, "điển hình", campaign=["phu-nu"])) == {d2.id, d3.id}
        assert set(self.ids(backend, "", campaign=["phu-nu", "nong-thon-moi"])) == {
            d1.id,
            d2.id,
            d3.id,
            other.id,
        }
        assert self.ids(backend, "dien hinh", locality=["chau-doc"]) == [d1.id]
        # A filter on a province finds the stories filed under its districts.
        assert len(self.ids(backend, "dien hinh", locality=["an-giang"])) == 3
        assert self.ids(backend, "", field=["y-te"]) == [d2.id]
        assert self.ids(backend, "", year=2024, kind="collective") == [d3.id]
        assert self.ids(backend, "điển hình", year=2021) == []

    def test_empty_query_with_filters_lists_newest(self, backend):
        d1, d2, d3, _ = self.index(backend, *self.facet_docs())
        assert self.ids(backend, "", locality=["long-xuyen"]) == [d3.id, d2.id]
        assert self.ids(backend, "", kind="collective", sort="newest") == [d3.id, d2.id]

    def test_sort_newest(self, backend):
        d1, d2, d3, _ = self.index(backend, *self.facet_docs())
        assert self.ids(backend, "dien hinh", sort="newest") == [d3.id, d2.id, d1.id]

    def test_paging(self, backend):
        docs = [
            make_doc(
                title=f"Điển hình số {n}",
                published=dt.datetime(2020, 1, 1, tzinfo=ICT) + dt.timedelta(days=n),
            )
            for n in range(7)
        ]
        self.index(backend, *docs)
        first = self.search(backend, "dien hinh", page_size=3)
        assert (first.total, first.pages, len(first.hits)) == (7, 3, 3)
        last = self.search(backend, "dien hinh", page_size=3, page=3)
        assert len(last.hits) == 1
        seen = [
            h.id
            for p in (1, 2, 3)
            for h in self.search(backend, "dien hinh", page_size=3, page=p).hits
        ]
        assert sorted(seen) == sorted(d.id for d in docs)
        beyond = self.search(backend, "dien hinh", page_size=3, page=99)
        assert beyond.hits == [] and beyond.total == 7

    def test_hit_fields(self, backend):
        (d1, *_) = self.index(backend, *self.facet_docs())
        hit = self.search(backend, "điển hình", locality=["chau-doc"]).hits[0]
        assert hit.title == "Điển hình 1"
        assert hit.url == d1.url
        assert hit.campaigns == ["nong-thon-moi"]
        assert hit.locality == "chau-doc"
        assert hit.kind == "individual"
        assert hit.published == d1.published
        assert isinstance(hit.score, float)

    # -- highlights -------------------------------------------------------------

    def test_highlight_marks_folded_matches(self, backend):
        story = make_doc(intro="Câu lạc bộ hiến máu tình nguyện xã Mỹ Bình.")
        self.index(backend, story)
        excerpt = self.search(backend, "hien mau").hits[0].excerpt
        assert "<mark>hiến</mark> <mark>máu</mark>" in excerpt

    def test_highlight_uses_body_when_intro_lacks_words(self, backend):
        body = FILLER * 5 + " Năm 2021, vùng nuôi được cấp chứng nhận ASC. " + FILLER * 5
        self.index(backend, make_doc(intro="Không có từ khóa.", body=body))
        excerpt = self.search(backend, "chứng nhận").hits[0].excerpt
        assert "<mark>chứng</mark> <mark>nhận</mark>" in excerpt
        assert len(excerpt) < 400

    def test_highlight_escapes_html(self, backend):
        self.index(backend, make_doc(intro="Điển hình <script>x()</script> 1 < 2 & nghĩa"))
        excerpt = self.search(backend, "điển hình").hits[0].excerpt
        assert "<script>" not in excerpt
        assert "&lt; 2 &amp; nghĩa" in excerpt

    # -- suggest ----------------------------------------------------------------

    def test_suggest_prefix(self, backend):
        chau_doc = make_doc(title="Châu Đốc vào mùa nước nổi")
        other = make_doc(title="Người dân Châu Phú đổi đời")
        ntm = make_doc(title="Xây dựng nông thôn mới kiểu mẫu")
        self.index(backend, chau_doc, other, ntm)
        assert [s.title for s in backend.suggest("chau d")][0] == chau_doc.title
        assert [s.title for s in backend.suggest("nong th")] == [ntm.title]
        assert [s.url for s in backend.suggest("NÔNG TH")] == [ntm.url]
        assert backend.suggest("") == []
        assert backend.suggest("zzz") == []

    def test_suggest_marked_prefix_is_strict(self, backend):
        hong = make_doc(title="Nữ hộ sinh Đàm Thị Hồng Nhung")
        hon = make_doc(title="Đàm Thị Hơn nuôi cá")
        self.index(backend, hong, hon)
        assert [s.title for s in backend.suggest("Đàm Thị Hồ")] == [hong.title]
        assert {s.title for s in backend.suggest("dam thi ho")} == {hong.title, hon.title}

    def test_suggest_limit(self, backend):
        self.index(backend, *(make_doc(title=f"Điển hình số {n}") for n in range(12)))
        assert len(backend.suggest("dien h")) == 8
        assert len(backend.suggest("dien h", limit=3)) == 3
