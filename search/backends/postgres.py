"""PostgreSQL full-text search backend.

One table holds each story's display fields, its facet values and one
weighted ``tsvector``. The vector is built here in Python rather than by
``to_tsvector``: every word is stored in both its ``dfold`` form ("diển") and
its ``fold`` form ("dien") *at the same position*, so one GIN index serves
strict and folded words alike, and a phrase that mixes a marked word with an
unmarked one ("điển hinh") is still checked for adjacency with ``<->``.
Building it here also means PostgreSQL's parser never re-tokenises text our
Python tokeniser already split (it drops "²" from "x²", for instance), so
documents, queries and highlights agree word for word. Queries are built as
``tsquery`` literals with every lexeme quoted, so reader input is never
tsquery syntax.

A generated column ``head`` holds the title and intro part of the vector,
small enough to stay inline: facets, the total and the first ranking stage
read only the heap tuple of each match found through the GIN index, never the
kilobytes of ``vec`` (see ``PostgresSearchBackend._search``).

A text search configuration ``exemplars_vi`` (``simple`` plus ``unaccent``
where the extension is available; no stemming, no stop-words, so "an" and "do"
stay searchable) serves SQL written by hand and Wagtail's own admin index on
PostgreSQL (see ``exemplars_search.wagtail_backend``).

Migration 0001 creates the table, its indexes, the labels table and
``exemplars_vi``; this module keeps no copy of that DDL (see the note above
:func:`_twin_ddl`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, compress
from operator import ne

from django.db import connections, transaction

from ..documents import SearchDocument
from ..query import (
    FACET_NAMES,
    KIND_LABELS,
    FacetValue,
    Hit,
    SearchRequest,
    SearchResults,
    Suggestion,
)
from ..text import (
    MAX_QUERY_CHARS,
    ParsedQuery,
    Term,
    canonical,
    dfold_word,
    excerpt,
    fold_word,
    loosen,
    nfc,
    plain,
    words,
)
from .base import BaseSearchBackend, batches

TABLE = "exemplars_search_pg_document"
LABELS = "exemplars_search_pg_label"
CONFIG = "exemplars_vi"

# PostgreSQL keeps word positions up to 16383 (and 256 positions per lexeme,
# which its tsvector input enforces by itself); a lexeme may not exceed 2047 bytes.
MAX_POSITION = 16383
MAX_LEXEME_BYTES = 2046
# Empty positions between title, intro and body so that no phrase spans two fields.
FIELD_GAP = 2
# ts_rank_cd weights in the order {D, C, B, A}: title A, intro B, body C.
RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
# 1: divide by 1 + log(length), so long stories do not win by size alone;
# 32: rank / (rank + 1), keeping the text rank below 1 so the tiers below
# (adjacent words, all words in the title) always dominate it.
RANK_NORMALISATION = 1 | 32
BATCH_SIZE = 500
COLUMNS = (
    "id",
    "published",
    "year",
    "kind",
    "locality",
    "field",
    "campaigns",
    "localities",
    "vec",
    "title",
    "url",
    "exemplar",
    "intro",
    "body",
)
PLACEHOLDERS = ", ".join("%s::tsvector" if c == "vec" else "%s" for c in COLUMNS)
# Stage one of the ranking keeps this many stories for stage two (see _search).
CANDIDATES = 200
WORK_MEM = "64MB"
MAINTENANCE_WORK_MEM = "256MB"


# --- schema -----------------------------------------------------------------
# Migration 0001 holds the DDL. A rebuild copies the live table's shape from
# the catalog rather than from a second copy here, so it always rebuilds what
# the migrations made, including whatever a later migration changes.

# "CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING …", as pg_get_indexdef writes it.
_INDEXDEF = re.compile(r"(CREATE (?:UNIQUE )?INDEX) (\S+) ON (?:ONLY )?\S+ (USING .*)", re.S)


def _twin_name(name: str, table: str, twin: str) -> str:
    """``table``'s index or constraint ``name`` as ``twin``'s: ``…_document_vec`` → ``…_new_vec``."""
    # Ours all start with the table's name; any other (a later migration's) gets a suffix.
    return twin + name.removeprefix(table) if name.startswith(table) else f"{name}_new"


def _twin_ddl(cursor, table: str, twin: str) -> tuple[list[str], list[str], dict[str, str]]:
    """What gives ``twin`` (already created ``LIKE table``) ``table``'s keys and indexes.

    Returns the statements to run before loading (primary key and unique
    constraints, which guard the load as they guard ``table``), those to run
    after it (plain indexes, faster to build once than to maintain row by
    row) and ``{twin's name: table's name}`` for the renames at the swap.
    """
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid), conindid FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
        " JOIN pg_class c ON c.oid = i.indexrelid"
        " WHERE i.indrelid = %s::regclass AND i.indexrelid <> ALL(%s::oid[]) ORDER BY c.relname",
        [table, [indid for _, _, indid in constraints]],
    )
    indexes = cursor.fetchall()
    renames, before, after = {}, [], []
    for name, definition, _ in constraints:
        twin_name = _twin_name(name, table, twin)
        renames[twin_name] = name
        before.append(f"ALTER TABLE {twin} ADD CONSTRAINT {twin_name} {definition}")
    for name, definition in indexes:
        twin_name = _twin_name(name, table, twin)
        renames[twin_name] = name
        head, _, using = _INDEXDEF.fullmatch(definition).groups()
        after.append(f"{head} {twin_name} ON {twin} {using}")
    return before, after, renames


# --- documents → tsvector ---------------------------------------------------

# Position labels ("':12A '") made once: a rebuild would otherwise format
# millions. Each closes the quoted word before it and opens the next one.
_LABELS = {w: [f"':{i}{w} '" for i in range(MAX_POSITION + 1)] for w in "ABC"}
# A lexeme may take up to 2047 bytes, at most 4 per character.
MAX_WORD_CHARS = MAX_LEXEME_BYTES // 4


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _field_entries(text: str, weight: str, start: int) -> tuple[str, int]:
    """``'word':position`` entries for one field's words, in both forms.

    PostgreSQL's tsvector input merges repeated lexemes, drops repeated
    positions, keeps the first 256 positions of a lexeme and clamps positions
    past 16383, so every word is simply listed twice (dfold, then fold) and
    the grouping is left to it, in C. Words are runs of letters and digits
    (``text.words``), so they never hold a quote or a backslash.
    """
    found = words(text)
    if not found:
        return "", start
    # The same steps as text.dfold, on all words at once.
    dws = canonical(" ".join(found).lower()).replace("đ", "d").split()
    if len(dws) != len(found) or max(map(len, dws)) > MAX_WORD_CHARS:
        dws = [w for w in map(dfold_word, found) if 0 < len(w) <= MAX_WORD_CHARS]
    if not dws:
        return "", start
    fws = list(map(fold_word, dws))  # fold(dfold(w)) == fold(w); cached per word
    n = len(dws)
    labels = _LABELS[weight]
    if start + n <= MAX_POSITION:
        used = labels[start + 1 : start + 1 + n]
    else:
        used = [labels[min(i, MAX_POSITION)] for i in range(start + 1, start + 1 + n)]
    # "'w1':5A 'w2':6A '" … without a Python-level step per word; the fold
    # form only where it differs from the dfold one.
    folded = compress(zip(fws, used, strict=True), map(ne, fws, dws))
    entries = "".join(chain.from_iterable(zip(dws, used, strict=True))) + "".join(
        chain.from_iterable(folded)
    )
    return "'" + entries[:-2], start + n


def tsvector_literal(title: str, intro: str, body: str) -> str:
    """A ``tsvector`` literal: title words weighted A, intro B, body C.

    Each word's dfold and fold forms share its position, and a gap between
    fields keeps phrases inside one.
    """
    t, pos = _field_entries(title, "A", 0)
    i, pos = _field_entries(intro, "B", pos + FIELD_GAP)
    b, _ = _field_entries(body, "C", pos + FIELD_GAP)
    return f"{t} {i} {b}"


# --- queries → tsquery ------------------------------------------------------

# Above every other part of the score (8 + 4 + 2 + ts_rank_cd < 16).
LITERAL_BONUS = 16


def _lexeme(term: Term, *, loose: bool, prefix: bool = False, weight: str = "") -> str:
    key = term.fold if loose else term.key
    label = ("*" if prefix else "") + weight
    return _quote(key) + (":" + label if label else "")


def _group(terms: list[Term], *, loose: bool, weight: str = "") -> str:
    parts = [_lexeme(t, loose=loose, weight=weight) for t in terms]
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def match_tsquery(parsed: ParsedQuery, *, loose: bool = False, exclusions: bool = True) -> str:
    """Every required group (phrases adjacent) and, with ``exclusions``, none
    of the excluded ones; with other readings (abbreviations, Telex), any one."""
    if parsed.variants:
        return " | ".join(
            f"({_match_one(r, loose=loose, exclusions=exclusions)})" for r in parsed.readings
        )
    return _match_one(parsed, loose=loose, exclusions=exclusions)


def _match_one(parsed: ParsedQuery, *, loose: bool, exclusions: bool) -> str:
    clauses = [_group(g, loose=loose) for g in parsed.groups]
    if exclusions:
        clauses += ["!" + _group(g, loose=True) for g in parsed.excluded]
    return " & ".join(clauses)


def excluded_tsquery(parsed: ParsedQuery) -> str:
    """Any excluded group, compared folded: "-ma tuy" also drops "ma túy"."""
    return " | ".join(_group(g, loose=True) for g in parsed.excluded)


def adjacent_tsquery(parsed: ParsedQuery, *, loose: bool = False) -> str | None:
    """All the reader's words next to each other, in the order typed."""
    terms = parsed.terms
    return _group(terms, loose=loose) if len(terms) > 1 else None


