"""Content-Security-Policy and Permissions-Policy on reader pages; the admin still works."""

import re

import pytest

from tests.factories import make_home, make_story

pytestmark = pytest.mark.django_db


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


@pytest.mark.parametrize("kind", ["story", "home", "section", "search", "not_found"])
def test_reader_pages_carry_a_policy_without_inline_scripts(client, section, kind):
    story = make_story()
    url = {
        "story": story.url,
        "home": make_home().url,
        "section": section.url,
        "search": "/search/?q=guong",
        "not_found": "/khong-co/",
    }[kind]
    response = client.get(url)
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_reader_pages_have_no_inline_script_to_block(client, section):
    html = client.get(make_story().url).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        # Either a file from 'self' or a JSON-LD data block, which no browser runs.
        assert 'src="/static/' in tag or 'type="application/ld+json"' in tag, tag
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_the_admin_editor_still_loads(admin_client, section):
    story = make_story()
    response = admin_client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    # Wagtail's editor runs inline scripts: the admin is outside the readers' policy.
    assert "Content-Security-Policy" not in response
    assert admin_client.get("/admin/").status_code == 200
