"""The page editor's own title is Vietnamese in the Vietnamese admin.

Wagtail 8's Vietnamese catalog has no "Editing %(page_type)s"; ours fills it.
"""

import html
import re

import pytest
from django.urls import reverse

from tests.factories import make_story

pytestmark = pytest.mark.django_db


def title(response) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1])


def test_page_editor_title_is_vietnamese(client, admin_user):
    story = make_story(title="Nông dân giỏi")
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert response.status_code == 200
    assert "Editing" not in title(response)
    assert "Chỉnh sửa" in title(response)
    assert re.search(r"<h1[^>]*>\s*Chỉnh sửa", response.content.decode())
