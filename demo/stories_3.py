"""Demo stories, part 3: "Thi đua nơi công sở" (civil servants, teachers, doctors, builders).

Same shape as ``stories_1``.
"""

OFFICE = "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"
INFRA = "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí"
LEARNING = "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời"
NTM_AG = "An Giang chung sức xây dựng nông thôn mới"

STORIES = [
    {
        "slug": "bo-phan-mot-cua-phuong-my-xuyen",
        "section": "thi-dua-cong-so",
        "title": "Bộ phận một cửa phường Mỹ Xuyên: không để người dân phải chờ",
        "intro": (
            "Hẹn giờ trả kết quả qua tin nhắn, làm việc cả sáng thứ Bảy, Bộ phận một cửa phường "
            "Mỹ Xuyên (Long Xuyên) ba năm liền không có hồ sơ trễ hạn."
        ),
        "published": "2021-04-12T08:00:00+07:00",
        "campaigns": [OFFICE],
        "locality": "my-xuyen",
        "field": "cải cách hành chính",
        "authors": ["M.L"],
        "tags": ["một cửa", "cải cách hành chính", "văn hóa công sở"],
        "hero": {
            "caption": "Công chức Bộ phận một cửa phường Mỹ Xuyên hướng dẫn người dân.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Bộ phận một cửa phường Mỹ Xuyên",
            "kind": "collective",
            "bio": "Bộ phận tiếp nhận và trả kết quả thủ tục hành chính của phường Mỹ Xuyên.",
            "stages": {
                "discovered": "2019-12-01",
                "nurtured": "2020-06-01",
                "summed_up": "2021-03-30",
            },
            "honours": [
                {
                    "award": "Cờ thi đua của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "612/QĐ-UBND",
                    "date": "2021-03-26",
                },
            ],
        },
        "body": [
            "Trên bàn tiếp dân của phường Mỹ Xuyên có một tấm bảng nhỏ: “Nếu phải chờ quá 15 "
            "phút, xin vui lòng báo cho lãnh đạo phường”. Tấm bảng ấy được treo từ năm 2019, đến "
            "nay chưa ai phải dùng tới.",
            "Sáu công chức của bộ phận một cửa chia nhau trực cả giờ nghỉ trưa và sáng thứ Bảy, "
            "để người lao động không phải xin nghỉ làm. Hồ sơ nào đủ điều kiện đều được hẹn giờ "
            "trả qua tin nhắn điện thoại.",
            {
                "title": "Kết quả 2019 - 2021",
                "facts": [
                    "Hơn 14.000 hồ sơ, không hồ sơ nào trễ hạn",
                    "98,7% người dân hài lòng qua khảo sát",
                    "Giảm 40% thời gian chờ so với năm 2018",
                ],
            },
            {
                "quote": (
                    "Người dân tới phường là có việc cần. Mình làm nhanh một chút, người ta đỡ "
                    "mất một buổi công."
                ),
                "by": "Chị Huỳnh Thị Điểm, công chức một cửa",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "co-nguyen-thi-ngoc-diep-nui-sap",
        "section": "thi-dua-cong-so",
        "title": "Cô Nguyễn Thị Ngọc Diệp và lớp học toán bằng trò chơi",
        "intro": (
            "Giáo viên Trường THCS thị trấn Núi Sập (Thoại Sơn) biến những giờ toán khô khan "
            "thành trò chơi, giúp nhiều học trò yếu vươn lên khá giỏi."
        ),
        "published": "2021-11-19T07:30:00+07:00",
        "campaigns": [OFFICE],
        "locality": "nui-sap",
        "field": "giáo dục",
        "authors": ["Thanh Tiến"],
        "tags": ["nhà giáo", "đổi mới phương pháp", "20/11"],
        "hero": {
            "caption": "Cô Nguyễn Thị Ngọc Diệp trong giờ học toán bằng trò chơi.",
            "credit": "Ảnh: Thanh Tiến",
        },
        "exemplar": {
            "name": "Nguyễn Thị Ngọc Diệp",
            "kind": "individual",
            "bio": "Giáo viên Toán Trường THCS thị trấn Núi Sập, chiến sĩ thi đua cấp tỉnh.",
            "stages": {"discovered": "2020-11-20", "nurtured": "2021-05-01"},
            "honours": [
                {
                    "award": "Chiến sĩ thi đua cấp tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "2301/QĐ-UBND",
                    "date": "2021-10-18",
                },
            ],
        },
        "body": [
            "Giờ toán lớp 7A ồn ào như một sân chơi: các nhóm tranh nhau giải câu đố để “mở khóa” "
            "kho báu trên bảng. Cô Diệp đứng cuối lớp, chỉ nhắc nhẹ khi nhóm nào đi sai hướng.",
            "Mười lăm năm đứng lớp, cô nhận ra nhiều học trò vùng nông thôn sợ toán vì thấy nó "
            "xa lạ. Cô đưa bài toán vào chuyện đồng ruộng, chợ búa: tính lãi vụ lúa, đo diện tích "
            "ao cá. Những trò chơi do cô tự thiết kế được đồng nghiệp trong huyện xin dùng.",
            "Trong năm học dạy trực tuyến vì dịch, cô quay hơn 120 video bài giảng ngắn, gửi qua "
            "nhóm Zalo cho học sinh không có máy tính. Cuối năm, lớp cô chủ nhiệm không em nào "
            "bỏ học.",
            {
                "quote": "Học trò không dở toán, chỉ là tụi nhỏ chưa thấy toán gần với mình.",
                "by": "Cô Nguyễn Thị Ngọc Diệp",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "bac-si-dang-minh-dat-benh-vien-chau-doc",
        "section": "thi-dua-cong-so",
        "title": "Bác sĩ Đặng Minh Đạt: người “giữ nhịp tim” ở Bệnh viện Châu Đốc",
        "intro": (
            "Trưởng khoa Hồi sức tích cực Bệnh viện Đa khoa khu vực tỉnh tại Châu Đốc đã đưa kỹ "
            "thuật can thiệp tim mạch về tuyến khu vực, giúp người bệnh vùng biên giới khỏi phải "
            "chuyển viện."
        ),
        "published": "2022-08-29T08:00:00+07:00",
        "campaigns": [OFFICE],
        "locality": "chau-phu-b",
        "field": "y tế",
        "authors": ["Thanh Tiến", "M.L"],
        "tags": ["bác sĩ", "tim mạch", "Châu Đốc"],
        "hero": {
            "caption": "Bác sĩ Đặng Minh Đạt (giữa) trong một ca can thiệp tim mạch.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Đặng Minh Đạt",
            "kind": "individual",
            "bio": "Bác sĩ chuyên khoa II, Trưởng khoa Hồi sức tích cực, bệnh viện khu vực Châu Đốc.",
            "stages": {
                "discovered": "2020-02-27",
                "nurtured": "2021-02-27",
                "summed_up": "2022-07-15",
            },
            "honours": [
                {
                    "award": "Bằng khen của Thủ tướng Chính phủ",
                    "issuer": "Thủ tướng Chính phủ",
                    "number": "1010/QĐ-TTg",
                    "date": "2022-08-24",
                },
            ],
        },
        "body": [
            "Hai giờ sáng, điện thoại của bác sĩ Đặng Minh Đạt đổ chuông: một bệnh nhân nhồi máu "
            "cơ tim cấp được chuyển từ huyện biên giới. Ba mươi phút sau, anh đã có mặt trong "
            "phòng can thiệp. Ca đặt stent kết thúc lúc gần sáng, người bệnh qua cơn nguy kịch.",
            "Trước năm 2019, những ca như vậy phải chuyển lên Cần Thơ hoặc TP. Hồ Chí Minh, nhiều "
            "người không kịp qua khỏi trên đường. Bác sĩ Đạt cùng êkíp đi học kỹ thuật can thiệp "
            "ở tuyến trên, vận động đầu tư máy chụp mạch, xây dựng quy trình báo động đỏ liên viện.",
            {
                "title": "Ba năm can thiệp tim mạch tại chỗ",
                "facts": [
                    "Hơn 900 ca can thiệp mạch vành",
                    "Thời gian từ nhập viện đến thông mạch dưới 90 phút",
                    "3 sáng kiến cấp tỉnh về hồi sức tích cực",
                ],
            },
            "Đồng nghiệp nhận xét anh nghiêm khắc trong chuyên môn nhưng rất gần gũi với bệnh "
            "nhân nghèo. Anh thường lặng lẽ đóng viện phí cho những người không đủ tiền.",
            {"honour": 0},
        ],
    },
    {
        "slug": "trung-tam-phuc-vu-hanh-chinh-cong-kien-giang-so-hoa",
        "section": "thi-dua-cong-so",
        "title": "Trung tâm Phục vụ hành chính công Kiên Giang số hóa 1,2 triệu hồ sơ",
        "intro": (
            "Chỉ trong hai năm, Trung tâm Phục vụ hành chính công tỉnh Kiên Giang ở Rạch Giá đã "
            "số hóa 1,2 triệu hồ sơ, đưa 85% thủ tục lên dịch vụ công trực tuyến toàn trình."
        ),
        "published": "2023-05-16T09:00:00+07:00",
        "campaigns": [OFFICE],
        "locality": "rach-gia",
        "field": "chuyển đổi số",
        "authors": ["Đức Toàn"],
        "tags": ["dịch vụ công trực tuyến", "số hóa hồ sơ", "Kiên Giang"],
        "hero": {
            "caption": "Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công Kiên Giang.",
            "credit": "Ảnh: Đức Toàn",
        },
        "exemplar": {
            "name": "Trung tâm Phục vụ hành chính công tỉnh Kiên Giang",
            "kind": "collective",
            "bio": "Đơn vị tiếp nhận, giải quyết thủ tục hành chính cấp tỉnh của Kiên Giang.",
            "stages": {"discovered": "2022-01-10", "summed_up": "2023-04-20"},
            "honours": [
                {
                    "award": "Cờ thi đua của Chính phủ",
                    "issuer": "Chính phủ",
                    "number": "488/QĐ-TTg",
                    "date": "2023-04-28",
                },
            ],
        },
        "body": [
            "Ở sảnh trung tâm, những quầy tiếp nhận giấy tờ đã vắng hơn trước. Phần lớn người "
            "dân giờ nộp hồ sơ qua điện thoại, chỉ đến khi cần nhận bản giấy hoặc cần hướng dẫn.",
            "Năm 2021, trung tâm lập tổ số hóa gồm 12 viên chức trẻ, làm việc cả buổi tối để quét, "
            "gắn mã từng hồ sơ cũ. Mỗi thủ tục được rà soát lại, cắt bớt giấy tờ trùng lặp trước "
            "khi đưa lên cổng dịch vụ công.",
            {
                "title": "Sau hai năm chuyển đổi số",
                "facts": [
                    "1,2 triệu hồ sơ được số hóa, tái sử dụng dữ liệu",
                    "85% thủ tục trực tuyến toàn trình",
                    "Thời gian giải quyết bình quân giảm 35%",
                ],
            },
            {"honour": 0},
            "Kinh nghiệm của Kiên Giang đã được nhiều tỉnh đồng bằng sông Cửu Long đến học tập, "
            "trở thành một điển hình tiên tiến trong cải cách hành chính của khu vực.",
        ],
    },
    {
        "slug": "ban-quan-ly-du-an-duong-vanh-dai-nui-cam",
        "section": "thi-dua-cong-so",
        "title": "Về đích sớm 5 tháng, tuyến đường vành đai núi Cấm tiết kiệm 14 tỷ đồng",
        "intro": (
            "Ban Quản lý dự án đầu tư xây dựng khu vực Tịnh Biên đã hoàn thành tuyến đường vành "
            "đai núi Cấm trước hạn 5 tháng, tiết kiệm 14 tỷ đồng vốn đầu tư."
        ),
        "published": "2023-12-05T08:00:00+07:00",
        "campaigns": [INFRA],
        "locality": "tinh-bien",
        "field": "giao thông - hạ tầng",
        "authors": ["M.L"],
        "tags": ["giao thông", "tiết kiệm", "núi Cấm"],
        "hero": {
            "caption": "Tuyến đường vành đai núi Cấm trước ngày thông xe.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Ban Quản lý dự án đầu tư xây dựng khu vực Tịnh Biên",
            "kind": "collective",
            "bio": "Đơn vị chủ đầu tư các công trình giao thông, hạ tầng ở khu vực Bảy Núi.",
            "stages": {"discovered": "2023-06-01", "summed_up": "2023-11-30"},
            "honours": [
                {
                    "award": "Bằng khen của Thủ tướng Chính phủ",
                    "issuer": "Thủ tướng Chính phủ",
                    "number": "1577/QĐ-TTg",
                    "date": "2023-11-28",
                },
            ],
        },
        "body": [
            "Tuyến đường dài 19 km ôm quanh chân núi Cấm, nối các điểm du lịch tâm linh với "
            "vùng trồng cây ăn trái của đồng bào Khmer. Ngày thông xe, nhiều người dân đứng hai "
            "bên đường vỗ tay chào đoàn xe đầu tiên.",
            "Để về đích sớm, ban quản lý dự án chia công trường thành 6 mũi thi công, làm ba ca "
            "vào mùa khô. Việc giải phóng mặt bằng được làm cùng dân: cán bộ đến từng nhà, công "
            "khai phương án bồi thường, không để khiếu nại kéo dài.",
            {
                "title": "Công trình trong phong trào thi đua",
                "facts": [
                    "19 km đường, 7 cầu bê tông",
                    "Hoàn thành trước kế hoạch 5 tháng",
                    "Tiết kiệm 14 tỷ đồng qua đấu thầu và điều chỉnh thiết kế",
                ],
            },
            "Theo Giám đốc ban, kết quả đó đến từ việc thực hành tiết kiệm ngay từ khâu thiết kế: "
            "tận dụng đá tại chỗ, điều chỉnh hướng tuyến để giảm diện tích thu hồi đất.",
            {"honour": 0},
        ],
    },
    {
        "slug": "thu-vien-cong-dong-thay-lam-van-dao-tri-ton",
        "section": "thi-dua-cong-so",
        "title": "Thư viện cộng đồng của thầy Lâm Văn Đạo ở Tri Tôn",
        "intro": (
            "Thầy giáo về hưu Lâm Văn Đạo đã biến căn nhà của mình ở Tri Tôn thành thư viện "
            "cộng đồng với 6.000 đầu sách, mở cửa miễn phí mỗi ngày."
        ),
        "published": "2024-05-06T07:45:00+07:00",
        "campaigns": [LEARNING],
        "locality": "tri-ton",
        "field": "giáo dục",
        "authors": ["Thanh Tiến"],
        "tags": ["thư viện", "văn hóa đọc", "học tập suốt đời"],
        "hero": {
            "caption": "Học sinh đọc sách tại thư viện cộng đồng của thầy Lâm Văn Đạo.",
            "credit": "Ảnh: Thanh Tiến",
        },
        "exemplar": {
            "name": "Lâm Văn Đạo",
            "kind": "individual",
            "bio": "Nhà giáo về hưu ở thị trấn Tri Tôn, sáng lập thư viện cộng đồng năm 2018.",
            "stages": {"discovered": "2023-11-20", "nurtured": "2024-04-21"},
            "honours": [
                {
                    "award": "Bằng khen của Bộ Giáo dục và Đào tạo",
                    "issuer": "Bộ Giáo dục và Đào tạo",
                    "number": "1290/QĐ-BGDĐT",
                    "date": "2024-04-19",
                },
            ],
        },
        "body": [
            "Chiều nào cũng vậy, hiên nhà thầy Đạo chật kín xe đạp. Học sinh Kinh, học sinh Khmer "
            "ngồi đọc sách trên những chiếc bàn gỗ thầy tự đóng. Sách được xếp theo màu nhãn, "
            "mượn về nhà chỉ cần ghi tên vào cuốn sổ đặt ở cửa.",
            "Về hưu năm 2017, thầy dồn tiền lương hưu và vận động học trò cũ góp sách. Từ 500 cuốn "
            "ban đầu, nay thư viện có hơn 6.000 đầu sách, trong đó có cả sách song ngữ Việt - Khmer.",
            "Thư viện còn là nơi sinh hoạt của câu lạc bộ đọc sách, lớp dạy tin học miễn phí cho "
            "người lớn tuổi và những buổi kể chuyện cuối tuần cho trẻ nhỏ.",
            {
                "quote": "Đọc sách là con đường học suốt đời rẻ nhất mà ai cũng đi được.",
                "by": "Thầy Lâm Văn Đạo",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "ky-su-tran-quoc-dat-sang-kien-tiet-kiem-dien",
        "section": "thi-dua-cong-so",
        "title": "Kỹ sư Trần Quốc Đạt và 11 sáng kiến tiết kiệm hơn 2 tỷ đồng",
        "intro": (
            "Với 11 sáng kiến cải tiến lưới điện, kỹ sư Trần Quốc Đạt (Điện lực Long Xuyên) đã "
            "giúp ngành điện tiết kiệm hơn 2 tỷ đồng mỗi năm và giảm mất điện cho khách hàng."
        ),
        "published": "2024-09-16T08:30:00+07:00",
        "campaigns": [INFRA],
        "locality": "long-xuyen",
        "field": "công nghiệp - thủ công",
        "authors": ["Hữu Huấn"],
        "tags": ["sáng kiến", "tiết kiệm điện", "lưới điện thông minh"],
        "hero": {
            "caption": "Kỹ sư Trần Quốc Đạt kiểm tra thiết bị đóng cắt tự động.",
            "credit": "Ảnh: Hữu Huấn",
        },
        "exemplar": {
            "name": "Trần Quốc Đạt",
            "kind": "individual",
            "bio": "Kỹ sư điện, Phó Giám đốc kỹ thuật Điện lực Long Xuyên.",
            "stages": {
                "discovered": "2022-05-01",
                "nurtured": "2023-01-01",
                "summed_up": "2024-08-30",
            },
            "honours": [
                {
                    "award": "Huân chương Lao động hạng Ba",
                    "issuer": "Chủ tịch nước",
                    "number": "872/QĐ-CTN",
                    "date": "2024-08-26",
                },
            ],
        },
        "body": [
            "Trong phòng điều độ của Điện lực Long Xuyên, màn hình lớn hiển thị trạng thái từng "
            "tuyến dây theo thời gian thực. Khi có sự cố, hệ thống tự cô lập đoạn hỏng và cấp "
            "điện lại cho phần còn lại chỉ trong vài chục giây. Đó là thành quả từ sáng kiến của "
            "kỹ sư Trần Quốc Đạt.",
            "Từ năm 2018 đến nay, anh có 11 sáng kiến được công nhận, từ thiết bị cảnh báo quá tải "
            "máy biến áp tự chế đến phần mềm tính toán tổn thất điện năng. Nhiều sáng kiến được "
            "áp dụng ở các điện lực khác trong tỉnh.",
            {
                "title": "Hiệu quả sáng kiến",
                "facts": [
                    "Tiết kiệm hơn 2 tỷ đồng mỗi năm",
                    "Giảm 45% thời gian mất điện bình quân của khách hàng",
                    "Tổn thất điện năng giảm từ 4,1% xuống 2,9%",
                ],
            },
            {
                "quote": "Tiết kiệm một ki-lô-oát giờ cũng là chống lãng phí, cộng lại thì rất lớn.",
                "by": "Kỹ sư Trần Quốc Đạt",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "trung-tam-hanh-chinh-cong-an-giang-chinh-quyen-hai-cap",
        "section": "thi-dua-cong-so",
        "title": "Ba tháng vận hành chính quyền hai cấp: một cửa phường Rạch Giá không ngơi nghỉ",
        "intro": (
            "Sau ngày 1/7/2025, Bộ phận một cửa phường Rạch Giá tiếp nhận lượng hồ sơ gấp ba lần "
            "trước, nhưng vẫn giữ tỷ lệ đúng hạn trên 99%."
        ),
        "published": "2025-10-06T08:00:00+07:00",
        "campaigns": [OFFICE, INFRA],
        "drive": "Đợt thi đua cao điểm chào mừng Đại hội Đảng bộ tỉnh",
        "locality": "p-rach-gia",
        "field": "cải cách hành chính",
        "authors": ["Đức Toàn", "M.L"],
        "tags": ["chính quyền hai cấp", "sáp nhập tỉnh", "một cửa"],
        "hero": {
            "caption": "Công chức phường Rạch Giá hướng dẫn người dân nộp hồ sơ trực tuyến.",
            "credit": "Ảnh: Đức Toàn",
        },
        "exemplar": {
            "name": "Bộ phận một cửa phường Rạch Giá",
            "kind": "collective",
            "bio": "Bộ phận một cửa của phường Rạch Giá, trung tâm hành chính tỉnh An Giang mới.",
            "stages": {"discovered": "2025-09-01"},
            "honours": [],
        },
        "body": [
            "Từ ngày 1/7/2025, An Giang và Kiên Giang hợp nhất thành tỉnh An Giang mới, trung tâm "
            "hành chính đặt tại Rạch Giá. Cấp huyện kết thúc hoạt động, nhiều thủ tục trước đây "
            "làm ở huyện nay chuyển về phường, xã.",
            "Những tuần đầu, Bộ phận một cửa phường Rạch Giá mỗi ngày tiếp nhận hơn 400 hồ sơ. "
            "Các công chức được điều động từ thành phố cũ về làm việc đến tối, nhiều người ăn "
            "cơm hộp tại chỗ. Phường mở thêm quầy hướng dẫn dịch vụ công trực tuyến do đoàn viên "
            "thanh niên phụ trách.",
            {
                "title": "Ba tháng đầu tiên",
                "facts": [
                    "Hơn 31.000 hồ sơ được tiếp nhận",
                    "99,2% hồ sơ giải quyết đúng hạn",
                    "62% hồ sơ nộp trực tuyến",
                ],
            },
            {
                "quote": (
                    "Bộ máy mới thì phải chạy ngay, người dân không thể chờ mình làm quen. "
                    "Cái gì chưa rõ thì hỏi, làm tới đâu gọn tới đó."
                ),
                "by": "Chị Trương Ngọc Điệp, công chức một cửa phường Rạch Giá",
            },
            "Trong đợt thi đua cao điểm chào mừng Đại hội đại biểu Đảng bộ tỉnh, phường Rạch Giá "
            "được chọn là một trong những đơn vị tiêu biểu của mô hình chính quyền hai cấp.",
        ],
    },
    {
        "slug": "bac-si-ly-dang-khoa-dac-khu-phu-quoc",
        "section": "thi-dua-cong-so",
        "title": "Bác sĩ Lý Đăng Khoa và những chuyến ca nô cấp cứu giữa đêm ở Phú Quốc",
        "intro": (
            "Bác sĩ trẻ Lý Đăng Khoa tình nguyện về trạm y tế ở quần đảo phía nam đặc khu Phú "
            "Quốc, nhiều lần theo ca nô đưa người bệnh vượt sóng vào đất liền."
        ),
        "published": "2026-03-02T07:30:00+07:00",
        "campaigns": [OFFICE],
        "locality": "dk-phu-quoc",
        "field": "y tế",
        "authors": ["Đức Toàn"],
        "tags": ["y tế biển đảo", "Phú Quốc", "bác sĩ trẻ"],
        "hero": {
            "caption": "Bác sĩ Lý Đăng Khoa khám bệnh cho ngư dân trên đảo.",
            "credit": "Ảnh: Đức Toàn",
        },
        "exemplar": {
            "name": "Lý Đăng Khoa",
            "kind": "individual",
            "bio": "Bác sĩ đa khoa, Trưởng trạm y tế một xã đảo thuộc đặc khu Phú Quốc.",
            "stages": {"discovered": "2025-12-01", "nurtured": "2026-02-27"},
            "honours": [
                {
                    "award": "Bằng khen của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "388/QĐ-UBND",
                    "date": "2026-02-26",
                },
            ],
        },
        "body": [
            "Đêm tháng Chạp, gió mùa đông bắc thổi mạnh, một ngư dân bị tai nạn lao động nặng. "
            "Bác sĩ Lý Đăng Khoa sơ cứu, cầm máu rồi cùng ca nô của đồn biên phòng đưa người bệnh "
            "vượt gần hai giờ sóng gió vào trung tâm y tế đặc khu Phú Quốc.",
            "Tốt nghiệp Trường Đại học Y Dược Cần Thơ năm 2021, anh xung phong ra đảo khi nhiều "
            "bạn cùng lớp chọn ở lại thành phố. Trạm y tế khi ấy chỉ có hai nhân viên, thuốc men "
            "thiếu thốn.",
            "Anh lập danh sách theo dõi người cao tuổi, phụ nữ mang thai trên đảo, tổ chức khám "
            "định kỳ, kết nối khám từ xa với bác sĩ tuyến trên. Từ khi đặc khu Phú Quốc đi vào "
            "hoạt động, trạm được bổ sung thêm máy siêu âm và một điều dưỡng.",
            {
                "quote": "Ở đảo, mình là bác sĩ gần nhất của người ta. Không thể nói là không được.",
                "by": "Bác sĩ Lý Đăng Khoa",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "truong-tieu-hoc-binh-my-lop-hoc-xanh",
        "section": "thi-dua-cong-so",
        "title": "Trường Tiểu học Bình Mỹ: lớp học xanh giữa cánh đồng",
        "intro": (
            "Vườn rau, ao cá và góc tái chế ngay trong sân trường đã biến Trường Tiểu học Bình Mỹ "
            "thành điển hình tiên tiến về giáo dục môi trường của tỉnh An Giang mới."
        ),
        "published": "2026-05-11T08:00:00+07:00",
        "campaigns": [LEARNING, NTM_AG],
        "locality": "x-binh-my",
        "field": "giáo dục",
        "authors": ["Hạnh Châu"],
        "tags": ["trường học xanh", "giáo dục môi trường", "học tập suốt đời"],
        "hero": {
            "caption": "Học sinh Trường Tiểu học Bình Mỹ chăm sóc vườn rau của lớp.",
            "credit": "Ảnh: Hạnh Châu",
        },
        "exemplar": {
            "name": "Trường Tiểu học Bình Mỹ",
            "kind": "collective",
            "bio": "Trường tiểu học của xã Bình Mỹ, đạt chuẩn quốc gia mức độ 2.",
            "stages": {
                "discovered": "2024-09-05",
                "nurtured": "2025-05-01",
                "summed_up": "2026-04-20",
                "replicated": "2026-05-05",
            },
            "honours": [
                {
                    "award": "Cờ thi đua của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "1015/QĐ-UBND",
                    "date": "2026-04-28",
                },
            ],
        },
        "body": [
            "Giờ ra chơi, học sinh lớp 4 không chạy ra căng tin mà kéo nhau ra vườn rau của lớp. "
            "Các em tưới nước, nhổ cỏ, ghi chép chiều cao cây cải vào sổ tay khoa học.",
            "Ý tưởng lớp học xanh bắt đầu từ năm học 2024 - 2025, khi nhà trường biến khoảnh đất "
            "trống sau dãy phòng học thành vườn rau, ao cá nhỏ. Mỗi lớp nhận một luống, mỗi "
            "tháng thu hoạch một lần để nấu bữa trưa bán trú.",
            {
                "title": "Lớp học xanh Bình Mỹ",
                "facts": [
                    "20 luống rau, 1 ao cá do học sinh chăm sóc",
                    "Góc tái chế thu gom 1,5 tấn chai nhựa mỗi năm",
                    "Mô hình được nhân rộng ra 14 trường tiểu học trong tỉnh",
                ],
            },
            "Phụ huynh cũng tham gia: người góp giống cây, người dạy các em cách làm phân hữu cơ "
            "từ rác nhà bếp. Nhiều gia đình mang cách làm ấy về vườn nhà mình.",
            {"honour": 0},
            "Tại hội nghị biểu dương điển hình tiên tiến ngành giáo dục năm 2026, mô hình được "
            "Sở Giáo dục và Đào tạo tổng kết, nhân rộng trong các trường của tỉnh An Giang mới.",
        ],
    },
    {
        "slug": "thuong-ta-do-thanh-dong-cong-an-tan-chau",
        "section": "thi-dua-cong-so",
        "title": "Thượng tá Đỗ Thành Đồng và mô hình “Khóm, ấp không ma túy” ở Tân Châu",
        "intro": (
            "Sau ba năm triển khai mô hình do Thượng tá Đỗ Thành Đồng đề xuất, 18 khóm, ấp ở "
            "thị xã Tân Châu đã được công nhận không có tệ nạn ma túy."
        ),
        "published": "2024-06-26T08:00:00+07:00",
        "campaigns": ["Toàn dân bảo vệ an ninh Tổ quốc"],
        "locality": "tan-chau",
        "field": "an ninh trật tự",
        "authors": ["M.L"],
        "tags": ["phòng chống ma túy", "công an", "an ninh cơ sở"],
        "hero": {
            "caption": "Thượng tá Đỗ Thành Đồng trao đổi với người dân khóm Long Thạnh.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Đỗ Thành Đồng",
            "kind": "individual",
            "bio": "Phó Trưởng Công an thị xã Tân Châu, phụ trách phòng chống tội phạm ma túy.",
            "stages": {
                "discovered": "2022-06-26",
                "nurtured": "2023-06-26",
                "summed_up": "2024-06-20",
            },
            "honours": [
                {
                    "award": "Chiến sĩ thi đua toàn quốc",
                    "issuer": "Thủ tướng Chính phủ",
                    "number": "699/QĐ-TTg",
                    "date": "2024-06-12",
                },
            ],
        },
        "body": [
            "Ngày Quốc tế phòng, chống ma túy 26/6, khóm Long Thạnh tổ chức lễ nhận bảng công "
            "nhận “Khóm không ma túy”. Người dân reo vui khi Thượng tá Đỗ Thành Đồng trao bảng "
            "cho trưởng khóm.",
            "Mô hình do anh đề xuất năm 2021 dựa trên ba việc: lập danh sách từng người có nguy "
            "cơ, giao cho tổ tự quản kèm cặp, và kết nối việc làm cho người sau cai nghiện. Công "
            "an, đoàn thể và gia đình cùng ký cam kết, cùng theo dõi.",
            {
                "title": "Sau ba năm",
                "facts": [
                    "18 khóm, ấp được công nhận không ma túy",
                    "46 người sau cai nghiện có việc làm ổn định",
                    "Triệt phá 21 điểm, tụ điểm mua bán trái phép chất ma túy",
                ],
            },
            {
                "quote": "Muốn sạch ma túy thì phải giữ từng người, từng nhà, không chỉ bắt là xong.",
                "by": "Thượng tá Đỗ Thành Đồng",
            },
            {"honour": 0},
        ],
    },
]
