"""The coordinator reads the reach report of the demo's year of activity, filters it and
sees charts beside tables, in Chromium, with axe (WCAG 2.1 A and AA) and screenshots on
desktop and phone. The figures themselves are tested in reports/tests."""

import re
from functools import partial

import pytest
from playwright.sync_api import expect

from demo.circles import DEMO_PASSWORD

from . import checks
from .conftest import NewContext
from .test_circles import log_in

pytestmark = pytest.mark.browser

check_page = partial(checks.check_page, "reports")
COORDINATOR = "coordinator@example.org"  # demo/circles.py, given the reports in demo/reports.py


def test_the_coordinator_reads_and_filters_the_report(
    portals: dict[str, str], new_context: NewContext
) -> None:
    base_url = portals["groningen"]
    page = log_in(new_context(), base_url, COORDINATOR, DEMO_PASSWORD)
    page.goto(f"{base_url}/mijn/")
    page.get_by_role("link", name="Bereikrapportages").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bereikrapportages")
    chart = page.get_by_role("img", name="Bereikte mensen per sector")
    expect(chart).to_be_visible()
    summary = page.get_by_role("table", name="Samenvatting")
    expect(summary).to_contain_text("Bereikte mensen")
    check_page(page, "coordinator")

    page.get_by_label("Provincie").select_option(label="Drenthe")
    page.get_by_role("button", name="Toon de rapportage").click()
    expect(page).to_have_url(re.compile(r"[?&]region=\d+"))
    expect(page.get_by_label("Provincie").locator("option:checked")).to_have_text("Drenthe")
    expect(page.get_by_role("table", name="Samenvatting")).to_contain_text("Bereikte mensen")
    check_page(page, "drenthe")
