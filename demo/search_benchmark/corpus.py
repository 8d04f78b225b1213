"""Seeded synthetic Vietnamese exemplar stories.

Sentences are stitched from phrase pools whose use follows a Zipf curve, so
some words are in half the stories and some (people's names) in a handful,
as in a real archive; many words carry đ and two-mark vowels.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from exemplars_search.documents import Facet, SearchDocument
from exemplars_search.text import slugify_vi

ICT = dt.timezone(dt.timedelta(hours=7))

LOCALITIES = [
    "Châu Đốc",
    "Long Xuyên",
    "Tân Châu",
    "Châu Phú",
    "An Phú",
    "Phú Tân",
    "Chợ Mới",
    "Thoại Sơn",
    "Tri Tôn",
    "Tịnh Biên",
    "Châu Thành",
    "Mỹ Bình",
    "Mỹ Hòa Hưng",
    "Vĩnh Thạnh Trung",
    "Núi Sam",
    "Châu Phong",
    "Đa Phước",
    "Vĩnh Xương",
    "Khánh Bình",
    "Định Mỹ",
    "Óc Eo",
    "Ba Chúc",
    "Núi Sập",
    "Đào Hữu Cảnh",
    "Bình Đức",
    "Mỹ Đức",
    "Hòa Bình",
    "Tân Lập",
    "Phú Hữu",
    "Đông Bình Trạch",
]
CAMPAIGNS = [
    "An Giang chung sức xây dựng nông thôn mới",
    "Vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Phụ nữ tích cực học tập, lao động sáng tạo",
    "Nông dân sản xuất, kinh doanh giỏi",
    "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
    "Cả nước thi đua xây dựng xã hội học tập",
    "Thanh niên lập thân, lập nghiệp",
    "Toàn dân bảo vệ an ninh Tổ quốc",
]
FIELDS = [
    "Nông nghiệp",
    "Y tế",
    "Giáo dục",
    "Văn hóa",
    "Công an",
    "Quân sự",
    "Doanh nghiệp",
    "Thủy sản",
    "Môi trường",
    "Đoàn thể",
]
YEARS = list(range(2019, 2026))
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Đặng",
    "Đỗ",
    "Đoàn",
    "Đàm",
    "Bùi",
    "Dương",
]
MIDDLES = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Quốc", "Hồng", "Kim"]
GIVENS = [
    "Hậu",
    "Nhung",
    "Việt",
    "Đạt",
    "Điền",
    "Đông",
    "Dũng",
    "Hạnh",
    "Lụa",
    "Tâm",
    "Phước",
    "Sang",
    "Thảo",
    "Trinh",
    "Đào",
    "Lộc",
    "Nghĩa",
    "Khoa",
    "Bích",
    "Oanh",
    "Tú",
    "Yến",
]
SUBJECTS = [
    "bà con nông dân",
    "đoàn viên thanh niên",
    "cán bộ, đảng viên",
    "hội viên phụ nữ",
    "chi đoàn ấp",
    "các hộ nghèo",
    "đội dân phòng",
    "người dân địa phương",
    "ban điều hành ấp",
    "hợp tác xã",
    "các doanh nghiệp",
    "đồng bào dân tộc Khmer",
    "đồng bào Chăm",
    "lực lượng công an xã",
    "giáo viên trường tiểu học",
    "y bác sĩ trạm y tế",
    "tổ hợp tác",
    "câu lạc bộ hiến máu",
    "hội cựu chiến binh",
    "các mạnh thường quân",
]
VERBS = [
    "đóng góp",
    "đi đầu",
    "tích cực tham gia",
    "vận động",
    "đầu tư",
    "đổi mới cách làm",
    "xây dựng",
    "hỗ trợ",
    "nhân rộng",
    "phát triển",
    "bảo vệ",
    "giữ gìn",
    "đẩy mạnh",
    "tuyên truyền",
    "chăm lo",
    "khởi nghiệp",
    "liên kết",
    "ứng dụng",
    "đào tạo",
    "hiến tặng",
]
OBJECTS = [
    "điển hình tiên tiến",
    "nông thôn mới",
    "đường giao thông nông thôn",
    "cầu bê tông",
    "nhà đại đoàn kết",
    "mô hình kinh tế",
    "vùng nuôi cá tra",
    "cánh đồng lúa",
    "nghề dệt thổ cẩm",
    "lụa Tân Châu",
    "điện mặt trời",
    "đường quê",
    "mùa nước nổi",
    "đờn ca tài tử",
    "an ninh trật tự",
    "phong trào thi đua",
    "học bổng cho học sinh",
    "máu tình nguyện",
    "ruộng đất",
    "đời sống văn hóa",
    "chợ nổi Long Xuyên",
    "đường thốt nốt",
    "khoa học kỹ thuật",
    "giống lúa mới",
    "trái cây đặc sản",
    "nước sạch",
    "vườn xoài",
    "đàn bò sinh sản",
    "lớp học tình thương",
    "ma túy",
    "tôm càng xanh",
    "cây thốt nốt",
    "đồ gốm",
    "mắm Châu Đốc",
]
ADVERBIALS = [
    "trên địa bàn tỉnh",
    "trong nhiều năm qua",
    "ở vùng biên giới",
    "tại địa phương",
    "giai đoạn 2021 - 2025",
    "ngay từ đầu năm",
    "dù còn nhiều khó khăn",
    "một cách bền vững",
    "bằng nhiều hình thức",
    "với tinh thần đoàn kết",
    "suốt mùa khô",
    "trong đợt thi đua",
]
HONOURS = [
    "được UBND tỉnh tặng Bằng khen",
    "nhận Cờ thi đua của Chính phủ",
    "được Thủ tướng Chính phủ tặng Bằng khen",
    "được tuyên dương điển hình tiên tiến",
]


def zipf(rng: random.Random, pool: list[str]) -> str:
    return rng.choices(pool, weights=_weights(len(pool)))[0]


_WEIGHT_CACHE: dict[int, list[float]] = {}


def _weights(n: int) -> list[float]:
    if n not in _WEIGHT_CACHE:
        _WEIGHT_CACHE[n] = [1 / (rank + 1) for rank in range(n)]
    return _WEIGHT_CACHE[n]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVENS)}"


def sentence(rng: random.Random, place: str) -> str:
    s = (
        f"{zipf(rng, SUBJECTS).capitalize()} {place if rng.random() < 0.3 else ''} "
        f"{zipf(rng, VERBS)} {zipf(rng, OBJECTS)} {zipf(rng, ADVERBIALS)}"
    )
    return " ".join(s.split()) + "."


def story(i: int, seed: int = 42) -> SearchDocument:
    """Story number ``i`` (always the same for the same seed)."""
    rng = random.Random(seed * 1_000_003 + i)
    name = person(rng)
    place = zipf(rng, LOCALITIES)
    topic = zipf(rng, OBJECTS)
    kind = "individual" if rng.random() < 0.6 else "collective"
    who = name if kind == "individual" else f"{zipf(rng, SUBJECTS).capitalize()} {place}"
    title = f"{who} {zipf(rng, VERBS)} {topic} ở {place}"
    intro = f"{who} {zipf(rng, HONOURS)} nhờ {zipf(rng, VERBS)} {topic} {zipf(rng, ADVERBIALS)}."
    body = " ".join(sentence(rng, place) for _ in range(rng.randint(10, 22)))
    body += f" {name} chia sẻ: “Làm {topic} phải bền bỉ, đoàn kết mới thành công”."
    year = rng.choice(YEARS)
    published = dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28), 8, tzinfo=ICT)
    campaigns = rng.sample(CAMPAIGNS, k=rng.choice((1, 1, 2)))
    locality = Facet(slugify_vi(place), place)
    field = rng.choice(FIELDS)
    return SearchDocument(
        id=i + 1,
        title=title,
        intro=intro,
        body=body,
        url=f"/dien-hinh/bai-{i + 1}/",
        published=published,
        kind=kind,
        exemplar=who,
        campaigns=[Facet(slugify_vi(c), c) for c in campaigns],
        locality=locality,
        localities=[locality.slug, "an-giang"],
        field=Facet(slugify_vi(field), field),
    )


def stories(n: int, seed: int = 42) -> Iterator[SearchDocument]:
    for i in range(n):
        yield story(i, seed)
