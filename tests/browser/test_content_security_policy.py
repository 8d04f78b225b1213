"""Reader pages run under their Content-Security-Policy without a single violation."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.chrome import chromium

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Registered before any page script, so a blocked inline script is reported too.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_reader_pages_raise_no_csp_violation(live_server, settings):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from exemplars.models import ExemplarStoryPage, SectionPage

    settings.ROOT_URLCONF = "tests.browser.urls"
    call_command("load_demo", verbosity=0, stdout=StringIO())
    story = ExemplarStoryPage.objects.live().exclude(hero_image=None).first()
    section = SectionPage.objects.live().first()
    with chromium((1280, 900), logs=True) as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})
        for path in ("/", story.url, section.url, "/en" + story.url, "/search/?q=hien+mau"):
            driver.get(live_server.url + path)
            assert driver.execute_script("return document.readyState") == "complete"
            if path.startswith("/search/"):
                # The suggestions box fetches /api/search/suggest/ as the reader types.
                box = driver.find_element(By.CSS_SELECTOR, "#xs-q")
                box.clear()
                box.send_keys("dien hinh")
                WebDriverWait(driver, 10).until(
                    lambda d: d.execute_script(
                        "return performance.getEntriesByType('resource')"
                        ".some(r => r.name.includes('/api/search/suggest/'))"
                    )
                )
            # share.js ran: it is a file from 'self', allowed.
            violations = driver.execute_script("return window.__cspViolations")
            assert violations == [], (path, violations)
        logged = [e["message"] for e in driver.get_log("browser")]
        assert not [m for m in logged if "Content Security Policy" in m], logged
