"""The embedded backend: SQLite FTS5, the default when there is no server.

Four tables, created by migrations 0001 and 0003, which hold their SQL (this
module only names the tables and the columns it writes, and
``tests/search/test_migration_schema.py`` checks a fresh migrate has them):

* ``exemplars_search_fts``: FTS5 with ``remove_diacritics 0`` (we fold in
  Python, where đ→d and two-mark vowels are handled), holding the dfold and
  the fold form of title, intro and body; its rowid is the story id, and
  its ``rank`` is bm25 with the column weights the migration set (title
  above intro above body).
* ``exemplars_search_doc``: what results and facets need (title, url, raw
  intro/body for excerpts, facet slugs and labels).
* ``exemplars_search_meta``: the generation token that tells each process
  when its facet cache is stale.
* ``exemplars_search_title``: titles alone, with prefix indexes, for suggest.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import uuid
from collections.abc import Iterable

from django.db import DatabaseError, connections, transaction

from .. import text
from ..documents import SearchDocument
from ..query import KIND_LABELS, Hit, SearchRequest, SearchResults, Suggestion
from ..text import excerpt, loosen, plain
from . import fts5
from .base import BaseSearchBackend, batches
from .facetcache import FacetCache, FacetRow

logger = logging.getLogger("exemplars_search")

FTS = "exemplars_search_fts"
DOC = "exemplars_search_doc"
META = "exemplars_search_meta"
# Titles alone, with prefix indexes, for suggest: prefix queries on the big
# table expand to thousands of terms.
TITLES = "exemplars_search_title"
BATCH = 500
# Added per ranking tier (fts5.tiers) so scores fall from one tier to the next.
TIER_BONUS = 1000.0
# The columns doc_rows fills, in its order.
DOC_COLUMNS = (
    "id",
    "title",
    "url",
    "intro",
    "body",
    "published",
    "published_ts",
    "year",
    "kind",
    "exemplar",
    "locality",
    "locality_label",
    "field",
    "field_label",
    "campaigns",
    "localities",
)
TITLE_COLUMNS = ("title_d", "title_f")


def doc_rows(doc: SearchDocument) -> tuple[tuple, tuple]:
    """The FTS row and the doc-table row for one document."""
    title, intro, body = text.nfc(doc.title), plain(doc.intro), plain(doc.body)
    forms = [text.index_forms(v) for v in (title, intro, body)]
    fts_row = (doc.id, *(f[0] for f in forms), *(f[1] for f in forms))
    published = doc.published
    campaigns = [[c.slug, c.label] for c in doc.campaigns]
    localities = sorted(set(doc.localities) | ({doc.locality.slug} if doc.locality else set()))
    doc_row = (
        doc.id,
        title,
        doc.url,
        intro,
        body,
        published.isoformat(),
        published.timestamp(),
        published.year,
        doc.kind,
        doc.exemplar,
        doc.locality.slug if doc.locality else None,
        doc.locality.label if doc.locality else None,
        doc.field.slug if doc.field else None,
        doc.field.label if doc.field else None,
        json.dumps(campaigns, ensure_ascii=False),
        json.dumps(localities, ensure_ascii=False),
    )
    return fts_row, doc_row


class SQLiteSearchBackend(BaseSearchBackend):
    """Search in SQLite FTS5 (see the module docstring for the tables)."""

    name = "sqlite"

    def __init__(self, params: dict | None = None):
        super().__init__(params)
        self.alias = self.params.get("DATABASE", "default")
        self._caches: dict[str, FacetCache] = {}
        self._lock = threading.Lock()

    # -- plumbing ---------------------------------------------------------

    @property
    def connection(self):
        return connections[self.alias]

    def _cache_key(self) -> str:
        return str(self.connection.settings_dict.get("NAME"))

    def _bump(self, cursor) -> None:
        cursor.execute(
            f"INSERT OR REPLACE INTO {META}(key, value) VALUES ('generation', %s)",
            [uuid.uuid4().hex],
        )

    def facet_cache(self) -> FacetCache:
        """This process's facet cache for the current database, reloaded if stale."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT value FROM {META} WHERE key = 'generation'")
            row = cursor.fetchone()
            token = row[0] if row else ""
            key = self._cache_key()
            cache = self._caches.get(key)
            if cache is not None and cache.token == token:
                return cache
            with self._lock:
                cache = self._load_cache(cursor, token)
                self._caches[key] = cache
            return cache

    def _load_cache(self, cursor, token: str) -> FacetCache:
        cursor.execute(
            f"SELECT id, published_ts, year, kind, locality, locality_label, field, "
            f"field_label, campaigns, localities FROM {DOC}"
        )
        labels = {
            "campaign": {},
            "locality": {},
            "field": {},
            "kind": {k: str(v) for k, v in KIND_LABELS.items()},
        }
        rows = []
        for (
            id_,
            ts,
            year,
            kind,
            loc,
            loc_label,
            fld,
            fld_label,
            campaigns_json,
            localities_json,
        ) in cursor.fetchall():
            campaigns = json.loads(campaigns_json)
            for slug, label in campaigns:
                labels["campaign"][slug] = label
            if loc:
                labels["locality"][loc] = loc_label or loc
            if fld:
                labels["field"][fld] = fld_label or fld
            rows.append(
                FacetRow(
                    id=id_,
                    published=ts,
                    year=year,
                    kind=kind,
                    locality=loc,
                    field=fld,
                    campaigns=tuple(c[0] for c in campaigns),
                    localities=tuple(json.loads(localities_json)),
                )
            )
        return FacetCache(token, rows, labels)

    # -- writing ----------------------------------------------------------

    def index(self, documents: Iterable[SearchDocument]) -> int:
        return sum(self._write(batch) for batch in batches(documents, BATCH))

    def _write(self, docs: list[SearchDocument]) -> int:
        live = [d for d in docs if d.live]
        rows = [doc_rows(d) for d in live]
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            self._delete(cursor, [d.id for d in docs])
            placeholders = ", ".join(["%s"] * (1 + len(fts5.COLUMNS)))
            cursor.executemany(
                f"INSERT INTO {FTS}(rowid, {', '.join(fts5.COLUMNS)}) VALUES ({placeholders})",
                [r[0] for r in rows],
            )
            cursor.executemany(
                f"INSERT INTO {DOC} ({', '.join(DOC_COLUMNS)})"
                f" VALUES ({', '.join(['%s'] * len(DOC_COLUMNS))})",
                [r[1] for r in rows],
            )
            cursor.executemany(
                f"INSERT INTO {TITLES}(rowid, {', '.join(TITLE_COLUMNS)}) VALUES (%s, %s, %s)",
                [(r[0][0], r[0][1], r[0][4]) for r in rows],
            )
            self._bump(cursor)
        return len(rows)

    def _delete(self, cursor, ids: list[int]) -> None:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {DOC} WHERE id IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {TITLES} WHERE rowid IN ({marks})", chunk)

    def delete(self, ids: Iterable[int]) -> None:
        ids = [int(i) for i in ids]
        if not ids:
            return
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            self._delete(cursor, ids)
            self._bump(cursor)

    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Upsert in committed batches, then drop what the source no longer has.

        Readers keep finding the old version of each story until its batch
        commits, never an empty index; an interrupted rebuild is simply run
        again.
        """
        seen: set[int] = set()
        written = 0
        for batch in batches(documents, BATCH):
            written += self._write(batch)
            seen.update(d.id for d in batch)
            if progress:
                progress(len(batch))
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {DOC}")
            stale = [r[0] for r in cursor.fetchall() if r[0] not in seen]
        self.delete(stale)
        self.optimize()
        return written

    def optimize(self) -> None:
        """Merge the FTS5 segments into one, which makes queries faster."""
        with self.connection.cursor() as cursor:
            for table in (FTS, TITLES):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    def count(self) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {DOC}")
            return cursor.fetchone()[0]

    def check(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {FTS} LIMIT 1")
            cursor.execute(f"SELECT 1 FROM {DOC} LIMIT 1")

    # -- reading ----------------------------------------------------------

    def _ids(self, expression: str) -> list[int]:
        """Every story matching, unranked (cheap: no positions, no bm25)."""
        return [
            r[0] for r in self._rows(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", expression)
        ]

    def _scored(
        self, expression: str, *, limit: int, among: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """(id, score) of the best ``limit`` stories matching, best first; higher is better.

        ``among`` restricts scoring to those stories: bm25 runs only on rows
        that pass it (the ``+`` keeps SQLite from handing the rowids to FTS5
        one lookup each). ``rowid`` breaks ties as the scan order did.
        """
        sql = f"SELECT rowid, rank FROM {FTS} WHERE {FTS} MATCH %s"
        if among is not None:
            sql += f" AND +rowid IN ({', '.join(map(str, sorted(among)))})"
        sql += f" ORDER BY rank, rowid LIMIT {int(limit)}"
        return [(rowid, -rank) for rowid, rank in self._rows(sql, expression)]

    def _rows(self, sql: str, expression: str) -> list[tuple]:
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(sql, [expression])
                return cursor.fetchall()
        except DatabaseError:
            # Quoting makes every reader word a plain string; if FTS5 still
            # refuses the expression, the reader gets no results, not an error.
            logger.exception("FTS5 refused %r", expression)
            return []

    def _ranked(
        self, parsed, *, loose: bool, keep: set[int], matched: int, need: int
    ) -> list[tuple[int, float]]:
        """The first ``need`` stories of ``keep`` (of ``matched`` matching) in
        ranking order (see ``fts5.tiers``)."""
        expressions = fts5.tiers(parsed, loose=loose)
        ranked: list[tuple[int, float]] = []
        seen: set[int] = set()
        # Each tier query stops at ``need`` rows: at most len(seen) of them
        # were taken by better tiers, and len(seen) == len(ranked), so the
        # rest still fill the page. Scoring only ``keep`` matters when
        # filters leave few of the matches.
        among = keep if len(keep) < matched else None
        for level, expression in enumerate(expressions):
            # Scores stay comparable across tiers: a better tier always scores higher.
            bonus = (len(expressions) - 1 - level) * TIER_BONUS
            for id_, score in self._scored(expression, limit=need, among=among):
                if id_ in keep and id_ not in seen:
                    seen.add(id_)
                    ranked.append((id_, bonus + score))
            if len(ranked) >= need or len(seen) == len(keep):
                break
        return ranked

    def search(self, request: SearchRequest) -> SearchResults:
        parsed = request.parsed
        cache = self.facet_cache()
        loosened = False
        facets = request.facets
        if parsed.is_empty:
            ids = cache.all_newest()
            if parsed.excluded:
                excluded = set(self._ids(fts5.any_exclusion(parsed)))
                ids = [i for i in ids if i not in excluded]
            evaluation = cache.evaluate(ids, request, facets=facets)
        else:
            ids = self._ids(fts5.required(parsed))
            evaluation = cache.evaluate(ids, request, facets=facets)
            if not evaluation.total and any(t.strict for t in parsed.all_terms):
                loosened = True
                ids = self._ids(fts5.required(parsed, loose=True))
                evaluation = cache.evaluate(ids, request, facets=facets)
        end = request.offset + request.page_size
        if parsed.is_empty or request.sort == "newest" or request.offset >= evaluation.total:
            page = [(i, 0.0) for i in evaluation.selected[request.offset : end]]
        else:
            keep = evaluation.selected_ids
            ranked = self._ranked(parsed, loose=loosened, keep=keep, matched=len(ids), need=end)
            page = ranked[request.offset : end]
        highlight_query = loosen(parsed) if loosened else parsed
        return SearchResults(
            query=request.q,
            total=evaluation.total,
            page=request.page,
            page_size=request.page_size,
            hits=self._hits(page, highlight_query, request.highlight),
            facets=evaluation.facets,
            loosened=loosened,
            backend=self.name,
        )

    def _hits(self, page: list[tuple[int, float]], parsed, highlight: bool) -> list[Hit]:
        if not page:
            return []
        ids = [i for i, _ in page]
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, title, url, intro, body, published, kind, exemplar, locality, "
                f"field, campaigns FROM {DOC} WHERE id IN ({', '.join(['%s'] * len(ids))})",
                ids,
            )
            rows = {r[0]: r for r in cursor.fetchall()}
        hits = []
        for id_, score in page:
            row = rows.get(id_)
            if row is None:
                continue
            _, title, url, intro, body, published, kind, exemplar, loc, fld, campaigns = row
            hits.append(
                Hit(
                    id=id_,
                    title=title,
                    url=url,
                    excerpt=excerpt(intro, body, parsed) if highlight else "",
                    published=dt.datetime.fromisoformat(published),
                    campaigns=[c[0] for c in json.loads(campaigns)],
                    locality=loc,
                    field=fld,
                    kind=kind,
                    exemplar=exemplar,
                    score=round(score, 6),
                )
            )
        return hits

    def suggest(self, q: str, limit: int = 8) -> list[Suggestion]:
        """Titles holding the typed words, the last one a prefix; newest first.

        Titles where the words run on as typed come before titles that hold
        them apart. Each query stops after ``limit`` rows, so a one-letter
        prefix costs no more than a long one.
        """
        terms = [text.Term(w) for w in text.words(text.nfc(q or "")[: text.MAX_QUERY_CHARS])]
        terms = terms[:8]
        if not terms:
            return []
        found = self._suggest(terms, limit, loose=False)
        if not found and any(t.strict for t in terms):
            found = self._suggest(terms, limit, loose=True)
        return [Suggestion(title=t, url=u) for t, u in found]

    def _suggest(self, terms, limit: int, *, loose: bool) -> list[tuple[str, str]]:
        ids: list[int] = []
        for expression in fts5.suggest_tiers(terms, loose=loose):
            rows = self._rows(
                f"SELECT rowid FROM {TITLES} WHERE {TITLES} MATCH %s ORDER BY rowid DESC "
                f"LIMIT {int(limit) + len(ids)}",
                expression,
            )
            ids.extend(r[0] for r in rows if r[0] not in ids)
            if len(ids) >= limit:
                break
        ids = ids[:limit]
        if not ids:
            return []
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, title, url FROM {DOC} WHERE id IN ({', '.join(['%s'] * len(ids))})",
                ids,
            )
            by_id = {r[0]: (r[1], r[2]) for r in cursor.fetchall()}
        return [by_id[i] for i in ids if i in by_id]


SearchBackend = SQLiteSearchBackend
