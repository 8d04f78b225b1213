"""Contests on the Law on Emulation and Commendation: the page in each state, the
entry endpoint, one entry per participant, the ranking and the exports."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import logging
import random
import re
from unittest import mock

import hypothesis
import pytest
from django.apps import apps as django_apps
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from exemplars.contests.identity import InvalidPhone, normalize_email, normalize_phone
from exemplars.contests.models import ContestEntry, ContestPage, ContestQuestion
from exemplars.contests.ranking import ranking, winners
from exemplars.models import Locality
from exemplars.reader.forms import make_token
from tests.exemplars.desk import make_desk
from tests.factories import make_locality

pytestmark = pytest.mark.django_db

VN = dt.timezone(dt.timedelta(hours=7))
OPENS = dt.datetime(2026, 6, 1, 8, 0, tzinfo=VN)
CLOSES = dt.datetime(2026, 6, 30, 17, 0, tzinfo=VN)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    caches["default"].clear()
    yield
    caches["default"].clear()


def at(moment):
    """Freeze ``timezone.now()`` (the contest's clock) at ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def ward():
    return make_locality("Phường Châu Đốc", kind=Locality.Kind.COMMUNE)


def make_contest(section, *, tiebreak="Có bao nhiêu người trả lời đúng cả hai câu?", **kw):
    contest = ContestPage(
        title="Cuộc thi tìm hiểu Luật Thi đua, khen thưởng",
        slug=kw.pop("slug", "cuoc-thi-luat"),
        opens_at=OPENS,
        closes_at=CLOSES,
        tiebreak_question=tiebreak,
        winners_count=kw.pop("winners_count", 3),
        **kw,
    )
    section.add_child(instance=contest)
    ContestQuestion.objects.create(
        page=contest,
        sort_order=0,
        text="Luật Thi đua, khen thưởng hiện hành được Quốc hội thông qua năm nào?",
        choices="2003\n2013\n2022",
        correct=3,
        explanation="Luật Thi đua, khen thưởng số 06/2022/QH15 được thông qua ngày 15/6/2022.",
    )
    ContestQuestion.objects.create(
        page=contest,
        sort_order=1,
        text="Danh hiệu “Chiến sĩ thi đua cơ sở” do cấp nào tặng?",
        choices="Thủ trưởng cơ quan, đơn vị\nChủ tịch nước",
        correct=1,
        explanation="Theo khoản 3 Điều 23 Luật Thi đua, khen thưởng 2022.",
    )
    contest.save_revision().publish()
    contest.refresh_from_db()
    return contest


def entry_data(contest, ward, **fields):
    q1, q2 = contest.questions.all()
    data = {
        "name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "email": "",
        "locality": ward.pk,
        f"q_{q1.pk}": "3",
        f"q_{q2.pk}": "1",
        "tiebreak_guess": "5",
        "token": make_token(f"contest:{contest.pk}"),
    }
    return data | fields


def post(client, contest, data, **extra):
    return client.post(reverse("exemplars_contest_entry", args=[contest.pk]), data, **extra)


# -- the open/close boundary, in +07:00 ---------------------------------------------


def test_the_page_follows_the_boundaries_in_vietnam_time(client, section, ward):
    contest = make_contest(section)
    with at(OPENS - dt.timedelta(seconds=1)):
        html = client.get(contest.url).content.decode()
        assert "Cuộc thi bắt đầu lúc 01/06/2026 08:00." in html
        assert "contest-form" not in html
        assert post(client, contest, entry_data(contest, ward)).status_code == 403
    with at(OPENS):
        response = client.get(contest.url)
        assert "contest-form" in response.content.decode()
        assert "2022" in response.content.decode()
        # Open until 17:00 +07:00, i.e. 10:00 UTC: caches may keep it no longer.
        assert "s-maxage=300" in response["Cache-Control"]
    with at(CLOSES - dt.timedelta(seconds=30)):
        assert "s-maxage=30" in client.get(contest.url)["Cache-Control"]
        assert post(client, contest, entry_data(contest, ward)).status_code == 200
    # 17:00 in Vietnam is 10:00 UTC: closed at that instant, whatever the server's zone.
    with at(dt.datetime(2026, 6, 30, 10, 0, tzinfo=dt.UTC)):
        html = client.get(contest.url).content.decode()
        assert "Cuộc thi đã kết thúc." in html
        response = post(client, contest, entry_data(contest, ward, phone="0987654321"))
        assert response.status_code == 403
        assert "Cuộc thi đã kết thúc." in response.content.decode()
    assert ContestEntry.objects.count() == 1


def test_an_entry_is_stored_normalised_and_thanked(client, section, ward):
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        response = post(
            client, contest, entry_data(contest, ward, phone="+84 912.345.678", name="  An  ")
        )
    assert response.status_code == 200
    assert "Bài dự thi của bạn đã được ghi nhận" in response.content.decode()
    assert not response.cookies
    entry = ContestEntry.objects.get()
    assert (entry.phone, entry.name, entry.locality, entry.tiebreak_guess) == (
        "0912345678",
        "An",
        ward,
        5,
    )
    q1, q2 = contest.questions.all()
    assert entry.answers == {str(q1.pk): 3, str(q2.pk): 1}


# -- one entry per participant ---------------------------------------------------------


def test_the_same_phone_or_email_enters_once(client, section, ward):
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        assert (
            post(client, contest, entry_data(contest, ward, email="An@Example.vn")).status_code
            == 200
        )
        again = post(client, contest, entry_data(contest, ward, phone="+84912345678"))
        assert again.status_code == 400
        assert "Số điện thoại này đã dự thi" in again.content.decode()
        by_email = post(client, contest, entry_data(contest, ward, phone="", email="an@example.VN"))
        assert by_email.status_code == 400
        assert "Email này đã dự thi" in by_email.content.decode()
    assert ContestEntry.objects.count() == 1


def test_the_database_refuses_a_duplicate_that_slips_past_the_form(client, section, ward):
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        post(client, contest, entry_data(contest, ward))
        # Two posts at once: both pass the form's check before either is stored.
        with mock.patch("exemplars.contests.forms.EntryForm.clean_phone", lambda f: "0912345678"):
            response = post(client, contest, entry_data(contest, ward))
    assert response.status_code == 400
    assert "đã dự thi" in response.content.decode()
    assert ContestEntry.objects.count() == 1


# -- restricted contests ------------------------------------------------------------


def _token_in(html: str) -> str | None:
    found = re.search(r'name="token" value="([^"]*)"', html)
    return found.group(1) if found else None


@pytest.mark.parametrize("kind", ["login", "password"])
def test_a_restricted_contest_answers_as_an_unknown_one(client, section, ward, kind, settings):
    settings.EXEMPLARS_READER_FORMS = {"RATE": 10}
    contest = make_contest(section)
    question = contest.questions.first()
    with at(OPENS + dt.timedelta(days=1)):
        # A token from the contest page as rendered while it was still public.
        earlier = _token_in(client.get(contest.url).content.decode())
        assert earlier
        if kind == "login":
            PageViewRestriction.objects.create(page=contest, restriction_type="login")
        else:
            PageViewRestriction.objects.create(
                page=section, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
            )
        url = reverse("exemplars_contest_entry", args=[contest.pk])
        unknown_url = reverse("exemplars_contest_entry", args=[contest.pk + 1000])
        unknown = client.post(unknown_url, {})
        assert unknown.status_code == 404
        responses = [
            client.post(url, {}),
            post(client, contest, entry_data(contest, ward, token=earlier)),
        ]
    for response in responses:
        html = response.content.decode()
        assert response.status_code == 404
        # The same page, bar the address asked for (the page names it, hreflang).
        assert html.replace(url, "") == unknown.content.decode().replace(unknown_url, "")
        assert contest.title not in html and contest.url not in html
        assert question.text not in html and "Thủ trưởng cơ quan" not in html
        assert _token_in(html) is None
    assert not ContestEntry.objects.exists()


def test_a_restricted_contest_page_renders_no_entry_form(client, section, django_user_model):
    contest = make_contest(section)
    PageViewRestriction.objects.create(page=contest, restriction_type="login")
    client.force_login(django_user_model.objects.create_user("docgia", password="x"))
    with at(OPENS + dt.timedelta(days=1)):
        html = client.get(contest.url).content.decode()
    assert contest.title in html
    assert "contest-form" not in html and _token_in(html) is None
    assert "không nhận bài dự thi qua mạng" in html


def test_a_failed_entry_mints_no_token_and_keeps_a_good_one(client, section, ward):
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        empty = client.post(reverse("exemplars_contest_entry", args=[contest.pk]), {})
        assert empty.status_code == 400
        assert _token_in(empty.content.decode()) == ""
        token = make_token(f"contest:{contest.pk}")
        typo = post(client, contest, entry_data(contest, ward, token=token, name=""))
        assert typo.status_code == 400
        assert _token_in(typo.content.decode()) == token
    assert not ContestEntry.objects.exists()


# -- hostile input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"name": ""}, "Vui lòng nhập họ tên."),
        ({"name": "A" * 81}, "Họ tên dài quá 80 ký tự"),
        ({"phone": "", "email": ""}, "Vui lòng nhập số điện thoại hoặc email"),
        ({"phone": "09123"}, "Số điện thoại không hợp lệ"),
        ({"phone": "0912345678<script>"}, "Số điện thoại không hợp lệ"),
        ({"phone": "9" * 5000}, "Số điện thoại không hợp lệ"),
        ({"email": "a@b@c"}, "Địa chỉ email không hợp lệ."),
        ({"locality": "999999"}, "Xã, phường không có trong danh sách."),
        ({"locality": "'; DROP TABLE x;--"}, "Xã, phường không có trong danh sách."),
        ({"locality": ""}, "Vui lòng chọn xã, phường"),
        ({"q_FIRST": ""}, "Vui lòng trả lời câu hỏi này."),
        ({"q_FIRST": "7"}, "Phương án không hợp lệ."),
        ({"q_FIRST": "1 OR 1=1"}, "Phương án không hợp lệ."),
        ({"tiebreak_guess": "-1"}, "Câu hỏi phụ cần một số không âm."),
        ({"tiebreak_guess": "nhiều"}, "Câu hỏi phụ cần một số nguyên."),
        ({"tiebreak_guess": "1" * 40}, "Con số dự đoán quá lớn."),
        ({"website": "x"}, "ô ẩn dành để chặn thư rác"),
        ({"token": "forged"}, "Biểu mẫu đã hết hạn"),
    ],
)
def test_hostile_input_is_refused_with_a_message(client, section, ward, settings, fields, message):
    contest = make_contest(section)
    first = contest.questions.first()
    fields = {k.replace("FIRST", str(first.pk)): v for k, v in fields.items()}
    with at(OPENS + dt.timedelta(days=1)):
        response = post(client, contest, entry_data(contest, ward, **fields))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ContestEntry.objects.exists()


