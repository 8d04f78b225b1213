"""Generate archive lines in the ``import_stories`` format, for benchmarks.

    python -m demo.generate_import 10000 > /tmp/stories-10k.jsonl

The text is assembled from the demo's own vocabulary, deterministically from
``--seed``, so two runs give the same file. Names are sometimes sent in NFD or
another case, as real archives do, to exercise name matching.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import unicodedata

from demo.content import CAMPAIGNS, FIELDS, LOCALITIES

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Đỗ", "Đoàn", "Đinh", "Bùi"]
_MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Thanh", "Quốc", "Ngọc", "Đức"]
_GIVEN = ["Đạt", "Đông", "Điệp", "Hậu", "Lộc", "Phước", "Dũng", "Hạnh", "Tâm", "Đào", "Sơn"]
_COLLECTIVES = [
    "Hợp tác xã {}",
    "Tổ hợp tác {}",
    "Chi hội phụ nữ {}",
    "Đoàn thanh niên xã {}",
    "Trường Tiểu học {}",
    "Trạm Y tế {}",
]
_DEEDS = [
    "đưa nông sản {} lên sàn thương mại điện tử",
    "hiến đất làm đường nông thôn mới ở {}",
    "giúp hộ nghèo {} thoát nghèo bền vững",
    "giữ bình yên đường biên {}",
    "tổ chức hiến máu tình nguyện tại {}",
    "mở lớp học tình thương cho trẻ em {}",
    "trồng rừng phòng hộ trên núi {}",
    "số hóa hồ sơ hành chính ở {}",
]
_SENTENCES = [
    "Từ những ngày đầu khó khăn, {name} đã kiên trì học hỏi, tìm tòi cách làm mới.",
    "Bà con ở {place} quen gọi {name} là người đi đầu trong phong trào thi đua.",
    "Mô hình được địa phương tổng kết và nhân rộng ra nhiều ấp, khóm lân cận.",
    "Điển hình tiên tiến này được UBND tỉnh biểu dương trong hội nghị cuối năm.",
    "Con đường bê tông về tới đầu ngõ là niềm vui của người dân vùng đồng bằng.",
    "Thu nhập của các thành viên tăng gấp đôi so với trước khi tham gia.",
    "Cách làm này góp phần đưa xã về đích nông thôn mới nâng cao.",
    "Mỗi năm, hàng trăm lượt người đến tham quan, học tập kinh nghiệm.",
]
_AWARDS = [
    "Bằng khen của UBND tỉnh",
    "Bằng khen của Thủ tướng Chính phủ",
    "Cờ thi đua của Chính phủ",
    "Giấy khen của UBND huyện",
]
_TAGS = ["nông thôn mới", "giảm nghèo", "hiến máu", "chuyển đổi số", "khởi nghiệp", "biên giới"]


def _maybe_mangle(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return unicodedata.normalize("NFD", name)
    if roll < 0.15:
        return name.upper()
    return name


def make_line(i: int, rng: random.Random) -> dict:
    """One archive story, numbered ``i`` (its source URL is unique per number)."""
    places = [loc["name"] for loc in LOCALITIES if loc["kind"] != "province"]
    place = rng.choice(places)
    if rng.random() < 0.6:
        name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
        kind = "individual"
    else:
        name = rng.choice(_COLLECTIVES).format(place)
        kind = "collective"
    deed = rng.choice(_DEEDS).format(place)
    published = dt.datetime(
        2021, 1, 1, 7, tzinfo=dt.timezone(dt.timedelta(hours=7))
    ) + dt.timedelta(days=rng.randrange(0, 5 * 365), minutes=rng.randrange(0, 600))
    paragraphs = [
        rng.choice(_SENTENCES).format(name=name, place=place)
        + " "
        + rng.choice(_SENTENCES).format(name=name, place=place)
        for _ in range(rng.randint(3, 6))
    ]
    return {
        "title": f"{name} {deed} (số {i})",
        "intro": f"{name} ở {place} là gương điển hình tiên tiến: {deed}.",
        "body": "".join(f"<p>{p}</p>" for p in paragraphs),
        "published": published.isoformat(),
        "campaigns": [
            _maybe_mangle(rng, c["name"]) for c in rng.sample(CAMPAIGNS, rng.randint(1, 2))
        ],
        "locality": _maybe_mangle(rng, place),
        "field": _maybe_mangle(rng, rng.choice(FIELDS)),
        "exemplar": {"name": _maybe_mangle(rng, name), "kind": kind},
        "awards": rng.sample(_AWARDS, rng.randint(0, 2)),
        "tags": rng.sample(_TAGS, rng.randint(0, 3)),
        "author": rng.choice(["M.L", "Hữu Huấn", "Thanh Tiến", "Hạnh Châu", "Đức Toàn"]),
        "source_url": f"https://archive.example/dien-hinh/bai-{i}.html",
    }


def generate(n: int, seed: int = 2025):
    rng = random.Random(seed)
    for i in range(1, n + 1):
        yield make_line(i, rng)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    out = sys.stdout
    for line in generate(args.count, args.seed):
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
