"""Demo stories, part 1: "Gương sáng nông thôn" (farmers, cooperatives, new countryside).

Each story is a dict; ``locality`` is a key of ``content.LOCALITIES`` (names repeat
across the 2025 reorganisation, keys do not). In ``body`` a string is a paragraph,
``{"quote", "by"}`` a quote, ``{"facts", "title"}`` a fact box and ``{"honour": i}``
cites the exemplar's i-th honour.
"""

NTM_AG = "An Giang chung sức xây dựng nông thôn mới"
NTM_VN = "Cả nước chung sức xây dựng nông thôn mới"
FARMERS = "Nông dân sản xuất, kinh doanh giỏi"
WOMEN = "Phụ nữ tích cực học tập, lao động sáng tạo"
POOR = "Vì người nghèo - Không để ai bị bỏ lại phía sau"

STORIES = [
    {
        "slug": "ong-tran-van-duc-canh-dong-lon-vong-the",
        "section": "guong-sang-nong-thon",
        "title": "Ông Trần Văn Đức và cánh đồng lớn 300 ha ở Vọng Thê",
        "intro": (
            "Từ một thửa ruộng 3 công, ông Trần Văn Đức ở xã Vọng Thê (Thoại Sơn) đã vận động "
            "hơn 120 hộ cùng gieo sạ một giống, cùng bán cho doanh nghiệp, đưa cánh đồng lớn "
            "300 ha thành điển hình của huyện."
        ),
        "published": "2021-08-16T07:15:00+07:00",
        "campaigns": [NTM_AG, FARMERS],
        "locality": "vong-the",
        "field": "nông nghiệp",
        "authors": ["Hữu Huấn"],
        "tags": ["cánh đồng lớn", "lúa chất lượng cao", "liên kết tiêu thụ"],
        "hero": {
            "caption": "Ông Trần Văn Đức (bìa phải) kiểm tra lúa trước ngày thu hoạch.",
            "credit": "Ảnh: Hữu Huấn",
        },
        "exemplar": {
            "name": "Trần Văn Đức",
            "kind": "individual",
            "bio": "Nông dân xã Vọng Thê, tổ trưởng tổ hợp tác sản xuất lúa cánh đồng lớn.",
            "stages": {
                "discovered": "2018-04-10",
                "nurtured": "2019-06-01",
                "summed_up": "2021-01-15",
                "replicated": "2021-07-20",
            },
            "honours": [
                {
                    "award": "Bằng khen của Trung ương Hội Nông dân Việt Nam",
                    "issuer": "Trung ương Hội Nông dân Việt Nam",
                    "number": "2231/QĐ-HNDTW",
                    "date": "2020-10-12",
                },
            ],
        },
        "body": [
            "Ở cánh đồng Vọng Thê, ai cũng gọi ông Trần Văn Đức là “ông tổ trưởng khó tính”. "
            "Khó tính vì ông bắt cả tổ phải xuống giống cùng một ngày, dùng cùng một loại giống "
            "xác nhận và ghi chép đủ từng lần bón phân, phun thuốc. Nhưng cũng nhờ cái khó "
            "tính ấy mà lúa của tổ luôn bán được giá cao hơn lúa thường 300 - 500 đồng/kg.",
            "Năm 2016, khi doanh nghiệp tìm về huyện Thoại Sơn để bao tiêu lúa chất lượng cao, "
            "nhiều hộ còn e dè vì sợ bị ép giá. Ông Đức làm trước trên ruộng nhà, mời bà con "
            "đến xem từ lúc gieo đến lúc cắt. Vụ đông xuân năm đó, ruộng ông đạt 8,2 tấn/ha, "
            "giá thu mua được ký trước khi sạ. Từ 15 hộ ban đầu, đến nay tổ đã có hơn 120 hộ "
            "với diện tích 300 ha.",
            {
                "quote": (
                    "Làm ruộng một mình thì mình chịu thiệt một mình. Làm chung một cánh đồng, "
                    "một tiếng nói, thì doanh nghiệp phải tính đường dài với mình."
                ),
                "by": "Ông Trần Văn Đức",
            },
            "Không dừng ở khâu sản xuất, ông còn vận động bà con góp tiền mua máy sấy, làm "
            "đường nội đồng dài 2,4 km để xe cơ giới vào tận bờ ruộng. Con đường đá dăm hoàn "
            "thành năm 2020 đã góp phần giúp xã Vọng Thê đạt tiêu chí giao thông nông thôn mới.",
            {
                "title": "Cánh đồng lớn Vọng Thê",
                "facts": [
                    "300 ha lúa chất lượng cao, hơn 120 hộ tham gia",
                    "Năng suất bình quân 7,8 - 8,2 tấn/ha",
                    "2,4 km đường nội đồng do người dân góp vốn",
                    "Giảm 30% lượng giống và 20% phân bón so với trước",
                ],
            },
            {"honour": 0},
            "Mô hình của ông Đức đã được Hội Nông dân huyện tổng kết và nhân rộng ra 6 xã khác. "
            "Theo Chủ tịch Hội Nông dân huyện Thoại Sơn, cái quý nhất ở ông không phải là năng "
            "suất, mà là cách ông làm cho nông dân tin nhau.",
        ],
    },
    {
        "slug": "htx-rau-an-toan-kien-an",
        "section": "guong-sang-nong-thon",
        "title": "Hợp tác xã rau an toàn Kiến An: đưa rau cù lao vào siêu thị",
        "intro": (
            "Sau 5 năm thành lập, Hợp tác xã rau an toàn Kiến An (Chợ Mới) đã có 46 thành viên, "
            "mỗi ngày cung cấp 3 tấn rau đạt chuẩn VietGAP cho hệ thống siêu thị ở Long Xuyên "
            "và TP. Hồ Chí Minh."
        ),
        "published": "2022-04-07T08:00:00+07:00",
        "campaigns": [NTM_AG],
        "locality": "kien-an",
        "field": "nông nghiệp",
        "authors": ["Hữu Huấn", "M.L"],
        "tags": ["VietGAP", "hợp tác xã kiểu mới", "rau màu"],
        "hero": {
            "caption": "Xã viên Hợp tác xã rau an toàn Kiến An sơ chế rau trước khi giao hàng.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Hợp tác xã rau an toàn Kiến An",
            "kind": "collective",
            "bio": "Hợp tác xã kiểu mới trồng rau theo tiêu chuẩn VietGAP trên cù lao Giêng.",
            "stages": {"discovered": "2019-03-01", "nurtured": "2020-05-12"},
            "honours": [
                {
                    "award": "Bằng khen của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "1720/QĐ-UBND",
                    "date": "2021-12-20",
                },
            ],
        },
        "body": [
            "Bốn giờ sáng, nhà sơ chế của Hợp tác xã rau an toàn Kiến An đã sáng đèn. Những bó "
            "cải ngọt, mồng tơi, rau muống được rửa qua ba lần nước, cân, đóng túi và dán mã "
            "truy xuất nguồn gốc. Đúng 6 giờ, xe lạnh của siêu thị đã chờ sẵn ở bến phà.",
            "Ông Nguyễn Văn Đạt, Giám đốc hợp tác xã, kể rằng trước năm 2017, rau ở cù lao "
            "chủ yếu bán cho thương lái, giá lên xuống thất thường. Có vụ, cả xóm phải đổ bỏ "
            "rau vì không ai mua. Được Liên minh Hợp tác xã tỉnh hỗ trợ, 12 hộ đầu tiên mạnh "
            "dạn góp vốn, học quy trình VietGAP và tự xây nhà màng.",
            "Đến nay, hợp tác xã có 46 thành viên với 28 ha rau, doanh thu năm 2021 đạt hơn "
            "9 tỷ đồng. Thu nhập bình quân của xã viên tăng gấp đôi so với trồng rau truyền "
            "thống. Hợp tác xã còn nhận 5 hộ nghèo vào làm công, trả lương theo ngày.",
            {
                "quote": (
                    "Siêu thị không mua rau của một nhà, họ mua rau của một tập thể có uy tín. "
                    "Giữ uy tín là giữ chén cơm của cả 46 gia đình."
                ),
                "by": "Ông Nguyễn Văn Đạt, Giám đốc hợp tác xã",
            },
            {"honour": 0},
            "Xã Kiến An đang hoàn thiện các tiêu chí nông thôn mới nâng cao, trong đó hợp tác xã "
            "hoạt động hiệu quả là một tiêu chí khó. Chính quyền địa phương xem Hợp tác xã rau "
            "an toàn Kiến An là hạt nhân để nhân rộng sang các ấp còn lại.",
        ],
    },
    {
        "slug": "ap-binh-thanh-hien-dat-lam-duong",
        "section": "guong-sang-nong-thon",
        "title": "Ấp Bình Thạnh: 87 hộ hiến đất, con đường đal về tận ngõ",
        "intro": (
            "Không chờ vốn Nhà nước, người dân ấp Bình Thạnh, xã Bình Mỹ (Châu Phú) đã tự "
            "nguyện hiến hơn 6.000 m² đất, góp tiền và ngày công làm 3,5 km đường bê tông."
        ),
        "published": "2022-11-21T06:45:00+07:00",
        "campaigns": [NTM_AG],
        "locality": "binh-my",
        "field": "xây dựng nông thôn mới",
        "authors": ["Hữu Huấn"],
        "tags": ["hiến đất", "giao thông nông thôn", "dân vận khéo"],
        "hero": {
            "caption": "Người dân ấp Bình Thạnh cùng đổ bê tông đoạn đường cuối cùng.",
            "credit": "Ảnh: Hữu Huấn",
        },
        "exemplar": {
            "name": "Nhân dân ấp Bình Thạnh",
            "kind": "collective",
            "bio": "Cộng đồng dân cư ấp Bình Thạnh, xã Bình Mỹ, huyện Châu Phú.",
            "stages": {"discovered": "2022-03-15", "summed_up": "2022-10-30"},
            "honours": [
                {
                    "award": "Giấy khen của UBND huyện",
                    "issuer": "UBND huyện Châu Phú",
                    "number": "2874/QĐ-UBND",
                    "date": "2022-10-28",
                },
            ],
        },
        "body": [
            "Con đường đất nhỏ ven kênh Bình Thạnh trước kia chỉ đủ cho một chiếc xe máy. Mùa "
            "mưa, bùn lầy tới mắt cá chân, học trò phải xách dép đi học. Người lớn trong ấp nói "
            "vui: “Ở đây muốn đi chợ phải tính giờ nước ròng”.",
            "Đầu năm 2022, khi xã Bình Mỹ bắt tay vào xây dựng nông thôn mới nâng cao, Ban nhân "
            "dân ấp tổ chức họp dân ngay tại sân nhà ông Đỗ Văn Đồng. Ông Đồng là người đầu "
            "tiên ký giấy hiến 420 m² đất vườn, chặt bỏ hàng dừa đang cho trái để mở rộng mặt "
            "đường. Sau ông, từng hộ một lần lượt ký tên.",
            {
                "title": "Con đường của lòng dân",
                "facts": [
                    "87 hộ hiến hơn 6.000 m² đất",
                    "3,5 km đường bê tông rộng 3,5 m",
                    "Người dân góp 1,2 tỷ đồng và 2.400 ngày công",
                    "12 cây cầu bê tông được xây mới thay cầu khỉ",
                ],
            },
            "Không chỉ góp đất, bà con còn góp sức. Đàn ông phụ trộn bê tông, phụ nữ nấu cơm, "
            "thanh niên trực đêm canh vật tư. Công trình hoàn thành sau 5 tháng, tiết kiệm gần "
            "một nửa chi phí so với dự toán thuê thầu.",
            {
                "quote": (
                    "Đất là của ông bà để lại, nhưng con đường thì để lại cho con cháu. "
                    "Tôi thấy vậy là đáng."
                ),
                "by": "Ông Đỗ Văn Đồng, ấp Bình Thạnh",
            },
            {"honour": 0},
        ],
    },
    {
        "slug": "anh-chau-phuol-nuoi-bo-vo-beo-o-lam",
        "section": "guong-sang-nong-thon",
        "title": "Anh Chau Phươl thoát nghèo nhờ nuôi bò vỗ béo trên đồng Ô Lâm",
        "intro": (
            "Từ con bò giống được Hội Nông dân cho vay năm 2018, anh Chau Phươl, người Khmer "
            "ở xã Ô Lâm (Tri Tôn), nay có chuồng trại 24 con và là tổ trưởng tổ hợp tác chăn "
            "nuôi của ấp."
        ),
        "published": "2023-03-14T07:00:00+07:00",
        "campaigns": [FARMERS, POOR],
        "locality": "o-lam-cu",
        "field": "nông nghiệp",
        "authors": ["Thanh Tiến"],
        "tags": ["chăn nuôi bò", "đồng bào Khmer", "thoát nghèo"],
        "hero": {
            "caption": "Anh Chau Phươl cho đàn bò ăn cỏ trồng ven chân núi Cô Tô.",
            "credit": "Ảnh: Thanh Tiến",
        },
        "exemplar": {
            "name": "Chau Phươl",
            "kind": "individual",
            "bio": "Nông dân người Khmer, tổ trưởng tổ hợp tác chăn nuôi bò ấp Phước Long.",
            "stages": {"discovered": "2021-05-01", "nurtured": "2022-02-01"},
            "honours": [],
        },
        "body": [
            "Căn nhà sàn cũ của anh Chau Phươl nằm sát chân núi, phía sau là dãy chuồng bò lợp "
            "tôn sạch sẽ. Năm năm trước, nơi đây chỉ có một chuồng tạm làm bằng tre và một con "
            "bò cái gầy. Gia đình anh khi ấy có tên trong danh sách hộ nghèo của xã.",
            "Được Hội Nông dân xã hỗ trợ vay vốn và tập huấn kỹ thuật, anh học cách trồng cỏ "
            "voi, ủ rơm với men vi sinh để có thức ăn quanh năm. Bò vỗ béo trong ba tháng là "
            "xuất chuồng, mỗi con lãi từ 5 đến 7 triệu đồng. Năm 2020, gia đình anh thoát nghèo.",
            "Điều khiến bà con trong ấp quý anh là anh không giấu nghề. Anh đứng ra thành lập "
            "tổ hợp tác 11 hộ, cùng mua bê giống, cùng thuê xe chở bò đi bán để giảm chi phí. "
            "Bốn hộ nghèo trong tổ đã có đàn bò riêng.",
            {
                "quote": "Mình nghèo rồi mình biết cái khổ. Ai muốn làm thì mình chỉ, không tính tiền.",
                "by": "Anh Chau Phươl",
            },
            "Hiện tổ hợp tác đang được huyện Tri Tôn hỗ trợ xây hầm biogas và đăng ký nhãn hiệu "
            "bò vỗ béo Ô Lâm, hướng tới cung cấp cho các chợ đầu mối trong vùng.",
        ],
    },
    {
        "slug": "to-hop-tac-nuoi-ca-mua-nuoc-noi-an-phu",
        "section": "guong-sang-nong-thon",
        "title": "Tổ hợp tác sinh kế mùa nước nổi: khi con nước thành cơ hội",
        "intro": (
            "Ở huyện đầu nguồn An Phú, 32 hộ nghèo trong Tổ hợp tác sinh kế mùa nước nổi đã "
            "biến ba tháng nước lên từ mùa thất nghiệp thành mùa có thu nhập nhờ nuôi cá trong "
            "đăng quầng và trồng sen."
        ),
        "published": "2023-09-25T08:30:00+07:00",
        "campaigns": [POOR],
        "locality": "an-phu",
        "field": "thủy sản",
        "authors": ["M.L"],
        "tags": ["mùa nước nổi", "sinh kế", "giảm nghèo"],
        "hero": {
            "caption": "Thành viên tổ hợp tác thu hoạch cá trong đăng quầng giữa đồng nước.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Tổ hợp tác sinh kế mùa nước nổi An Phú",
            "kind": "collective",
            "bio": "Tổ hợp tác của 32 hộ nghèo, cận nghèo nuôi cá và trồng sen mùa lũ.",
            "stages": {"discovered": "2022-09-01", "nurtured": "2023-01-10"},
            "honours": [],
        },
        "body": [
            "Tháng chín, nước sông Hậu tràn đồng. Trước đây, đó là lúc những gia đình không ruộng "
            "ở An Phú phải khóa cửa lên Bình Dương làm thuê, để lại ông bà già và trẻ nhỏ. Từ "
            "khi có tổ hợp tác, nhiều người đã ở lại quê.",
            "Mô hình do Hội Liên hiệp Phụ nữ và Hội Nông dân huyện cùng đỡ đầu. Mỗi hộ được hỗ "
            "trợ lưới làm đăng quầng, cá giống và vay vốn ưu đãi. Cá lóc, cá rô nuôi trong đăng "
            "giữa đồng ăn thêm thức ăn tự nhiên, thịt chắc, bán được giá.",
            {
                "title": "Sau hai mùa nước",
                "facts": [
                    "32 hộ tham gia, 19 hộ đã thoát nghèo",
                    "Thu nhập thêm 25 - 40 triệu đồng/hộ mỗi mùa nước",
                    "6 ha sen trồng xen cho thu hoạch gương, ngó và hoa",
                ],
            },
            "Bà Lê Thị Đầm, tổ trưởng, cho biết cái được lớn nhất là bà con biết tính toán làm "
            "ăn. Tổ lập sổ theo dõi chung, tháng nào cũng họp để chia kinh nghiệm trị bệnh cho "
            "cá, tìm mối bán hàng.",
            "Huyện An Phú dự kiến nhân rộng mô hình sang các xã Vĩnh Hậu, Quốc Thái trong mùa "
            "nước năm tới, gắn với chương trình giảm nghèo bền vững.",
        ],
    },
    {
        "slug": "hop-tac-xa-nep-phu-tan",
        "section": "guong-sang-nong-thon",
        "title": "Hợp tác xã nếp Phú Tân giữ hương nếp đầu nguồn",
        "intro": (
            "Hợp tác xã nếp Phú Tân đã đăng ký nhãn hiệu tập thể, liên kết 210 hộ trồng nếp "
            "và đưa sản phẩm nếp sạch ra thị trường cả nước."
        ),
        "published": "2024-01-18T07:30:00+07:00",
        "campaigns": [FARMERS, NTM_AG],
        "locality": "phu-tan",
        "field": "nông nghiệp",
        "authors": ["Hữu Huấn"],
        "tags": ["nếp Phú Tân", "nhãn hiệu tập thể", "OCOP"],
        "hero": {
            "caption": "Cánh đồng nếp của hợp tác xã vào mùa thu hoạch.",
            "credit": "Ảnh: Hữu Huấn",
        },
        "exemplar": {
            "name": "Hợp tác xã nếp Phú Tân",
            "kind": "collective",
            "bio": "Hợp tác xã nông nghiệp chuyên trồng và chế biến nếp tại huyện Phú Tân.",
            "stages": {
                "discovered": "2021-02-01",
                "nurtured": "2022-03-01",
                "summed_up": "2023-11-20",
            },
            "honours": [
                {
                    "award": "Cờ thi đua của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "85/QĐ-UBND",
                    "date": "2024-01-12",
                },
            ],
        },
        "body": [
            "Người miền Tây nhắc tới nếp là nhắc tới Phú Tân. Thế nhưng nhiều năm, hạt nếp thơm "
            "của vùng đầu nguồn chủ yếu bán xá cho thương lái, ra khỏi huyện là mất tên.",
            "Hợp tác xã nếp Phú Tân ra đời năm 2020 với mục tiêu giữ lại cái tên ấy. Hợp tác xã "
            "cung ứng giống nếp thuần, hướng dẫn xã viên canh tác giảm phân hóa học, rồi thu "
            "mua toàn bộ sản phẩm để xay xát, đóng gói với nhãn hiệu tập thể.",
            {
                "title": "Thành tích nổi bật",
                "facts": [
                    "210 hộ liên kết, 850 ha nếp",
                    "2 sản phẩm đạt chứng nhận OCOP 4 sao",
                    "Doanh thu năm 2023 đạt 48 tỷ đồng",
                ],
            },
            "Bà Phan Thị Điền, xã viên ở xã Phú Thành, cho biết giá nếp bán cho hợp tác xã cao "
            "hơn giá chợ từ 400 đến 600 đồng mỗi ký, lại được ứng trước vật tư. “Có hợp tác xã "
            "rồi, mình yên tâm làm, khỏi lo đầu ra”, bà nói.",
            {"honour": 0},
            "Với kết quả này, Hợp tác xã nếp Phú Tân được Liên minh Hợp tác xã tỉnh chọn là điển "
            "hình tiên tiến trong khu vực kinh tế tập thể giai đoạn 2021 - 2025.",
        ],
    },
    {
        "slug": "xa-binh-my-ve-dich-nong-thon-moi-nang-cao",
        "section": "guong-sang-nong-thon",
        "title": "Xã Bình Mỹ về đích nông thôn mới nâng cao sau 100 ngày tăng tốc",
        "intro": (
            "Trong đợt thi đua 100 ngày, cán bộ và nhân dân xã Bình Mỹ (Châu Phú) đã hoàn thành "
            "4 tiêu chí còn thiếu, trở thành xã nông thôn mới nâng cao thứ 3 của huyện."
        ),
        "published": "2024-12-16T09:00:00+07:00",
        "campaigns": [NTM_AG],
        "drive": "Đợt thi đua 100 ngày về đích nông thôn mới năm 2024",
        "locality": "binh-my",
        "field": "xây dựng nông thôn mới",
        "authors": ["M.L"],
        "tags": ["nông thôn mới nâng cao", "thi đua 100 ngày"],
        "hero": {
            "caption": "Tuyến đường hoa ấp Bình Thạnh, xã Bình Mỹ.",
            "credit": "Ảnh: M.L",
        },
        "exemplar": {
            "name": "Đảng bộ và nhân dân xã Bình Mỹ",
            "kind": "collective",
            "bio": "Xã nông nghiệp của huyện Châu Phú, đạt chuẩn nông thôn mới năm 2019.",
            "stages": {"discovered": "2024-06-01", "summed_up": "2024-12-10"},
            "honours": [
                {
                    "award": "Cờ thi đua của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "2950/QĐ-UBND",
                    "date": "2024-12-12",
                },
            ],
        },
        "body": [
            "Tháng 9/2024, khi đợt thi đua 100 ngày về đích nông thôn mới được phát động, xã "
            "Bình Mỹ còn thiếu 4 tiêu chí: môi trường, thu nhập, y tế và chuyển đổi số. Nhiều "
            "người lo không kịp.",
            "Ban Chỉ đạo xã chia việc tới từng ấp, từng đoàn thể. Hội Phụ nữ nhận phần trồng "
            "hoa, thu gom rác; Đoàn Thanh niên cài ứng dụng dịch vụ công cho bà con; trạm y tế "
            "vận động người dân tham gia bảo hiểm y tế. Mỗi tuần, kết quả được dán công khai "
            "ở nhà văn hóa ấp.",
            {
                "title": "100 ngày ở Bình Mỹ",
                "facts": [
                    "12 km đường hoa, hàng rào xanh",
                    "Tỷ lệ tham gia bảo hiểm y tế đạt 96,5%",
                    "Thu nhập bình quân 68 triệu đồng/người/năm",
                    "85% hộ dân có tài khoản dịch vụ công trực tuyến",
                ],
            },
            "Kinh nghiệm rút ra, theo Bí thư Đảng ủy xã, là không làm thay dân mà làm cùng dân. "
            "Những phần việc nhỏ, giao đúng người, đúng lúc, cộng lại thành kết quả lớn.",
            {"honour": 0},
        ],
    },
    {
        "slug": "chi-pham-thi-diep-nuoi-de-tinh-bien",
        "section": "guong-sang-nong-thon",
        "title": "Chị Phạm Thị Điệp làm giàu từ đàn dê dưới chân núi Cấm",
        "intro": (
            "Từ 5 con dê giống, chị Phạm Thị Điệp ở Tịnh Biên phát triển trang trại 200 con, "
            "mở quán dê núi và giúp hơn 20 chị em trong hội phụ nữ có nghề."
        ),
        "published": "2025-02-26T07:45:00+07:00",
        "campaigns": [WOMEN, FARMERS],
        "locality": "tinh-bien",
        "field": "nông nghiệp",
        "authors": ["Hạnh Châu"],
        "tags": ["chăn nuôi dê", "phụ nữ khởi nghiệp"],
        "hero": {
            "caption": "Chị Phạm Thị Điệp bên đàn dê của gia đình.",
            "credit": "Ảnh: Hạnh Châu",
        },
        "exemplar": {
            "name": "Phạm Thị Điệp",
            "kind": "individual",
            "bio": "Hội viên phụ nữ, chủ trang trại dê và quán ăn dê núi ở Tịnh Biên.",
            "stages": {"discovered": "2023-03-08", "nurtured": "2024-03-08"},
            "honours": [
                {
                    "award": "Bằng khen của UBND tỉnh",
                    "issuer": "UBND tỉnh An Giang",
                    "number": "412/QĐ-UBND",
                    "date": "2025-02-20",
                },
            ],
        },
        "body": [
            "Đường lên trang trại của chị Điệp quanh co theo sườn núi. Đàn dê lông đen bóng thả "
            "trên đồi, chiều về tự tìm đường xuống chuồng. Chị cười: “Dê nó nhớ đường hơn người”.",
            "Năm 2015, chồng đau bệnh, chị Điệp một mình gánh vác gia đình. Được Hội Phụ nữ "
            "giới thiệu vay 30 triệu đồng, chị mua 5 con dê giống. Những năm đầu, dê bị tiêu "
            "chảy chết gần hết, chị phải học lại từ đầu cách làm chuồng sàn, trồng cỏ, tiêm "
            "phòng.",
            "Giờ đây, trang trại có 200 con, mỗi năm xuất bán hơn 300 con thịt. Chị mở thêm quán "
            "dê núi phục vụ khách du lịch lên núi Cấm, tạo việc làm cho 6 lao động nữ.",
            {
                "quote": (
                    "Phụ nữ mình đừng sợ thất bại. Mình té thì mình đứng dậy, có chị em trong hội "
                    "đỡ một tay."
                ),
                "by": "Chị Phạm Thị Điệp",
            },
            "Chị còn nhận chăn nuôi gửi: cấp dê giống cho chị em khó khăn, khi dê sinh sản thì "
            "trả lại dê con. Hơn 20 hội viên đã có đàn dê riêng từ cách làm này.",
            {"honour": 0},
        ],
    },
    {
        "slug": "ong-dinh-van-duong-lua-tom-thoai-son",
        "section": "guong-sang-nong-thon",
        "title": "Ông Đinh Văn Đường với mô hình lúa - tôm càng xanh",
        "intro": (
            "Trên 8 ha ruộng ở xã Thoại Sơn, ông Đinh Văn Đường nuôi tôm càng xanh xen lúa, "
            "giảm phân thuốc, lãi gấp ba trồng lúa thuần."
        ),
        "published": "2025-09-12T07:00:00+07:00",
        "campaigns": [FARMERS],
        "locality": "x-thoai-son",
        "field": "thủy sản",
        "authors": ["Hữu Huấn"],
        "tags": ["tôm càng xanh", "lúa - tôm", "nông nghiệp sinh thái"],
        "hero": {
            "caption": "Ông Đinh Văn Đường kiểm tra tôm càng xanh trong mương vườn.",
            "credit": "Ảnh: Hữu Huấn",
        },
        "exemplar": {
            "name": "Đinh Văn Đường",
            "kind": "individual",
            "bio": "Nông dân xã Thoại Sơn, tỉnh An Giang; đi đầu mô hình lúa - tôm càng xanh.",
            "stages": {
                "discovered": "2022-10-01",
                "nurtured": "2023-06-01",
                "summed_up": "2025-08-15",
            },
            "honours": [
                {
                    "award": "Bằng khen của Trung ương Hội Nông dân Việt Nam",
                    "issuer": "Trung ương Hội Nông dân Việt Nam",
                    "number": "1566/QĐ-HNDTW",
                    "date": "2025-08-05",
                },
            ],
        },
        "body": [
            "Từ ngày 1/7/2025, các xã cũ Vọng Thê, Núi Sập hợp thành xã Thoại Sơn. Địa danh đổi "
            "mới, nhưng trên cánh đồng của ông Đinh Văn Đường, nhịp làm ăn vẫn đều đặn: lúa "
            "trên ruộng, tôm dưới mương.",
            "Ông Đường bắt đầu thả tôm càng xanh xen lúa từ năm 2019, sau một chuyến tham quan "
            "ở Đồng Tháp. Ruộng được đào mương bao rộng 3 m, lúa trồng giống chịu phèn, hầu như "
            "không phun thuốc vì tôm rất nhạy với hóa chất.",
            {
                "title": "Một ha lúa - tôm mỗi năm",
                "facts": [
                    "Khoảng 500 kg tôm càng xanh, giá 180.000 - 220.000 đồng/kg",
                    "5,5 tấn lúa sạch, giảm 70% thuốc bảo vệ thực vật",
                    "Lợi nhuận gấp 3 lần trồng lúa thuần",
                ],
            },
            "Thấy hiệu quả, nhiều hộ xin học. Ông lập nhóm nhắn tin để chia sẻ lịch thả giống, "
            "cách xử lý nước, mua chung tôm giống sạch bệnh. Đến nay đã có 35 hộ với gần 100 ha "
            "làm theo.",
            {"honour": 0},
            "Hội Nông dân tỉnh đang tổng kết mô hình để đưa vào chương trình phát triển nông "
            "nghiệp sinh thái của tỉnh An Giang mới, nơi diện tích lúa - tôm của Kiên Giang cũ "
            "và vùng ngọt hóa của An Giang cũ có thể bổ trợ cho nhau.",
        ],
    },
    {
        "slug": "co-so-dong-xuong-ong-phan-van-dinh-cu-lao-gieng",
        "section": "guong-sang-nong-thon",
        "title": "Ông Phan Văn Định và nghề đóng xuồng trên cù lao Giêng",
        "intro": (
            "Bốn mươi năm gắn bó với nghề đóng xuồng ba lá, ông Phan Văn Định ở xã Cù Lao Giêng "
            "vừa giữ nghề, vừa dạy nghề miễn phí cho thanh niên nghèo."
        ),
        "published": "2026-01-09T08:15:00+07:00",
        "campaigns": [NTM_VN],
        "locality": "x-cu-lao-gieng",
        "field": "công nghiệp - thủ công",
        "authors": ["Ngọc Đông"],
        "tags": ["làng nghề", "xuồng ba lá", "dạy nghề"],
        "hero": {
            "caption": "Ông Phan Văn Định hoàn thiện một chiếc xuồng ba lá.",
            "credit": "Ảnh: Ngọc Đông",
        },
        "exemplar": {
            "name": "Phan Văn Định",
            "kind": "individual",
            "bio": "Nghệ nhân đóng xuồng ba lá ở xã Cù Lao Giêng.",
            "stages": {"discovered": "2025-10-01"},
            "honours": [],
        },
        "body": [
            "Tiếng bào, tiếng đục vang lên từ sáng sớm trong xưởng nhỏ bên bờ sông Tiền. Ông "
            "Phan Văn Định, 63 tuổi, cúi người uốn tấm ván sao đã hơ lửa cho cong đúng dáng. "
            "Một chiếc xuồng ba lá cần ba ngày công, không cần bản vẽ, mọi kích thước nằm trong "
            "đôi mắt người thợ.",
            "Thời hoàng kim, cù lao có hàng chục lò đóng xuồng. Khi đường sá về tới ngõ, xe máy "
            "thay ghe xuồng, nhiều lò đóng cửa. Ông Định chuyển sang làm xuồng cho du lịch sinh "
            "thái, xuồng cứu hộ mùa lũ và mô hình xuồng lưu niệm.",
            {
                "quote": (
                    "Con đường bê tông về tới nhà là mừng lắm. Nhưng xuồng thì vẫn phải có, mùa "
                    "nước lên là cần liền."
                ),
                "by": "Ông Phan Văn Định",
            },
            "Mấy năm nay, ông nhận dạy nghề miễn phí cho thanh niên nghèo trong xã. Đã có 9 "
            "người ra nghề, trong đó 3 người mở được xưởng riêng. Sản phẩm xuồng lưu niệm của "
            "xưởng được bình chọn là sản phẩm tiêu biểu của xã nông thôn mới kiểu mẫu.",
            "Xã Cù Lao Giêng, được thành lập từ ngày 1/7/2025 trên cơ sở các xã Kiến An, Tấn Mỹ, "
            "Mỹ Hiệp cũ, đang xây dựng tuyến du lịch cù lao, trong đó xưởng xuồng của ông Định "
            "là một điểm dừng chân.",
        ],
    },
    {
        "slug": "ong-dong-van-hai-hien-dat-hon-dat",
        "section": "guong-sang-nong-thon",
        "title": "Lão nông Đồng Văn Hai hiến 2.000 m² đất làm đường ở Hòn Đất",
        "intro": (
            "Ở tuổi 78, ông Đồng Văn Hai (huyện Hòn Đất, tỉnh Kiên Giang) đã hiến 2.000 m² đất "
            "để mở đường liên ấp, góp phần đưa xã về đích nông thôn mới."
        ),
        "published": "2022-07-05T06:30:00+07:00",
        "campaigns": [NTM_VN],
        "locality": "hon-dat",
        "field": "xây dựng nông thôn mới",
        "authors": ["Đức Toàn"],
        "tags": ["hiến đất", "đường liên ấp", "Kiên Giang"],
        "hero": {
            "caption": "Ông Đồng Văn Hai trên con đường mới mở qua phần đất ông hiến.",
            "credit": "Ảnh: Đức Toàn",
        },
        "exemplar": {
            "name": "Đồng Văn Hai",
            "kind": "individual",
            "bio": "Nông dân, cựu chiến binh ở huyện Hòn Đất, tỉnh Kiên Giang.",
            "stages": {"discovered": "2022-05-01", "summed_up": "2022-06-20"},
            "honours": [
                {
                    "award": "Bằng khen của UBND tỉnh",
                    "issuer": "UBND tỉnh Kiên Giang",
                    "number": "1502/QĐ-UBND",
                    "date": "2022-06-15",
                },
            ],
        },
        "body": [
            "Ông Đồng Văn Hai là cựu chiến binh, cả đời gắn với mảnh vườn dưới chân núi Hòn Đất. "
            "Khi xã triển khai tuyến đường liên ấp, phần đất nhà ông nằm đúng giữa hướng tuyến.",
            "Không đợi cán bộ tới vận động, ông gọi các con về họp gia đình. Cả nhà thống nhất "
            "hiến 2.000 m² đất và chặt bỏ 40 cây xoài đang cho trái, không nhận tiền hỗ trợ.",
            {
                "quote": "Hồi chiến tranh, đồng đội tôi hy sinh ở đây. Giờ đất này làm đường cho "
                "dân đi, vậy là phải đạo.",
                "by": "Ông Đồng Văn Hai",
            },
            "Việc làm của ông đã lan tỏa trong xóm. Sau đó, 34 hộ khác cũng hiến đất, giúp tuyến "
            "đường 4,2 km hoàn thành sớm hơn kế hoạch hai tháng.",
            {"honour": 0},
        ],
    },
    {
        "slug": "chi-doan-thi-diem-vuon-khom-giong-rieng",
        "section": "guong-sang-nong-thon",
        "title": "Chị Đoàn Thị Diễm đưa trái khóm Giồng Riềng vào chuỗi liên kết",
        "intro": (
            "Nữ chủ nhiệm tổ hợp tác trồng khóm ở Giồng Riềng đã kết nối 60 hộ với nhà máy "
            "chế biến, ổn định giá bán suốt ba năm liền."
        ),
        "published": "2023-06-19T07:20:00+07:00",
        "campaigns": [WOMEN],
        "locality": "giong-rieng",
        "field": "nông nghiệp",
        "authors": ["Đức Toàn", "Hạnh Châu"],
        "tags": ["khóm", "chuỗi liên kết", "phụ nữ khởi nghiệp"],
        "hero": {
            "caption": "Chị Đoàn Thị Diễm (giữa) cùng chị em thu hoạch khóm.",
            "credit": "Ảnh: Đức Toàn",
        },
        "exemplar": {
            "name": "Đoàn Thị Diễm",
            "kind": "individual",
            "bio": "Chủ nhiệm tổ hợp tác trồng khóm, hội viên phụ nữ ở Giồng Riềng.",
            "stages": {"discovered": "2022-03-08"},
            "honours": [],
        },
        "body": [
            "Vùng đất phèn Giồng Riềng vốn nổi tiếng với trái khóm ngọt thanh. Nhưng giá khóm "
            "từng có lúc chỉ còn 1.000 đồng một trái, người trồng bỏ ruộng cho cỏ mọc.",
            "Chị Đoàn Thị Diễm khi ấy là chi hội trưởng phụ nữ ấp. Chị đi nhiều nhà máy chế "
            "biến để hỏi yêu cầu chất lượng, rồi về vận động chị em trồng theo một quy trình. "
            "Tổ hợp tác ra đời với 15 hộ, sau ba năm đã có 60 hộ.",
            "Nhờ hợp đồng bao tiêu, giá khóm của tổ luôn ổn định ở mức 4.000 - 5.000 đồng/kg. "
            "Chị còn hướng dẫn chị em làm mứt khóm, khóm sấy để bán online, tăng thêm thu nhập "
            "lúc nông nhàn.",
            {
                "title": "Tổ hợp tác khóm",
                "facts": [
                    "60 hộ, 95 ha khóm",
                    "Hợp đồng bao tiêu 3 năm với nhà máy chế biến",
                    "2 sản phẩm khóm sấy, mứt khóm bán trên sàn thương mại điện tử",
                ],
            },
        ],
    },
]