def test_an_abolished_ward_or_a_district_is_not_offered(client, section, ward):
    district = make_locality("Huyện An Phú", kind=Locality.Kind.DISTRICT)
    old = make_locality("Xã cũ", kind=Locality.Kind.COMMUNE, successor=ward)
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        html = client.get(contest.url).content.decode()
        assert "Phường Châu Đốc" in html and "Xã cũ" not in html and "Huyện An Phú" not in html
        for locality in (district, old):
            response = post(client, contest, entry_data(contest, ward, locality=locality.pk))
            assert response.status_code == 400


def test_entries_are_rate_limited_per_address(client, section, ward):
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        for n in range(3):
            post(client, contest, entry_data(contest, ward, phone=f"091234567{n}"))
        response = post(client, contest, entry_data(contest, ward, phone="0912345679"))
    assert response.status_code == 429
    assert ContestEntry.objects.count() == 3


def test_questions_need_two_to_six_choices_and_a_valid_correct_one(section):
    from django.core.exceptions import ValidationError

    contest = make_contest(section)
    for choices, correct in (("Chỉ một", 1), ("\n".join("abcdefg"), 1), ("a\nb", 3), ("a\nb", 0)):
        with pytest.raises(ValidationError):
            ContestQuestion(
                page=contest, text="?", choices=choices, correct=correct, explanation="Điều 1"
            ).full_clean()
    ContestQuestion(
        page=contest, text="?", choices="a\nb", correct=2, explanation="Điều 1"
    ).full_clean()
    bad = ContestPage(title="x", slug="x", opens_at=CLOSES, closes_at=OPENS)
    with pytest.raises(ValidationError):
        bad.clean()


