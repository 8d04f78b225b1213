"""Reference data of the demo site: campaigns, localities, fields, authors, sections.

Plain data only, so it can be read, reviewed and translated without touching the
loader (``exemplars.management.commands.load_demo``). Stories live in
``stories_*.py`` and refer to these records by name.

Decision numbers and the commune mergers are plausible demo values written for
this site, not an official register.
"""

SITE_NAME = "Báo An Giang - Điển hình tiên tiến"

HOME = {
    "title": "Báo An Giang",
    "slug": "trang-chu",
    "intro": (
        "Chuyên trang điển hình tiên tiến của Báo An Giang: gương người tốt, việc tốt, "
        "các tập thể, cá nhân tiêu biểu trong phong trào thi đua yêu nước."
    ),
}

# The first section is the chuyên trang; the rest are chuyên mục beneath it.
SECTIONS = [
    {
        "key": "dien-hinh-tien-tien",
        "title": "Điển hình tiên tiến",
        "kind": "page",
        "intro": (
            "Phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến: câu chuyện của "
            "những tập thể, cá nhân làm nên phong trào thi đua ở An Giang."
        ),
    },
    {
        "key": "guong-sang-nong-thon",
        "title": "Gương sáng nông thôn",
        "kind": "column",
        "parent": "dien-hinh-tien-tien",
        "intro": "Nông dân giỏi, hợp tác xã kiểu mới và những con đường nông thôn mới.",
    },
    {
        "key": "nguoi-tot-viec-tot",
        "title": "Người tốt việc tốt",
        "kind": "column",
        "parent": "dien-hinh-tien-tien",
        "intro": "Những việc làm thầm lặng vì cộng đồng, vì người nghèo, vì bình yên xóm ấp.",
    },
    {
        "key": "thi-dua-cong-so",
        "title": "Thi đua nơi công sở",
        "kind": "column",
        "parent": "dien-hinh-tien-tien",
        "intro": "Cán bộ, công chức, viên chức, thầy thuốc, thầy cô và chiến sĩ tiêu biểu.",
    },
]

