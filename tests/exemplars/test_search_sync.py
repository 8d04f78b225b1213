"""Records and privacy changes reach the reader search."""

import pytest
from wagtail.models import PageViewRestriction

from exemplars.models import Locality
from exemplars_search import service
from exemplars_search.query import SearchRequest
from tests.factories import make_locality, make_section, make_story

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def titles(**params):
    return [h.title for h in service.search(SearchRequest(**params)).hits]


def test_a_private_section_leaves_the_reader_index_and_comes_back(home):
    section = make_section(title="Nội bộ", slug="noi-bo")
    make_story(parent=section, title="Gương sáng hiến máu nhân đạo")
    assert titles(q="hien mau") == ["Gương sáng hiến máu nhân đạo"]

    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    assert titles(q="hien mau") == []

    restriction.delete()
    assert titles(q="hien mau") == ["Gương sáng hiến máu nhân đạo"]


def test_a_merger_recorded_later_reaches_stories_already_indexed(home):
    old = make_locality("Kiên Giang", kind="province")
    story = make_story(title="Ngư dân Kiên Giang giữ biển", locality=old)
    story.save_revision().publish()
    new = make_locality("An Giang", kind="province")
    assert titles(locality=[new.slug]) == []

    old.successor, old.change = new, Locality.Change.MERGED
    old.save()
    assert titles(locality=[new.slug]) == ["Ngư dân Kiên Giang giữ biển"]
    assert titles(locality=[old.slug]) == ["Ngư dân Kiên Giang giữ biển"]