# -- ranking and results ---------------------------------------------------------------


def _entry(contest, ward, name, answers, guess, minutes):
    q1, q2 = contest.questions.all()
    return ContestEntry.objects.create(
        contest=contest,
        name=name,
        phone=f"09{abs(hash(name)) % 10**8:08d}",
        email=f"{name.lower().replace(' ', '')}@example.vn",
        locality=ward,
        answers={str(q1.pk): answers[0], str(q2.pk): answers[1]},
        tiebreak_guess=guess,
        submitted_at=OPENS + dt.timedelta(minutes=minutes),
    )


def test_ranking_by_score_then_tiebreak_then_earliest(section, ward):
    contest = make_contest(section, winners_count=10)
    # Three answer everything right: the closest guess to 3 wins.
    far = _entry(contest, ward, "Xa", (3, 1), 10, 1)
    close_late = _entry(contest, ward, "Gan muon", (3, 1), 4, 9)
    close_early = _entry(contest, ward, "Gan som", (3, 1), 2, 5)
    one_right = _entry(contest, ward, "Mot cau", (1, 1), 3, 0)
    none_right = _entry(contest, ward, "Khong cau", (1, 2), 3, 0)
    no_guess = _entry(contest, ward, "Khong doan", (1, 1), None, 0)
    ranked, perfect = ranking(contest)
    assert perfect == 3
    assert [r.entry for r in ranked] == [
        close_early,  # |2-3| = 1, earlier than close_late
        close_late,  # |4-3| = 1
        far,  # |10-3| = 7
        one_right,
        no_guess,  # same score, no guess: after those who guessed
        none_right,
    ]
    assert [r.score for r in ranked] == [2, 2, 2, 1, 1, 0]
    assert ranked[0].distance == 1 and ranked[4].distance is None


