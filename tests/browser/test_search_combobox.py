"""The search box's autocomplete, driven by the keyboard alone (ARIA 1.2 combobox)."""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_autocomplete_by_keyboard(desktop_browser, live_server):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.factories import make_story

    first = make_story(title="Ngày hội hiến máu ở Vĩnh Tế")
    second = make_story(title="Hiến máu tình nguyện ở Mỹ Long")

    driver, wait = desktop_browser, WebDriverWait(desktop_browser, 30)
    driver.get(live_server.url + "/search/")
    box = driver.find_element("id", "xs-q")
    assert box.get_attribute("type") == "text" and box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.send_keys("hien mau")
    wait.until(lambda d: box.get_attribute("aria-expanded") == "true")
    options = driver.find_elements("css selector", "#xs-suggest [role=option]")
    assert {o.text for o in options} == {first.title, second.title}
    assert box.get_attribute("aria-activedescendant") in (None, "")

    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[1].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "false"
    chosen = options[1].text
    assert driver.switch_to.active_element == box, "focus stays in the box"

    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    assert not box.get_attribute("aria-activedescendant")

    box.send_keys(Keys.BACKSPACE, "u")  # typing again reopens the list
    wait.until(lambda d: box.get_attribute("aria-expanded") == "true")
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER)
    target = first if chosen == first.title else second
    wait.until(lambda d: d.current_url == live_server.url + target.url)
