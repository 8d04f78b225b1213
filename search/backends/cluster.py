"""What the Elasticsearch and OpenSearch backends share: the index, the queries, the answers.

Both clusters speak the same JSON for everything this backend does, but each
official client refuses the other product, so the backends differ only in
their client calls (``elasticsearch.py``, ``opensearch.py``); mappings,
analyzers, query bodies, the alias lifecycle and the reading of answers live
here, in :class:`ClusterSearchBackend`.

Neither cluster has a Vietnamese analyzer, and ICU (which would NFC-normalise
server-side) is a plugin most clusters lack, so text is NFC-normalised in
Python before it is sent and analysed with custom analyzers built from the
analysis-common parts every distribution ships:

* ``vi_dfold`` on the main field: lower-case, đ→d, other marks kept;
* ``vi_fold`` on the ``.folded`` subfield: lower-case and ASCII folding (which
  maps đ→d and strips every vowel mark);
* ``vi_autocomplete`` on the ``.autocomplete`` subfield of the title: folded
  edge n-grams at index time, searched with ``vi_fold`` so both sides fold
  (``.autocomplete_dfold`` does the same on dfold, for prefixes typed with
  marks).

All split words with the same rule as :func:`exemplars_search.text.words`
(runs of letters and digits), so a Python ``Term`` and an indexed token agree.

Reader input never reaches the cluster as query syntax: queries are built
from parsed terms with ``match``, ``multi_match`` and ``term`` queries only.

Bodies are built with the query DSL that ships inside the installed client:
``elasticsearch.dsl``, or ``opensearchpy``'s fork of the same DSL, which
serialise to the same JSON (``tests/search/test_opensearch_backend.py``
checks it), so an OpenSearch site needs no Elasticsearch package.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable

from django.core.exceptions import ImproperlyConfigured

from ..documents import SearchDocument
from ..query import KIND_LABELS, FacetValue, Hit, SearchRequest, SearchResults, Suggestion
from ..text import ParsedQuery, Term, highlight, nfc, words
from ..vietnamese import tones
from .base import BackendUnavailable, BaseSearchBackend, now_version

try:
    from elasticsearch.dsl import (
        Boolean,
        Date,
        Index,
        Integer,
        Keyword,
        Mapping,
        Q,
        Search,
        Text,
        analyzer,
        char_filter,
        token_filter,
        tokenizer,
    )
except ImportError:  # an OpenSearch-only install
    try:
        from opensearchpy import (
            Boolean,
            Date,
            Index,
            Integer,
            Keyword,
            Mapping,
            Q,
            Search,
            Text,
            analyzer,
            char_filter,
            token_filter,
            tokenizer,
        )
    except ImportError as exc:  # pragma: no cover - exercised only without either client
        DSL_IMPORT_ERROR: ImportError | None = exc
    else:
        DSL_IMPORT_ERROR = None
else:
    DSL_IMPORT_ERROR = None

logger = logging.getLogger(__name__)

FIELD_BOOSTS = {"title": 3, "intro": 2, "body": 1}
EXCERPT_CHARS = 240
MAX_SUGGEST_CHARS = 200
MAX_SUGGEST_WORDS = 8
# Every value, as the database backends give: a merged province has over a hundred
# communes, and readers pick filters from this list.
FACET_SIZE = 1000
AUTOCOMPLETE_MAX_GRAM = 20
# Both clusters refuse from + size beyond index.max_result_window.
MAX_RESULT_WINDOW = 10_000
# Statuses meaning "the cluster cannot take this now", as opposed to a bad request.
UNAVAILABLE_STATUSES = {429, 502, 503, 504}
# Bulk item statuses that are not failures: a newer version already stored
# (409, external versioning) and deleting what is not there (404).
IGNORED_BULK_STATUSES = (404, 409)
FACET_FIELDS = {
    "campaign": "campaign_facets",
    "locality": "locality_facet",
    "field": "field_facet",
    "kind": "kind",
    "year": "year",
}
FILTER_FIELDS = {
    "campaign": "campaigns",
    # A filter on a locality finds stories filed anywhere in its lineage.
    "locality": "localities",
    "field": "field",
    "kind": "kind",
    "year": "year",
}
# Joins a facet slug to its label in one keyword, so an aggregation bucket
# carries both; slugs never contain it.
FACET_SEP = "|"
# Added to a story matching the reader's literal words when the query has other
# readings: above anything the scoring clauses reach.
LITERAL_BONUS = 1000.0


# --- Index definition ---------------------------------------------------------


def analysis():
    """The analyzers, built from analysis-common parts only (no ICU or other plugins)."""
    vi_words = tokenizer("vi_words", "pattern", pattern=r"[^\p{L}\p{N}]+")
    # đ→d, then the spelling rules of vietnamese.tones ("hoà" = "hòa", "kỹ" = "kĩ").
    vi_d = [char_filter("vi_d", "mapping", mappings=["đ => d", "Đ => D"])] + [
        char_filter(f"vi_spelling_{i}", **spec)
        for i, spec in enumerate(tones.cluster_char_filters())
    ]
    vi_dfold = analyzer("vi_dfold", tokenizer=vi_words, char_filter=vi_d, filter=["lowercase"])
    # asciifolding maps đ→d by itself; the char filter makes it explicit and
    # keeps both analyzers agreeing on đ.
    vi_fold = analyzer(
        "vi_fold", tokenizer=vi_words, char_filter=vi_d, filter=["lowercase", "asciifolding"]
    )
    edge = token_filter("vi_edge", "edge_ngram", min_gram=1, max_gram=AUTOCOMPLETE_MAX_GRAM)
    vi_autocomplete = analyzer(
        "vi_autocomplete",
        tokenizer=vi_words,
        char_filter=vi_d,
        filter=["lowercase", "asciifolding", edge],
    )
    # Prefixes that keep their marks: "Hồ" completes "Hồng" but not "Hơn".
    vi_autocomplete_dfold = analyzer(
        "vi_autocomplete_dfold", tokenizer=vi_words, char_filter=vi_d, filter=["lowercase", edge]
    )
    return vi_dfold, vi_fold, vi_autocomplete, vi_autocomplete_dfold


def mapping() -> Mapping:
    """Text fields on dfold with a ``.folded`` subfield; keywords for facets."""
    vi_dfold, vi_fold, vi_autocomplete, vi_autocomplete_dfold = analysis()

    def text(*, autocomplete: bool = False, offsets: bool = False) -> Text:
        # Offsets in the postings let the unified highlighter skip re-analysis.
        folded = Text(analyzer=vi_fold, **({"index_options": "offsets"} if offsets else {}))
        fields = {"folded": folded}
        if autocomplete:
            # Edge n-grams at index time only; the typed prefix is folded the
            # same way but not cut into n-grams.
            fields["autocomplete"] = Text(analyzer=vi_autocomplete, search_analyzer=vi_fold)
            fields["autocomplete_dfold"] = Text(
                analyzer=vi_autocomplete_dfold, search_analyzer=vi_dfold
            )
        return Text(analyzer=vi_dfold, fields=fields)

    m = Mapping()
    m.meta("dynamic", "strict")
    m.field("id", Integer())
    m.field("title", text(autocomplete=True))
    m.field("intro", text(offsets=True))
    m.field("body", text(offsets=True))
    m.field("url", Keyword(index=False))
    m.field("published", Date())
    m.field("live", Boolean())
    m.field("kind", Keyword())
    m.field("exemplar", Keyword(index=False))
    m.field("campaigns", Keyword())
    m.field("campaign_facets", Keyword())
    m.field("locality", Keyword())
    m.field("locality_facet", Keyword())
    m.field("localities", Keyword())
    m.field("field", Keyword())
    m.field("field_facet", Keyword())
    m.field("year", Integer())
    return m


def index_body(*, shards: int = 1, replicas: int = 0, loading: bool = False) -> dict:
    """The settings and mappings a new index is created with."""
    idx = Index("_")
    settings = {"number_of_shards": shards, "number_of_replicas": 0 if loading else replicas}
    if loading:
        # A rebuild refreshes once at the end instead of every second.
        settings["refresh_interval"] = "-1"
    idx.settings(**settings)
    idx.mapping(mapping())
    return idx.to_dict()


def facet_key(slug: str, label: str) -> str:
    return f"{slug}{FACET_SEP}{label}"


def document_source(doc: SearchDocument) -> dict:
    """The JSON body of one document; every text NFC before it leaves Python."""
    return {
        "id": doc.id,
        "title": nfc(doc.title),
        "intro": nfc(doc.intro),
        "body": nfc(doc.body),
        "url": doc.url,
        "published": doc.published.isoformat(),
        "live": bool(doc.live),
        "kind": doc.kind,
        "exemplar": doc.exemplar,
        "campaigns": [c.slug for c in doc.campaigns],
        "campaign_facets": [facet_key(c.slug, nfc(c.label)) for c in doc.campaigns],
        "locality": doc.locality.slug if doc.locality else None,
        "locality_facet": (
            facet_key(doc.locality.slug, nfc(doc.locality.label)) if doc.locality else None
        ),
        "localities": list(doc.localities),
        "field": doc.field.slug if doc.field else None,
        "field_facet": facet_key(doc.field.slug, nfc(doc.field.label)) if doc.field else None,
        "year": doc.year,
    }


# --- Queries --------------------------------------------------------------------


def fields(folded: bool) -> list[str]:
    suffix = ".folded" if folded else ""
    return [f"{name}{suffix}^{boost}" for name, boost in FIELD_BOOSTS.items()]


def word_query(term: Term, *, loose: bool = False):
    """One required word: marked words on the dfold fields, unless loosened."""
    if term.strict and not loose:
        return Q("multi_match", query=term.dfold, fields=fields(False), operator="and")
    return Q("multi_match", query=term.fold, fields=fields(True), operator="and")


def phrase_query(terms: list[Term], *, folded: bool = True, boost: float = 1.0, **kw):
    text = " ".join(t.fold if folded else t.dfold for t in terms)
    return Q("multi_match", query=text, fields=fields(folded), type="phrase", boost=boost, **kw)


def group_query(terms: list[Term], *, loose: bool = False):
    """A required group: one word, or a quoted phrase whose words are adjacent."""
    if len(terms) == 1:
        return word_query(terms[0], loose=loose)
    strict = [] if loose else [t for t in terms if t.strict]
    if not strict:
        return phrase_query(terms)
    if len(strict) == len(terms):
        return phrase_query(terms, folded=False)
    # A phrase mixing marked and unmarked words: adjacency on the folded
    # fields, and each marked word must also be there as typed.
    return Q("bool", must=[phrase_query(terms), *(word_query(t) for t in strict)])


def excluded_query(terms: list[Term]):
    """An excluded group, in any accent form."""
    if len(terms) == 1:
        return Q("multi_match", query=terms[0].fold, fields=fields(True), operator="and")
    return phrase_query(terms)


def ranking_clauses(parsed: ParsedQuery, *, loose: bool = False) -> list:
    """Optional clauses that lift better matches without changing which match.

    The reader's words adjacent and in order (the whole query, then each
    pair) rank above scattered ones; in a loosened search the words as typed,
    marks included, rank above lookalikes that only match folded.
    """
    terms = parsed.terms
    out = []
    if len(terms) > 1:
        out.append(phrase_query(terms, boost=3))
    if len(terms) > 2:
        out.extend(phrase_query(terms[i : i + 2]) for i in range(len(terms) - 1))
    for t in terms:
        if loose and t.strict:
            out.append(Q("multi_match", query=t.dfold, fields=fields(False), boost=0.5))
    return out


def text_query(parsed: ParsedQuery, *, loose: bool = False):
    """The scoring query for a non-empty reader query; filters are added apart.

    With other readings (abbreviations, Telex) a story matching any one
    matches; one matching the literal reading gets a bonus above any score
    the others reach, so the words as typed rank first.
    """
    if not parsed.variants:
        return _text_query(parsed, loose=loose)
    literal = Q("bool", must=[group_query(g, loose=loose) for g in parsed.groups])
    return Q(
        "bool",
        must=[
            Q(
                "bool",
                should=[_text_query(r, loose=loose) for r in parsed.readings],
                minimum_should_match=1,
            )
        ],
        should=[Q("constant_score", filter=literal, boost=LITERAL_BONUS)],
    )


def _text_query(parsed: ParsedQuery, *, loose: bool = False):
    return Q(
        "bool",
        must=[group_query(g, loose=loose) for g in parsed.groups],
        should=ranking_clauses(parsed, loose=loose),
        must_not=[excluded_query(g) for g in parsed.excluded],
    )


def filter_queries(filters: dict) -> list:
    out = []
    for name, values in filters.items():
        out.append(Q("terms", **{FILTER_FIELDS[name]: list(values)}))
    return out


def highlight_query(parsed: ParsedQuery):
    """What the excerpt marks: each word (of every reading) folded, on the folded subfields."""
    clauses = [
        Q("match", **{f"{name}.folded": t.fold})
        for t in parsed.all_terms
        for name in ("intro", "body")
    ]
    return Q("bool", should=clauses)


def build_search(request: SearchRequest, *, loose: bool = False, index: str = "_") -> Search:
    """The whole request body for one reader request (a pure function, tested as such)."""
    parsed = request.parsed
    s = Search(index=index).extra(track_total_hits=True)
    base = [Q("term", live=True)]
    if parsed:
        s = s.query(Q("bool", must=[text_query(parsed, loose=loose)], filter=base))
    else:
        # Only exclusions ("-tra"), or nothing: every live story but those.
        s = s.query(Q("bool", filter=base, must_not=[excluded_query(g) for g in parsed.excluded]))
    active = request.filters()
    if active:
        # post_filter narrows the hits but not the aggregations, which apply
        # every filter except their own (selecting one campaign still shows
        # the counts of the others).
        s = s.post_filter(Q("bool", filter=filter_queries(active)))
    if request.facets:
        for name, field_name in FACET_FIELDS.items():
            others = filter_queries(request.filters(without=name))
            flt = Q("bool", filter=others) if others else Q("match_all")
            s.aggs.bucket(name, "filter", filter=flt).bucket(
                "values", "terms", field=field_name, size=FACET_SIZE
            )
    if request.sort == "newest" or not parsed:
        s = s.sort({"published": "desc"}, {"id": "desc"})
    else:
        s = s.sort("_score", {"published": "desc"}, {"id": "desc"})
    s = s.source(excludes=["body", "campaign_facets", "locality_facet", "field_facet"])
    if request.highlight and parsed:
        s = s.highlight("intro.folded", "body.folded").highlight_options(
            type="unified",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            fragment_size=EXCERPT_CHARS,
            number_of_fragments=1,
            no_match_size=EXCERPT_CHARS,
            highlight_query=highlight_query(parsed).to_dict(),
        )
    start = request.offset
    if start + request.page_size > MAX_RESULT_WINDOW:
        # Past what the cluster pages through: totals and facets, no hits.
        return s.extra(from_=0, size=0)
    return s.extra(from_=start, size=request.page_size)


def build_suggest(q: str, limit: int = 8, *, loose: bool = False, index: str = "_"):
    """Titles holding the typed words, the last one as a prefix; None when nothing typed.

    Like search, a word typed with marks must match them unless ``loose``.
    """
    terms = [Term(w) for w in words(nfc(q or "")[:MAX_SUGGEST_CHARS])][:MAX_SUGGEST_WORDS]
    if not terms:
        return None
    *complete, last = terms
    must = []
    for t in complete:
        if t.strict and not loose:
            must.append(Q("match", title={"query": t.dfold}))
        else:
            must.append(Q("match", **{"title.folded": {"query": t.fold}}))
    if last.strict and not loose:
        prefix = Q("match", **{"title.autocomplete_dfold": last.dfold[:AUTOCOMPLETE_MAX_GRAM]})
    else:
        prefix = Q("match", **{"title.autocomplete": last.fold[:AUTOCOMPLETE_MAX_GRAM]})
    must.append(prefix)
    # The typed words in order, the last completed, lift "Châu Đốc" above
    # "Châu Phú đổi đời" for "chau d".
    in_order = Q(
        "match_phrase_prefix",
        **{"title.folded": {"query": " ".join(t.fold for t in terms), "boost": 5}},
    )
    query = Q("bool", must=must, should=[in_order], filter=[Q("term", live=True)])
    return (
        Search(index=index)
        .query(query)
        .sort("_score", {"published": "desc"}, {"id": "desc"})
        .source(["title", "url"])
        .extra(size=limit)
    )


# --- Reading answers --------------------------------------------------------------


def split_facet(key: str) -> tuple[str, str]:
    slug, _sep, label = key.partition(FACET_SEP)
    return slug, label or slug


def read_facets(aggregations: dict) -> dict[str, list[FacetValue]]:
    out: dict[str, list[FacetValue]] = {}
    for name in FACET_FIELDS:
        buckets = aggregations.get(name, {}).get("values", {}).get("buckets", [])
        values = []
        for b in buckets:
            key = b["key"]
            if name == "year":
                value = label = str(key)
            elif name == "kind":
                value, label = key, str(KIND_LABELS.get(key, key))
            else:
                value, label = split_facet(key)
            values.append(FacetValue(value=value, label=label, count=b["doc_count"]))
        out[name] = values
    return out


def read_excerpt(hit: dict, parsed: ParsedQuery) -> str:
    """The highlighted fragment with a match, intro before body, else the intro's start."""
    fragments = hit.get("highlight") or {}
    for name in ("intro.folded", "body.folded"):
        for fragment in fragments.get(name, []):
            if "<mark>" in fragment:
                return fragment
    source = hit.get("_source") or {}
    return highlight(source.get("intro") or "", parsed, max_chars=EXCERPT_CHARS)


