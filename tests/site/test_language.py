import pytest
from django.conf import settings

from tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_readers_get_vietnamese_even_when_the_phone_asks_for_english(client, section):
    story = make_story(title="Người giữ hồn lụa Tân Châu")
    response = client.get(story.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    assert '<html lang="vi"' in response.content.decode()


def test_a_reader_can_choose_english(client, section):
    story = make_story()
    response = client.post("/i18n/setlang/", {"language": "en", "next": story.url})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    response = client.get(story.url)
    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in response.content.decode()