def test_without_a_tiebreak_question_the_earliest_wins_a_tie(section, ward):
    contest = make_contest(section, tiebreak="")
    late = _entry(contest, ward, "Muon", (3, 1), 3, 10)
    early = _entry(contest, ward, "Som", (3, 1), 100, 2)
    assert [r.entry for r in ranking(contest)[0]] == [early, late]


def test_the_closed_page_shows_answers_explanations_and_winners_never_contacts(
    client, section, ward
):
    contest = make_contest(section, winners_count=2)
    _entry(contest, ward, "Người <b>Một</b>", (3, 1), 2, 1)
    _entry(contest, ward, "Người Hai", (3, 1), 9, 2)
    _entry(contest, ward, "Người Ba", (1, 1), 2, 3)
    with at(CLOSES + dt.timedelta(minutes=1)):
        response = client.get(contest.url)
    html = response.content.decode()
    assert "Theo khoản 3 Điều 23 Luật Thi đua, khen thưởng 2022." in html
    assert "Đáp án:</strong> 2022" in html
    assert "Người &lt;b&gt;Một&lt;/b&gt; (Phường Châu Đốc)" in html
    assert "Người Hai" in html and "Người Ba" not in html
    assert "@example.vn" not in html and "09" not in html.split("winners-title")[1]
    assert [w.entry.name for w in winners(contest)] == ["Người <b>Một</b>", "Người Hai"]
    # Closed, the page no longer changes by itself: cached like any page.
    assert response["ETag"]
    assert {p.strip() for p in response["Cache-Control"].split(",")} == {
        "public",
        "max-age=0",
        "s-maxage=300",
    }


