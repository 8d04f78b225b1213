import datetime as dt

import pytest

from exemplars.models import Honour
from tests.factories import (
    make_award,
    make_campaign,
    make_exemplar,
    make_field,
    make_image,
    make_locality,
    make_story,
)

PARAGRAPH = (
    "<p>Từ những ngày đầu khởi nghiệp, chị đã vượt qua bao khó khăn để xây dựng mô hình "
    "trồng lúa hữu cơ, liên kết với hợp tác xã, giúp nhiều hộ nông dân trong ấp nâng cao "
    "thu nhập, góp phần xây dựng nông thôn mới nâng cao.</p>"
)


@pytest.fixture
def booklet_campaign(db):
    """A campaign with three exemplars: NFD-typed names, honours with decision
    numbers, a print-size portrait, and one story long enough to fill pages."""
    campaign = make_campaign(
        "Phong trào thi đua Đồng Khởi mới",
        authority="UBND tỉnh Bến Tre",
        decision_number="123/QĐ-UBND",
        start_year=2021,
        end_year=2025,
    )
    names = [
        "Nguye\u0302\u0303n Thị Ắ Nguyệt",  # typed in NFD: stored and printed NFC
        "Hợp tác xã Dừa Lửa Đỏ",
        "Trần Văn Đức Ự",
    ]
    exemplars = []
    for i, name in enumerate(names):
        exemplar = make_exemplar(
            name,
            locality=make_locality("Châu Thành"),
            field=make_field("Nông nghiệp"),
            bio="Điển hình tiêu biểu của phong trào ở địa phương.",
            portrait=make_image(f"Chân dung {i}", size=(1200, 1600)) if i == 0 else None,
        )
        Honour.objects.create(
            exemplar=exemplar,
            award=make_award("Bằng khen của Chủ tịch UBND tỉnh"),
            decision_number=f"45{i}/QĐ-UBND",
            date=dt.date(2024, 3, 1 + i),
            campaign=campaign,
        )
        exemplars.append(exemplar)
    make_story(
        title="Người phụ nữ đưa lúa hữu cơ về ấp",
        exemplar=exemplars[0],
        campaigns=[campaign],
        body=[("paragraph", PARAGRAPH * 40)],
    )
    return campaign, exemplars
