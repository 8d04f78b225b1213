"""The fixed mix of reader queries the benchmark runs (seeded, 200 by default)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from demo.search_benchmark import corpus
from exemplars_search.text import fold, slugify_vi


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
        # Queries that find nothing as typed, so the service tries its corrections
        # (search/correct.py): a slip of one key in a common phrase, and words no
        # story uses (the whole correction budget spent for nothing).
        lambda: BenchQuery("slip", _slip(rng, rng.choice(corpus.OBJECTS[:15]))),
        lambda: BenchQuery("nothing", _gibberish(rng)),
    ]
    return [makers[i % len(makers)]() for i in range(n)]


# Keys beside each other on a phone's QWERTY keyboard.
_NEIGHBOURS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wertyuiopqsdfghjklaxcvbnmz", strict=True))


def _slip(rng: random.Random, phrase: str) -> str:
    """``phrase`` with one letter of one word replaced by the key beside it."""
    words = phrase.split()
    i = rng.randrange(len(words))
    letters = [n for n, c in enumerate(words[i]) if c in _NEIGHBOURS]
    if letters:
        n = rng.choice(letters)
        words[i] = words[i][:n] + _NEIGHBOURS[words[i][n]] + words[i][n + 1 :]
    return " ".join(words)


def _gibberish(rng: random.Random) -> str:
    return " ".join(
        "".join(rng.choice("bcdfghklmnpqrstvxz") for _ in range(rng.randint(4, 6)))
        for _ in range(rng.randint(1, 3))
    )