# -- exports ---------------------------------------------------------------------------


def test_editors_export_the_ranking_as_csv_and_xlsx_safely(client, section, ward):
    desk = make_desk()
    contest = make_contest(section)
    _entry(contest, ward, '=HYPERLINK("http://x")', (3, 1), 3, 1)
    _entry(contest, ward, "Bình", (1, 1), 3, 2)
    url = reverse("exemplars_contest_export", args=[contest.pk, "csv"])
    client.force_login(desk.journalist)
    denied = client.get(url)
    # Entries hold readers' phone numbers and emails: a journalist is sent to the
    # dashboard with none of them (before: 302 or 403 was accepted).
    assert (denied.status_code, denied["Location"]) == (302, reverse("wagtailadmin_home"))
    assert "Content-Disposition" not in denied and denied.content == b""
    client.force_login(desk.editor)
    response = client.get(url)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Hạng", "Họ tên", "Điện thoại"]
    assert rows[1][1] == '\'=HYPERLINK("http://x")' and rows[1][5] == "2"
    assert rows[2][1] == "Bình" and rows[2][3] == "bình@example.vn"
    xlsx = client.get(reverse("exemplars_contest_export", args=[contest.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][0] == 1 and values[1][1].startswith("'=")
    assert values[2][1] == "Bình"
    assert (
        client.get(reverse("exemplars_contest_export", args=[contest.pk, "pdf"])).status_code == 404
    )


def test_journalists_cannot_create_a_contest_and_editors_can(client, section):
    desk = make_desk()
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "contestpage", section.pk))
    client.force_login(desk.journalist)
    assert client.get(url).status_code in (302, 403)
    client.force_login(desk.editor)
    assert client.get(url).status_code == 200


def test_phone_numbers_normalise_to_the_national_form():
    assert normalize_phone("+84 912-345-678") == "0912345678"
    assert normalize_phone("84912345678") == "0912345678"
    assert normalize_phone("(0296) 3852 123") == "02963852123"
    assert normalize_phone("+84 (0) 296 3852 123") == "02963852123"
    assert normalize_phone("0084 912 345 678") == "0912345678"
    assert normalize_phone("  ") == ""


# The five spellings one participant used to enter one contest five times.
FIVE_SPELLINGS = [
    "0912345678",
    "0٩١٢٣٤٥٦٧٨",  # Arabic-Indic digits after an ASCII zero
    "091234567８",  # a fullwidth last digit
    "+84 (0) 912 345 678",  # stored as 00912345678 by the old rule
    "84912345678",
]


def test_five_spellings_of_one_number_enter_once(client, section, ward, settings):
    settings.EXEMPLARS_READER_FORMS = {"RATE": 10}
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        first, *others = [
            post(client, contest, entry_data(contest, ward, phone=phone))
            for phone in FIVE_SPELLINGS
        ]
    assert first.status_code == 200
    for response in others:
        assert response.status_code == 400
        assert "Số điện thoại này đã dự thi" in response.content.decode()
    assert list(ContestEntry.objects.values_list("phone", flat=True)) == ["0912345678"]


