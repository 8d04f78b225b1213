"""Demo stories, part 2: "Người tốt việc tốt" (volunteers, charity, security, blood donors).

Same shape as ``stories_1``.
"""

POOR = "Vì người nghèo - Không để ai bị bỏ lại phía sau"
OFFICE = "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"
SECURITY = "Toàn dân bảo vệ an ninh Tổ quốc"
LEARNING = "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời"
CHAU_DOC = "Châu Đốc xanh - sạch - đẹp - văn minh"
WOMEN = "Phụ nữ tích cực học tập, lao động sáng tạo"

STORIES = [
    {
        "slug": "anh-dang-quoc-dinh-52-lan-hien-mau",
        "section": "nguoi-tot-viec-tot",
        "title": "Công chức phường Mỹ Long 52 lần hiến máu tình nguyện",
        "intro": (
            "Hơn 20 năm qua, anh Đặng Quốc Định, công chức tư pháp phường Mỹ Long (Long Xuyên), "
            "đều đặn hiến máu mỗi ba tháng và vận động hàng trăm đồng nghiệp cùng tham gia."
        ),
        "published": "2021-06-14T07:00:00+07:00",
        "campaigns": [OFFICE],
        "locality": "my-long",
        "field": "y tế",
        "authors": ["Ngọc Đông"],
        "tags": ["hiến máu tình nguyện", "ngày Quốc tế người hiến máu"],
        "hero": {
            "caption": "Anh Đặng Quốc Định tại ngày hội hiến máu ở Long Xuyên.",
            "credit": "Ảnh: Ngọc Đông",
        },
        "exemplar": {
            "name": "Đặng Quốc Định",
            "kind": "individual",
            "bio": "Công chức tư pháp - hộ tịch phường Mỹ Long, 52 lần hiến máu tình nguyện.",
            "stages": {
                "discovered": "2019-06-14",
                "nurtured": "2020-01-10",
                "summed_up": "2021-06-01",
                "replicated": "2021-06-14",
            },
            "honours": [
                {
                    "award": "Bằng khen của Bộ Y tế",
                    "issuer": "Bộ Y tế",
                    "number": "1880/QĐ-BYT",
                    "date": "2021-06-10",
                },
            ],
        },
        "body": [
            "Ngày 14/6, Ngày Quốc tế người hiến máu, anh Đặng Quốc Định lại có mặt ở điểm hiến "
            "máu từ sớm. Đây là lần thứ 52 anh đưa cánh tay cho kim tiêm. Các y tá ở Trung tâm "
            "Truyền máu quen mặt anh tới mức không cần hỏi tên.",
            "Lần đầu hiến máu năm 2000, khi còn là sinh viên, anh chỉ nghĩ đơn giản là giúp người. "
            "Về sau, chứng kiến một đồng nghiệp suýt mất con vì thiếu máu sau sinh, anh tự hứa sẽ "
            "hiến máu đều đặn khi sức khỏe còn cho phép.",
            {
                "quote": (
                    "Một đơn vị máu có thể cứu ba người. Mình mất chưa tới nửa tiếng, người ta có "
                    "thêm cả cuộc đời."
                ),
                "by": "Anh Đặng Quốc Định",
            },
            "Ở cơ quan, anh là người lập danh sách “ngân hàng máu sống” gồm 140 cán bộ, đoàn viên "
            "sẵn sàng hiến máu khẩn cấp. Chỉ riêng năm 2020, nhóm đã kịp thời hiến máu cho 17 ca "
            "cấp cứu tại Bệnh viện Đa khoa trung tâm An Giang.",
            {
                "title": "Những con số",
                "facts": [
                    "52 lần hiến máu toàn phần và tiểu cầu",
                    "140 người trong danh sách hiến máu khẩn cấp",
                    "17 ca cấp cứu được hỗ trợ trong năm 2020",
                ],
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "bep-yeu-thuong-nui-sam",
        "section": "nguoi-tot-viec-tot",
        "title": "Bếp yêu thương Núi Sam: 6 năm nấu cơm cho bệnh nhân nghèo",
        "intro": (
            "Mỗi trưa, Bếp yêu thương ở phường Núi Sam (Châu Đốc) nấu 300 suất cơm miễn phí "
            "cho bệnh nhân nghèo và người nhà đang điều trị ở bệnh viện."
        ),
        "published": "2021-12-03T10:00:00+07:00",
        "campaigns": [POOR],
        "locality": "nui-sam",
        "field": "an sinh xã hội",
        "authors": ["M.L"],
        "tags": ["bếp cơm từ thiện", "bệnh nhân nghèo", "Châu Đốc"],
        "hero": {
            "caption": "Tình nguyện viên Bếp yêu thương chia cơm trước cổng bệnh viện.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Nhóm Bếp yêu thương Núi Sam",
            "kind": "collective",
            "bio": "Nhóm thiện nguyện gồm 35 thành viên, nấu cơm miễn phí từ năm 2015.",
            "stages": {"discovered": "2020-04-01", "nurtured": "2021-03-01"},
            "honours": [
                {
                    "award": "Bằng khen của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "2510/QĐ-UBND",
                    "date": "2021-11-25",
                },
            ],
        },
        "body": [
            "Mới 5 giờ sáng, gian bếp nhỏ dưới chân núi Sam đã đỏ lửa. Bà Nguyễn Thị Đào, 67 tuổi, "
            "trưởng nhóm, vừa nêm nồi canh chua vừa nhắc các tình nguyện viên trẻ chuẩn bị hộp "
            "đựng cơm. Đúng 10 giờ 30, xe ba gác chở cơm lăn bánh tới bệnh viện.",
            "Bếp ra đời năm 2015 từ vài người bạn đi lễ chùa ở Châu Đốc, thấy người nhà bệnh nhân "
            "ngồi ăn bánh mì khô ở hành lang. Ban đầu nhóm nấu 50 suất mỗi tuần, nay là 300 suất "
            "mỗi ngày. Gạo, rau do bà con tiểu thương chợ Châu Đốc và khách hành hương góp.",
            "Suốt những tháng dịch COVID-19 năm 2021, bếp không nghỉ ngày nào. Các thành viên chia "
            "ca, nấu thêm cơm cho khu cách ly và lực lượng tuyến đầu.",
            {
                "quote": "Ai có gì góp nấy. Có người góp bó rau, có người góp công rửa chén, vậy là đủ.",
                "by": "Bà Nguyễn Thị Đào",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "ong-le-van-dien-sua-xe-mien-phi-tan-chau",
        "section": "nguoi-tot-viec-tot",
        "title": "Tiệm sửa xe “0 đồng” của ông Lê Văn Điền ở Tân Châu",
        "intro": (
            "Mười năm nay, ông Lê Văn Điền ở phường Long Sơn (Tân Châu) vá xe, thay ruột miễn phí "
            "cho học sinh, người khuyết tật và người bán vé số."
        ),
        "published": "2022-05-23T07:30:00+07:00",
        "campaigns": [POOR],
        "locality": "long-son",
        "field": "văn hóa - xã hội",
        "authors": ["Ngọc Đông"],
        "tags": ["sửa xe miễn phí", "người tốt việc tốt"],
        "hero": {
            "caption": "Ông Lê Văn Điền vá xe cho một em học sinh.",
            "credit": "Ảnh: Ngọc Đông",
        },
        "exemplar": {
            "name": "Lê Văn Điền",
            "kind": "individual",
            "bio": "Thợ sửa xe đạp, xe máy ở phường Long Sơn, thị xã Tân Châu.",
            "stages": {"discovered": "2022-04-01"},
            "honours": [],
        },
        "body": [
            "Tấm bảng gỗ trước tiệm ghi nắn nót: “Học sinh, người khuyết tật, người bán vé số: "
            "sửa xe không lấy tiền”. Tiệm của ông Điền nằm ngay đầu con đường dẫn vào trường "
            "trung học, buổi sáng nào cũng có vài chiếc xe đạp xẹp bánh ghé vào.",
            "Ông Điền năm nay 64 tuổi, làm thợ sửa xe từ thời trai trẻ. Năm 2012, thấy một cậu học "
            "trò dắt xe đi bộ gần 3 km vì không có tiền vá, ông quyết định treo tấm bảng ấy. Mỗi "
            "tháng, ông bỏ ra chừng 2 triệu đồng tiền ruột, vỏ, phụ tùng.",
            "Con cái ông ban đầu lo cha thiệt thòi, nhưng rồi chính các con lại góp tiền mua dụng "
            "cụ mới. Nhiều khách quen biết chuyện cũng cố tình trả dư để ông có thêm vốn giúp người.",
            {
                "quote": "Giúp được đứa nhỏ tới trường đúng giờ là tui vui rồi.",
                "by": "Ông Lê Văn Điền",
            },
        ],
    },
    {
        "slug": "to-tu-quan-duong-bien-an-phu",
        "section": "nguoi-tot-viec-tot",
        "title": "Tổ tự quản đường biên ở An Phú: những “cột mốc sống” nơi biên giới",
        "intro": (
            "Mười hai thành viên Tổ tự quản đường biên, mốc quốc giới ấp Đồng Ky (An Phú) cùng "
            "bộ đội biên phòng tuần tra, giữ bình yên dọc tuyến biên giới."
        ),
        "published": "2022-09-08T08:00:00+07:00",
        "campaigns": [SECURITY],
        "locality": "an-phu",
        "field": "an ninh trật tự",
        "authors": ["M.L"],
        "tags": ["biên giới", "tự quản đường biên", "biên phòng"],
        "hero": {
            "caption": "Tổ tự quản cùng cán bộ biên phòng tuần tra dọc đường biên.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Tổ tự quản đường biên ấp Đồng Ky",
            "kind": "collective",
            "bio": "Tổ tự quản đường biên, mốc quốc giới thuộc xã Quốc Thái, huyện An Phú.",
            "stages": {"discovered": "2021-08-19", "nurtured": "2022-01-15"},
            "honours": [
                {
                    "award": "Bằng khen của Bộ Công an",
                    "issuer": "Bộ Công an",
                    "number": "6412/QĐ-BCA",
                    "date": "2022-08-19",
                },
            ],
        },
        "body": [
            "Con đường đất dọc kênh biên giới về đêm chỉ có tiếng ếch nhái. Ông Đỗ Văn Đức, tổ "
            "trưởng, rọi đèn pin kiểm tra từng cột mốc. Mỗi tuần hai lần, tổ chia nhóm đi tuần "
            "cùng cán bộ Đồn Biên phòng Vĩnh Hội Đông.",
            "Thành viên của tổ là nông dân, có người là cựu chiến binh, có người là chủ ghe. Họ "
            "thuộc từng lối mòn, từng bến nước. Nhờ tin báo của tổ, năm 2021 lực lượng chức "
            "năng đã phát hiện 9 vụ xuất nhập cảnh trái phép và 4 vụ vận chuyển hàng lậu.",
            {
                "title": "Kết quả từ năm 2019",
                "facts": [
                    "Hơn 600 lượt tuần tra cùng bộ đội biên phòng",
                    "32 tin báo có giá trị về an ninh biên giới",
                    "Không để xảy ra xâm canh, xê dịch mốc quốc giới",
                ],
            },
            "Trong những tháng giãn cách vì dịch bệnh, tổ dựng chốt lá ven kênh, thay phiên canh "
            "giữ ngày đêm, góp phần ngăn dịch xâm nhập qua đường biên.",
            {"honour": 0},
        ],
    },
    {
        "slug": "ganh-hat-boi-ong-tu-kha-cho-moi",
        "section": "nguoi-tot-viec-tot",
        "title": "Gánh hát bội ông Tư Khả: nửa thế kỷ giữ sân diễn làng quê",
        "intro": (
            "Từ sân khấu tre dựng trong sân đình, gánh hát bội của ông Tư Khả ở Chợ Mới vẫn biểu "
            "diễn đều đặn, truyền nghề cho lớp diễn viên trẻ."
        ),
        "published": "2023-02-10T19:00:00+07:00",
        "campaigns": [LEARNING],
        "locality": "cho-moi",
        "field": "văn hóa - xã hội",
        "authors": ["Thanh Tiến"],
        "tags": ["hát bội", "nghệ thuật truyền thống", "sân khấu"],
        "hero": {
            "caption": "Diễn viên gánh hát bội biểu diễn tích tuồng Sơn Hậu trong đêm cúng đình.",
            "credit": "Ảnh: Thanh Tiến",
        },
        "exemplar": {
            "name": "Gánh hát bội Tư Khả",
            "kind": "collective",
            "bio": "Gánh hát bội gia đình ở huyện Chợ Mới, hoạt động từ năm 1970.",
            "stages": {"discovered": "2022-11-01"},
            "honours": [],
        },
        "body": [
            "Trống chầu vừa dứt, đào kép bước ra sân khấu trong ánh đèn vàng. Vở tuồng Sơn Hậu "
            "được diễn trọn ba giờ đồng hồ, bà con ngồi kín sân đình, nhiều cụ già thuộc từng câu "
            "hát nói.",
            "Ông Nguyễn Văn Khả, thường gọi là ông Tư Khả, 78 tuổi, đã đứng trên sân diễn hơn "
            "năm mươi năm. Gánh hát của gia đình ông từng lưu diễn khắp các đình làng miền Tây. "
            "Khi khán giả thưa dần, nhiều gánh giải tán, riêng ông vẫn giữ nghề.",
            "Mấy năm nay, ông mở lớp dạy hát bội miễn phí cho học sinh trong xã. Các em học cách "
            "vẽ mặt, múa đao, diễn xuất theo lối tuồng cổ. Một số diễn viên nhí đã cùng gánh "
            "biểu diễn trong lễ hội kỳ yên và các chương trình văn hóa của huyện.",
            {
                "quote": (
                    "Hát bội mà không có người diễn tiếp thì mất. Tui còn sức là còn dạy, "
                    "đứa nào thích thì tui chỉ."
                ),
                "by": "Ông Tư Khả",
            },
            "Ngành văn hóa huyện Chợ Mới đang phối hợp ghi hình các vở diễn của gánh, lưu giữ "
            "làm tư liệu cho thế hệ sau.",
        ],
    },
    {
        "slug": "doi-cuu-ho-bien-tinh-nguyen-duong-dong",
        "section": "nguoi-tot-viec-tot",
        "title": "Đội cứu hộ biển tình nguyện Dương Đông giữ bình yên bãi tắm Phú Quốc",
        "intro": (
            "Mười tám ngư dân, thanh niên ở phường Dương Đông (Phú Quốc) lập đội cứu hộ tình "
            "nguyện, cứu sống 46 du khách gặp nạn trên biển trong ba năm."
        ),
        "published": "2023-07-17T08:45:00+07:00",
        "campaigns": [SECURITY],
        "locality": "duong-dong",
        "field": "du lịch",
        "authors": ["Đức Toàn"],
        "tags": ["cứu hộ", "Phú Quốc", "du lịch an toàn"],
        "hero": {
            "caption": "Thành viên đội cứu hộ tập luyện trên bãi biển Dương Đông.",
            "credit": "Ảnh: Đức Toàn",
        },
        "exemplar": {
            "name": "Đội cứu hộ biển tình nguyện Dương Đông",
            "kind": "collective",
            "bio": "Đội cứu hộ tình nguyện của ngư dân và đoàn viên thanh niên phường Dương Đông.",
            "stages": {"discovered": "2022-07-01", "nurtured": "2023-03-26"},
            "honours": [
                {
                    "award": "Bằng khen của UBND tỉnh",
                    "issuer": "UBND tỉnh Kiên Giang",
                    "number": "1733/QĐ-UBND",
                    "date": "2023-07-10",
                },
            ],
        },
        "body": [
            "Mùa gió chướng, sóng ở bãi tắm Dương Đông có thể cuốn người ra xa chỉ trong vài phút. "
            "Những lúc ấy, các thành viên đội cứu hộ tình nguyện ngồi trên chòi canh, ống nhòm "
            "không rời mắt khỏi mặt nước.",
            "Đội do anh Phạm Đức Lợi, một ngư dân, lập năm 2020 sau khi chứng kiến hai du khách "
            "đuối nước. Các thành viên tự góp tiền mua phao, ván cứu sinh, được Hội Chữ thập đỏ "
            "thành phố Phú Quốc tập huấn sơ cấp cứu.",
            {
                "title": "Ba năm trên bãi biển",
                "facts": [
                    "46 du khách được cứu sống",
                    "18 thành viên trực luân phiên từ 6 giờ đến 18 giờ",
                    "Hơn 200 học sinh được dạy bơi an toàn miễn phí",
                ],
            },
            {
                "quote": "Biển cho mình cái ăn, giờ mình giữ biển an toàn cho khách tới Phú Quốc.",
                "by": "Anh Phạm Đức Lợi",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "ba-do-thi-dong-nuoi-tre-mo-coi-my-binh",
        "section": "nguoi-tot-viec-tot",
        "title": "Bà Đỗ Thị Đông và mái ấm của 14 đứa trẻ mồ côi",
        "intro": (
            "Hơn 20 năm, bà Đỗ Thị Đông ở phường Mỹ Bình (Long Xuyên) nhận nuôi 14 trẻ mồ côi, "
            "lo cho các em ăn học đến khi trưởng thành."
        ),
        "published": "2024-03-07T07:00:00+07:00",
        "campaigns": [POOR, WOMEN],
        "locality": "my-binh",
        "field": "an sinh xã hội",
        "authors": ["Hạnh Châu"],
        "tags": ["trẻ mồ côi", "mái ấm", "phụ nữ"],
        "hero": {
            "caption": "Bà Đỗ Thị Đông bên các con trong bữa cơm chiều.",
            "credit": "Ảnh: Hạnh Châu",
        },
        "exemplar": {
            "name": "Đỗ Thị Đông",
            "kind": "individual",
            "bio": "Hội viên phụ nữ phường Mỹ Bình, nhận nuôi 14 trẻ mồ côi từ năm 2002.",
            "stages": {
                "discovered": "2022-03-08",
                "nurtured": "2023-01-01",
                "summed_up": "2024-02-28",
            },
            "honours": [
                {
                    "award": "Bằng khen của Thủ tướng Chính phủ",
                    "issuer": "Thủ tướng Chính phủ",
                    "number": "215/QĐ-TTg",
                    "date": "2024-02-26",
                },
            ],
        },
        "body": [
            "Căn nhà của bà Đông lúc nào cũng rộn tiếng trẻ con. Đứa lớn nhất nay đã là kỹ sư, "
            "đứa nhỏ nhất mới vào lớp 3. Tất cả đều gọi bà là “má”.",
            "Năm 2002, một người hàng xóm qua đời vì tai nạn, để lại hai đứa con nhỏ. Bà Đông, "
            "khi đó bán tạp hóa, đón hai đứa về nuôi. Từ đó, hễ nghe ở đâu có trẻ mồ côi không "
            "nơi nương tựa, bà lại tìm đến.",
            "Để có tiền nuôi các con, bà làm thêm nghề may, nhận bánh bỏ mối. Hội Phụ nữ phường và "
            "nhiều nhà hảo tâm góp sức, nhưng phần lớn vẫn là mồ hôi của bà. Đã có 8 người con "
            "học xong đại học, cao đẳng.",
            {
                "quote": "Má không sinh tụi nhỏ, nhưng má nuôi tụi nhỏ bằng cả tấm lòng.",
                "by": "Bà Đỗ Thị Đông",
            },
            {"honour": 0},
            "Câu chuyện của bà được Hội Liên hiệp Phụ nữ tỉnh tổng kết, giới thiệu tại hội nghị "
            "điển hình tiên tiến của tỉnh năm 2024 như một tấm gương tiêu biểu của phụ nữ An Giang.",
        ],
    },
    {
        "slug": "khom-chau-phu-a-tu-quan-rac-thai",
        "section": "nguoi-tot-viec-tot",
        "title": "Khóm Châu Long 3: không còn rác trên bờ kênh Vĩnh Tế",
        "intro": (
            "Từ bãi rác tự phát ven kênh, người dân khóm Châu Long 3, phường Châu Phú A (Châu Đốc) "
            "đã tự quản, biến bờ kênh thành tuyến đường hoa."
        ),
        "published": "2024-08-20T09:30:00+07:00",
        "campaigns": [CHAU_DOC],
        "locality": "chau-phu-a",
        "field": "môi trường",
        "authors": ["Ngọc Đông", "M.L"],
        "tags": ["phân loại rác", "đường hoa", "Châu Đốc"],
        "hero": {
            "caption": "Tuyến đường hoa ven kênh Vĩnh Tế ở khóm Châu Long 3.",
            "credit": "Ảnh: Ngọc Đông",
        },
        "exemplar": {
            "name": "Tổ tự quản môi trường khóm Châu Long 3",
            "kind": "collective",
            "bio": "Tổ tự quản môi trường của 120 hộ dân khóm Châu Long 3, phường Châu Phú A.",
            "stages": {"discovered": "2023-06-05", "replicated": "2024-08-01"},
            "honours": [
                {
                    "award": "Giấy khen của UBND huyện",
                    "issuer": "UBND thành phố Châu Đốc",
                    "number": "1122/QĐ-UBND",
                    "date": "2024-06-05",
                },
            ],
        },
        "body": [
            "Ba năm trước, đoạn bờ kênh Vĩnh Tế chảy qua khóm Châu Long 3 là nơi đổ rác quen "
            "thuộc. Mùa nắng bốc mùi, mùa mưa rác trôi xuống kênh. Du khách đi thuyền tham quan "
            "Châu Đốc nhìn lên mà ngại.",
            "Tổ tự quản môi trường ra đời với 15 hộ nòng cốt. Họ chia nhau dọn rác mỗi sáng Chủ "
            "nhật, vận động từng nhà phân loại rác tại nguồn, bán ve chai gây quỹ mua cây giống.",
            {
                "title": "Thay đổi sau 3 năm",
                "facts": [
                    "1,2 km đường hoa giấy, hoa sứ ven kênh",
                    "100% hộ dân phân loại rác tại nguồn",
                    "Quỹ ve chai hơn 40 triệu đồng mỗi năm",
                ],
            },
            "Mô hình đã được thành phố Châu Đốc nhân rộng ra 12 khóm, ấp khác trong phong trào "
            "Châu Đốc xanh - sạch - đẹp - văn minh.",
            {"honour": 0},
        ],
    },
    {
        "slug": "nhom-tho-cat-nha-tinh-thuong-luong-phi",
        "section": "nguoi-tot-viec-tot",
        "title": "Nhóm thợ cất nhà tình thương không công ở Lương Phi",
        "intro": (
            "Chín người thợ hồ người Khmer và người Kinh ở xã Lương Phi (Tri Tôn) đã dựng 63 căn "
            "nhà tình thương cho hộ nghèo mà không lấy một đồng tiền công."
        ),
        "published": "2025-04-22T08:00:00+07:00",
        "campaigns": [POOR],
        "drive": "Đợt thi đua xóa nhà tạm, nhà dột nát năm 2025",
        "locality": "luong-phi",
        "field": "an sinh xã hội",
        "authors": ["Thanh Tiến"],
        "tags": ["xóa nhà tạm", "nhà tình thương", "đồng bào Khmer"],
        "hero": {
            "caption": "Nhóm thợ hoàn thiện căn nhà thứ 63 cho một hộ nghèo ở Lương Phi.",
            "credit": "Ảnh: Thanh Tiến",
        },
        "exemplar": {
            "name": "Nhóm thợ nhà tình thương Lương Phi",
            "kind": "collective",
            "bio": "Nhóm 9 thợ xây tình nguyện ở xã Lương Phi, huyện Tri Tôn.",
            "stages": {"discovered": "2024-11-01", "nurtured": "2025-03-01"},
            "honours": [
                {
                    "award": "Bằng khen của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "905/QĐ-UBND",
                    "date": "2025-04-15",
                },
            ],
        },
        "body": [
            "Trong đợt thi đua xóa nhà tạm, nhà dột nát năm 2025, khó khăn lớn nhất của xã Lương "
            "Phi không phải tiền mà là thợ. Kinh phí hỗ trợ mỗi căn 60 triệu đồng, nếu thuê thợ "
            "thì phần còn lại chẳng đủ mua vật tư.",
            "Ông Chau Sang, trưởng nhóm, cùng tám người thợ trong ấp bàn nhau làm không công. "
            "Ban ngày họ đi làm thuê kiếm sống, chiều tối và ngày Chủ nhật thì dựng nhà. Chủ nhà "
            "và bà con lối xóm phụ khiêng gạch, trộn hồ.",
            {
                "quote": "Nhà mình ở đã có mái, thấy người ta còn ở chòi lá thì mình không yên.",
                "by": "Ông Chau Sang",
            },
            "Nhờ nhóm thợ, mỗi căn nhà tiết kiệm được 12 - 15 triệu đồng tiền công, số tiền này "
            "được dùng để lát gạch nền, làm thêm nhà vệ sinh. Đến cuối tháng 4/2025, nhóm đã bàn "
            "giao 63 căn.",
            {"honour": 0},
        ],
    },
    {
        "slug": "tai-xe-xe-om-chau-doc-tra-lai-tai-san",
        "section": "nguoi-tot-viec-tot",
        "title": "Tài xế xe ôm công nghệ ở phường Châu Đốc trả lại túi tiền cho du khách",
        "intro": (
            "Nhặt được túi xách có hơn 80 triệu đồng và hộ chiếu của du khách, anh Võ Minh Đăng "
            "ở phường Châu Đốc đã chạy khắp các khách sạn để tìm người đánh rơi."
        ),
        "published": "2025-08-11T15:20:00+07:00",
        "campaigns": [CHAU_DOC],
        "locality": "p-chau-doc",
        "field": "du lịch",
        "authors": ["Ngọc Đông"],
        "tags": ["trả lại tài sản", "người tốt việc tốt", "du lịch Châu Đốc"],
        "hero": {
            "caption": "Anh Võ Minh Đăng (phải) trao lại túi xách cho du khách.",
            "credit": "Ảnh: Ngọc Đông",
        },
        "exemplar": {
            "name": "Võ Minh Đăng",
            "kind": "individual",
            "bio": "Tài xế xe công nghệ ở phường Châu Đốc, tỉnh An Giang.",
            "stages": {"discovered": "2025-08-05"},
            "honours": [],
        },
        "body": [
            "Chiều 4/8, sau khi chở một đoàn khách về khách sạn gần chợ Châu Đốc, anh Võ Minh "
            "Đăng phát hiện chiếc túi xách bỏ quên ở ghế sau. Trong túi có hơn 80 triệu đồng, "
            "hai hộ chiếu và vé máy bay.",
            "Không liên lạc được với khách vì ứng dụng đã đóng chuyến, anh quay lại khách sạn "
            "nhưng đoàn đã đi lễ Miếu Bà Chúa Xứ. Anh chạy lên núi Sam, hỏi từng nhóm khách, rồi "
            "nhờ Công an phường Châu Đốc hỗ trợ. Gần 21 giờ, túi xách được trao tận tay chủ nhân.",
            {
                "quote": "Của ai thì trả cho người đó. Mất hộ chiếu thì người ta khổ lắm.",
                "by": "Anh Võ Minh Đăng",
            },
            "Đây không phải lần đầu anh Đăng trả lại của rơi. Từ năm 2023, anh đã năm lần trả lại "
            "điện thoại, ví tiền cho khách. Chủ tịch UBND phường Châu Đốc đã gửi thư khen, đề nghị "
            "biểu dương anh là gương người tốt việc tốt tiêu biểu sau khi phường mới đi vào hoạt động.",
        ],
    },
    {
        "slug": "chu-thap-do-phuong-vinh-te-ngay-hoi-hien-mau",
        "section": "nguoi-tot-viec-tot",
        "title": "Phường Vĩnh Tế: ngày hội hiến máu đầu tiên của phường mới thu 512 đơn vị máu",
        "intro": (
            "Lần đầu tổ chức sau khi phường Vĩnh Tế được thành lập, ngày hội hiến máu “Giọt hồng "
            "Vĩnh Tế” đã thu 512 đơn vị máu, vượt gấp đôi kế hoạch."
        ),
        "published": "2026-01-19T11:00:00+07:00",
        "campaigns": [POOR],
        "locality": "p-vinh-te",
        "field": "y tế",
        "authors": ["M.L"],
        "tags": ["hiến máu tình nguyện", "Chữ thập đỏ", "phường Vĩnh Tế"],
        "hero": {
            "caption": "Người dân và du khách đăng ký hiến máu tại ngày hội.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Hội Chữ thập đỏ phường Vĩnh Tế",
            "kind": "collective",
            "bio": "Hội Chữ thập đỏ của phường Vĩnh Tế, thành lập từ ngày 1/7/2025.",
            "stages": {"discovered": "2026-01-18"},
            "honours": [],
        },
        "body": [
            "Từ 6 giờ sáng, sân nhà văn hóa phường Vĩnh Tế đã kín người. Có những cụ ông ngoài 50 "
            "tuổi hiến máu lần thứ 30, có những bạn sinh viên lần đầu hiến máu còn run tay khi "
            "điền phiếu.",
            "Phường Vĩnh Tế được thành lập từ ngày 1/7/2025 trên cơ sở phường Núi Sam và các xã "
            "lân cận của thành phố Châu Đốc cũ. Ngày hội hiến máu là hoạt động lớn đầu tiên mà "
            "Hội Chữ thập đỏ phường tổ chức, với sự phối hợp của các chùa, nhà thờ và doanh "
            "nghiệp du lịch quanh núi Sam.",
            {
                "title": "Ngày hội Giọt hồng Vĩnh Tế",
                "facts": [
                    "512 đơn vị máu, kế hoạch 250 đơn vị",
                    "78 người hiến máu lần đầu",
                    "15 doanh nghiệp, cơ sở tôn giáo cùng tổ chức",
                ],
            },
            "Chủ tịch Hội Chữ thập đỏ phường cho biết sẽ duy trì ngày hội mỗi năm hai lần, vào "
            "dịp Tết và mùa hè, khi các bệnh viện thường thiếu máu.",
        ],
    },
]
