"""Journalists find campaigns and exemplars in the admin however they type the name."""

import pytest
from django.urls import reverse

from exemplars.models import Exemplar, Stage
from tests.factories import make_campaign, make_exemplar, make_field, make_locality, make_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        campaign = make_campaign("Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại")
        make_campaign("Vì người nghèo - Không để ai bị bỏ lại phía sau")
        exemplar = make_exemplar("Đoàn Văn Hậu")
        make_exemplar("Hợp tác xã Tân Phú", kind=Exemplar.Kind.COLLECTIVE)
    return campaign, exemplar


@pytest.mark.parametrize("q", ["đẩy mạnh", "day manh", "DAY MẠNH", "ket cau ha tang"])
def test_campaign_chooser_folds(admin_client, records, q):
    url = reverse("wagtailsnippetchoosers_exemplars_campaign:choose_results")
    response = admin_client.get(url, {"q": q})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Đẩy mạnh phát triển kết cấu hạ tầng" in content
    assert "Vì người nghèo" not in content


@pytest.mark.parametrize("q", ["Đoàn Văn Hậu", "doan van hau", "Doan"])
def test_exemplar_chooser_and_listing_fold(admin_client, records, q):
    chooser = reverse("wagtailsnippetchoosers_exemplars_exemplar:choose_results")
    listing = reverse("wagtailsnippets_exemplars_exemplar:list")
    for url in (chooser, listing):
        content = admin_client.get(url, {"q": q}).content.decode()
        assert "Đoàn Văn Hậu" in content
        assert "Hợp tác xã Tân Phú" not in content


def test_story_listing_filters_by_campaign_locality_field_and_stage(admin_client, section):
    road = make_campaign("Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại")
    poor = make_campaign("Vì người nghèo - Không để ai bị bỏ lại phía sau")
    nurtured = make_exemplar("Lê Thị Nhàn")
    nurtured.advance_to(Stage.NURTURED)
    make_story(
        title="Con đường bê tông ở Chợ Mới",
        campaigns=[road],
        locality=make_locality("Chợ Mới"),
        field=make_field("Giao thông"),
        exemplar=nurtured,
    )
    make_story(
        title="Mái ấm cho hộ nghèo Tri Tôn",
        campaigns=[poor],
        locality=make_locality("Tri Tôn"),
        field=make_field("An sinh xã hội"),
    )
    url = reverse("exemplar_stories:index")
    for params in (
        {"campaigns": road.pk},
        {"locality": road.pk and make_locality("Chợ Mới").pk},
        {"field": make_field("Giao thông").pk},
        {"exemplar__stage": Stage.NURTURED},
    ):
        content = admin_client.get(url, params).content.decode()
        assert "Con đường bê tông ở Chợ Mới" in content, params
        assert "Mái ấm cho hộ nghèo Tri Tôn" not in content, params


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsnippets_exemplars_campaign:list",
        "wagtailsnippets_exemplars_exemplar:list",
        "wagtailsnippets_exemplars_locality:list",
        "wagtailsnippets_exemplars_field:list",
        "wagtailsnippets_exemplars_author:list",
        "wagtailsnippets_exemplars_award:list",
        "exemplar_stories:index",
    ],
)
@pytest.mark.parametrize("q", ["dien hinh", 'điển "hình', "NEAR(x", "-"])
def test_every_admin_listing_searches_without_error(admin_client, records, url_name, q):
    assert admin_client.get(reverse(url_name), {"q": q}).status_code == 200


def test_exemplar_and_locality_listings_do_not_query_per_row(admin_client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (3, 20):
        province = make_locality(f"Tỉnh {n}")
        for i in range(n):
            make_exemplar(
                f"Người {n}-{i}",
                locality=make_locality(f"Xã {n}-{i}", parent=province),
                field=make_field(f"Lĩnh vực {n}-{i}"),
            )
        with CaptureQueriesContext(connection) as exemplars:
            admin_client.get(reverse("wagtailsnippets_exemplars_exemplar:list"))
        with CaptureQueriesContext(connection) as localities:
            admin_client.get(reverse("wagtailsnippets_exemplars_locality:list"))
        counts.append((len(exemplars.captured_queries), len(localities.captured_queries)))
    assert counts[0] == counts[1]
