"""A reader comments on a story and enters a contest in Chromium, under the pages'
Content-Security-Policy, from the same HTML the page cache would serve."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.chrome import chromium
from tests.browser.test_content_security_policy import LISTEN

pytestmark = [
    pytest.mark.browser,
    # Restores what migrations created (root page, site) for the tests after it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _no_violations(driver, where):
    violations = driver.execute_script("return window.__cspViolations")
    assert violations == [], (where, violations)


def _wait_for_text(driver, text):
    """A submit navigates: read the answer page once it has arrived, not the form's."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 15).until(lambda d: text in d.page_source)


def test_a_reader_comments_and_enters_a_contest(live_server, settings):
    from selenium.webdriver.common.by import By

    from exemplars.models import Comment, ContestEntry, ContestPage, ContestQuestion, Locality
    from tests.factories import default_section, make_locality, make_story

    settings.ROOT_URLCONF = "tests.browser.urls"
    story = make_story(title="Người giữ rừng U Minh")
    ward = make_locality("Phường Long Xuyên", kind=Locality.Kind.COMMUNE)
    contest = ContestPage(
        title="Tìm hiểu Luật Thi đua, khen thưởng",
        slug="tim-hieu-luat",
        opens_at=timezone.now() - dt.timedelta(days=1),
        closes_at=timezone.now() + dt.timedelta(days=1),
    )
    default_section().add_child(instance=contest)
    ContestQuestion.objects.create(
        page=contest,
        text="Luật hiện hành ban hành năm nào?",
        choices="2013\n2022",
        correct=2,
        explanation="Luật số 06/2022/QH15.",
    )
    contest.save_revision().publish()

    with chromium((1280, 900), logs=True) as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
        driver.get(live_server.url + story.url)
        # People never see the honeypot.
        assert not driver.find_element(By.NAME, "website").is_displayed()
        driver.find_element(By.NAME, "name").send_keys("Trần Thị Lan")
        driver.find_element(By.NAME, "text").send_keys("Cảm ơn tấm gương của chú.")
        _no_violations(driver, story.url)
        driver.find_element(By.CSS_SELECTOR, ".comment-form button[type=submit]").click()
        _wait_for_text(driver, "Bình luận của bạn đang chờ duyệt.")
        _no_violations(driver, "comment answer")

        driver.get(live_server.url + contest.url)
        driver.find_element(By.CSS_SELECTOR, ".contest-form input[type=radio][value='2']").click()
        driver.find_element(By.NAME, "name").send_keys("Nguyễn Văn An")
        driver.find_element(By.NAME, "phone").send_keys("0912 345 678")
        driver.find_element(
            By.CSS_SELECTOR, f"select[name=locality] option[value='{ward.pk}']"
        ).click()
        _no_violations(driver, contest.url)
        driver.find_element(By.CSS_SELECTOR, ".contest-form button[type=submit]").click()
        _wait_for_text(driver, "Bài dự thi của bạn đã được ghi nhận.")
        _no_violations(driver, "entry answer")
        logged = [e["message"] for e in driver.get_log("browser")]
        assert not [m for m in logged if "Content Security Policy" in m], logged

    assert Comment.objects.get().status == "pending"
    entry = ContestEntry.objects.get()
    assert (entry.phone, entry.locality_id) == ("0912345678", ward.pk)
