"""Shared fixtures of the browser tests: a desktop-sized headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver``; a test using it skips,
with the reason, when the driver is missing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DESKTOP = (1400, 1000)


@pytest.fixture
def desktop_browser():
    """Headless Chromium at desktop size (the admin's editors work on desktops)."""
    if not Path(CHROMEDRIVER).exists():
        pytest.skip("chromium-driver not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="exemplars-chromium-")
    options = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
        "--lang=vi",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