@pytest.mark.parametrize(
    "phone, reason",
    [
        ("O912345678", "chỉ gồm chữ số"),  # a Latin O for the zero
        ("09З2345678", "chỉ gồm chữ số"),  # a Cyrillic Ze for the three
        ("0912 345 678 ext 2", "chỉ gồm chữ số"),
        ("09+12345678", "chỉ gồm chữ số"),
        ("+1 650 253 0000", "chỉ nhận số Việt Nam"),
        ("+33 1 23 45 67 89", "chỉ nhận số Việt Nam"),
        ("0033 123 456 789", "chỉ nhận số Việt Nam"),
        ("00912345678", "chỉ nhận số Việt Nam"),
        ("091234567", "số di động có 10 chữ số"),
        ("09123456789", "số di động có 10 chữ số"),
        ("0112345678", "số di động có 10 chữ số"),  # 01x: renumbered in 2018
        ("912345678", "số di động có 10 chữ số"),  # the zero left out
        ("1900 1234", "số di động có 10 chữ số"),
        ("0296385212", "số di động có 10 chữ số"),  # a landline one digit short
    ],
)
def test_what_is_not_a_vietnamese_phone_number_is_refused(client, section, ward, phone, reason):
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        response = post(client, contest, entry_data(contest, ward, phone=phone))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Số điện thoại không hợp lệ" in html and reason in html
    assert not ContestEntry.objects.exists()


def test_emails_are_stripped_and_lower_cased_but_gmail_dots_and_tags_count(
    client, section, ward, settings
):
    settings.EXEMPLARS_READER_FORMS = {"RATE": 10}
    contest = make_contest(section)
    with at(OPENS + dt.timedelta(days=1)):
        sent = [
            post(client, contest, entry_data(contest, ward, phone="", email=email))
            for email in ("  An.Nguyen@Gmail.com ", "an.nguyen@gmail.COM", "annguyen@gmail.com")
        ]
        tagged = post(client, contest, entry_data(contest, ward, phone="", email="an+thi@x.vn"))
    assert [r.status_code for r in sent] == [200, 400, 200]
    assert "Email này đã dự thi" in sent[1].content.decode()
    assert tagged.status_code == 200
    assert sorted(ContestEntry.objects.values_list("email", flat=True)) == [
        "an+thi@x.vn",
        "an.nguyen@gmail.com",
        "annguyen@gmail.com",
    ]


def test_the_model_stores_only_canonical_contacts(section):
    contest = make_contest(section)
    entry = ContestEntry.objects.create(
        contest=contest, name="An", phone="+84 (0) 912 345 678", email=" An@X.VN ", answers={}
    )
    entry.refresh_from_db()
    assert (entry.phone, entry.email) == ("0912345678", "an@x.vn")
    # Whatever path stores it, the constraint compares canonical forms.
    with pytest.raises(IntegrityError), transaction.atomic():
        ContestEntry.objects.create(contest=contest, name="B", phone="0٩١٢٣٤٥٦٧٨", answers={})
    with pytest.raises(InvalidPhone):
        ContestEntry.objects.create(contest=contest, name="C", phone="số tôi", answers={})
    invalid = ContestEntry(contest=contest, name="C", phone="12345", answers={})
    with pytest.raises(ValidationError) as error:
        invalid.full_clean()
    assert "Số điện thoại không hợp lệ" in str(error.value.message_dict["phone"])
    assert ContestEntry.objects.count() == 1


def test_the_migration_makes_stored_contacts_canonical_and_keeps_collisions(section, caplog):
    contest = make_contest(section)
    other = make_contest(section, slug="cuoc-thi-khac")
    t0 = OPENS + dt.timedelta(hours=1)

    def entry(contest, minutes, phone="", email=""):
        return ContestEntry(
            contest=contest,
            name="X",
            phone=phone,
            email=email,
            answers={},
            submitted_at=t0 + dt.timedelta(minutes=minutes),
        )

    # bulk_create writes what the old rule stored, past the model's save.
    legacy, holder, plain, invalid, mail, same_mail, elsewhere = ContestEntry.objects.bulk_create(
        [
            entry(contest, 1, phone="00912345678"),  # old "+84 (0) 912 345 678"
            entry(contest, 2, phone="0912345678"),  # the same number, already canonical
            entry(contest, 3, phone="84987654321"),
            entry(contest, 4, phone="12345"),
            entry(contest, 5, email=" An@X.VN"),
            entry(contest, 6, email="an@x.vn "),
            entry(other, 7, phone="00912345678"),
        ]
    )
    migration = importlib.import_module(
        "exemplars.migrations.0011_contest_entry_canonical_contacts"
    )
    with caplog.at_level(logging.WARNING, logger="exemplars.contests"):
        migration.canonicalise(django_apps, None)
    stored = dict(ContestEntry.objects.values_list("pk", "phone"))
    emails = dict(ContestEntry.objects.values_list("pk", "email"))
    # The entry already holding the number keeps it; the other keeps what it had.
    assert stored[holder.pk] == "0912345678" and stored[legacy.pk] == "00912345678"
    assert stored[plain.pk] == "0987654321"
    assert stored[invalid.pk] == "12345"
    assert emails[mail.pk] == "an@x.vn" and emails[same_mail.pk] == "an@x.vn "
    # Another contest is another participant list.
    assert stored[elsewhere.pk] == "0912345678"
    logged = caplog.text
    assert f"contest entry {legacy.pk}" in logged and f"contest entry {invalid.pk}" in logged
    assert f"contest entry {same_mail.pk}" in logged
    # Run again: nothing left to change.
    migration.canonicalise(django_apps, None)
    assert dict(ContestEntry.objects.values_list("pk", "phone")) == stored