def all_tsquery(parsed: ParsedQuery, *, loose: bool = False, weight: str = "") -> str:
    """Every required word, anywhere (within ``weight`` when given)."""
    return " & ".join(_lexeme(t, loose=loose, weight=weight) for t in parsed.terms)


def any_tsquery(parsed: ParsedQuery, *, loose: bool = False, strict_only: bool = False) -> str:
    """Any of the reader's words: what ts_rank_cd scores."""
    terms = [t for t in parsed.terms if t.strict] if strict_only else parsed.terms
    return " | ".join(_lexeme(t, loose=loose) for t in terms)


def suggest_tsquery(terms: list[Term], *, loose: bool, adjacent: bool = False) -> str:
    """Title words as typed, the last one a prefix; ``adjacent`` asks them in a row."""
    lexemes = [_lexeme(t, loose=loose, weight="A") for t in terms[:-1]]
    lexemes.append(_lexeme(terms[-1], loose=loose, prefix=True, weight="A"))
    return (" <-> " if adjacent else " & ").join(lexemes)


# --- the backend ------------------------------------------------------------


class _Sql:
    """A WHERE clause being assembled, with its parameters in order."""

    def __init__(self):
        self.parts: list[str] = []
        self.params: list = []

    def add(self, sql: str, *params) -> _Sql:
        self.parts.append(sql)
        self.params.extend(params)
        return self

    @property
    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


