"""Campaign reports on known content: every count, the exports, the coverage gaps."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from exemplars.desk import report_exports
from exemplars.desk.reports import build_report
from exemplars.desk.svg_charts import columns, horizontal_bars
from exemplars.models import Exemplar, Stage
from tests.exemplars.desk import make_desk, make_user
from tests.factories import make_campaign, make_exemplar, make_field, make_locality, make_story

pytestmark = pytest.mark.django_db

START, END = dt.date(2024, 1, 1), dt.date(2024, 6, 30)


def on(y, m, d):
    return timezone.make_aware(dt.datetime(y, m, d, 9, 0))


@pytest.fixture
def content(home):
    an_giang = make_locality("An Giang", kind="province")
    make_locality("Kiên Giang", kind="province", successor=an_giang, change="merged")
    make_locality("Cần Thơ", kind="province")
    my_hoa_hung = make_locality("Mỹ Hòa Hưng", kind="commune", parent=an_giang)
    chau_doc = make_locality("Châu Đốc", kind="commune", parent=an_giang)
    tinh_bien = make_locality("Tịnh Biên", kind="commune", parent=an_giang)
    oc_eo = make_locality("Óc Eo", kind="commune", parent=an_giang)
    make_locality("Long Xuyên", kind="commune", parent=an_giang)
    old = make_locality("Vọng Thê", kind="commune", parent=an_giang, successor=oc_eo)
    farming, teaching = make_field("Nông nghiệp"), make_field("Giáo dục")
    e1 = make_exemplar("Nguyễn Văn Một", stage=Stage.DISCOVERED)
    e2 = make_exemplar("Hợp tác xã Hai", kind=Exemplar.Kind.COLLECTIVE, stage=Stage.SUMMED_UP)
    e3 = make_exemplar("Trần Thị Ba", stage=Stage.NURTURED)
    c, d = make_campaign(), make_campaign("Vì người nghèo")

    def story(title, when, campaign=c, **kw):
        return make_story(title=title, published_at=when, campaigns=[campaign], **kw)

    story("s1", on(2024, 3, 5), exemplar=e1, locality=my_hoa_hung, field=farming)
    story("s2", on(2024, 4, 10), exemplar=e1, locality=my_hoa_hung, field=farming)
    story("s3", on(2024, 4, 20), exemplar=e2, locality=chau_doc, field=teaching)
    story("s4", on(2024, 6, 1), exemplar=e3, locality=old, field=farming)
    story("s5", on(2024, 6, 15))
    story("s6 other campaign", on(2024, 5, 1), campaign=d, exemplar=e2, locality=tinh_bien)
    story("s7 before range", on(2023, 12, 20), exemplar=e3, locality=tinh_bien)
    make_story(title="s8 draft", publish=False, campaigns=[c], exemplar=e1)
    return {"campaign": c, "an_giang": an_giang, "e": (e1, e2, e3)}


def test_every_count(content):
    report = build_report(content["campaign"], START, END)
    assert (report.total_stories, report.total_exemplars) == (5, 3)

    by_name = {row.label: (row.stories, row.exemplars) for row in report.breakdowns["locality"]}
    assert by_name == {
        "Mỹ Hòa Hưng": (2, 1),
        "Châu Đốc": (1, 1),
        "Vọng Thê": (1, 1),
        "(chưa xác định)": (1, 0),
    }
    by_field = {row.label: (row.stories, row.exemplars) for row in report.breakdowns["field"]}
    assert by_field == {"Nông nghiệp": (3, 2), "Giáo dục": (1, 1), "(chưa xác định)": (1, 0)}
    assert report.counts("kind") == {"individual": (3, 2), "collective": (1, 1), "": (1, 0)}
    assert report.counts("stage") == {
        "1": (2, 1),
        "2": (1, 1),
        "3": (1, 1),
        "4": (0, 0),
        "": (1, 0),
    }
    assert report.counts("month") == {
        "2024-01": (0, 0),
        "2024-02": (0, 0),
        "2024-03": (1, 1),
        "2024-04": (2, 2),
        "2024-05": (0, 0),
        "2024-06": (2, 1),
    }
    # Each breakdown adds up to the total number of stories.
    for name, _title, rows in report.tables():
        assert sum(r.stories for r in rows) == 5, name


def test_range_bounds_are_local_dates_inclusive(content):
    report = build_report(content["campaign"], dt.date(2024, 4, 10), dt.date(2024, 4, 20))
    assert report.total_stories == 2
    assert build_report(content["campaign"]).total_stories == 6, "no range: every live story"


def test_coverage_gaps_follow_mergers(content):
    report = build_report(content["campaign"], START, END, gap_within=content["an_giang"])
    # Óc Eo is covered through Vọng Thê, merged into it; Tịnh Biên's stories are
    # outside the range or in another campaign.
    assert [loc.name for loc in report.gaps] == ["Long Xuyên", "Tịnh Biên"]
    assert report.covered_count == 3

    provinces = build_report(content["campaign"], START, END, gap_level="province")
    assert [loc.name for loc in provinces.gaps] == ["Cần Thơ"]


def test_csv_parses_back_to_the_same_numbers(content):
    report = build_report(content["campaign"], START, END, gap_within=content["an_giang"])
    text = report_exports.to_csv(report)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == report_exports.header()
    parsed = [[t, k, label, int(s), int(e)] for t, k, label, s, e in rows[1:]]
    assert parsed == report_exports.report_rows(report)
    assert ["total", "", "Tổng cộng", 5, 3] in parsed
    assert [r[2] for r in parsed if r[0] == "gaps"] == ["Long Xuyên", "Tịnh Biên"]


def test_xlsx_parses_back_to_the_same_numbers(content):
    report = build_report(content["campaign"], START, END, gap_within=content["an_giang"])
    wb = load_workbook(io.BytesIO(report_exports.to_xlsx(report)))
    summary = wb.worksheets[0]
    values = [list(r) for r in summary.iter_rows(min_row=5, values_only=True)]
    expected = [[v if v != "" else None for v in row] for row in report_exports.report_rows(report)]
    assert values == expected
    months = wb["Theo tháng"]
    assert [list(r) for r in months.iter_rows(min_row=2, values_only=True)] == [
        [row.label, row.stories, row.exemplars] for row in report.breakdowns["month"]
    ]
    assert months._charts, "each breakdown sheet carries a chart"
    gaps = wb["Chưa có bài"]
    assert [r[0] for r in gaps.iter_rows(min_row=2, values_only=True)] == [
        "Long Xuyên",
        "Tịnh Biên",
    ]


def test_svg_charts_escape_labels_and_draw_one_bar_per_row():
    svg = horizontal_bars([("<b>Xã A</b>", 3), ("Xã B", 0)], title="Theo địa phương")
    assert svg.count("<rect") == 2
    assert "<b>" not in svg and "&lt;b&gt;Xã A&lt;/b&gt;" in svg
    assert 'role="img"' in svg
    assert columns([], title="Trống").startswith("<svg")


def test_report_view_and_exports_for_editors(client, content):
    desk = make_desk()
    client.force_login(desk.editor)
    url = reverse("exemplars_campaign_report")
    params = {
        "campaign": content["campaign"].pk,
        "start": "2024-01-01",
        "end": "2024-06-30",
        "gap_level": "commune",
        "gap_within": content["an_giang"].pk,
    }
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-total-stories="5"' in html and "<svg" in html and "Long Xuyên" in html

    response = client.get(url, params | {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "Mỹ Hòa Hưng,2,1" in response.content.decode("utf-8-sig")

    response = client.get(url, params | {"export": "xlsx"})
    assert load_workbook(io.BytesIO(response.content)).worksheets[0]["B1"].value == (
        content["campaign"].name
    )


def test_bad_report_input_is_a_form_error(client, content):
    desk = make_desk()
    client.force_login(desk.editor)
    url = reverse("exemplars_campaign_report")
    response = client.get(url, {"campaign": "999999", "start": "2024-13-01", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    form = response.context["form"]
    assert "campaign" in form.errors and "start" in form.errors
    response = client.get(
        url, {"campaign": content["campaign"].pk, "start": "2024-06-01", "end": "2024-01-01"}
    )
    assert "end" in response.context["form"].errors


REPORT_VIEWERS = {
    # who: where a denied request is sent (None: the report is shown)
    "anonymous": "login",
    "no role": "login",
    "journalist": "home",
    "editor": None,
    "admin": None,
}


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
@pytest.mark.parametrize("who", list(REPORT_VIEWERS))
def test_who_sees_the_campaign_report(client, content, who, export):
    """Exactly what each role gets from the report and its exports, and that a refusal
    carries no figure. Before: a journalist's answer could be 302 or 403, with only
    "not text/csv" checked. Wagtail's admin sends the anonymous, and a user without
    admin access, to the login page; a journalist (admin access, no report
    permission) is sent to the dashboard, which shows no figure either."""
    desk = make_desk()
    users = {"journalist": desk.journalist, "editor": desk.editor, "admin": desk.admin}
    if who == "no role":
        users[who] = make_user("docgia", None)
    if who in users:
        client.force_login(users[who])
    url = reverse("exemplars_campaign_report")
    params = {"campaign": content["campaign"].pk, "start": "2024-01-01", "end": "2024-06-30"}
    response = client.get(url, params | ({"export": export} if export else {}))

    denied_to = REPORT_VIEWERS[who]
    if denied_to is None:
        assert response.status_code == 200
        if export == "csv":
            assert "Mỹ Hòa Hưng,2,1" in response.content.decode("utf-8-sig")
        if export:
            assert "attachment" in response["Content-Disposition"]
        else:
            assert 'data-total-stories="5"' in response.content.decode()
        return
    assert response.status_code == 302
    if denied_to == "login":
        assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
    else:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert "Content-Disposition" not in response and response.content == b""
    landing = client.get(response["Location"])
    assert landing.status_code == 200
    html = landing.content.decode()
    assert "data-total-stories" not in html and "Mỹ Hòa Hưng" not in html


def test_numbers_agree_with_search_facets(content):
    from exemplars_search import service
    from exemplars_search.query import SearchRequest

    service.rebuild()
    campaign = content["campaign"]
    results = service.search(SearchRequest(campaign=[campaign.slug], year=2024, page_size=1))
    report = build_report(campaign, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert results.total == report.total_stories

    def facet(name):
        return {f.label: f.count for f in results.facets.get(name, [])}

    def rows(name):
        return {r.label: r.stories for r in report.breakdowns[name] if r.key}

    assert facet("locality") == rows("locality")
    assert facet("field") == rows("field")
    kinds = {r.key: r.stories for r in report.breakdowns["kind"] if r.key and r.stories}
    assert {f.value: f.count for f in results.facets.get("kind", [])} == kinds
