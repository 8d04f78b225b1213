"""axe-core on the admin page editor of a story holding every block the project defines.

Wagtail prints no label for a ListBlock's items; a block field without a name
is a critical axe violation (``label``). The run is scoped to the body's
StreamField, the part of the editor the project defines, and also reported for
the whole page so a regression in our panels shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = (
    "const done = arguments[arguments.length - 1];"
    "axe.run(arguments[0], {resultTypes: ['violations']})"
    ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
    " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))"
    ".catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));"
)


def test_every_block_field_in_the_page_editor_has_a_label(desktop_browser, live_server):
    from django.contrib.auth import get_user_model
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.exemplars.reader import rich_body
    from tests.factories import make_image, make_story

    assert AXE.exists(), f"{AXE} missing: run `make system-deps`"
    image = make_image()
    body = rich_body(image, n_paragraphs=1) + [
        ("gallery", {"title": "Ảnh", "images": [{"image": image, "alt_text": "Ruộng"}] * 2}),
    ]
    story = make_story(title="Bài đủ mọi khối", body=body)
    get_user_model().objects.create_superuser("quantri", "qt@example.vn", "matkhau-123")

    driver, wait = desktop_browser, WebDriverWait(desktop_browser, 60)
    driver.get(live_server.url + reverse("wagtailadmin_login"))
    driver.find_element("id", "id_username").send_keys("quantri")
    driver.find_element("id", "id_password").send_keys("matkhau-123")
    driver.find_element("css selector", "form button[type=submit]").click()
    wait.until(EC.url_to_be(live_server.url + reverse("wagtailadmin_home")))

    driver.get(live_server.url + reverse("wagtailadmin_pages:edit", args=[story.pk]))
    facts = wait.until(
        EC.presence_of_element_located(("css selector", "input[name$='-facts-0-value']"))
    )
    assert facts.get_attribute("aria-label") == "Thành tích"
    assert "Chỉnh sửa" in driver.title

    driver.execute_script(AXE.read_text())
    body_field = driver.find_element("css selector", "[data-contentpath='body']")
    violations = driver.execute_async_script(RUN_AXE, body_field)
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == [], bad
