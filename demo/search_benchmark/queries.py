"""The fixed mix of reader queries the benchmark runs (seeded, 200 by default)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from exemplars_search.text import fold, slugify_vi

from . import corpus


@dataclass
class BenchQuery:
    kind: str
    q: str
    filters: dict = field(default_factory=dict)


def _words(phrase: str) -> list[str]:
    return phrase.replace(",", "").split()


def mix(n: int = 200, seed: int = 7) -> list[BenchQuery]:
    """Common and rare words, with and without marks, phrases, exclusions, filters."""
    rng = random.Random(seed)
    pools = corpus.OBJECTS + corpus.VERBS + corpus.SUBJECTS
    makers = [
        # A common phrase as typed, and the same without marks.
        lambda: BenchQuery("common", rng.choice(corpus.OBJECTS[:8])),
        lambda: BenchQuery("common_folded", fold(rng.choice(corpus.OBJECTS[:8]))),
        # One very common word.
        lambda: BenchQuery("common_word", rng.choice(["đồng", "dong", "đoàn", "xây", "nông"])),
        # Rare: names and tail phrases.
        lambda: BenchQuery("rare_name", corpus.person(rng)),
        lambda: BenchQuery("rare_name_folded", fold(corpus.person(rng))),
        lambda: BenchQuery("rare", rng.choice(corpus.OBJECTS[-10:])),
        # đ typed as d, marks kept.
        lambda: BenchQuery(
            "d_folding",
            rng.choice(["dường quê", "dờn ca tài tử", "Dàm Thị", "diện mặt trời", "dổi mới"]),
        ),
        lambda: BenchQuery("phrase", f'"{rng.choice(pools)}"'),
        lambda: BenchQuery(
            "exclude", f"{rng.choice(corpus.OBJECTS[:10])} -{rng.choice(['ma túy', 'tra', 'Chăm'])}"
        ),
        lambda: BenchQuery(
            "filtered",
            rng.choice(corpus.OBJECTS[:15]),
            {
                "campaign": [slugify_vi(rng.choice(corpus.CAMPAIGNS))],
                "year": rng.choice(corpus.YEARS),
            },
        ),
        lambda: BenchQuery(
            "filtered_locality",
            fold(rng.choice(corpus.VERBS)),
            {"locality": [slugify_vi(rng.choice(corpus.LOCALITIES))], "kind": "individual"},
        ),
        lambda: BenchQuery(
            "long",
            " ".join(_words(rng.choice(corpus.SUBJECTS)) + _words(rng.choice(corpus.OBJECTS))),
        ),
    ]
    return [makers[i % len(makers)]() for i in range(n)]