# Levels: national, provincial, sector, local (the model's vocabulary).
CAMPAIGNS = [
    {
        "name": "Cả nước chung sức xây dựng nông thôn mới",
        "short_name": "Chung sức xây dựng nông thôn mới",
        "level": "national",
        "start_year": 2011,
        "end_year": None,
        "launched_by": "Thủ tướng Chính phủ",
        "decision_number": "1620/QĐ-TTg",
        "decision_date": "2011-09-20",
        "description": (
            "Phong trào thi đua do Thủ tướng Chính phủ phát động, huy động mọi nguồn lực của "
            "người dân, doanh nghiệp và cả hệ thống chính trị cùng xây dựng nông thôn mới."
        ),
    },
    {
        "name": "An Giang chung sức xây dựng nông thôn mới",
        "short_name": "An Giang chung sức xây dựng NTM",
        "level": "provincial",
        "parent": "Cả nước chung sức xây dựng nông thôn mới",
        "start_year": 2021,
        "end_year": 2025,
        "launched_by": "UBND tỉnh An Giang",
        "decision_number": "1185/QĐ-UBND",
        "decision_date": "2021-05-24",
        "description": (
            "Cụ thể hóa phong trào của Trung ương trên địa bàn tỉnh: mỗi xã, mỗi ấp, mỗi hộ "
            "dân góp sức để đạt chuẩn nông thôn mới, nông thôn mới nâng cao và kiểu mẫu."
        ),
        "drives": [
            {
                "name": "Đợt thi đua 100 ngày về đích nông thôn mới năm 2024",
                "occasion": "Hoàn thành chỉ tiêu xã đạt chuẩn nông thôn mới nâng cao năm 2024",
                "start": "2024-09-01",
                "end": "2024-12-10",
            },
        ],
    },
    {
        "name": "Vì người nghèo - Không để ai bị bỏ lại phía sau",
        "short_name": "Vì người nghèo",
        "level": "provincial",
        "start_year": 2021,
        "end_year": 2025,
        "launched_by": "UBND tỉnh An Giang",
        "decision_number": "1456/QĐ-UBND",
        "decision_date": "2021-06-18",
        "description": (
            "Phong trào chung tay giảm nghèo bền vững: xóa nhà tạm, hỗ trợ sinh kế, chăm lo "
            "học hành và sức khỏe cho hộ nghèo, hộ cận nghèo."
        ),
        "drives": [
            {
                "name": "Đợt thi đua xóa nhà tạm, nhà dột nát năm 2025",
                "occasion": "Chào mừng 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9",
                "start": "2025-03-01",
                "end": "2025-09-02",
            },
        ],
    },
    {
        "name": "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "short_name": "Văn hóa công sở",
        "level": "national",
        "start_year": 2019,
        "end_year": 2025,
        "launched_by": "Thủ tướng Chính phủ",
        "decision_number": "1847/QĐ-TTg",
        "decision_date": "2018-12-27",
        "description": (
            "Xây dựng phong cách làm việc chuyên nghiệp, tận tụy, văn minh của đội ngũ cán bộ, "
            "công chức, viên chức; lấy sự hài lòng của người dân làm thước đo."
        ),
    },
    {
        "name": (
            "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; "
            "thực hành tiết kiệm, chống lãng phí"
        ),
        "short_name": "Hạ tầng đồng bộ, chống lãng phí",
        "level": "national",
        "start_year": 2022,
        "end_year": 2025,
        "launched_by": "Thủ tướng Chính phủ",
        "decision_number": "964/QĐ-TTg",
        "decision_date": "2022-08-10",
        "description": (
            "Thi đua hoàn thành các công trình giao thông, thủy lợi, hạ tầng số đúng tiến độ, "
            "bảo đảm chất lượng, tiết kiệm vốn đầu tư."
        ),
        "drives": [
            {
                "name": "Đợt thi đua cao điểm chào mừng Đại hội Đảng bộ tỉnh",
                "occasion": (
                    "Chào mừng Đại hội đại biểu Đảng bộ tỉnh An Giang lần thứ I, "
                    "nhiệm kỳ 2025 - 2030"
                ),
                "start": "2025-07-01",
                "end": "2025-10-15",
            },
        ],
    },
    {
        "name": "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời",
        "short_name": "Xã hội học tập",
        "level": "national",
        "start_year": 2023,
        "end_year": 2030,
        "launched_by": "Thủ tướng Chính phủ",
        "decision_number": "1282/QĐ-TTg",
        "decision_date": "2023-10-30",
        "description": (
            "Mỗi người dân, mỗi gia đình, dòng họ, cộng đồng đều học tập, học thường xuyên, "
            "học suốt đời; giai đoạn 2023 - 2030."
        ),
    },
    {
        "name": "Nông dân sản xuất, kinh doanh giỏi",
        "short_name": "Nông dân giỏi",
        "level": "sector",
        "start_year": 1989,
        "end_year": None,
        "launched_by": "Trung ương Hội Nông dân Việt Nam",
        "decision_number": "",
        "decision_date": None,
        "description": (
            "Phong trào của Hội Nông dân: làm giàu chính đáng, giúp nhau giảm nghèo, "
            "liên kết sản xuất theo chuỗi giá trị."
        ),
    },
    {
        "name": "Phụ nữ tích cực học tập, lao động sáng tạo",
        "short_name": "Phụ nữ tích cực",
        "level": "sector",
        "start_year": 2022,
        "end_year": 2027,
        "launched_by": "Hội Liên hiệp Phụ nữ tỉnh An Giang",
        "decision_number": "52/KH-HPN",
        "decision_date": "2022-03-01",
        "description": (
            "Phong trào của các cấp hội phụ nữ: học tập nâng cao trình độ, khởi nghiệp, "
            "xây dựng gia đình no ấm, tiến bộ, hạnh phúc."
        ),
    },
    {
        "name": "Toàn dân bảo vệ an ninh Tổ quốc",
        "short_name": "Bảo vệ an ninh Tổ quốc",
        "level": "national",
        "start_year": 1962,
        "end_year": None,
        "launched_by": "Bộ Công an",
        "decision_number": "",
        "decision_date": None,
        "description": (
            "Phong trào quần chúng giữ gìn an ninh chính trị, trật tự an toàn xã hội ở "
            "từng khóm, ấp, khu dân cư."
        ),
    },
    {
        "name": "Châu Đốc xanh - sạch - đẹp - văn minh",
        "short_name": "Châu Đốc xanh",
        "level": "local",
        "start_year": 2022,
        "end_year": 2025,
        "launched_by": "UBND thành phố Châu Đốc",
        "decision_number": "318/QĐ-UBND",
        "decision_date": "2022-02-14",
        "description": (
            "Phong trào của thành phố du lịch Châu Đốc: đường phố sạch, bờ sông xanh, "
            "người dân và tiểu thương văn minh với du khách."
        ),
    },
]

