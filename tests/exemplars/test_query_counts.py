"""A story page and a campaign page cost a fixed number of SQL queries, however
many stories, blocks, campaigns, bylines or images they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.exemplars.reader import build_site, pin, rich_body
from tests.factories import make_author, make_campaign, make_image, make_story

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    client.get(url)  # first render creates renditions; later renders only read
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def story_with(n, site):
    """A story with ``n`` campaigns, ``n`` bylines and about 3n body blocks, n of them images."""
    campaigns = [make_campaign(f"Phong trào số {i}") for i in range(n)] + [site["campaign"]]
    authors = [make_author(f"Tác giả {i}") for i in range(n)]
    body = rich_body(site["image"], n_paragraphs=n)
    body += [
        ("image", {"image": make_image(f"Ảnh {i}"), "caption": "", "credit": "", "alt_text": "Ảnh"})
        for i in range(n)
    ]
    body.append(
        (
            "gallery",
            {
                "title": "Bộ ảnh",
                "images": [
                    {"image": make_image(f"Bộ {i}"), "caption": "", "credit": "", "alt_text": "Ảnh"}
                    for i in range(max(2, n // 2))
                ],
            },
        )
    )
    return make_story(
        parent=site["section"],
        title=f"Bài {n} khối",
        exemplar=site["person"],
        locality=site["chau_doc"],
        hero_image=site["image"],
        hero_alt="Ảnh",
        body=body,
        campaigns=campaigns,
        authors=authors,
    )


def test_story_page_queries_do_not_grow():
    from django.test import Client

    client = Client()
    site = build_site(6)
    small = count_queries(client, story_with(5, site).url)
    large = count_queries(client, story_with(20, site).url)
    print(f"story page: {small} queries (5 of each), {large} queries (20 of each)")
    assert small == large


def test_campaign_page_queries_do_not_grow():
    from django.test import Client

    client = Client()
    site = build_site(5)
    url = site["campaign_page"].url
    pin(site["campaign_page"], site["stories"][2])
    five = count_queries(client, url)
    for i in range(15):
        make_story(
            parent=site["section"],
            title=f"Thêm bài {i}",
            exemplar=site["coop"],
            locality=site["old_locality"],
            field=site["field"],
            hero_image=make_image(f"Ảnh thêm {i}"),
            hero_alt="Ảnh",
            campaigns=[site["campaign"]],
        )
    pin(site["campaign_page"], site["stories"][4])
    twenty = count_queries(client, url)
    filtered = count_queries(client, url + "?locality=chau-doc&kind=collective")
    print(f"campaign page: {five} queries (5 stories), {twenty} (20 stories), {filtered} filtered")
    assert five == twenty


def test_benchmark_command_prints_times_and_query_counts():
    from io import StringIO

    from django.core.management import call_command

    build_site(3)
    out = StringIO()
    call_command("benchmark_pages", runs=2, stdout=out)
    text = out.getvalue()
    assert text.count("median") == 4 and "queries" in text


def test_benchmark_command_on_an_empty_site_says_what_to_do():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="load_demo"):
        call_command("benchmark_pages", runs=1)
