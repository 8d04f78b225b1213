"""The content builders do what their keywords say."""

import pytest

from tests.factories import make_home

pytestmark = pytest.mark.django_db


def test_make_home_applies_overrides_to_an_existing_home():
    first = make_home()
    again = make_home(title="Gương sáng An Giang", intro="<p>Lời giới thiệu mới</p>")
    assert again.pk == first.pk
    again.refresh_from_db()
    assert again.title == "Gương sáng An Giang"
    assert again.intro == "<p>Lời giới thiệu mới</p>"
    assert again.live and not again.has_unpublished_changes


def test_make_home_without_overrides_returns_the_same_home_unchanged():
    first = make_home(title="Trang chủ thử")
    assert make_home().title == "Trang chủ thử"
    assert make_home().pk == first.pk