# Locality kinds: province, city, town, district, ward, commune, township, special_zone.
# ``until`` is the last day the unit existed; ``successor`` names the unit that took
# over its area (and its stories). Units of the new An Giang start on 2025-07-01.
MERGER_DATE = "2025-07-01"
LAST_DAY_BEFORE_MERGER = "2025-06-30"
MERGER_DECISION = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội"

_OLD = {"until": LAST_DAY_BEFORE_MERGER}

LOCALITIES = [
    # Provinces before and after the merger. The new province keeps the name.
    {
        "key": "an-giang-cu",
        "name": "An Giang",
        "kind": "province",
        "since": "1976-02-20",
        **_OLD,
        "successor": "an-giang",
        "note": MERGER_DECISION,
    },
    {
        "key": "kien-giang",
        "name": "Kiên Giang",
        "kind": "province",
        "since": "1976-02-20",
        **_OLD,
        "successor": "an-giang",
        "note": MERGER_DECISION,
    },
    {
        "key": "an-giang",
        "name": "An Giang",
        "kind": "province",
        "since": MERGER_DATE,
        "note": "Tỉnh An Giang mới, trung tâm hành chính tại Rạch Giá",
    },
    # Districts, towns and cities of the old An Giang, abolished on 2025-07-01.
    {
        "key": "long-xuyen",
        "name": "Long Xuyên",
        "kind": "city",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "p-long-xuyen",
    },
    {
        "key": "chau-doc",
        "name": "Châu Đốc",
        "kind": "city",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "p-chau-doc",
    },
    {
        "key": "tan-chau",
        "name": "Tân Châu",
        "kind": "town",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "p-tan-chau",
    },
    {
        "key": "tinh-bien",
        "name": "Tịnh Biên",
        "kind": "town",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "chau-phu",
        "name": "Châu Phú",
        "kind": "district",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "tri-ton",
        "name": "Tri Tôn",
        "kind": "district",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "phu-tan",
        "name": "Phú Tân",
        "kind": "district",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "cho-moi",
        "name": "Chợ Mới",
        "kind": "district",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "thoai-son",
        "name": "Thoại Sơn",
        "kind": "district",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "an-phu",
        "name": "An Phú",
        "kind": "district",
        "parent": "an-giang-cu",
        **_OLD,
        "successor": "an-giang",
    },
    # Kiên Giang.
    {
        "key": "rach-gia",
        "name": "Rạch Giá",
        "kind": "city",
        "parent": "kien-giang",
        **_OLD,
        "successor": "p-rach-gia",
    },
    {
        "key": "phu-quoc-tp",
        "name": "Phú Quốc",
        "kind": "city",
        "parent": "kien-giang",
        **_OLD,
        "successor": "dk-phu-quoc",
    },
    {
        "key": "ha-tien",
        "name": "Hà Tiên",
        "kind": "city",
        "parent": "kien-giang",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "hon-dat",
        "name": "Hòn Đất",
        "kind": "district",
        "parent": "kien-giang",
        **_OLD,
        "successor": "an-giang",
    },
    {
        "key": "giong-rieng",
        "name": "Giồng Riềng",
        "kind": "district",
        "parent": "kien-giang",
        **_OLD,
        "successor": "an-giang",
    },
    # Communes and wards before the merger.
    {
        "key": "my-binh",
        "name": "Mỹ Bình",
        "kind": "ward",
        "parent": "long-xuyen",
        **_OLD,
        "successor": "p-long-xuyen",
    },
    {
        "key": "my-long",
        "name": "Mỹ Long",
        "kind": "ward",
        "parent": "long-xuyen",
        **_OLD,
        "successor": "p-long-xuyen",
    },
    {
        "key": "my-xuyen",
        "name": "Mỹ Xuyên",
        "kind": "ward",
        "parent": "long-xuyen",
        **_OLD,
        "successor": "p-long-xuyen",
    },
    {
        "key": "chau-phu-a",
        "name": "Châu Phú A",
        "kind": "ward",
        "parent": "chau-doc",
        **_OLD,
        "successor": "p-chau-doc",
    },
    {
        "key": "chau-phu-b",
        "name": "Châu Phú B",
        "kind": "ward",
        "parent": "chau-doc",
        **_OLD,
        "successor": "p-chau-doc",
    },
    {
        "key": "nui-sam",
        "name": "Núi Sam",
        "kind": "ward",
        "parent": "chau-doc",
        **_OLD,
        "successor": "p-vinh-te",
    },
    {
        "key": "long-son",
        "name": "Long Sơn",
        "kind": "ward",
        "parent": "tan-chau",
        **_OLD,
        "successor": "p-tan-chau",
    },
    {
        "key": "chau-phong-cu",
        "name": "Châu Phong",
        "kind": "commune",
        "parent": "tan-chau",
        **_OLD,
        "successor": "x-chau-phong",
    },
    {
        "key": "luong-phi",
        "name": "Lương Phi",
        "kind": "commune",
        "parent": "tri-ton",
        **_OLD,
        "successor": "x-o-lam",
    },
    {
        "key": "o-lam-cu",
        "name": "Ô Lâm",
        "kind": "commune",
        "parent": "tri-ton",
        **_OLD,
        "successor": "x-o-lam",
    },
    {
        "key": "binh-my",
        "name": "Bình Mỹ",
        "kind": "commune",
        "parent": "chau-phu",
        **_OLD,
        "successor": "x-binh-my",
    },
    {
        "key": "kien-an",
        "name": "Kiến An",
        "kind": "commune",
        "parent": "cho-moi",
        **_OLD,
        "successor": "x-cu-lao-gieng",
    },
    {
        "key": "nui-sap",
        "name": "Núi Sập",
        "kind": "township",
        "parent": "thoai-son",
        **_OLD,
        "successor": "x-thoai-son",
    },
    {
        "key": "vong-the",
        "name": "Vọng Thê",
        "kind": "commune",
        "parent": "thoai-son",
        **_OLD,
        "successor": "x-thoai-son",
    },
    {
        "key": "duong-dong",
        "name": "Dương Đông",
        "kind": "ward",
        "parent": "phu-quoc-tp",
        **_OLD,
        "successor": "dk-phu-quoc",
    },
    {
        "key": "ham-ninh",
        "name": "Hàm Ninh",
        "kind": "commune",
        "parent": "phu-quoc-tp",
        **_OLD,
        "successor": "dk-phu-quoc",
    },
    # Communes, wards and special zones of the new An Giang (two-tier government).
    {
        "key": "p-long-xuyen",
        "name": "phường Long Xuyên",
        "kind": "ward",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "p-chau-doc",
        "name": "phường Châu Đốc",
        "kind": "ward",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "p-vinh-te",
        "name": "phường Vĩnh Tế",
        "kind": "ward",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "p-tan-chau",
        "name": "phường Tân Châu",
        "kind": "ward",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "x-chau-phong",
        "name": "xã Châu Phong",
        "kind": "commune",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "x-o-lam",
        "name": "xã Ô Lâm",
        "kind": "commune",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "x-binh-my",
        "name": "xã Bình Mỹ",
        "kind": "commune",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "x-cu-lao-gieng",
        "name": "xã Cù Lao Giêng",
        "kind": "commune",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "x-thoai-son",
        "name": "xã Thoại Sơn",
        "kind": "commune",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "p-rach-gia",
        "name": "phường Rạch Giá",
        "kind": "ward",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
    {
        "key": "dk-phu-quoc",
        "name": "đặc khu Phú Quốc",
        "kind": "special_zone",
        "parent": "an-giang",
        "since": MERGER_DATE,
    },
]

FIELDS = [
    "nông nghiệp",
    "thủy sản",
    "giáo dục",
    "y tế",
    "văn hóa - xã hội",
    "an ninh trật tự",
    "công nghiệp - thủ công",
    "môi trường",
    "xây dựng nông thôn mới",
    "an sinh xã hội",
    "chuyển đổi số",
    "cải cách hành chính",
    "giao thông - hạ tầng",
    "du lịch",
]

AUTHORS = [
    {
        "pen_name": "M.L",
        "full_name": "Mai Lâm",
        "bio": (
            "Phóng viên ban Thời sự, hơn 15 năm theo dõi công tác thi đua, khen thưởng; "
            "chụp ảnh phần lớn các lễ tuyên dương điển hình tiên tiến của tỉnh."
        ),
        "colour": (176, 32, 40),
    },
    {
        "pen_name": "Hữu Huấn",
        "full_name": "Nguyễn Hữu Huấn",
        "bio": (
            "Phóng viên mảng nông nghiệp - nông thôn, thường trú ở Châu Phú; quen mặt với "
            "các hội quán nông dân và hợp tác xã đầu nguồn sông Hậu."
        ),
        "colour": (22, 110, 64),
    },
    {
        "pen_name": "Thanh Tiến",
        "full_name": "Lê Thanh Tiến",
        "bio": (
            "Phóng viên văn hóa - xã hội, viết về giáo dục, y tế và đồng bào Khmer vùng Bảy Núi."
        ),
        "colour": (24, 78, 150),
    },
    {
        "pen_name": "Hạnh Châu",
        "full_name": "Trần Hạnh Châu",
        "bio": (
            "Biên tập viên chuyên trang phụ nữ - gia đình, thích những câu chuyện khởi nghiệp "
            "từ bếp nhà và khung cửi."
        ),
        "colour": (160, 70, 140),
    },
    {
        "pen_name": "Đức Toàn",
        "full_name": "Phạm Đức Toàn",
        "bio": (
            "Phóng viên thường trú Phú Quốc - Rạch Giá từ thời Báo Kiên Giang, theo dõi biển "
            "đảo, biên phòng và du lịch."
        ),
        "colour": (0, 120, 140),
    },
    {
        "pen_name": "Ngọc Đông",
        "full_name": "Võ Ngọc Đông",
        "bio": (
            "Phóng viên ảnh và video, phụ trách chuyên mục Người tốt việc tốt trên báo điện tử."
        ),
        "colour": (200, 120, 20),
    },
]

# Award names as the honours in the stories spell them, with their level.
AWARDS = {
    "Cờ thi đua của Chính phủ": "national",
    "Bằng khen của Thủ tướng Chính phủ": "national",
    "Huân chương Lao động hạng Ba": "national",
    "Chiến sĩ thi đua toàn quốc": "national",
    "Bằng khen của Bộ Công an": "sector",
    "Bằng khen của Bộ Y tế": "sector",
    "Bằng khen của Bộ Giáo dục và Đào tạo": "sector",
    "Bằng khen của Trung ương Hội Nông dân Việt Nam": "sector",
    "Cờ thi đua của UBND tỉnh": "provincial",
    "Bằng khen của UBND tỉnh": "provincial",
    "Chiến sĩ thi đua cấp tỉnh": "provincial",
    "Giấy khen của UBND huyện": "local",
}

STAGES = ("discovered", "nurtured", "summed_up", "replicated")