# -- the phone rule, property-based and against Google's numbering data --------------

DIGIT_ZEROS = [0x30, 0x660, 0x6F0, 0x966, 0xFF10]  # ASCII, Arabic-Indic (2), Devanagari, fullwidth
canonical_mobiles = st.builds(
    lambda prefix, rest: "0" + prefix + rest,
    st.sampled_from("35789"),
    st.text("0123456789", min_size=8, max_size=8),
)
canonical_landlines = st.builds(
    lambda rest: "02" + rest, st.text("0123456789", min_size=9, max_size=9)
)


@st.composite
def spellings(draw, number):
    """``number`` as someone might type it: a country code or not, separators, other digits."""
    subscriber = number[1:]
    head = draw(st.sampled_from(["0", "+84", "84", "+84 (0) ", "0084 ", "+84 0"]))
    text = head + subscriber
    out = []
    for ch in text:
        if ch.isdigit():
            ch = chr(draw(st.sampled_from(DIGIT_ZEROS)) + int(ch))
        out.append(ch)
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from([" ", ".", "-", "\u00a0"])))
    return "".join(out)


@given(
    st.one_of(canonical_mobiles, canonical_landlines).flatmap(
        lambda n: st.tuples(st.just(n), spellings(n))
    )
)
@hypothesis.settings(max_examples=300, deadline=None)
def test_every_spelling_of_a_number_normalises_to_it(pair):
    number, spelling = pair
    assert normalize_phone(number) == number
    assert normalize_phone(spelling) == number


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
@hypothesis.settings(max_examples=500, deadline=None)
def test_normalising_is_idempotent_and_refuses_with_a_reason(text):
    try:
        once = normalize_phone(text)
    except InvalidPhone as error:
        assert str(error).startswith("Số điện thoại không hợp lệ")
        return
    assert normalize_phone(once) == once
    assert once == "" or once.isascii() and once.isdigit()
    assert normalize_email(normalize_email(text)) == normalize_email(text)


def test_the_rule_agrees_with_googles_numbering_plan():
    """Every number libphonenumber calls a valid Vietnamese mobile or landline is
    accepted, bar its 9-digit 0121x/0140/0160 blocks; what we accept beyond it
    is unallocated blocks of a valid shape (we check the shape, not allocation)."""
    phonenumbers = pytest.importorskip("phonenumbers")
    rng = random.Random(20)
    ours_only = theirs_only = agreed = 0
    for _n in range(600):
        length = rng.choice([8, 9])
        digits = "0" + rng.choice("123456789") + "".join(rng.choices("0123456789", k=length))
        parsed = phonenumbers.parse(digits, "VN")
        theirs = phonenumbers.is_valid_number(parsed) and phonenumbers.number_type(parsed) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
        try:
            ours = normalize_phone(digits) == digits
        except InvalidPhone:
            ours = False
        if theirs and not ours:
            # libphonenumber also lists 0121x, 0140 and 0160 blocks (9 national
            # digits, machine-to-machine lines): not a participant's phone, refused.
            assert digits.startswith(("0121", "0140", "0160")), digits
            theirs_only += 1
        agreed += ours == theirs
        ours_only += ours and not theirs
    # Every example number libphonenumber ships for Vietnam is accepted too.
    for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
        example = phonenumbers.example_number_for_type("VN", kind)
        national = "0" + str(example.national_number)
        assert (
            normalize_phone(
                phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            )
            == national
        )
    assert agreed + ours_only + theirs_only == 600
    print(
        f"phone rule vs libphonenumber: {agreed} agree, {ours_only} ours only, {theirs_only} theirs only"
    )


