"""An editor reorders the pinned stories of a campaign page in the page editor,
publishes, and readers see the new order."""

from __future__ import annotations

import pytest
from django.urls import reverse

from exemplars.models import CampaignPagePin
from tests.exemplars.desk import make_desk
from tests.factories import make_campaign_page, make_home, make_story

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "matkhau-123"


def pinned_titles(driver, titles):
    """The given titles in the order the page shows them."""
    cards = [h.text for h in driver.find_elements("css selector", "article.card h3")]
    return [t for t in cards if t in titles]


def test_editor_reorders_pins_and_readers_see_the_new_order(desktop_browser, live_server):
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    make_home()
    desk = make_desk()
    page = make_campaign_page()
    titles = ["Ghim Một", "Ghim Hai", "Ghim Ba"]
    stories = [make_story(title=t) for t in titles]
    for order, story in enumerate(stories):
        CampaignPagePin.objects.create(page=page, story=story, sort_order=order)
    page.save_revision().publish()

    driver, wait = desktop_browser, WebDriverWait(desktop_browser, 60)
    driver.get(live_server.url + page.url)
    assert pinned_titles(driver, titles) == titles

    driver.get(live_server.url + reverse("wagtailadmin_login"))
    driver.find_element("id", "id_username").send_keys(desk.editor.username)
    driver.find_element("id", "id_password").send_keys(PASSWORD)
    driver.find_element("css selector", "form button[type=submit]").click()
    wait.until(EC.url_to_be(live_server.url + reverse("wagtailadmin_home")))

    driver.get(live_server.url + reverse("wagtailadmin_pages:edit", args=[page.pk]))
    up = wait.until(
        EC.presence_of_element_located(
            ("css selector", "#inline_child_pins-2 [data-inline-panel-child-move-up]")
        )
    )
    # "Ghim Ba" goes to the top with the move-up button, twice.
    for _ in range(2):
        # The admin scrolls smoothly, so a pointer click can land mid-scroll;
        # clicking from script runs the same handler.
        driver.execute_script("arguments[0].click()", up)
    orders = [
        driver.find_element("id", f"id_pins-{n}-ORDER").get_attribute("value") for n in range(3)
    ]
    assert orders == ["2", "3", "1"], orders

    publish = driver.find_element("css selector", "button[name='action-publish']")
    driver.execute_script("arguments[0].click()", publish)
    wait.until(EC.url_contains(reverse("wagtailadmin_explore", args=[page.get_parent().pk])))

    assert [p.story.title for p in page.pins.order_by("sort_order")] == [
        "Ghim Ba",
        "Ghim Một",
        "Ghim Hai",
    ]
    driver.delete_all_cookies()
    driver.get(live_server.url + page.url)
    assert pinned_titles(driver, titles) == ["Ghim Ba", "Ghim Một", "Ghim Hai"]
