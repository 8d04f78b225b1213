import pytest

pytestmark = pytest.mark.django_db


def test_missing_page_is_a_readable_404_in_vietnamese(client, home):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Không tìm thấy trang" in content
    assert 'action="/search/"' in content
