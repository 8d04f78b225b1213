"""Scoring a dev set (the shared one and ours) as shared/eval/README.md says.

Stories are imported with ``import_stories`` and searched through the JSON API,
as a reader's phone would. Each test holds the numbers to its own goals.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.management import call_command


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def load_devset(folder: Path) -> tuple[dict[str, str], list[dict]]:
    """Import the folder's stories; answer (title → source_url, queries)."""
    from exemplars_search import service

    call_command("import_stories", str(folder / "stories.jsonl"), stdout=StringIO())
    # Publishing indexes on commit; the test transaction never commits.
    service.rebuild()
    stories = [json.loads(line) for line in (folder / "stories.jsonl").open(encoding="utf-8")]
    queries = json.loads((folder / "queries.json").read_text(encoding="utf-8"))
    return {nfc(s["title"]): s["source_url"] for s in stories}, queries


def facet_slug(client, facet: str, label: str) -> str:
    facets = client.get("/api/search/", {"page_size": 1}).json()["facets"][facet]
    for value in facets:
        if nfc(value["label"]) == nfc(label):
            return value["value"]
    raise AssertionError(f"no {facet} facet labelled {label!r}: {facets}")


def ranked_urls(client, query, url_of) -> list[str]:
    if query["category"] == "prefix":
        data = client.get("/api/search/suggest/", {"q": query["q"]}).json()
        titles = [s["title"] for s in data["suggestions"]]
    else:
        params = {"q": query["q"], "page_size": 20}
        for name, value in (query.get("filters") or {}).items():
            if name in ("campaign", "locality", "field"):
                value = facet_slug(client, name, value)
            params[name] = value
        response = client.get("/api/search/", params)
        assert response.status_code == 200, response.content
        titles = [r["title"] for r in response.json()["results"]]
    return [url_of.get(nfc(t), f"?{t}") for t in titles]


@dataclass
class Scores:
    per_category: dict[str, float]
    first_rate: float
    mrr: float
    misses: list[tuple]


def score(client, devset) -> Scores:
    """Recall@k per category, must-rank-first rate and MRR, printed (``pytest -s``)."""
    url_of, queries = devset
    recall = defaultdict(list)
    reciprocal_ranks, first_hits, misses = [], [], []
    for query in queries:
        ranked = ranked_urls(client, query, url_of)
        relevant = set(query["relevant"])
        k = 8 if query["category"] == "prefix" else max(10, len(relevant))
        recall[query["category"]].append(len(relevant & set(ranked[:k])) / len(relevant))
        rank = next((i for i, u in enumerate(ranked, 1) if u in relevant), None)
        reciprocal_ranks.append(1 / rank if rank else 0.0)
        if query.get("must_rank_first"):
            first_hits.append(bool(ranked) and ranked[0] == query["must_rank_first"])
        if recall[query["category"]][-1] < 1 or (
            query.get("must_rank_first") and not first_hits[-1]
        ):
            misses.append((query["id"], query["q"], ranked[:5]))
    scores = Scores(
        per_category={c: sum(v) / len(v) for c, v in recall.items()},
        first_rate=sum(first_hits) / len(first_hits),
        mrr=sum(reciprocal_ranks) / len(reciprocal_ranks),
        misses=misses,
    )
    print("\nrecall@10 per category:", json.dumps(scores.per_category, indent=1))
    print(f"must-rank-first rate: {scores.first_rate:.3f}  MRR: {scores.mrr:.3f}")
    for miss in misses:
        print("miss:", miss)
    return scores