def read_hit(hit: dict, parsed: ParsedQuery, *, excerpt: bool = True) -> Hit:
    src = hit["_source"]
    return Hit(
        id=int(src["id"]),
        title=src["title"],
        url=src.get("url") or "",
        excerpt=read_excerpt(hit, parsed) if excerpt else "",
        published=dt.datetime.fromisoformat(src["published"]),
        campaigns=list(src.get("campaigns") or []),
        locality=src.get("locality"),
        field=src.get("field"),
        kind=src.get("kind"),
        exemplar=src.get("exemplar"),
        score=float(hit.get("_score") or 0.0),
    )


# --- The backend ------------------------------------------------------------------


class ClusterSearchBackend(BaseSearchBackend):
    """Reader search on a search cluster, read and written through an alias.

    Subclasses make the client and implement the ``_client_*`` calls; this
    class decides what to send. Settings read from ``EXEMPLARS_SEARCH``: the
    URL (``url_setting``), ``INDEX`` (the alias readers use, default
    "exemplars"), ``SHARDS``, ``REPLICAS``, ``TIMEOUT`` (seconds per request),
    ``REFRESH`` (the bulk ``refresh`` parameter for single edits, default
    "wait_for" so a journalist finds a story right after saving it) and
    ``CLIENT_OPTIONS`` (extra keyword arguments for the client: credentials,
    certificates). Connection failures raise :class:`BackendUnavailable`.
    """

    # Lives outside the database: exemplars_search.fallback mirrors it in the
    # database backend and queues changes while it is unreachable.
    remote = True
    supports_versions = True
    product = "the search cluster"
    url_setting = "URL"
    extra = ""
    import_error: ImportError | None = None

    def __init__(self, params: dict | None = None):
        super().__init__(params)
        error = self.import_error or DSL_IMPORT_ERROR
        if error is not None:
            raise ImproperlyConfigured(
                f"The {self.product} search backend needs its client: "
                f"pip install 'exemplars[{self.extra}]'"
            ) from error
        url = self.params.get(self.url_setting) or self.params.get("URL")
        if not url:
            raise ImproperlyConfigured(
                f"The {self.product} search backend needs EXEMPLARS_SEARCH[{self.url_setting!r}]."
            )
        self.alias = self.params.get("INDEX") or "exemplars"
        self.shards = int(self.params.get("SHARDS", 1))
        self.replicas = int(self.params.get("REPLICAS", 0))
        self.refresh_mode = self.params.get("REFRESH", "wait_for")
        # A rebuild's bulk requests carry 500 whole stories each, and the first
        # ones reach a cold node: a reader's timeout would abort the rebuild.
        self.bulk_timeout = float(self.params.get("BULK_TIMEOUT", 120))
        options = {"timeout": float(self.params.get("TIMEOUT", 5)), "max_retries": 1}
        self.client = self.make_client(url, options, self.params.get("CLIENT_OPTIONS") or {})
        self._alias_ready = False

    # What each client does its own way -------------------------------------------

    def make_client(self, url: str, options: dict, extra: dict):
        """The client for ``url``; ``options`` holds timeout and max_retries."""
        raise NotImplementedError

    def unavailable(self, exc: Exception) -> BackendUnavailable | None:
        """The BackendUnavailable a client error means, or None for a real refusal."""
        raise NotImplementedError

    def is_not_found(self, exc: Exception) -> bool:
        """Whether a client error is a 404 (a missing index or alias)."""
        raise NotImplementedError

    def _client_create_index(self, name: str, body: dict) -> None:
        raise NotImplementedError

    def _client_update_aliases(self, actions: list[dict]) -> None:
        raise NotImplementedError

    def _client_put_settings(self, name: str, settings: dict) -> None:
        raise NotImplementedError

    def _client_get_alias(self) -> dict:
        raise NotImplementedError

    def _client_exists_alias(self) -> bool:
        raise NotImplementedError

    def _client_get_indices(self, pattern: str) -> dict:
        raise NotImplementedError

    def _client_exists_index(self, name: str) -> bool:
        raise NotImplementedError

    def _client_delete_index(self, name: str) -> None:
        raise NotImplementedError

    def _client_refresh(self, name: str) -> None:
        raise NotImplementedError

    def _client_count(self) -> dict:
        raise NotImplementedError

    def _client_search(self, body: dict) -> dict:
        raise NotImplementedError

    def _client_bulk(
        self, actions: Iterable[dict], *, index: str, refresh, require_alias: bool, timeout=None
    ):
        """The client's streaming bulk helper: (ok, item) pairs, errors not raised;
        ``timeout`` (seconds) replaces the client's for these requests."""
        raise NotImplementedError

    # Errors ----------------------------------------------------------------------

    def _call(self, fn, *args, **kwargs):
        """Run a client call, turning "cluster unreachable" into BackendUnavailable."""
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            down = self.unavailable(exc)
            if down is not None:
                raise down from exc
            raise

    # Index lifecycle -----------------------------------------------------------

    def new_index_name(self) -> str:
        return f"{self.alias}-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"

    def create_index(self, name: str, *, loading: bool = False) -> None:
        body = index_body(shards=self.shards, replicas=self.replicas, loading=loading)
        self._call(self._client_create_index, name, body)

    def aliased_indices(self) -> list[str]:
        """The concrete indices behind the alias (normally one)."""
        try:
            answer = self._call(self._client_get_alias)
        except Exception as exc:
            if self.is_not_found(exc):
                return []
            raise
        return sorted(answer)

    def ensure_index(self) -> None:
        """Create the first index and its alias, so a write never auto-creates one."""
        if self._alias_ready:
            return
        if not self._call(self._client_exists_alias):
            name = self.new_index_name()
            self.create_index(name)
            self._call(self._client_update_aliases, [{"add": {"index": name, "alias": self.alias}}])
            # Two processes starting at once may both have added an index;
            # the alias must name one, so all but the first step back.
            winner = self.aliased_indices()[0]
            if winner != name:
                self._call(self._client_update_aliases, [{"remove_index": {"index": name}}])
        self._alias_ready = True

    def _bulk(
        self, actions: Iterable[dict], *, index: str, refresh=False, progress=None, timeout=None
    ) -> int:
        """Send actions in chunks; return how many succeeded, raise on real failures."""
        written, failures = 0, []
        # Writes through the alias must never auto-create an index named like
        # it (with a dynamic mapping that folds nothing).
        results = self._client_bulk(
            actions,
            index=index,
            refresh=refresh,
            require_alias=index == self.alias,
            timeout=timeout,
        )
        try:
            for ok, item in results:
                if not ok:
                    ((_op, info),) = item.items()
                    if info.get("status") not in IGNORED_BULK_STATUSES:
                        failures.append(item)
                    continue
                written += 1
                if progress is not None:
                    progress(1)
        except Exception as exc:
            down = self.unavailable(exc)
            if down is not None:
                raise down from exc
            raise
        statuses = {info.get("status") for item in failures for info in item.values()}
        if failures and statuses <= UNAVAILABLE_STATUSES:
            # Rejected for load (429), not for content: worth queueing and retrying.
            raise BackendUnavailable(f"{self.product} rejected {len(failures)} writes: {statuses}")
        if failures:
            raise RuntimeError(f"{self.product} refused {len(failures)} documents: {failures[:3]}")
        return written

    def _actions(self, documents: Iterable[SearchDocument], versions: dict | None, default: int):
        """Bulk actions: live documents indexed, the rest deleted, each with its version."""
        for doc in documents:
            v = (versions or {}).get(doc.id, default)
            if doc.live:
                yield {
                    "_op_type": "index",
                    "_id": doc.id,
                    "version": v,
                    "version_type": "external",
                    "_source": document_source(doc),
                }
            else:
                yield {
                    "_op_type": "delete",
                    "_id": doc.id,
                    "version": v,
                    "version_type": "external",
                }

    def index(self, documents: Iterable[SearchDocument], *, versions: dict | None = None) -> int:
        """Add or replace documents, deleting those not live; return how many were indexed.

        ``versions`` maps a document id to when its state was read (see
        :func:`~exemplars_search.fallback.now_version`); a replayed queue passes
        the time each change was queued. Documents without one get now.
        """
        docs = list(documents)
        if not docs:
            return 0
        self.ensure_index()
        self._bulk(
            self._actions(docs, versions, now_version()),
            index=self.alias,
            refresh=self.refresh_mode,
        )
        return sum(1 for d in docs if d.live)

    def delete(self, ids: Iterable[int], *, versions: dict | None = None) -> None:
        """Remove documents by id; unknown ids are ignored."""
        ids = [int(i) for i in ids]
        if not ids:
            return
        self.ensure_index()
        v = now_version()
        actions = (
            {
                "_op_type": "delete",
                "_id": pk,
                "version": (versions or {}).get(pk, v),
                "version_type": "external",
            }
            for pk in ids
        )
        self._bulk(actions, index=self.alias, refresh=self.refresh_mode)

    def refresh(self) -> None:
        """Make every write so far visible to searches (tests, after a replay)."""
        self._call(self._client_refresh, self.alias)

    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Fill a new index, then swap the alias onto it in one atomic step.

        Readers keep searching the old index until the swap; the old index is
        deleted after. Half-built indices left by an interrupted rebuild are
        removed first, so the command can simply be run again.
        """
        current = self.aliased_indices()
        self._delete_orphans(keep=current)
        name = self.new_index_name()
        self.create_index(name, loading=True)
        live = (doc for doc in documents if doc.live)
        actions = self._actions(live, None, now_version())
        written = self._bulk(actions, index=name, progress=progress, timeout=self.bulk_timeout)
        self._call(
            self._client_put_settings,
            name,
            {"index": {"refresh_interval": "1s", "number_of_replicas": self.replicas}},
        )
        self._call(self._client_refresh, name)
        swap = [{"add": {"index": name, "alias": self.alias}}]
        swap += [{"remove": {"index": old, "alias": self.alias}} for old in current]
        if not current and self._call(self._client_exists_index, self.alias):
            # A concrete index squats on the alias name (auto-created by some
            # earlier write): replace it in the same atomic step.
            swap.append({"remove_index": {"index": self.alias}})
        self._call(self._client_update_aliases, swap)
        self._alias_ready = True
        for old in current:
            self._call(self._client_delete_index, old)
        return written

    def _delete_orphans(self, keep: list[str]) -> None:
        """Delete ``<alias>-*`` indices not behind the alias (interrupted rebuilds)."""
        try:
            found = self._call(self._client_get_indices, f"{self.alias}-*")
        except Exception as exc:
            if self.is_not_found(exc):
                return
            raise
        ours = re.compile(rf"{re.escape(self.alias)}-\d{{20}}")
        for name in sorted(found):
            # Only names this backend makes: another alias may share the prefix.
            if ours.fullmatch(name) and name not in keep:
                logger.info("Deleting the half-built search index %s", name)
                self._call(self._client_delete_index, name)

    def count(self) -> int:
        """How many documents the index holds."""
        try:
            return int(self._call(self._client_count)["count"])
        except Exception as exc:
            if self.is_not_found(exc):
                return 0
            raise

    def check(self) -> None:
        """Raise when the cluster is unreachable or the alias is missing."""
        if not self._call(self._client_exists_alias):
            raise ImproperlyConfigured(
                f"The {self.product} alias {self.alias!r} does not exist yet: "
                "run manage.py rebuild_search_index."
            )

    # Reading ---------------------------------------------------------------------

    def _run(self, s: Search) -> dict:
        try:
            return self._call(self._client_search, s.to_dict())
        except Exception as exc:
            if not self.is_not_found(exc):
                raise
            # Never rebuilt (or the alias was removed): readers are answered
            # from the database until rebuild_search_index has run.
            raise BackendUnavailable(
                f"The {self.product} alias {self.alias!r} does not exist: "
                "run manage.py rebuild_search_index"
            ) from exc

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a reader request: hits for the page, total, facets, excerpts."""
        answer, loosened = self._run(build_search(request, index=self.alias)), False
        total = answer["hits"]["total"]["value"]
        if not total and any(t.strict for t in request.parsed.all_terms):
            answer, loosened = self._run(build_search(request, loose=True, index=self.alias)), True
            total = answer["hits"]["total"]["value"]
        return SearchResults(
            query=request.q,
            total=total,
            page=request.page,
            page_size=request.page_size,
            hits=[
                read_hit(h, request.parsed, excerpt=request.highlight)
                for h in answer["hits"]["hits"]
            ],
            facets=read_facets(answer.get("aggregations") or {}) if request.facets else {},
            loosened=loosened,
            backend=self.name,
        )

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]:
        """Titles holding the typed words, folded, the last one as a prefix."""
        s = build_suggest(q, limit, index=self.alias)
        if s is None:
            return []
        hits = self._run(s)["hits"]["hits"]
        if not hits and any(t.strict for t in map(Term, words(nfc(q)))):
            hits = self._run(build_suggest(q, limit, loose=True, index=self.alias))["hits"]["hits"]
        return [
            Suggestion(title=h["_source"]["title"], url=h["_source"].get("url") or "") for h in hits
        ]
