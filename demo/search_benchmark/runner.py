"""The benchmark itself, separate from the command's argument handling."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator

from django.db import connection
from tqdm import tqdm

from demo.search_benchmark import corpus, floor, queries, wagtail_compare
from exemplars_search import backends, service
from exemplars_search.query import SearchRequest


def percentiles(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2)}


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class TimedSource:
    """Wraps the corpus generator and keeps the time spent generating, so the
    index rate counts indexing only."""

    def __init__(self, source: Iterator):
        self.source = source
        self.spent = 0.0

    def __iter__(self):
        while True:
            started = time.perf_counter()
            try:
                item = next(self.source)
            except StopIteration:
                self.spent += time.perf_counter() - started
                return
            self.spent += time.perf_counter() - started
            yield item


def _bar(total: int, desc: str, quiet: bool):
    return tqdm(total=total, desc=desc, file=sys.stderr, disable=quiet, unit=" bài")


def run(
    n: int,
    *,
    seed: int = 42,
    n_queries: int = 200,
    wagtail_sample: int = 10,
    wagtail_cap_s: float = 30.0,
    quiet: bool = False,
    log: Callable[[str], None] = print,
) -> dict:
    backends.reset_backends()
    backend = service.primary_backend()
    mix = queries.mix(n_queries)
    result: dict = {"stories": n, "backend": backend.name, "database": connection.vendor}

    # 1. Index through our backend.
    source = TimedSource(corpus.stories(n, seed))
    with _bar(n, f"index ({backend.name})", quiet) as bar:
        started = time.perf_counter()
        backend.rebuild(iter(source), progress=bar.update)
        total_s = time.perf_counter() - started
    index_s = total_s - source.spent
    result["index"] = {
        "stories_per_s": round(n / index_s, 1),
        "seconds": round(index_s, 2),
        "generation_seconds": round(source.spent, 2),
    }
    log(f"index: {n / index_s:.0f} stories/s ({index_s:.1f} s, generation {source.spent:.1f} s)")

    # 2. The mix through the service, facets and highlights included.
    requests = [
        SearchRequest(q=bq.q, page_size=20, facets=True, highlight=True, **bq.filters) for bq in mix
    ]
    for req in requests[:10]:  # warm caches, as a running site has them
        service.search(req)
    service_ms, service_totals = [], []
    for req in requests:
        started = time.perf_counter()
        res = service.search(req)
        service_ms.append((time.perf_counter() - started) * 1000)
        service_totals.append(res.total)
    result["service"] = percentiles(service_ms)
    log(f"service: {result['service']}")

    # 3. The floor, on the same data.
    with _bar(n, "floor table", quiet) as bar:
        floor.create(connection, _counted(corpus.stories(n, seed), bar))
    for bq in mix[:10]:
        floor.search(connection, bq.q)
    floor_ms, floor_hits = [], []
    for bq in mix:
        started = time.perf_counter()
        hits = floor.search(connection, bq.q)
        floor_ms.append((time.perf_counter() - started) * 1000)
        floor_hits.append(len(hits))
    result["floor"] = percentiles(floor_ms)
    log(f"floor: {result['floor']}")
    result["ratio_p95"] = round(
        result["service"]["p95_ms"] / max(result["floor"]["p95_ms"], 1e-6), 2
    )

    # 4. Wagtail's own database backend, on a sample.
    sample_idx = [
        round(i * (len(mix) - 1) / max(1, wagtail_sample - 1)) for i in range(wagtail_sample)
    ]
    sample = [mix[i] for i in sample_idx] if wagtail_sample else []
    wagtail_rows = []
    if sample:
        with _bar(n, "wagtail pages", quiet) as bar:
            rate = wagtail_compare.build(corpus.stories(n, seed), progress=bar.update)
        capped = 0
        wagtail_ms = []
        for i, bq in zip(sample_idx, sample, strict=True):
            ms, hits, status = wagtail_compare.search(bq.q, cap_s=wagtail_cap_s)
            capped += status == "capped"
            wagtail_ms.append(min(ms, wagtail_cap_s * 1000))
            wagtail_rows.append(
                {
                    "q": bq.q,
                    "filters": bq.filters,
                    "service_total": service_totals[i],
                    "service_top20": min(20, service_totals[i]),
                    "floor_top20": floor_hits[i],
                    "wagtail_top20": hits,
                    "wagtail_status": status,
                    "wagtail_ms": round(ms, 1),
                }
            )
            log(f"wagtail {bq.q!r}: {ms:.0f} ms, {status}")
        result["wagtail"] = {
            **percentiles(wagtail_ms),
            "capped": capped,
            "cap_s": wagtail_cap_s,
            "sample": len(sample),
            "index_pages_per_s": round(rate, 1),
        }
    else:
        result["wagtail"] = {"p50_ms": None, "p95_ms": None, "capped": 0, "sample": 0}

    result["by_kind_ms"] = by_kind_ms(mix, service_ms, floor_ms)
    by_kind: dict[str, dict] = {}
    for bq, s_total, f_hits in zip(mix, service_totals, floor_hits, strict=True):
        row = by_kind.setdefault(bq.kind, {"queries": 0, "service_zero": 0, "floor_zero": 0})
        row["queries"] += 1
        row["service_zero"] += s_total == 0
        row["floor_zero"] += f_hits == 0
    result["hits"] = {
        "service_zero_results": sum(t == 0 for t in service_totals),
        "floor_zero_results": sum(h == 0 for h in floor_hits),
        "by_kind": by_kind,
        "sample": wagtail_rows,
    }
    result["peak_rss_mb"] = peak_rss_mb()
    log(f"peak RSS: {result['peak_rss_mb']} MB")
    return result


def by_kind_ms(mix, service_ms: list[float], floor_ms: list[float]) -> dict:
    """Service and floor percentiles per query kind, to see which kinds make the tail."""
    samples: dict[str, tuple[list, list]] = {}
    for bq, s_ms, f_ms in zip(mix, service_ms, floor_ms, strict=True):
        s_list, f_list = samples.setdefault(bq.kind, ([], []))
        s_list.append(s_ms)
        f_list.append(f_ms)
    return {
        kind: {"queries": len(s), "service": percentiles(s), "floor": percentiles(f)}
        for kind, (s, f) in samples.items()
    }


def _counted(items, bar):
    for item in items:
        bar.update(1)
        yield item
