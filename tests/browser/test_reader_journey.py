"""A reader on a phone, in headless Chromium against a live server with the demo site.

Needs Debian's ``chromium`` and ``chromium-driver`` and axe-core from npm
(``cd tests/browser && npm ci``); skips with the reason when either is missing.
Screenshots land in ``test-artifacts/`` (gitignored; CI keeps them).
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.chrome import chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = HERE.parents[1] / "test-artifacts"
PHONE = (390, 844)


@pytest.fixture
def browser():
    if not AXE.exists():
        pytest.skip("axe-core not installed (cd tests/browser && npm ci)")
    with chromium(PHONE, mobile=True, logs=True) as driver:
        yield driver


@pytest.fixture
def demo_site(settings):
    settings.ROOT_URLCONF = "tests.browser.urls"
    call_command("load_demo", verbosity=0, stdout=StringIO())


class Reader:
    """The steps and checks of one reader's visit, with a screenshot per page."""

    def __init__(self, driver, base_url):
        self.driver = driver
        self.base_url = base_url
        self.console_errors: list[str] = []
        self.axe_violations: dict[str, list] = {}
        ARTIFACTS.mkdir(exist_ok=True)

    def visit(self, path):
        self.driver.get(self.base_url + path)

    def find(self, css):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def click(self, css):
        from selenium.webdriver.support import expected_conditions as ec
        from selenium.webdriver.support.ui import WebDriverWait

        elements = self.find(css)
        assert elements, f"nothing matches {css} on {self.driver.current_url}"
        old = self.driver.current_url
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", elements[0])
        elements[0].click()
        WebDriverWait(self.driver, 60).until(ec.url_changes(old))

    def check_page(self, name):
        """Screenshot, console errors, axe (serious and critical), no sideways scrolling."""
        self.driver.save_screenshot(str(ARTIFACTS / f"reader-{name}.png"))
        for entry in self.driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                self.console_errors.append(f"{name}: {entry['message']}")
        self.driver.execute_script(AXE.read_text())
        violations = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
            " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
            ".catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));"
        )
        bad = [v for v in violations if v["impact"] in ("serious", "critical")]
        if bad:
            self.axe_violations[name] = bad
        overflow = self.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {PHONE[0]}px"


def test_reader_journey_on_a_phone(browser, live_server, demo_site):
    reader = Reader(browser, live_server.url)

    reader.visit("/")
    assert browser.find_element("css selector", "html").get_attribute("lang") == "vi"
    assert reader.find(".lead-story h2 a"), "the home page leads with a story"
    reader.check_page("1-home")

    reader.click("#campaigns-title ~ .chips a.chip")
    campaign_title = reader.find("h1")[0].text
    assert reader.find(".campaign-facts"), "campaign record shown"
    reader.check_page("2-campaign")

    locality_links = [
        a
        for fs in reader.find(".filters fieldset")
        if fs.find_element("css selector", "legend").text == "Địa phương"
        for a in fs.find_elements("css selector", "a")
        if "locality=" in (a.get_attribute("href") or "")
    ]
    assert locality_links, "the campaign offers locality filters"
    chosen = locality_links[0].text.rsplit(" (", 1)[0]
    count = int(locality_links[0].text.rsplit("(", 1)[1].rstrip(")"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", locality_links[0])
    locality_links[0].click()
    assert "locality=" in browser.current_url
    assert reader.find("h1")[0].text == campaign_title
    current = reader.find('.filters a[aria-current="true"]')
    assert any(chosen in a.text for a in current)
    assert len(reader.find("#stories-title ~ .cards > li")) == min(count, 12)
    reader.check_page("3-campaign-filtered")

    reader.click("#stories-title ~ .cards h3 a")
    assert reader.find("article.story h1")
    assert reader.find(".story-body"), "the story body is shown"
    assert not reader.find("[data-copy-url][hidden]"), "the copy-link button is enabled by JS"
    reader.check_page("4-story")

    search = reader.find("#site-search")[0]
    search.send_keys("dien hinh tien tien")
    search.submit()
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 60).until(ec.url_contains("/search/"))
    results = reader.find(".xs-result__title a")
    assert results, "searching without diacritics finds stories"
    reader.check_page("5-search")

    reader.click(".xs-result__title a")
    assert reader.find("article.story h1"), "a search result opens a story"
    reader.check_page("6-search-result")

    # Keyboard: the first Tab lands on the visible skip link.
    from selenium.webdriver.common.keys import Keys

    reader.visit("/")
    browser.find_element("css selector", "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("class") == "skip-link" and active.is_displayed()

    # 360 px wide, the narrowest phone we support.
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True},
    )
    reader.visit("/")
    reader.check_page("7-home-360")

    assert not reader.console_errors, reader.console_errors
    assert not reader.axe_violations, reader.axe_violations