_FILTER_SQL = {
    "campaign": "campaigns && %s::text[]",
    # A merged locality lists its successor (and vice versa) in `localities`.
    "locality": "localities && %s::text[]",
    "field": "field = ANY(%s::text[])",
    "kind": "kind = ANY(%s::text[])",
    "year": "year = ANY(%s::int[])",
}

_FACET_SQL = {
    "campaign": "SELECT 'campaign', c, count(*), NULL::float8 FROM base, unnest(campaigns) c WHERE {w}"
    " GROUP BY c",
    "locality": "SELECT 'locality', locality, count(*), NULL::float8 FROM base WHERE locality IS NOT NULL"
    " AND {w} GROUP BY locality",
    "field": "SELECT 'field', field, count(*), NULL::float8 FROM base WHERE field IS NOT NULL AND {w}"
    " GROUP BY field",
    "kind": "SELECT 'kind', kind, count(*), NULL::float8 FROM base WHERE kind IS NOT NULL AND {w}"
    " GROUP BY kind",
    "year": "SELECT 'year', year::text, count(*), NULL::float8 FROM base WHERE {w} GROUP BY year",
}


def _filters_sql(filters: dict) -> _Sql:
    where = _Sql()
    for name, values in filters.items():
        where.add(_FILTER_SQL[name], [str(v) if name != "year" else int(v) for v in values])
    return where