def test_an_english_reader_is_answered_in_english(client, section, ward):
    contest = make_contest(section)
    with at(CLOSES + dt.timedelta(seconds=1)):
        response = post(client, contest, entry_data(contest, ward, lang="en"))
    assert "The contest has ended." in response.content.decode()


def test_editors_preview_new_and_closed_contests(section, ward):
    new = ContestPage(title="Cuộc thi chưa lưu", slug="moi", opens_at=OPENS, closes_at=CLOSES)
    new.set_url_path(section)
    new.depth = section.depth + 1
    new.questions.add(ContestQuestion(text="Câu hỏi nháp?", choices="a\nb", correct=1))
    for moment in (OPENS + dt.timedelta(hours=1), CLOSES + dt.timedelta(hours=1)):
        with at(moment):
            response = new.make_preview_request()
        assert response.status_code == 200
        assert "Cuộc thi chưa lưu" in response.content.decode()
    saved = make_contest(section)
    with at(CLOSES + dt.timedelta(hours=1)):
        assert saved.make_preview_request().status_code == 200


def test_an_editor_builds_a_contest_in_the_admin(client, section):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    desk = make_desk()
    client.force_login(desk.editor)
    url = reverse("wagtailadmin_pages:add", args=("exemplars", "contestpage", section.pk))

    def form(choices):
        return nested_form_data(
            {
                "title": "Cuộc thi quý III",
                "slug": "cuoc-thi-quy-3",
                "intro": rich_text("<p>Thể lệ</p>"),
                "opens_at": "2026-07-01 08:00",
                "closes_at": "2026-07-31 17:00",
                "winners_count": "5",
                "tiebreak_question": "",
                "questions": inline_formset(
                    [
                        {
                            "text": "Luật ban hành năm nào?",
                            "choices": choices,
                            "correct": "2",
                            "explanation": "Điều 1",
                        }
                    ]
                ),
                "comment_notifications": "",
            }
        )

    refused = client.post(url, form("Chỉ một phương án"))
    assert refused.status_code == 200
    assert "Cần từ 2 đến 6 phương án (hiện có 1)." in refused.content.decode()
    assert not ContestPage.objects.exists()
    client.post(url, form("2013\n2022"))
    contest = ContestPage.objects.get()
    # Typed in the admin in Vietnam time: 17:00 +07:00 is 10:00 UTC.
    assert contest.closes_at == dt.datetime(2026, 7, 31, 10, 0, tzinfo=dt.UTC)
    assert contest.questions.get().correct_choice == "2022"


def test_our_page_cache_keeps_an_open_contest_only_until_it_closes(
    client, section, ward, page_cache
):
    import time

    from django.core.cache import caches

    contest = make_contest(section)
    with at(CLOSES - dt.timedelta(seconds=30)):
        assert client.get(contest.url)["X-Page-Cache"] == "miss"
        assert client.get(contest.url)["X-Page-Cache"] == "hit"
        expiries = [
            expiry
            for key, expiry in caches["default"]._expire_info.items()
            if ":exemplars-page:page:" in key
        ]
        # Kept 30 s (the cache counts in real seconds, the clock here is the contest's).
        assert expiries and all(e <= time.time() + 31 for e in expiries)
