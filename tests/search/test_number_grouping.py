from django.template import Context, Template
from django.utils import translation


def render(value, language):
    with translation.override(language):
        template = Template("{% load exemplars_search_tags %}{{ value|grouped }}")
        return template.render(Context({"value": value}))


def test_result_counts_use_the_readers_thousand_separator():
    assert render(1234567, "vi") == "1.234.567"
    assert render(1234567, "en") == "1,234,567"
    assert render(999, "vi") == "999"


def test_something_that_is_not_a_number_is_left_as_it_is():
    assert render("nhiều", "vi") == "nhiều"
