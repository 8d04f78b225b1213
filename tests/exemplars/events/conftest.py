import datetime as dt
import zoneinfo

import pytest

from exemplars.models import Event
from tests.factories import make_campaign, make_exemplar, make_locality

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=HCM)


@pytest.fixture
def make_event(db):
    def make(**overrides):
        fields = {
            "title": "Tọa đàm: Nông dân sản xuất, kinh doanh giỏi",
            "kind": Event.Kind.TALK,
            "starts_at": local(2030, 5, 10, 8, 0),
            "ends_at": local(2030, 5, 10, 11, 30),
            "place": "Hội trường UBND tỉnh, 16 Lê Lợi",
            "locality": make_locality("Long Xuyên"),
            "campaign": make_campaign(authority="UBND tỉnh An Giang"),
        } | overrides
        exemplars = fields.pop("exemplars", [])
        event = Event.objects.create(**fields)
        if exemplars:
            # A parental many-to-many is written by save(), as the admin form does.
            event.exemplars.set(exemplars)
            event.save()
        return event

    return make


@pytest.fixture
def exemplars(db):
    return [
        make_exemplar("Nguyễn Thị Ắ Lành", locality=make_locality("Châu Đốc")),
        make_exemplar("Hợp tác xã Đoàn Kết", kind="collective"),
    ]
