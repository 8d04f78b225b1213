"""What the Elasticsearch backend sends: mapping, analyzers, queries, bulk actions, alias swaps.

No server is needed: request bodies are pure functions of the reader's request,
and the backend talks to :mod:`tests.search.es_fake` through the real client.
"""

import json
import unicodedata

import pytest
from django.core.exceptions import ImproperlyConfigured

from exemplars_search import backends
from exemplars_search.backends import elasticsearch as es
from exemplars_search.backends.base import BackendUnavailable
from exemplars_search.documents import Facet
from exemplars_search.query import SearchRequest

from .behaviour import HOSTILE, make_doc
from .es_fake import URL, FakeCluster

FOLDED = ["title.folded^3", "intro.folded^2", "body.folded^1"]
DFOLD = ["title^3", "intro^2", "body^1"]


def body(q="", **params) -> dict:
    return es.build_search(SearchRequest(q=q, **params)).to_dict()


def walk(node):
    """Every (key, value) pair anywhere in a request body."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield k, v
            yield from walk(v)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def multi_matches(node) -> list[dict]:
    return [v for k, v in walk(node) if k == "multi_match"]


def required(b: dict) -> list[dict]:
    """The required clauses of the text query."""
    return b["query"]["bool"]["must"][0]["bool"]["must"]


@pytest.fixture
def cluster():
    return FakeCluster()


@pytest.fixture
def backend(cluster):
    return es.ElasticsearchSearchBackend(
        {"ELASTICSEARCH_URL": URL, "INDEX": "stories", "CLIENT_OPTIONS": cluster.client_options()}
    )


# -- the index definition ----------------------------------------------------------


def test_analyzers_fold_d_and_marks_with_core_parts_only():
    analysis = es.index_body()["settings"]["analysis"]
    analyzers = analysis["analyzer"]
    assert analysis["char_filter"]["vi_d"] == {
        "type": "mapping",
        "mappings": ["đ => d", "Đ => D"],
    }
    # Words split exactly like exemplars_search.text.words: letters and digits.
    assert analysis["tokenizer"]["vi_words"] == {"type": "pattern", "pattern": r"[^\p{L}\p{N}]+"}
    assert analyzers["vi_fold"]["filter"] == ["lowercase", "asciifolding"]
    # đ first, then the spelling rules of vietnamese.tones (core filters only).
    spelling = [n for n in analysis["char_filter"] if n.startswith("vi_spelling_")]
    assert {analysis["char_filter"][n]["type"] for n in spelling} == {"mapping", "pattern_replace"}
    assert analyzers["vi_fold"]["char_filter"] == ["vi_d", *spelling]
    # dfold keeps vowel marks: "lụa" must not become "lúa".
    assert analyzers["vi_dfold"]["filter"] == ["lowercase"]
    assert analyzers["vi_dfold"]["char_filter"] == ["vi_d", *spelling]
    assert analysis["filter"]["vi_edge"] == {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}
    assert analyzers["vi_autocomplete"]["filter"] == ["lowercase", "asciifolding", "vi_edge"]
    assert analyzers["vi_autocomplete_dfold"]["filter"] == ["lowercase", "vi_edge"]
    used = {v for k, v in walk(analysis) if k in ("tokenizer", "type") and isinstance(v, str)}
    assert "icu_tokenizer" not in used and "icu_normalizer" not in used


def test_mapping_has_exact_folded_and_autocomplete_fields():
    mappings = es.index_body()["mappings"]
    props = mappings["properties"]
    assert mappings["dynamic"] == "strict"
    title = props["title"]
    assert title["analyzer"] == "vi_dfold"
    assert title["fields"]["folded"] == {"type": "text", "analyzer": "vi_fold"}
    # Both sides fold; only the indexed side is cut into n-grams.
    assert title["fields"]["autocomplete"] == {
        "type": "text",
        "analyzer": "vi_autocomplete",
        "search_analyzer": "vi_fold",
    }
    assert title["fields"]["autocomplete_dfold"]["search_analyzer"] == "vi_dfold"
    for name in ("intro", "body"):
        assert props[name]["analyzer"] == "vi_dfold"
        assert props[name]["fields"]["folded"]["index_options"] == "offsets"
    for name in ("campaigns", "campaign_facets", "locality_facet", "localities", "kind"):
        assert props[name]["type"] == "keyword"
    assert props["year"]["type"] == "integer"
    assert props["live"]["type"] == "boolean"


def test_index_settings_while_loading():
    settings = es.index_body(replicas=2, loading=True)["settings"]
    assert settings["refresh_interval"] == "-1"
    assert settings["number_of_replicas"] == 0
    assert es.index_body(replicas=2)["settings"]["number_of_replicas"] == 2


# -- queries ------------------------------------------------------------------------


def test_unmarked_words_match_folded_fields():
    must = required(body("Dien HINH"))
    assert [m["multi_match"]["query"] for m in must] == ["dien", "hinh"]
    assert all(m["multi_match"]["fields"] == FOLDED for m in must)
    assert all(m["multi_match"]["operator"] == "and" for m in must)


def test_marked_words_match_dfold_fields_with_d_mapped():
    must = required(body("Điển hình"))
    assert [m["multi_match"]["query"] for m in must] == ["diển", "hình"]
    assert all(m["multi_match"]["fields"] == DFOLD for m in must)


def test_nfd_query_sends_the_nfc_body():
    assert body(unicodedata.normalize("NFD", "Châu Đốc")) == body("Châu Đốc")


def test_only_live_documents():
    assert body("x")["query"]["bool"]["filter"] == [{"term": {"live": True}}]
    assert body("")["query"]["bool"]["filter"] == [{"term": {"live": True}}]
    suggest = es.build_suggest("x").to_dict()
    assert suggest["query"]["bool"]["filter"] == [{"term": {"live": True}}]


def test_quoted_phrases():
    (strict,) = required(body('"đường quê"'))
    assert strict["multi_match"] == {
        "query": "dường quê",
        "fields": DFOLD,
        "type": "phrase",
        "boost": 1.0,
    }
    (folded,) = required(body('"duong que"'))
    assert folded["multi_match"]["fields"] == FOLDED
    assert folded["multi_match"]["type"] == "phrase"
    # Mixed: adjacency folded, and the marked word as typed.
    (mixed,) = required(body('"đường que"'))
    phrase, word = mixed["bool"]["must"]
    assert phrase["multi_match"]["query"] == "duong que"
    assert phrase["multi_match"]["type"] == "phrase"
    assert word["multi_match"] == {"query": "dường", "fields": DFOLD, "operator": "and"}


def test_exclusions_are_folded_and_phrased():
    b = body("cá -tra -ma túy")
    must_not = b["query"]["bool"]["must"][0]["bool"]["must_not"]
    assert must_not[0]["multi_match"]["query"] == "tra"
    assert must_not[0]["multi_match"]["fields"] == FOLDED
    assert must_not[1]["multi_match"]["query"] == "ma tuy"
    assert must_not[1]["multi_match"]["type"] == "phrase"


def test_only_exclusions_lists_the_rest_newest_first():
    b = body("-tra")
    assert "must" not in b["query"]["bool"]
    assert b["query"]["bool"]["must_not"][0]["multi_match"]["query"] == "tra"
    assert b["sort"] == [{"published": "desc"}, {"id": "desc"}]


def test_adjacent_words_are_lifted_by_phrase_clauses():
    should = body("nông thôn mới")["query"]["bool"]["must"][0]["bool"]["should"]
    phrases = [(c["multi_match"]["query"], c["multi_match"]["boost"]) for c in should]
    assert phrases == [("nong thon moi", 3), ("nong thon", 1.0), ("thon moi", 1.0)]
    assert all(c["multi_match"]["type"] == "phrase" for c in should)


def test_title_above_intro_above_body():
    (clause,) = required(body("thổ"))
    assert clause["multi_match"]["fields"] == ["title^3", "intro^2", "body^1"]


def test_loosened_search_folds_marked_words_and_prefers_them_as_typed():
    b = es.build_search(SearchRequest(q="lụa"), loose=True).to_dict()
    (must,) = required(b)
    assert must["multi_match"]["query"] == "lua"
    assert must["multi_match"]["fields"] == FOLDED
    (bonus,) = b["query"]["bool"]["must"][0]["bool"]["should"]
    assert bonus["multi_match"]["query"] == "lụa"
    assert bonus["multi_match"]["fields"] == DFOLD


def test_filters_narrow_hits_but_each_facet_keeps_its_own_values():
    b = body("điển hình", campaign=["nong-thon-moi"], kind="collective", locality=["an-giang"])
    post = b["post_filter"]["bool"]["filter"]
    assert {"terms": {"campaigns": ["nong-thon-moi"]}} in post
    assert {"terms": {"kind": ["collective"]}} in post
    # A locality filter finds stories anywhere in its lineage.
    assert {"terms": {"localities": ["an-giang"]}} in post
    campaign = b["aggs"]["campaign"]
    assert {"terms": {"campaigns": ["nong-thon-moi"]}} not in campaign["filter"]["bool"]["filter"]
    assert {"terms": {"kind": ["collective"]}} in campaign["filter"]["bool"]["filter"]
    assert campaign["aggs"]["values"]["terms"]["field"] == "campaign_facets"
    kind = b["aggs"]["kind"]
    assert {"terms": {"kind": ["collective"]}} not in kind["filter"]["bool"]["filter"]
    assert b["aggs"]["locality"]["aggs"]["values"]["terms"]["field"] == "locality_facet"
    assert set(b["aggs"]) == {"campaign", "locality", "field", "kind", "year"}
    # Filters never reach the scoring query, only the post filter.
    assert "terms" not in json.dumps(b["query"])


def test_no_filters_means_no_post_filter_and_plain_facets():
    b = body("điển hình", year=None)
    assert "post_filter" not in b
    assert b["aggs"]["year"]["filter"] == {"match_all": {}}
    assert "aggs" not in body("x", facets=False)


def test_highlight_on_folded_subfields_with_marks():
    h = body("hien mau")["highlight"]
    assert set(h["fields"]) == {"intro.folded", "body.folded"}
    assert h["pre_tags"] == ["<mark>"] and h["post_tags"] == ["</mark>"]
    assert h["encoder"] == "html"
    assert h["number_of_fragments"] == 1
    queries = {
        (field, m["query"] if isinstance(m, dict) else m)
        for k, v in walk(h["highlight_query"])
        if k == "match"
        for field, m in v.items()
    }
    assert queries == {
        ("intro.folded", "hien"),
        ("body.folded", "hien"),
        ("intro.folded", "mau"),
        ("body.folded", "mau"),
    }
    assert "highlight" not in body("hien mau", highlight=False)
    assert "highlight" not in body("")


def test_sort_and_paging():
    b = body("x", page=3, page_size=10)
    assert (b["from"], b["size"]) == (20, 10)
    assert b["sort"][0] == "_score"
    assert body("x", sort="newest")["sort"][0] == {"published": "desc"}
    assert b["track_total_hits"] is True
    # Past the cluster's result window: totals and facets, no hits, no error.
    far = body("x", page=2000, page_size=10)
    assert (far["from"], far["size"]) == (0, 0)
    assert "body" in b["_source"]["excludes"]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_input_never_becomes_query_syntax(q):
    for b in (body(q), es.build_search(SearchRequest(q=q), loose=True).to_dict()):
        keys = {k for k, _ in walk(b)}
        assert not keys & {"query_string", "simple_query_string", "regexp", "wildcard", "fuzzy"}
        sent = json.dumps(b, ensure_ascii=False)
        assert "\x00" not in sent and "\\u0000" not in sent
        for mm in multi_matches(b):
            assert mm["query"].replace(" ", "").isalnum()
    s = es.build_suggest(q)
    if s is not None:
        assert "query_string" not in json.dumps(s.to_dict())


# -- suggest --------------------------------------------------------------------


def suggest_matches(q, **kw):
    b = es.build_suggest(q, **kw).to_dict()
    return [next(iter(m["match"].items())) for m in b["query"]["bool"]["must"]]


def test_suggest_last_word_is_a_folded_prefix():
    assert suggest_matches("nong th") == [
        ("title.folded", {"query": "nong"}),
        ("title.autocomplete", "th"),
    ]
    b = es.build_suggest("nong th", limit=3).to_dict()
    assert b["size"] == 3
    assert b["_source"] == ["title", "url"]
    (in_order,) = b["query"]["bool"]["should"]
    assert in_order["match_phrase_prefix"]["title.folded"]["query"] == "nong th"


def test_suggest_marked_words_are_strict_unless_loose():
    assert suggest_matches("Đàm Thị Hồ") == [
        ("title", {"query": "dàm"}),
        ("title", {"query": "thị"}),
        ("title.autocomplete_dfold", "hồ"),
    ]
    assert suggest_matches("Đàm Thị Hồ", loose=True) == [
        ("title.folded", {"query": "dam"}),
        ("title.folded", {"query": "thi"}),
        ("title.autocomplete", "ho"),
    ]


def test_suggest_empty_and_overlong():
    assert es.build_suggest("") is None
    assert es.build_suggest('" - * (') is None
    (_field, prefix) = suggest_matches("x" * 500)[-1]
    assert prefix == "x" * 20


# -- talking to a cluster ----------------------------------------------------------------


def test_first_write_creates_an_index_behind_the_alias(backend, cluster):
    backend.index([make_doc(title="Điển hình")])
    head, create, alias, check, bulk = cluster.requests[:5]
    assert (head.method, head.path) == ("HEAD", "/_alias/stories")
    assert create.method == "PUT" and create.path.startswith("/stories-")
    assert create.body["settings"]["analysis"]["analyzer"]["vi_fold"]
    assert alias.body == {"actions": [{"add": {"index": create.path[1:], "alias": "stories"}}]}
    assert (check.method, check.path) == ("GET", "/_alias/stories")
    assert (bulk.path, bulk.params["require_alias"]) == ("/stories/_bulk", "true")
    # Later writes do not check again.
    backend.index([make_doc()])
    assert len(cluster.calls("PUT", "/stories-")) == 1


def test_bulk_actions(backend, cluster):
    doc = make_doc(
        title=unicodedata.normalize("NFD", "Điển hình Châu Đốc"),
        campaigns=[Facet("nong-thon-moi", "Nông thôn mới")],
        locality=Facet("chau-doc", "Châu Đốc"),
        localities=["chau-doc", "an-giang"],
    )
    gone = make_doc(live=False)
    assert backend.index([doc, gone]) == 1
    (bulk,) = cluster.calls(path_part="_bulk")
    assert bulk.params["refresh"] == "wait_for"
    meta, source, delete = bulk.body
    assert meta["index"]["_id"] == doc.id
    assert meta["index"]["version_type"] == "external"
    assert isinstance(meta["index"]["version"], int)
    assert source["title"] == "Điển hình Châu Đốc"  # sent NFC
    assert source["campaigns"] == ["nong-thon-moi"]
    assert source["campaign_facets"] == ["nong-thon-moi|Nông thôn mới"]
    assert source["locality_facet"] == "chau-doc|Châu Đốc"
    assert source["year"] == 2024 and source["live"] is True
    # Not live: removed, never stored.
    assert delete == {
        "delete": {"_id": gone.id, "version": meta["index"]["version"], "version_type": "external"}
    }
    assert set(cluster.docs("stories")) == {doc.id}


def test_versions_refuse_a_stale_write(backend, cluster):
    doc = make_doc(title="Tên mới")
    backend.index([doc], versions={doc.id: 200})
    doc.title = "Tên cũ"
    backend.index([doc], versions={doc.id: 100})  # a replay of an older change: ignored
    assert cluster.docs("stories")[doc.id]["title"] == "Tên mới"
    assert cluster.versions("stories")[doc.id] == 200


def test_delete_ignores_unknown_ids(backend, cluster):
    doc = make_doc()
    backend.index([doc])
    backend.delete([doc.id, 999_999])
    assert cluster.docs("stories") == {}
    assert backend.count() == 0


def test_rebuild_fills_a_new_index_then_swaps_the_alias(backend, cluster):
    backend.index([make_doc(title="Bài cũ")])
    (old,) = cluster.aliases["stories"]
    cluster.requests.clear()
    seen = []
    docs = [make_doc(title=f"Bài mới {n}") for n in range(3)] + [make_doc(live=False)]
    assert backend.rebuild(iter(docs), progress=seen.append) == 3
    assert sum(seen) == 3
    steps = [(r.method, r.path) for r in cluster.requests]
    (new,) = cluster.aliases["stories"]
    assert new != old
    assert steps == [
        ("GET", "/_alias/stories"),
        ("GET", "/stories-*"),
        ("PUT", f"/{new}"),
        ("PUT", f"/{new}/_bulk"),
        ("PUT", f"/{new}/_settings"),
        ("POST", f"/{new}/_refresh"),
        ("POST", "/_aliases"),
        ("DELETE", f"/{old}"),
    ]
    create, bulk, settings = cluster.requests[2], cluster.requests[3], cluster.requests[4]
    assert create.body["settings"]["refresh_interval"] == "-1"
    assert bulk.params["require_alias"] == "false"
    assert settings.body["index"]["refresh_interval"] == "1s"
    # One atomic step: readers see the old index or the new, never none.
    swap = cluster.calls("POST", "/_aliases")[0].body["actions"]
    assert swap == [
        {"add": {"index": new, "alias": "stories"}},
        {"remove": {"index": old, "alias": "stories"}},
    ]
    assert {d["title"] for d in cluster.docs("stories").values()} == {
        "Bài mới 0",
        "Bài mới 1",
        "Bài mới 2",
    }
    assert old not in cluster.indices


def test_rebuild_after_an_interruption_removes_half_built_indices(backend, cluster):
    cluster.indices["stories-20240101000000000000"] = {"docs": {}, "settings": {}, "mappings": {}}
    cluster.indices["stories-archive"] = {"docs": {}, "settings": {}, "mappings": {}}
    backend.rebuild(iter([make_doc()]))
    assert "stories-20240101000000000000" not in cluster.indices
    assert "stories-archive" in cluster.indices  # not one of ours


def test_rebuild_replaces_an_index_squatting_on_the_alias_name(backend, cluster):
    cluster.indices["stories"] = {"docs": {"1": (None, {"id": 1})}, "settings": {}, "mappings": {}}
    backend.rebuild(iter([make_doc()]))
    swap = cluster.calls("POST", "/_aliases")[0].body["actions"]
    assert swap[-1] == {"remove_index": {"index": "stories"}}
    assert "stories" in cluster.aliases


def answer(hits, total=None, aggregations=None):
    return {
        "hits": {"total": {"value": len(hits) if total is None else total}, "hits": hits},
        "aggregations": aggregations or {},
    }


def hit(id_, score=1.5, **highlight):
    return {
        "_id": str(id_),
        "_score": score,
        "_source": {
            "id": id_,
            "title": f"Điển hình {id_}",
            "intro": "Một <b>tấm</b> gương điển hình.",
            "url": f"/dien-hinh/{id_}/",
            "published": "2024-05-01T08:00:00+07:00",
            "campaigns": ["nong-thon-moi"],
            "locality": "chau-doc",
            "field": None,
            "kind": "individual",
            "exemplar": "Nguyễn Văn A",
        },
        "highlight": highlight,
    }


def test_search_reads_hits_facets_and_excerpts(backend, cluster):
    backend.index([make_doc()])
    aggs = {
        "campaign": {
            "values": {"buckets": [{"key": "nong-thon-moi|Nông thôn mới", "doc_count": 2}]}
        },
        "kind": {"values": {"buckets": [{"key": "collective", "doc_count": 1}]}},
        "year": {"values": {"buckets": [{"key": 2024, "doc_count": 2}]}},
    }
    cluster.search_answer = lambda b: answer(
        [
            hit(1, **{"body.folded": ["… <mark>điển</mark> hình"]}),
            hit(2, score=None, **{"intro.folded": ["Một gương"]}),
        ],
        total=42,
        aggregations=aggs,
    )
    r = backend.search(SearchRequest(q="dien"))
    assert (r.total, r.loosened, r.backend) == (42, False, "elasticsearch")
    first, second = r.hits
    assert first.excerpt == "… <mark>điển</mark> hình"
    assert first.campaigns == ["nong-thon-moi"] and first.locality == "chau-doc"
    assert first.published.isoformat() == "2024-05-01T08:00:00+07:00"
    # No fragment holds a match: the intro's start, escaped and marked in Python.
    assert second.excerpt == "Một &lt;b&gt;tấm&lt;/b&gt; gương <mark>điển</mark> hình."
    assert second.score == 0.0
    facets = {k: [(v.value, v.label, v.count) for v in vs] for k, vs in r.facets.items()}
    assert facets["campaign"] == [("nong-thon-moi", "Nông thôn mới", 2)]
    assert facets["kind"] == [("collective", "Tập thể", 1)]
    assert facets["year"] == [("2024", "2024", 2)]
    assert facets["locality"] == []
    (search,) = cluster.calls("POST", "_search")
    assert search.path == "/stories/_search"


def test_nothing_strict_retries_folded(backend, cluster):
    backend.index([make_doc()])
    answers = iter([answer([]), answer([hit(7)])])
    cluster.search_answer = lambda b: next(answers)
    r = backend.search(SearchRequest(q="lụa"))
    assert r.loosened is True and [h.id for h in r.hits] == [7]
    first, second = (c.body for c in cluster.calls("POST", "_search"))
    assert multi_matches(first)[0]["query"] == "lụa"
    assert multi_matches(second)[0]["query"] == "lua"
    # Unmarked words have nothing to loosen: one request.
    cluster.requests.clear()
    cluster.search_answer = lambda b: answer([])
    backend.search(SearchRequest(q="lua"))
    assert len(cluster.calls("POST", "_search")) == 1


def test_suggest_falls_back_to_folded(backend, cluster):
    backend.index([make_doc()])
    answers = iter([answer([]), answer([hit(3)])])
    cluster.search_answer = lambda b: next(answers)
    assert [s.title for s in backend.suggest("Hồ")] == ["Điển hình 3"]
    assert backend.suggest("") == []


def test_unreachable_cluster_raises_backend_unavailable(backend, cluster):
    cluster.down = True
    for call in (
        lambda: backend.search(SearchRequest(q="x")),
        lambda: backend.suggest("x"),
        lambda: backend.index([make_doc()]),
        lambda: backend.delete([1]),
        lambda: backend.count(),
        lambda: backend.rebuild(iter([make_doc()])),
    ):
        with pytest.raises(BackendUnavailable) as info:
            call()
        assert "unreachable" in str(info.value)
        assert info.value.__cause__ is not None


def test_missing_alias_on_read_is_unavailable(backend):
    with pytest.raises(BackendUnavailable, match="rebuild_search_index"):
        backend.search(SearchRequest(q="x"))


def test_check(backend, cluster):
    with pytest.raises(ImproperlyConfigured, match="rebuild_search_index"):
        backend.check()
    backend.index([make_doc()])
    backend.check()


# -- configuration ---------------------------------------------------------------------


def test_loader_finds_the_backend():
    assert backends.load_backend_class("elasticsearch") is es.ElasticsearchSearchBackend


def test_url_is_required():
    with pytest.raises(ImproperlyConfigured, match="ELASTICSEARCH_URL"):
        es.ElasticsearchSearchBackend({})


def test_missing_client_package_is_a_clear_error(monkeypatch):
    cause = ImportError("No module named 'elasticsearch'")
    monkeypatch.setattr(es, "_IMPORT_ERROR", cause)
    with pytest.raises(ImproperlyConfigured, match="pip install") as info:
        es.ElasticsearchSearchBackend({"ELASTICSEARCH_URL": URL})
    assert info.value.__cause__ is cause


def test_two_processes_creating_the_first_index_leave_one(backend, cluster):
    # Another process added its index to the alias between our check and our add.
    cluster.indices["stories-00000000000000000000"] = {"docs": {}, "settings": {}, "mappings": {}}
    original = cluster._update_aliases

    def racing(actions):
        cluster.aliases.setdefault("stories", set()).add("stories-00000000000000000000")
        return original(actions)

    cluster._update_aliases = racing
    backend.index([make_doc()])
    assert cluster.aliases["stories"] == {"stories-00000000000000000000"}
    assert list(cluster.indices) == ["stories-00000000000000000000"]


def test_an_overloaded_cluster_is_unavailable_not_broken(backend, cluster):
    backend.index([make_doc()])
    cluster.overloaded = True
    with pytest.raises(BackendUnavailable, match="rejected 1 writes"):
        backend.index([make_doc()])
    cluster.overloaded = False
    cluster.reject_ids = {4242}
    with pytest.raises(RuntimeError, match="refused 1 documents"):
        backend.index([make_doc(id=4242)])


def test_rebuild_bulks_wait_longer_than_a_reader(cluster):
    # A reader's 5 s timeout aborted a 100,000-story rebuild on a cold, busy node.
    backend = es.ElasticsearchSearchBackend(
        {
            "ELASTICSEARCH_URL": URL,
            "INDEX": "stories",
            "TIMEOUT": 5,
            "BULK_TIMEOUT": 90,
            "CLIENT_OPTIONS": cluster.client_options(),
        }
    )
    backend.rebuild(iter([make_doc(), make_doc()]))
    backend.index([make_doc()])
    bulks = [(path, timeout) for method, path, timeout in cluster.timeouts if "_bulk" in path]
    rebuild_bulk, edit_bulk = bulks
    assert rebuild_bulk[1] == 90
    assert edit_bulk == ("/stories/_bulk", 5)
