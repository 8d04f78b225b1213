"""Shared fixtures of the browser tests: a desktop-sized headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver``; a test using it skips,
with the reason, when the driver is missing.
"""

from __future__ import annotations

import pytest

from tests.browser.chrome import chromium

DESKTOP = (1400, 1000)


@pytest.fixture
def desktop_browser():
    """Headless Chromium at desktop size (the admin's editors work on desktops)."""
    with chromium(DESKTOP) as driver:
        yield driver
