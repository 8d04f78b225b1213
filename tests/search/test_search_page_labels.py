"""Filter chips name what the reader chose, even when no result carries it."""

import pytest

from tests.factories import make_locality, make_story

pytestmark = pytest.mark.django_db


def test_chip_for_a_filter_without_matches_shows_the_locality_name(
    client, section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_story(title="Câu lạc bộ hiến máu Mỹ Bình", locality=make_locality("Long Xuyên"))
        make_locality("Châu Đốc")
    response = client.get("/search/", {"q": "hien mau", "locality": "chau-doc"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Châu Đốc" in content and ": chau-doc" not in content