class PostgresSearchBackend(BaseSearchBackend):
    """Reader search in PostgreSQL full-text search; chosen by "auto" on PostgreSQL."""

    name = "postgres"

    def __init__(self, params: dict | None = None):
        super().__init__(params)
        self.alias = self.params.get("DATABASE", "default")

    @property
    def connection(self):
        return connections[self.alias]

    # -- writing --

    @staticmethod
    def _row(doc: SearchDocument) -> tuple:
        title, intro, body = nfc(doc.title), plain(doc.intro), plain(doc.body)
        vec = tsvector_literal(title, intro, body)
        localities = set(doc.localities) | ({doc.locality.slug} if doc.locality else set())
        return (
            doc.id,
            doc.published,
            doc.year,
            doc.kind,
            doc.locality.slug if doc.locality else None,
            doc.field.slug if doc.field else None,
            [c.slug for c in doc.campaigns],
            sorted(localities),
            vec,
            title,
            doc.url or "",
            doc.exemplar,
            intro,
            body,
        )

    @staticmethod
    def _labels(documents: list[SearchDocument]) -> list[tuple[str, str, str]]:
        labels = {}
        for doc in documents:
            for c in doc.campaigns:
                labels["campaign", c.slug] = c.label
            if doc.locality:
                labels["locality", doc.locality.slug] = doc.locality.label
            if doc.field:
                labels["field", doc.field.slug] = doc.field.label
        return [(facet, value, label) for (facet, value), label in labels.items()]

    def _write(self, cursor, table: str, documents: list[SearchDocument]) -> int:
        """Upsert the live documents of a batch and delete the others."""
        live = {d.id: d for d in documents if d.live}  # the last version of an id wins
        gone = [d.id for d in documents if not d.live and d.id not in live]
        if gone:
            cursor.execute(f"DELETE FROM {table} WHERE id = ANY(%s)", [gone])
        if not live:
            return 0
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in COLUMNS[1:])
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({PLACEHOLDERS})"
            f" ON CONFLICT (id) DO UPDATE SET {updates}",
            [self._row(d) for d in live.values()],
        )
        self._write_labels(cursor, list(live.values()))
        return len(live)

    def _write_labels(self, cursor, documents: list[SearchDocument]) -> None:
        labels = self._labels(documents)
        if labels:
            cursor.executemany(
                f"INSERT INTO {LABELS} (facet, value, label) VALUES (%s, %s, %s) "
                "ON CONFLICT (facet, value) DO UPDATE SET label = EXCLUDED.label",
                labels,
            )

    def _copy(self, cursor, table: str, documents: list[SearchDocument], seen: set) -> int:
        """Append live documents not seen yet to a fresh table with COPY.

        COPY streams the rows, so PostgreSQL parses and compresses the vectors
        while Python builds the next ones: the two run on separate cores.
        """
        docs = [d for d in documents if d.live and d.id not in seen]
        seen.update(d.id for d in docs)
        with cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for doc in docs:
                copy.write_row(self._row(doc))
        self._write_labels(cursor, docs)
        return len(docs)

    def index(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents (ones not live are removed); each batch is
        written whole or not at all. Returns how many live documents were written."""
        written = 0
        for batch in batches(documents, BATCH_SIZE):
            with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
                written += self._write(cursor, TABLE, batch)
        return written

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents by id; unknown ids are ignored."""
        ids = [int(i) for i in ids]
        if ids:
            with self.connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {TABLE} WHERE id = ANY(%s)", [ids])

    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Load a fresh table beside the live one, index it, then swap the two.

        Readers keep searching the old table until the swap, which is one short
        transaction. An interrupted rebuild leaves only ``…_new`` behind, which
        the next run drops, so it can simply be run again.
        """
        new = f"{TABLE}_new"
        with self.connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {new}")
            # Columns, defaults, the generated column and storage, as migrated.
            cursor.execute(f"CREATE TABLE {new} (LIKE {TABLE} INCLUDING ALL EXCLUDING INDEXES)")
            keys, indexes, renames = _twin_ddl(cursor, TABLE, new)
            for sql in keys:
                cursor.execute(sql)
        written, seen = 0, set()
        for batch in batches(documents, BATCH_SIZE):
            with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
                written += self._copy(cursor, new, batch, seen)
            if progress:
                progress(len(batch))
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            # Building the indexes after the load is several times faster than
            # maintaining them row by row, and GIN builds faster with memory.
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'")
            for sql in indexes:
                cursor.execute(sql)
            cursor.execute(f"ANALYZE {new}")
            cursor.execute(f"DROP TABLE {TABLE}")
            cursor.execute(f"ALTER TABLE {new} RENAME TO {TABLE}")
            # Renaming a constraint's index renames the constraint too.
            for twin_name, name in renames.items():
                cursor.execute(f"ALTER INDEX {twin_name} RENAME TO {name}")
        return written

    def count(self) -> int:
        """How many documents the index holds."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE}")
            return cursor.fetchone()[0]

    def check(self) -> None:
        """Raise when the table is missing or the database is not PostgreSQL."""
        vendor = self.connection.vendor
        if vendor != "postgresql":
            raise RuntimeError(f"The postgres search backend needs PostgreSQL, not {vendor}")
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {TABLE} LIMIT 1")

    # -- reading --

    def search(self, request: SearchRequest) -> SearchResults:
        """Run a reader request: hits for the page, total, facets, excerpts."""
        parsed = request.parsed
        results = self._search(request, loose=False)
        if results.total == 0 and any(t.strict for t in parsed.all_terms):
            # "lụa" found nothing: match it as "lua" rather than show nothing.
            results = self._search(request, loose=True)
            results.loosened = True
        return results

    def _search(self, request: SearchRequest, *, loose: bool) -> SearchResults:
        """One pass over the matches gives the facets, the total and the best
        candidates; a second statement scores those candidates in full.

        Every match is read once, through the GIN index: plain word queries
        never touch the big ``vec`` column on the way (the GIN answer is exact),
        only phrases make PostgreSQL re-read it. Stage one scores each match on
        ``head`` (title and intro, stored inline) and keeps the best
        ``CANDIDATES``; stage two scores those on the full vector, body
        included. The score is tiered: all words in the title (8), else in
        title + intro (4); the words adjacent in order (2); then ts_rank_cd,
        below 1. The tiers from title and intro are exact in stage one, so
        stage two only reorders stories within a tier; within one, stage one
        keeps the newest when there are more than ``CANDIDATES``.
        """
        parsed = request.parsed
        ranked = bool(parsed.groups) and request.sort != "newest"
        match, excluded = _Sql(), _Sql()
        if parsed.groups:
            match.add("vec @@ %s::tsquery", match_tsquery(parsed, loose=loose, exclusions=False))
        if parsed.excluded:
            # Through the index on their own (a handful of stories, usually),
            # rather than re-reading every match's vector to test them.
            excluded.add(
                f"id NOT IN (SELECT id FROM {TABLE} WHERE vec @@ %s::tsquery)",
                excluded_tsquery(parsed),
            )
        where = _filters_sql(request.filters())
        end = request.offset + request.page_size
        if ranked:
            score_sql, score_params = self._score_sql(parsed, "head", loose=loose)
            order = "s DESC, published DESC, id DESC"
            limit = max(CANDIDATES, 2 * end)
        else:
            score_sql, score_params, order, limit = "0.0", [], "published DESC, id DESC", end
        selects, params = [], []
        if request.facets:
            for name in FACET_NAMES:
                others = _filters_sql(request.filters(without=name))
                selects.append(_FACET_SQL[name].format(w=others.sql))
                params += others.params
        selects.append(f"SELECT '', NULL, count(*), NULL::float8 FROM base WHERE {where.sql}")
        params += where.params
        selects.append(
            f"(SELECT '#', id::text, 0, s FROM base WHERE {where.sql} ORDER BY {order} LIMIT %s)"
        )
        params += where.params + [limit]
        sql = (
            "WITH base AS MATERIALIZED (SELECT id, published, campaigns, locality, localities,"
            f" field, kind, year, ({score_sql})::float8 AS s FROM {TABLE}"
            f" WHERE {match.sql} AND {excluded.sql}) " + " UNION ALL ".join(selects)
        )
        results = SearchResults(
            query=request.q,
            total=0,
            page=request.page,
            page_size=request.page_size,
            backend=self.name,
        )
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            # JIT compiles for longer than these queries run.
            cursor.execute("SET LOCAL jit = off")
            # The matches are materialised once and read once per facet; keep
            # them in memory rather than in a temporary file.
            cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
            if parsed.groups:
                # The planner prices ``vec @@ q`` as if it were free, but a
                # sequential scan decompresses every story's vector to test
                # it. The GIN bitmap answers plain word queries without
                # touching the vectors at all; make the planner take it.
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, score_params + match.params + excluded.params + params)
            rows = cursor.fetchall()
            # SET LOCAL lasts until the outermost transaction ends, which is
            # later than this block when the caller already holds one.
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET jit")
            cursor.execute("RESET work_mem")
            counts: dict[str, list[tuple[str, int]]] = {name: [] for name in FACET_NAMES}
            candidates = []
            for facet, value, n, _score in rows:
                if facet == "#":
                    candidates.append(int(value))
                elif facet == "":
                    results.total = n
                else:
                    counts[facet].append((value, n))
            if request.facets:
                results.facets = self._facets(cursor, counts)
            page = candidates[request.offset : end] if not ranked else candidates
            if page and request.offset < results.total:
                results.hits = self._hits(cursor, page, request, ranked=ranked, loose=loose)
        return results

    def _facets(self, cursor, counts) -> dict[str, list[FacetValue]]:
        """Facet values with their labels: by count, years newest first."""
        labels = self._facet_labels(cursor, counts)
        facets = {}
        for name, pairs in counts.items():
            values = [FacetValue(value, labels.get((name, value), value), n) for value, n in pairs]
            if name == "year":
                values.sort(key=lambda v: -int(v.value))
            else:
                values.sort(key=lambda v: (-v.count, v.label))
            facets[name] = values
        return facets

    def _facet_labels(self, cursor, counts) -> dict[tuple[str, str], str]:
        labels = {("kind", k): str(label) for k, label in KIND_LABELS.items()}
        wanted = [(f, v) for f in ("campaign", "locality", "field") for v, _n in counts[f]]
        if wanted:
            cursor.execute(
                f"SELECT facet, value, label FROM {LABELS} "
                "WHERE (facet, value) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
                [[f for f, _v in wanted], [v for _f, v in wanted]],
            )
            labels.update({(f, v): label for f, v, label in cursor.fetchall()})
        return labels

    def _hits(self, cursor, ids: list[int], request, *, ranked: bool, loose: bool) -> list[Hit]:
        """The page of hits: stage two of the ranking when ``ranked``."""
        parsed = request.parsed
        cols = "id, title, intro, body, url, published, campaigns, locality, field, kind, exemplar"
        if ranked:
            score_sql, params = self._score_sql(parsed, "vec", loose=loose)
            cursor.execute(
                f"SELECT {cols}, {score_sql} AS score FROM {TABLE} WHERE id = ANY(%s)"
                " ORDER BY score DESC, published DESC, id DESC LIMIT %s OFFSET %s",
                params + [ids, request.page_size, request.offset],
            )
            rows = cursor.fetchall()
        else:
            cursor.execute(f"SELECT {cols}, 0.0 FROM {TABLE} WHERE id = ANY(%s)", [ids])
            by_id = {row[0]: row for row in cursor.fetchall()}
            rows = [by_id[i] for i in ids if i in by_id]
        query = loosen(parsed) if loose else parsed
        hits = []
        for row in rows:
            id_, title, intro, body, url, published, campaigns, locality, field, kind = row[:10]
            hits.append(
                Hit(
                    id=id_,
                    title=title,
                    url=url,
                    excerpt=excerpt(intro, body, query) if request.highlight else "",
                    published=published,
                    campaigns=list(campaigns),
                    locality=locality,
                    field=field,
                    kind=kind,
                    exemplar=row[10],
                    score=round(float(row[11]), 6),
                )
            )
        return hits

    @classmethod
    def _score_sql(cls, parsed: ParsedQuery, vector: str, *, loose: bool) -> tuple[str, list]:
        """The score of the best reading; a story matching the literal one
        (the words as typed) scores above any that only match another."""
        if not parsed.variants:
            return cls._score_one(parsed, vector, loose=loose)
        literal = parsed.literal()
        sql = [f"CASE WHEN {vector} @@ %s::tsquery THEN {LITERAL_BONUS} ELSE 0 END"]
        params = [match_tsquery(literal, loose=loose, exclusions=False)]
        best = []
        for reading in parsed.readings:
            one, one_params = cls._score_one(reading, vector, loose=loose)
            best.append(f"({one})")
            params += one_params
        return f"{sql[0]} + GREATEST({', '.join(best)})", params

    @staticmethod
    def _score_one(parsed: ParsedQuery, vector: str, *, loose: bool) -> tuple[str, list]:
        """The tiered score of :meth:`_search`, computed on ``vector``.

        On ``head`` (stage one) it leaves out ts_rank_cd, which costs more than
        the rest of the search put together when run on every match.
        """
        tier = "CASE WHEN head @@ %s::tsquery THEN 8 WHEN head @@ %s::tsquery THEN 4 ELSE 0 END"
        params = [all_tsquery(parsed, loose=loose, weight="A"), all_tsquery(parsed, loose=loose)]
        parts = [tier]
        adjacent = adjacent_tsquery(parsed, loose=loose)
        if adjacent:
            parts.append(f"CASE WHEN {vector} @@ %s::tsquery THEN 2 ELSE 0 END")
            params.append(adjacent)
        if loose:
            # The reader's marks as typed lift a story above its lookalikes.
            parts.append(f"CASE WHEN {vector} @@ %s::tsquery THEN 0.5 ELSE 0 END")
            params.append(any_tsquery(parsed, loose=False, strict_only=True))
        if vector != "head":
            parts.append(
                f"ts_rank_cd('{RANK_WEIGHTS}', {vector}, %s::tsquery, {RANK_NORMALISATION})"
            )
            params.append(any_tsquery(parsed, loose=loose))
        return " + ".join(parts), params

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]:
        """Titles holding the typed words, the last one as a prefix ("nong th")."""
        terms = [Term(w) for w in words(nfc(q or "")[:MAX_QUERY_CHARS])][:8]
        if not terms:
            return []
        rows = self._suggest(terms, limit, loose=False)
        if not rows and any(t.strict for t in terms):
            rows = self._suggest(terms, limit, loose=True)
        return [Suggestion(title, url) for title, url in rows]

    def _suggest(self, terms: list[Term], limit: int, *, loose: bool) -> list[tuple[str, str]]:
        match = suggest_tsquery(terms, loose=loose)
        adjacent = suggest_tsquery(terms, loose=loose, adjacent=True)
        with self.connection.cursor() as cursor:
            # Titles where the words run on as typed ("chau d" → "Châu Đốc") first.
            cursor.execute(
                f"SELECT title, url FROM {TABLE} WHERE head @@ %s::tsquery"
                " ORDER BY head @@ %s::tsquery DESC, length(title), published DESC, id DESC"
                " LIMIT %s",
                [match, adjacent, limit],
            )
            return cursor.fetchall()


SearchBackend = PostgresSearchBackend
